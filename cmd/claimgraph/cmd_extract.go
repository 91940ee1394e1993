package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type extractOptions struct {
	paths   []string
	format  string
	all     bool
	workers int
	stdin   io.Reader
	out     io.Writer
	errw    io.Writer
}

func newExtractCmd(g *globals) *cobra.Command {
	opts := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the claims found in articles, without storing them",
		Long: `extract reads articles as ingest does (files, directories, "-" for standard
input) and prints the claims it finds: an aligned table, or one JSON object
a line with --format jsonl.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.format != "table" && opts.format != "jsonl" {
				return fmt.Errorf("unknown --format %q: use table or jsonl", opts.format)
			}
			opts.paths, opts.stdin = args, g.stdin
			opts.out, opts.errw = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runExtract(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or jsonl")
	cmd.Flags().BoolVar(&opts.all, "all", false, "in the table, also show claims that are not asserted")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "extraction goroutines (0: one per core); the output is the same")
	return cmd
}

func runExtract(ctx context.Context, opts *extractOptions) error {
	x, err := newExtractor()
	if err != nil {
		return err
	}
	var claims []schema.Claim
	failed := 0
	p := &ingest.Pipeline{Reader: &ingest.Reader{Stdin: opts.stdin}, Extractor: x, Workers: opts.workers}
	err = p.Run(ctx, opts.paths, func(ex schema.Extraction) error {
		if opts.format == "jsonl" {
			return writeJSONL(opts.out, ex.Claims)
		}
		claims = append(claims, ex.Claims...)
		return nil
	}, func(err error) {
		failed++
		fmt.Fprintf(opts.errw, "claimgraph: %v\n", err)
	})
	if err != nil {
		return err
	}
	if opts.format == "table" {
		writeClaimTable(opts.out, claims, opts.all)
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func newExtractor() (*ingest.Extractor, error) {
	x, err := ingest.DefaultExtractor()
	if err != nil {
		return nil, fmt.Errorf("load the extractor: %w", err)
	}
	return x, nil
}

func writeJSONL(w io.Writer, claims []schema.Claim) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range claims {
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	return nil
}

// writeClaimTable prints claims in aligned columns for a person to read.
func writeClaimTable(w io.Writer, claims []schema.Claim, all bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DOC\tSUBJECT\tPREDICATE\tOBJECT\tMODALITY\tDATE\tCONF")
	hidden := 0
	for _, c := range claims {
		if !all && !c.Asserted() {
			hidden++
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n", shorten(c.Doc, 28), shorten(c.Subject, 28), c.Predicate,
			shorten(c.Object, 28), c.Modality, c.Date, c.Confidence)
	}
	tw.Flush()
	if hidden > 0 {
		fmt.Fprintf(w, "(%d claims that are not asserted not shown; --all shows them)\n", hidden)
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
