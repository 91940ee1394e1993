// Command scale builds a bolt store from a news corpus with claimgraph
// ingest and measures, in one run, the ratios issue 14 sets for reading at
// archive scale: every export format against stats on the same store, and
// the interactive commands (neighbors, ask, path, a name the graph does
// not hold) against claimgraph --version plus a one-quad Gizmo lookup,
// each including process start and store open, with peak memory. Times
// on shared machines drift, so each figure is the median of several runs
// and only ratios within one run are compared. It takes minutes on the
// full corpus, so CI does not run it:
//
//	go run ./examples/scale -corpus ../shared/bench/news.jsonl
//	go run ./examples/scale -synth 20000   # a synthetic store instead
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

type options struct {
	corpus string // JSONL articles to ingest
	synth  int    // documents of a synthetic corpus instead, if > 0
	dir    string // where the binary and the store go
	runs   int    // runs of each timed command
	keep   bool   // reuse a store built before in dir
}

func main() {
	var o options
	flag.StringVar(&o.corpus, "corpus", "../shared/bench/news.jsonl", "the JSONL corpus to ingest")
	flag.IntVar(&o.synth, "synth", 0, "build a synthetic store of this many documents (graph.Synthesize) instead of ingesting -corpus")
	flag.StringVar(&o.dir, "dir", filepath.Join(os.TempDir(), "claimgraph-scale"), "directory for the binary and the store")
	flag.IntVar(&o.runs, "runs", 5, "runs of each timed command (the median is reported)")
	flag.BoolVar(&o.keep, "keep", false, "measure the store a previous run left in -dir instead of building it again")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "scale: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(o.dir, "claimgraph")
	if err := buildBinary(bin); err != nil {
		return err
	}
	db := filepath.Join(o.dir, "store.db")
	if !o.keep {
		if err := buildStore(o, bin, db); err != nil {
			return err
		}
	}
	m := &meter{bin: bin, db: db, runs: o.runs}
	return measure(m, filepath.Join(o.dir, "csv"))
}
