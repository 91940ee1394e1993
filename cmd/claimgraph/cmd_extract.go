package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type extractOptions struct {
	paths   []string
	format  string
	all     bool
	explain bool
	date    string
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
a line with --format jsonl.

--explain says, under each claim, how it was read off its sentence: the
trigger word and the frame of schema/data/frames.txt it matched, the words and
dependency arcs its subject and object came from, and why its modality is what
it is; with --format jsonl the same is the claim's "explain" object. A claim
you expected and do not see is explained by the sentence's parse:
claimgraph parse FILE.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.date != "" && !graph.ValidDate(opts.date) {
				return fmt.Errorf("--date %q: give a date as 2023-03-01 (or 2023-03, 2023)", opts.date)
			}
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
	cmd.Flags().StringVar(&opts.date, "date", "", "the date (2023-03-01) of the articles that give none themselves")
	cmd.Flags().BoolVar(&opts.explain, "explain", false, "say how each claim was read: trigger, frame, arcs and modality")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "extraction goroutines (0: one per core); the output is the same")
	return cmd
}

func runExtract(ctx context.Context, opts *extractOptions) error {
	x, err := newExtractor()
	if err != nil {
		return err
	}
	if opts.explain {
		x = x.Explaining()
	}
	var claims []schema.Claim
	failed := 0
	p := &ingest.Pipeline{Reader: &ingest.Reader{Stdin: opts.stdin, Date: opts.date}, Extractor: x, Workers: opts.workers}
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
	if opts.format == "table" && opts.explain {
		writeExplained(opts.out, claims, opts.all)
	} else if opts.format == "table" {
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

// writeExplained prints each claim with how it was read, for a person
// wondering why a claim is there, or is what it is.
func writeExplained(w io.Writer, claims []schema.Claim, all bool) {
	hidden := 0
	for _, c := range claims {
		if !all && !c.Asserted() {
			hidden++
			continue
		}
		fmt.Fprintf(w, "%s --%s--> %s  (%s, %s)\n", c.Subject, c.Predicate, c.Object, c.Doc, c.Modality)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    sentence\t%s\n", shorten(c.Sentence, 110))
		if e := c.Explain; e != nil {
			for _, row := range [][2]string{{"trigger", e.Trigger}, {"frame", e.Frame}, {"subject", e.Subject}, {"object", e.Object}, {"modality", e.Modality}} {
				if row[1] != "" {
					fmt.Fprintf(tw, "    %s\t%s\n", row[0], row[1])
				}
			}
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	if hidden > 0 {
		fmt.Fprintf(w, "(%d claims that are not asserted not shown; --all shows them)\n", hidden)
	}
}

// shorten keeps at most n characters of s, cut between words where it can,
// with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	// On a word boundary, unless the last word is most of what is kept.
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(strings.TrimSpace(string(r[:cut])), ",;:") + "…"
}
