package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"
)

// globals are the flags every command takes.
type globals struct {
	db      string
	timeout time.Duration // 0: none; query and serve have their own
	stdin   io.Reader
	cancel  context.CancelFunc
}

// damagedAdvice follows a failure that a damaged store explains.
const damagedAdvice = "the store is damaged (or this is a bug in claimgraph): run claimgraph verify; " +
	"restore a damaged store from a backup, or ingest again into a new --db"

// exitError carries an exit status for a failure already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// run is the one place that prints an error and picks the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// Bolt panics, or faults, on pages it cannot make sense of: report a
	// damaged store like any other error instead of a Go stack.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "claimgraph: %v: %s\n", r, damagedAdvice)
			code = 1
		}
	}()
	g := &globals{stdin: stdin}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if g.cancel != nil {
		g.cancel()
	}
	var exit exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.code
	case g.timeout > 0 && errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(stderr, "claimgraph: stopped at --timeout %s: ask for less (--around, --hops, --min-sources, --predicates) or raise --timeout\n", g.timeout)
		return 1
	default:
		fmt.Fprintf(stderr, "claimgraph: %v\n", err)
		return 1
	}
}

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "claimgraph",
		Short: "Turn news articles into a knowledge graph of who did what to whom",
		Long: `claimgraph reads news articles, finds the claims they make about who did what
to whom, and stores them in a Cayley graph database with their provenance:
the sentence, the article and the date. Query the graph with Gizmo.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Every command stops at --timeout; query and serve read their
		// own flag of that name, which stands for this one there.
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			if g.timeout > 0 {
				ctx, cancel := context.WithTimeout(cmd.Context(), g.timeout)
				cmd.SetContext(ctx)
				g.cancel = cancel
			}
		},
	}
	def := os.Getenv("CLAIMGRAPH_DB")
	if def == "" {
		def = "claimgraph.db"
	}
	root.PersistentFlags().StringVar(&g.db, "db", def,
		`the store: a bolt directory, "memory", or a postgres://, mysql:// or cockroach:// URL (env CLAIMGRAPH_DB)`)
	root.PersistentFlags().DurationVar(&g.timeout, "timeout", 0, "stop the command after this long (0: no limit)")
	root.AddCommand(newExtractCmd(g), newIngestCmd(g), newQueryCmd(g), newStatsCmd(g), newEvalCmd(g),
		newAskCmd(g), newPathCmd(g), newNeighborsCmd(g), newTimelineCmd(g), newExportCmd(g), newServeCmd(g), newParseCmd(g),
		newVerifyCmd(g))
	return root
}
