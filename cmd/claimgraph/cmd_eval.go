package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type evalOptions struct {
	gold    string
	paths   []string
	verbose bool
	json    bool
	stdin   io.Reader
	out     io.Writer
	errw    io.Writer
}

func newEvalCmd(g *globals) *cobra.Command {
	opts := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score extraction against a gold annotation",
		Long: `eval extracts claims from the documents and scores them against a gold file
(entity alias lines and claim lines, as in examples/gold.jsonl), with the
matching rules of the project's scorer, score.py: per document, names folded and
aliases mapped, core predicates only, symmetric predicates either way, claims
that are negated, denied or hypothetical left out.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.gold == "" {
				return errors.New("--gold FILE is required")
			}
			opts.paths, opts.stdin, opts.out, opts.errw = args, g.stdin, cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runEval(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.gold, "gold", "", "the gold annotation (JSONL)")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "list each missed and each wrong claim")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the report as JSON")
	return cmd
}

func runEval(ctx context.Context, opts *evalOptions) error {
	f, err := os.Open(opts.gold)
	if err != nil {
		return err
	}
	gold, err := ingest.ReadGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", opts.gold, err)
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	var claims []schema.Claim
	r := &ingest.Reader{Stdin: opts.stdin}
	failed := 0
	err = r.Read(ctx, opts.paths, func(doc schema.Document) error {
		claims = append(claims, x.Extract(doc).Claims...)
		return nil
	}, func(err error) {
		failed++
		fmt.Fprintf(opts.errw, "claimgraph: %v\n", err)
	})
	if err != nil {
		return err
	}
	rep := gold.Score(claims)
	if opts.json {
		enc := json.NewEncoder(opts.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		writeReport(opts.out, rep, opts.verbose)
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func writeReport(w io.Writer, rep ingest.Report, verbose bool) {
	if verbose {
		for _, m := range rep.Missed {
			fmt.Fprintf(w, "missed  %s  %s --%s--> %s   (%s)\n", m.Doc, strings.Join(m.S, "|"), strings.Join(m.P, "|"), strings.Join(m.O, "|"), m.Why)
		}
		for _, c := range rep.WrongClaims {
			fmt.Fprintf(w, "wrong   %s  %s --%s--> %s\n", c.Doc, c.S, c.P, c.O)
		}
	}
	fmt.Fprintf(w, "claims scored %d (right %d, wrong %d, forbidden %d); not asserted %d; must found %d/%d; optional found %d/%d\n",
		rep.Scored, rep.Right, rep.Wrong, rep.Forbidden, rep.NotAsserted, rep.MustFound, rep.Must, rep.OptionalFound, rep.Optional)
	fmt.Fprintf(w, "precision %.3f  recall %.3f  F1 %.3f  forbidden %d\n", rep.Precision, rep.Recall, rep.F1, rep.Forbidden)
}
