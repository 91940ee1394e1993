package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type verifyOptions struct {
	db   string
	json bool
	out  io.Writer
}

// verifyShown is how many problems of one document verify prints.
const verifyShown = 3

func newVerifyCmd(g *globals) *cobra.Command {
	opts := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check the store's integrity: whole claims, edges backed by claims, whole documents",
		Long: `verify reads every quad of the store and checks that every claim node has its
subject, predicate, object, document, sentence, offset, modality and
confidence; that every document a claim names has its node and content hash;
that every entity a claim names has a type; and that every asserted claim has
its relation edge and every relation edge an asserted claim behind it. It
lists what is broken by document and exits with status 1 if anything is.
Ingesting a damaged document again repairs it. It needs the store to itself:
stop an explorer (claimgraph serve) that holds it first.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.out = g.db, cmd.OutOrStdout()
			return runVerify(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the report as JSON")
	return cmd
}

func runVerify(ctx context.Context, opts *verifyOptions) error {
	if ex, _ := findExplorer(ctx, opts.db); ex != nil {
		return fmt.Errorf("verify needs the store to itself, and the explorer at http://%s/ (pid %d) holds %s: "+
			"stop it (Ctrl-C) and run verify again", ex.addr, ex.pid, opts.db)
	}
	store, err := graph.Open(ctx, opts.db, graph.Options{Existing: true})
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Verify(ctx)
	if err != nil {
		return fmt.Errorf("verify %s: %w", graph.Redact(opts.db), err)
	}
	if opts.json {
		enc := json.NewEncoder(opts.out)
		enc.SetIndent("", "  ")
		if rep.Damaged == nil {
			rep.Damaged = []graph.Damage{}
		}
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		writeVerifyReport(opts.out, opts.db, rep)
	}
	if len(rep.Damaged) > 0 {
		return exitError{1}
	}
	return nil
}

func writeVerifyReport(w io.Writer, db string, rep graph.VerifyReport) {
	fmt.Fprintf(w, "Verified %s: %d documents, %d claims, %d relation edges, %d quads\n",
		db, rep.Documents, rep.Claims, rep.Edges, rep.Quads)
	if len(rep.Damaged) == 0 {
		fmt.Fprintln(w, "No damage found.")
		return
	}
	problems := 0
	for _, d := range rep.Damaged {
		problems += len(d.Problems)
	}
	fmt.Fprintf(w, "%d documents damaged:\n", len(rep.Damaged))
	for _, d := range rep.Damaged {
		name := d.Doc
		if name == "" {
			name = "(no document)"
		}
		fmt.Fprintf(w, "  %s\n", name)
		if d.Lost > 0 {
			fmt.Fprintf(w, "      %d quads name values the store no longer holds\n", d.Lost)
		}
		for i, p := range d.Problems {
			if i == verifyShown {
				fmt.Fprintf(w, "      and %d more\n", len(d.Problems)-verifyShown)
				break
			}
			fmt.Fprintf(w, "      %s\n", p)
		}
	}
	if problems > 0 {
		fmt.Fprintln(w, "Ingest the damaged documents again to repair them.")
	}
	if rep.Lost > 0 {
		fmt.Fprintf(w, "%d quads name values the store no longer holds, as a failed write of an earlier claimgraph could leave them:\n"+
			"queries skip them, but ingesting again cannot remove them; for a clean store, ingest everything into a new --db.\n", rep.Lost)
	}
}
