package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/ingest/syntax"
	"github.com/claimgraph/claimgraph/ingest/syntax/english"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type parseOptions struct {
	paths  []string
	format string
	eval   string
	stdin  io.Reader
	out    io.Writer
	errw   io.Writer
}

func newParseCmd(g *globals) *cobra.Command {
	opts := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [PATH...|-]",
		Short: "Show the grammar claimgraph reads in a text: tags, lemmas and dependencies",
		Long: `parse reads articles as extract does (files, directories, "-" for standard
input), splits and tokenises their cleaned text as extraction does, and prints
each word with its universal part of speech, Penn Treebank tag, lemma, head
and Universal Dependencies relation: an aligned table, CoNLL-U with --format
conllu, or JSON with --json.

With --eval FILE.conllu it scores the model instead: each gold sentence is
analysed from its words alone, and UPOS, lemma, UAS and LAS are printed as in
the CoNLL 2018 shared task (punctuation included; LAS compares the universal
relation without its subtype).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			asJSON, _ := cmd.Flags().GetBool("json")
			if asJSON {
				opts.format = "json"
			}
			switch opts.format {
			case "table", "conllu", "json":
			default:
				return fmt.Errorf("unknown --format %q: use table, conllu or json", opts.format)
			}
			if opts.eval == "" && len(args) == 0 {
				return fmt.Errorf("give a file, a directory or - for standard input (or --eval FILE.conllu)")
			}
			if opts.eval != "" && len(args) > 0 {
				return fmt.Errorf("--eval scores a CoNLL-U file: give it no other paths")
			}
			opts.paths, opts.stdin = args, g.stdin
			opts.out, opts.errw = cmd.OutOrStdout(), cmd.ErrOrStderr()
			if opts.eval != "" {
				return runParseEval(opts)
			}
			return runParse(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, conllu or json")
	cmd.Flags().Bool("json", false, "print JSON (the same as --format json)")
	cmd.Flags().StringVar(&opts.eval, "eval", "", "score the model on a gold CoNLL-U file")
	return cmd
}

// parsedSentence is one sentence of a document and its analysis.
type parsedSentence struct {
	Doc   string       `json:"doc"`
	Text  string       `json:"text"`
	Start int          `json:"start"`
	End   int          `json:"end"`
	Words []parsedWord `json:"words"`
}

type parsedWord struct {
	ID    int    `json:"id"`
	Form  string `json:"form"`
	Lemma string `json:"lemma"`
	UPOS  string `json:"upos"`
	XPOS  string `json:"xpos"`
	Head  int    `json:"head"`
	Rel   string `json:"deprel"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func runParse(ctx context.Context, opts *parseOptions) error {
	model, err := english.Model()
	if err != nil {
		return err
	}
	a := model.NewAnalyzer()
	var all []parsedSentence
	failed := 0
	r := &ingest.Reader{Stdin: opts.stdin}
	err = r.Read(ctx, opts.paths, func(doc schema.Document) error {
		for _, span := range syntax.SplitSentences(doc.Text) {
			ps := analyse(a, doc, span)
			if opts.format == "json" {
				all = append(all, ps)
				continue
			}
			if err := writeParsed(opts.out, ps, opts.format); err != nil {
				return err
			}
		}
		return nil
	}, func(err error) {
		failed++
		fmt.Fprintf(opts.errw, "claimgraph: %v\n", err)
	})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		if all == nil {
			all = []parsedSentence{}
		}
		if err := writeJSON(opts.out, all); err != nil {
			return err
		}
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func analyse(a *syntax.Analyzer, doc schema.Document, span syntax.Span) parsedSentence {
	forms := make([]string, len(span.Tokens))
	for i, t := range span.Tokens {
		forms[i] = t.Text
	}
	words := a.Analyze(forms, nil)
	ps := parsedSentence{Doc: doc.ID, Text: doc.Text[span.Start:span.End], Start: span.Start, End: span.End}
	for i, w := range words {
		t := span.Tokens[i]
		ps.Words = append(ps.Words, parsedWord{ID: i + 1, Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS,
			Head: w.Head, Rel: w.Rel, Start: t.Start, End: t.End})
	}
	return ps
}

// writeParsed prints one sentence as a table or as CoNLL-U.
func writeParsed(w io.Writer, ps parsedSentence, format string) error {
	if format == "conllu" {
		s := syntax.Sentence{ID: ps.Doc + "#" + strconv.Itoa(ps.Start), Text: ps.Text}
		for i, pw := range ps.Words {
			s.Words = append(s.Words, syntax.Word{Form: pw.Form, Lemma: pw.Lemma, UPOS: pw.UPOS, XPOS: pw.XPOS, Head: pw.Head, Rel: pw.Rel})
			misc := fmt.Sprintf("TokenRange=%d:%d", pw.Start, pw.End)
			if i+1 < len(ps.Words) && ps.Words[i+1].Start == pw.End {
				misc = "SpaceAfter=No|" + misc
			}
			s.Misc = append(s.Misc, misc)
		}
		return syntax.WriteCoNLLU(w, s)
	}
	fmt.Fprintf(w, "# %s\n", strings.ReplaceAll(ps.Text, "\n", " "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFORM\tLEMMA\tUPOS\tXPOS\tHEAD\tDEPREL\t")
	for _, pw := range ps.Words {
		head := "root"
		if pw.Head > 0 {
			head = fmt.Sprintf("%d %s", pw.Head, shorten(ps.Words[pw.Head-1].Form, 16))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", pw.ID, pw.Form, pw.Lemma, pw.UPOS, pw.XPOS, head, pw.Rel)
	}
	tw.Flush()
	_, err := fmt.Fprintln(w)
	return err
}

func runParseEval(opts *parseOptions) error {
	f, err := os.Open(opts.eval)
	if err != nil {
		return fmt.Errorf("open %s: %w", opts.eval, err)
	}
	defer f.Close()
	gold, err := syntax.ReadCoNLLU(bufio.NewReaderSize(f, 1<<20), opts.eval)
	if err != nil {
		return fmt.Errorf("%w: give a CoNLL-U file with gold tags and trees", err)
	}
	if len(gold) == 0 {
		return fmt.Errorf("%s: no sentences: give a CoNLL-U file with gold tags and trees", opts.eval)
	}
	start := time.Now()
	model, err := english.Model()
	if err != nil {
		return err
	}
	loaded := time.Since(start)
	mt := model.Evaluate(gold)
	if opts.format == "json" {
		return writeJSON(opts.out, mt)
	}
	tw := tabwriter.NewWriter(opts.out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "sentences\t%d\t\n", mt.Sentences)
	fmt.Fprintf(tw, "tokens\t%d\t\n", mt.Tokens)
	fmt.Fprintf(tw, "UPOS\t%.2f%%\t\n", 100*mt.UPOS)
	fmt.Fprintf(tw, "XPOS\t%.2f%%\t\n", 100*mt.XPOS)
	fmt.Fprintf(tw, "lemma\t%.2f%%\t\n", 100*mt.Lemma)
	fmt.Fprintf(tw, "UAS\t%.2f%%\t\n", 100*mt.UAS)
	fmt.Fprintf(tw, "LAS\t%.2f%%\t\n", 100*mt.LAS)
	fmt.Fprintf(tw, "LAS with subtypes\t%.2f%%\t\n", 100*mt.LASFull)
	fmt.Fprintf(tw, "tokens a second\t%.0f\t\n", mt.TokensPerSecond)
	fmt.Fprintf(tw, "model load\t%v\t\n", loaded.Round(time.Millisecond))
	return tw.Flush()
}
