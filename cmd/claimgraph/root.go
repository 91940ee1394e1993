package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// globals are the flags every command takes.
type globals struct {
	db    string
	stdin io.Reader
}

// exitError carries an exit status for a failure already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// run is the one place that prints an error and picks the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var exit exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.code
	default:
		fmt.Fprintf(stderr, "claimgraph: %v\n", err)
		return 1
	}
}

func newRootCmd(stdin io.Reader) *cobra.Command {
	g := &globals{stdin: stdin}
	root := &cobra.Command{
		Use:   "claimgraph",
		Short: "Turn news articles into a knowledge graph of who did what to whom",
		Long: `claimgraph reads news articles, finds the claims they make about who did what
to whom, and stores them in a Cayley graph database with their provenance:
the sentence, the article and the date. Query the graph with Gizmo.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("CLAIMGRAPH_DB")
	if def == "" {
		def = "claimgraph.db"
	}
	root.PersistentFlags().StringVar(&g.db, "db", def,
		`the store: a bolt directory, "memory", or a postgres:// URL (env CLAIMGRAPH_DB)`)
	root.AddCommand(newExtractCmd(g), newIngestCmd(g), newQueryCmd(g), newStatsCmd(g), newEvalCmd(g),
		newAskCmd(g), newPathCmd(g), newNeighborsCmd(g), newTimelineCmd(g), newExportCmd(g), newServeCmd(g), newParseCmd(g))
	return root
}
