package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// storeAPI is what the commands read from the graph and write to it: a
// store this process opened (localStore), or the explorer that holds the
// store open (explorer), which answers with the same values.
type storeAPI interface {
	docWriter
	Stats(ctx context.Context) (graph.Stats, error)
	Ask(ctx context.Context, question string) (graph.Answer, error)
	Resolve(ctx context.Context, name string) (string, error)
	Neighbors(ctx context.Context, entity string, hops int, opt graph.PathOptions) (graph.Neighbourhood, error)
	Paths(ctx context.Context, from, to string, opt graph.PathOptions) ([]graph.Path, error)
	ClaimsAbout(ctx context.Context, entity, other string) ([]graph.Evidence, error)
	Export(ctx context.Context, opt graph.ExportOptions, w graph.ExportWriter) error
	Query(ctx context.Context, script string, limit int) ([]interface{}, error)
	Close() error
}

// docWriter is where a batch writes documents.
type docWriter interface {
	// Prepare turns documents into quads ahead of WriteDocs, on the
	// caller's goroutine, or returns nil if WriteDocs does that itself.
	Prepare(exs []schema.Extraction) *graph.Batch
	// WriteDocs writes documents in one transaction; prepared is what
	// Prepare returned for them, or nil.
	WriteDocs(ctx context.Context, exs []schema.Extraction, prepared *graph.Batch) ([]graph.WriteResult, error)
}

// openStore opens the store named by db for a command. A bolt store held
// by a running explorer (claimgraph serve) is not opened: the command is
// answered by the explorer, and says so once on errw.
func openStore(ctx context.Context, db string, opt graph.Options, errw io.Writer) (storeAPI, error) {
	ex, seen := findExplorer(ctx, db)
	if ex == nil {
		s, err := graph.Open(ctx, db, opt)
		if err == nil {
			return &localStore{Store: s}, nil
		}
		if !errors.Is(err, graph.ErrLocked) || seen {
			return nil, err
		}
		// The explorer may have started while this command waited.
		if ex, _ = findExplorer(ctx, db); ex == nil {
			return nil, err
		}
	}
	if errw != nil {
		fmt.Fprintf(errw, "claimgraph: answered by the explorer running at http://%s/ (pid %d), which holds %s\n", ex.addr, ex.pid, db)
	}
	return ex, nil
}

// localStore is a store this process opened.
type localStore struct {
	*graph.Store
	once     sync.Once
	asker    *graph.Asker
	askerErr error
}

// askerOf makes the store's asker on first use: stats and exports need
// no vocabulary.
func (l *localStore) askerOf() (*graph.Asker, error) {
	l.once.Do(func() {
		vocab, gaz, err := schema.Default()
		if err != nil {
			l.askerErr = err
			return
		}
		l.asker = graph.NewAsker(l.Store, vocab, gaz)
	})
	return l.asker, l.askerErr
}

func (l *localStore) Ask(ctx context.Context, question string) (graph.Answer, error) {
	a, err := l.askerOf()
	if err != nil {
		return graph.Answer{}, err
	}
	return a.Ask(ctx, question)
}

func (l *localStore) Resolve(ctx context.Context, name string) (string, error) {
	a, err := l.askerOf()
	if err != nil {
		return "", err
	}
	return a.Resolve(ctx, name)
}

func (l *localStore) Prepare(exs []schema.Extraction) *graph.Batch { return graph.Prepare(exs) }

func (l *localStore) WriteDocs(ctx context.Context, exs []schema.Extraction, prepared *graph.Batch) ([]graph.WriteResult, error) {
	if prepared == nil {
		prepared = graph.Prepare(exs)
	}
	return l.Store.Write(ctx, prepared)
}

// resolveNames maps names as written to entities of the graph.
func resolveNames(ctx context.Context, store storeAPI, names ...*string) error {
	for _, n := range names {
		var err error
		if *n, err = store.Resolve(ctx, *n); err != nil {
			return err
		}
	}
	return nil
}
