package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type ingestOptions struct {
	db      string
	paths   []string
	json    bool
	samples int
	batch   int
	workers int
	id      string
	date    string
	stdin   io.Reader
	out     io.Writer
	errw    io.Writer
}

// ingestSummary is what ingest prints at the end, and its --json form.
type ingestSummary struct {
	Read      int `json:"documents_read"`
	Unchanged int `json:"documents_unchanged"`
	Replaced  int `json:"documents_replaced"`
	// Repaired are documents stored with the same content but not whole,
	// written again.
	Repaired int `json:"documents_repaired"`
	Skipped  int `json:"files_skipped"`
	Failed   int `json:"documents_failed"`
	// Undated are the documents read with no date of their own: their
	// claims have none either, and timelines show them as "-".
	Undated int `json:"documents_undated"`
	// NotWritten are the documents read but not written because the store
	// itself failed (its disk full, say), in input order.
	NotWritten []string `json:"documents_not_written,omitempty"`
	Sentences  int      `json:"sentences"`
	Claims     int      `json:"claims"`
	Asserted   int      `json:"claims_asserted"`
	Entities   int      `json:"entities"`
	Added      int      `json:"quads_added"`
	Removed    int      `json:"quads_removed"`
	Seconds    float64  `json:"seconds"`
	// Extraction, summed over workers, and the store's writes overlap, so
	// they can add up to more than seconds.
	ExtractSeconds float64 `json:"extract_seconds"`
	WriteSeconds   float64 `json:"write_seconds"`
	Workers        int     `json:"workers"`
	Store          string  `json:"store"`
}

func newIngestCmd(g *globals) *cobra.Command {
	opts := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract claims from articles and store them in the graph",
		Long: `ingest reads .txt, .md, .html/.htm and .jsonl articles (files, directories
read recursively, or "-" for standard input), extracts their claims and writes
each document to the store in one transaction. Unchanged documents are left
alone; a document whose content changed has its claims replaced. Bad inputs
are reported and skipped; the exit status is 1 if any failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.date != "" && !graph.ValidDate(opts.date) {
				return fmt.Errorf("--date %q: give a date as 2023-03-01 (or 2023-03, 2023)", opts.date)
			}
			opts.db, opts.paths, opts.stdin = g.db, args, g.stdin
			opts.out, opts.errw = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runIngest(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the summary as JSON")
	cmd.Flags().StringVar(&opts.date, "date", "", "the date (2023-03-01) of the articles that give none themselves")
	cmd.Flags().StringVar(&opts.id, "id", "", `the document ID of an article read from "-" (default: stdin- and its content hash); ingesting again with the same ID replaces it`)
	cmd.Flags().IntVar(&opts.samples, "samples", 5, "sample claims to show after the summary")
	cmd.Flags().IntVar(&opts.batch, "batch", 256, "most documents written per transaction (each document is whole in one; a transaction also ends at 2,000 claims)")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "extraction goroutines (0: one per core); the result is the same")
	return cmd
}

func runIngest(ctx context.Context, opts *ingestOptions) error {
	start := time.Now()
	if os.Getenv("GOGC") == "" {
		// The store's writer allocates several kilobytes per quad (Cayley
		// and bolt), so collection runs often and its assists slow the
		// writer, which bounds ingest. Collecting at 200% instead of 100%
		// growth makes ingest about 12% faster for about 30 MB more peak
		// memory (BENCHMARKS.md); GOGC still overrides it.
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	if missing := missingPaths(opts.paths); len(missing) == len(opts.paths) {
		// Nothing to read: say so, and leave no empty store behind.
		for _, err := range missing {
			fmt.Fprintf(opts.errw, "claimgraph: %v\n", err)
		}
		return exitError{1}
	}
	store, err := openStore(ctx, opts.db, graph.Options{}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	sum := ingestSummary{Store: graph.Redact(opts.db)}
	entities := map[schema.Entity]bool{}
	samples := &sampler{max: opts.samples}
	bar := newProgress(opts.errw, ingest.Size(opts.paths))
	// The reader and the writer run on goroutines of their own; mu guards
	// the summary and the terminal they both report to.
	var mu sync.Mutex
	r := &ingest.Reader{Stdin: opts.stdin, StdinID: opts.id, Date: opts.date, Skipped: func(path string) {
		mu.Lock()
		defer mu.Unlock()
		sum.Skipped++
	}}
	failed := func(err error) {
		bar.finish()
		sum.Failed++
		fmt.Fprintf(opts.errw, "claimgraph: %v\n", err)
	}
	report := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failed(err)
	}
	notWritten := &unwritten{}
	b := &batch{store: store, max: opts.batch}
	b.done = func(ex schema.Extraction, res graph.WriteResult, err error) {
		mu.Lock()
		defer mu.Unlock()
		bar.add(ex.Document.Size)
		if notWritten.add(ex, err) {
			return
		}
		if err != nil {
			failed(fmt.Errorf("%s: %w", ex.Document.Source, err))
			return
		}
		sum.add(ex, res)
		for _, c := range ex.Claims {
			if c.Asserted() {
				samples.add(c)
			}
		}
		for _, e := range ex.Entities {
			entities[e] = true
		}
	}
	p := &ingest.Pipeline{Reader: r, Extractor: x, Workers: opts.workers}
	err = p.Run(ctx, opts.paths, func(ex schema.Extraction) error {
		return b.add(ctx, ex)
	}, report)
	if err == nil {
		err = b.close(ctx)
	}
	bar.finish()
	sum.finish(start, len(entities), p, b)
	sum.NotWritten = notWritten.ids
	if msg := notWritten.message(opts.db); msg != "" {
		fmt.Fprintf(opts.errw, "claimgraph: %s\n", msg)
	}
	if err != nil {
		return err
	}
	if opts.json {
		enc := json.NewEncoder(opts.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		writeIngestSummary(opts.out, sum)
		if !sum.nothingNew() {
			writeSamples(opts.out, samples.claims(), opts.samples)
		}
	}
	if sum.Failed > 0 || len(sum.NotWritten) > 0 {
		return exitError{1}
	}
	return nil
}

// unwritten gathers the documents not written because the store itself
// failed, so that the run says so once, with their count, instead of once
// per document.
type unwritten struct {
	ids []string
	err error
}

// add counts ex if err is the store's own failure, and reports whether it
// was.
func (u *unwritten) add(ex schema.Extraction, err error) bool {
	var se *graph.StoreError
	if !errors.As(err, &se) {
		return false
	}
	if u.err == nil {
		u.err = se
	}
	u.ids = append(u.ids, ex.Document.ID)
	return true
}

// message says which documents did not land and what to do, or "".
func (u *unwritten) message(db string) string {
	fix := "make room on the store's disk (or use another --db)"
	var gone *explorerGoneError
	if errors.As(u.err, &gone) {
		fix = "start the explorer again, or leave the store to this command,"
	}
	switch len(u.ids) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("1 document not written (%s): %v: %s "+
			"and ingest the same input again; what was written is whole and is skipped", u.ids[0], u.err, fix)
	}
	return fmt.Sprintf("%d documents not written (%s and every document after it; --json lists them): %v: "+
		"%s and ingest the same input again; "+
		"what was written is whole and is skipped", len(u.ids), u.ids[0], u.err, fix)
}

// finish records a run's entities, its times and its workers.
func (s *ingestSummary) finish(start time.Time, entities int, p *ingest.Pipeline, b *batch) {
	s.Entities = entities
	s.Seconds = time.Since(start).Seconds()
	s.ExtractSeconds, s.WriteSeconds = p.ExtractTime().Seconds(), b.writing.Seconds()
	s.Workers = p.Workers
	if s.Workers <= 0 {
		s.Workers = runtime.GOMAXPROCS(0)
	}
}

// add counts one document written.
func (s *ingestSummary) add(ex schema.Extraction, res graph.WriteResult) {
	s.Read++
	if ex.Document.Date == "" {
		s.Undated++
	}
	s.Sentences += ex.Sentences
	s.Claims += len(ex.Claims)
	s.Added += res.Added
	s.Removed += res.Removed
	switch {
	case res.Unchanged:
		s.Unchanged++
	case res.Replaced:
		s.Replaced++
	case res.Repaired:
		s.Repaired++
	}
	for _, c := range ex.Claims {
		if c.Asserted() {
			s.Asserted++
		}
	}
}

// missingPaths returns an error for each path that does not exist.
func missingPaths(paths []string) []error {
	var out []error
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			out = append(out, err)
		}
	}
	return out
}

// nothingNew reports whether an ingest read only documents stored already,
// unchanged, and so changed nothing.
func (s ingestSummary) nothingNew() bool {
	return s.Read > 0 && s.Unchanged == s.Read && s.Failed == 0 && s.Skipped == 0 && len(s.NotWritten) == 0 && s.Added == 0 && s.Removed == 0
}

func writeIngestSummary(w io.Writer, s ingestSummary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, n int, note string) {
		if note != "" {
			note = " " + note
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", label, n, note)
	}
	secs := func(f float64) time.Duration { return time.Duration(f * float64(time.Second)).Round(time.Millisecond) }
	if s.nothingNew() {
		fmt.Fprintf(w, "Nothing new in %s: the %d documents read are stored already, unchanged (%s)\n", s.Store, s.Read, secs(s.Seconds))
		return
	}
	fmt.Fprintf(w, "Ingested into %s in %s (extraction %s on %d workers, store writes %s)\n",
		s.Store, secs(s.Seconds), secs(s.ExtractSeconds), s.Workers, secs(s.WriteSeconds))
	changes := fmt.Sprintf("(%d unchanged, %d replaced)", s.Unchanged, s.Replaced)
	if s.Repaired > 0 {
		changes = fmt.Sprintf("(%d unchanged, %d replaced, %d repaired)", s.Unchanged, s.Replaced, s.Repaired)
	}
	row("documents read", s.Read, changes)
	row("files skipped", s.Skipped, "(not articles)")
	row("documents failed", s.Failed, "")
	if s.Undated > 0 {
		row("undated documents", s.Undated, "(no date of their own: give one with --date or in the article)")
	}
	if len(s.NotWritten) > 0 {
		row("documents not written", len(s.NotWritten), "(the store failed)")
	}
	row("sentences", s.Sentences, "")
	row("claims", s.Claims, fmt.Sprintf("(%d asserted)", s.Asserted))
	row("entities", s.Entities, "")
	row("quads added", s.Added, fmt.Sprintf("(%d removed)", s.Removed))
	tw.Flush()
}

// sampler keeps a few claims to show, whatever the size of the corpus: the
// most confident claim of each predicate, and the first few claims.
type sampler struct {
	max   int
	best  map[string]schema.Claim
	first []schema.Claim
}

func (s *sampler) add(c schema.Claim) {
	if s.best == nil {
		s.best = map[string]schema.Claim{}
	}
	if b, ok := s.best[c.Predicate]; !ok || c.Confidence > b.Confidence {
		s.best[c.Predicate] = c
	}
	if len(s.first) < s.max {
		s.first = append(s.first, c)
	}
}

// claims returns the kept claims in a stable order.
func (s *sampler) claims() []schema.Claim {
	out := append([]schema.Claim{}, s.first...)
	var preds []string
	for p := range s.best {
		preds = append(preds, p)
	}
	sort.Strings(preds)
	for _, p := range preds {
		out = append(out, s.best[p])
	}
	return out
}

// writeSamples shows the n most confident asserted claims, one per
// predicate first, so the sample shows the range of what was learned.
func writeSamples(w io.Writer, claims []schema.Claim, n int) {
	if n <= 0 || len(claims) == 0 {
		return
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Confidence > claims[j].Confidence })
	var picked []schema.Claim
	seen := map[string]bool{}
	for _, pass := range []bool{true, false} {
		for _, c := range claims {
			key := c.Subject + c.Predicate + c.Object
			if len(picked) == n || seen[key] || (pass && seen[c.Predicate]) {
				continue
			}
			seen[key], seen[c.Predicate] = true, true
			picked = append(picked, c)
		}
	}
	fmt.Fprintln(w, "\nSample claims:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range picked {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t(%s)\n", c.Subject, c.Predicate, c.Object, c.Doc)
	}
	tw.Flush()
}
