package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	db, addr    string
	allowIngest bool
	public      bool
	limit       int
	timeout     time.Duration
	out         io.Writer
	ready       chan<- string // tests learn the address here
}

func newServeCmd(g *globals) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the graph explorer and a Cayley-compatible query API",
		Long: `serve opens the store and serves, on loopback by default:

  /                         the explorer: search, expand, read evidence, paths, Gizmo
  POST /api/v1/query/gizmo  Cayley's HTTP query API for Gizmo (same request and response)
  GET  /api/search?q=       entities by name
  GET  /api/neighbors?entity=&hops=&predicates=&min_sources=&since=&until=
  GET  /api/evidence?subject=&predicate=&object=
  GET  /api/path?from=&to=&max_hops=&all=&predicates=&min_sources=
  GET  /api/ask?q=
  GET  /api/export?format=&around=&hops=...
  GET  /api/stats
  POST /api/v1/ingest?id=   only with --allow-ingest

While it runs on a bolt store, claimgraph commands on the same --db (stats,
ask, ingest, query, ...) are answered by it instead of waiting for the
store: they find it through explorer.json in the store's directory, which
only its user can read, and may write even to a read-only explorer.

It is read-only unless --allow-ingest is given, listens on loopback (and
answers only loopback host names) unless --public is, refuses API requests
from pages of other origins, limits request bodies, answers every request
within --timeout, and stops within a few seconds on SIGTERM or Ctrl-C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			host, _, err := net.SplitHostPort(opts.addr)
			if err != nil {
				return fmt.Errorf("--addr %q: %w", opts.addr, err)
			}
			if ip := net.ParseIP(host); !opts.public && (host == "" || ip == nil || !ip.IsLoopback()) && host != "localhost" {
				return fmt.Errorf("--addr %s is not a loopback address: add --public to serve other machines", opts.addr)
			}
			opts.db, opts.out = g.db, cmd.OutOrStdout()
			return runServe(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&opts.allowIngest, "allow-ingest", false, "accept articles over HTTP (POST /api/v1/ingest)")
	cmd.Flags().BoolVar(&opts.public, "public", false, "allow listening on an address other machines reach")
	cmd.Flags().IntVar(&opts.limit, "limit", 1000, "most results a Gizmo query returns")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 30*time.Second, "stop any request after this long")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	vocab, gaz, err := schema.Default()
	if err != nil {
		return err
	}
	store, err := graph.Open(ctx, opts.db, graph.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	srv := &server{store: store, vocab: vocab, asker: graph.NewAsker(store, vocab, gaz), opts: opts}
	if opts.allowIngest {
		if srv.extractor, err = newExtractor(); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return err
	}
	// The explorer file goes before the store's lock does.
	defer srv.share(ln.Addr())()
	// Requests run on a context of their own, ended a moment after a
	// shutdown begins: the requests under way get that long to finish,
	// then their reads and queries stop and the server returns.
	reqs, stopReqs := context.WithCancel(context.WithoutCancel(ctx))
	defer stopReqs()
	hs := &http.Server{
		Handler:           srv.routes(),
		BaseContext:       func(net.Listener) context.Context { return reqs },
		ReadHeaderTimeout: min(10*time.Second, opts.timeout),
		// A request body must arrive within --timeout, and the answer
		// leave within a few seconds more.
		ReadTimeout:  opts.timeout,
		WriteTimeout: opts.timeout + 5*time.Second,
		IdleTimeout:  time.Minute,
	}
	mode := "read-only"
	if opts.allowIngest {
		mode = "ingest allowed"
	}
	fmt.Fprintf(opts.out, "claimgraph explorer on http://%s/ (%s, store %s); Ctrl-C stops it\n", ln.Addr(), mode, graph.Redact(opts.db))
	if opts.ready != nil {
		opts.ready <- ln.Addr().String()
	}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		shutdown(ctx, hs, stopReqs)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	<-stopped
	return nil
}

// shutdownGrace is how long requests under way get to finish when the
// server is told to stop, and shutdownWait how long it waits for them
// after their contexts end.
const (
	shutdownGrace = 2 * time.Second
	shutdownWait  = 2 * time.Second
)

// shutdown stops the server: no new connections, the requests under way
// given shutdownGrace, then their contexts ended and, after shutdownWait,
// every connection closed whatever it is doing.
func shutdown(ctx context.Context, hs *http.Server, stopReqs context.CancelFunc) {
	grace := time.AfterFunc(shutdownGrace, stopReqs)
	defer grace.Stop()
	wait, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace+shutdownWait)
	defer cancel()
	if hs.Shutdown(wait) != nil {
		hs.Close()
	}
}
