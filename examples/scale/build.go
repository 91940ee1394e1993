package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// buildBinary builds claimgraph from the working tree: the figures are of
// the code beside this program.
func buildBinary(bin string) error {
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/claimgraph")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/claimgraph (run from the repository's root): %w", err)
	}
	return nil
}

// buildStore makes a fresh bolt store: the corpus through claimgraph
// ingest, or a synthetic corpus through the graph API.
func buildStore(o options, bin, db string) error {
	if err := os.RemoveAll(db); err != nil {
		return err
	}
	if o.synth > 0 {
		return synthStore(db, o.synth)
	}
	fmt.Printf("ingesting %s into %s\n", o.corpus, db)
	r, err := runCmd(bin, "--db", db, "ingest", "--json", o.corpus)
	if err != nil {
		return err
	}
	// Documents without article text fail and are reported; the store
	// still holds the rest. Only a store that could not be built stops us.
	if r.code != 0 {
		fmt.Printf("ingest exited with status %d after %.1f s: %s\n", r.code, r.wall.Seconds(), summary(r.stderr))
	}
	fmt.Printf("ingest: %.1f s, peak RSS %d MB\n%s\n", r.wall.Seconds(), r.maxRSS>>20, r.stdout)
	if _, err := os.Stat(db); err != nil {
		return fmt.Errorf("ingest made no store: %w", err)
	}
	return nil
}

// synthStore writes graph.Synthesize documents, 64 to a transaction.
func synthStore(db string, docs int) error {
	ctx := context.Background()
	s, err := graph.Open(ctx, db, graph.Options{})
	if err != nil {
		return err
	}
	exs := graph.Synthesize(graph.SynthOptions{Seed: 1, Entities: docs * 5 / 2, Documents: docs, ClaimsPerDoc: 10})
	start, quads := time.Now(), 0
	for i := 0; i < len(exs); i += 64 {
		res, err := s.WriteBatch(ctx, exs[i:min(i+64, len(exs))])
		if err != nil {
			s.Close()
			return err
		}
		for _, r := range res {
			quads += r.Added
		}
	}
	fmt.Printf("synthetic store: %d documents, %d quads written in %.1f s\n", docs, quads, time.Since(start).Seconds())
	return s.Close()
}

// summary is the line of a command's standard error that says most: a
// panic, else the last.
func summary(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic:") {
			return l
		}
	}
	return lines[len(lines)-1]
}
