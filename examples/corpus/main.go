// Command corpus builds a large JSONL corpus for ingest benchmarks from the
// example articles: each output article is an example's cleaned text with
// its paragraphs in a different order and a line of its own, so every
// document has its own id and content hash and the claims stay realistic.
//
//	go run ./examples/corpus -n 3000 -o /tmp/corpus.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
)

func main() {
	n := flag.Int("n", 3000, "articles to write")
	out := flag.String("o", "corpus.jsonl", "the JSONL file to write")
	src := flag.String("from", "examples/articles", "the articles to build from")
	seed := flag.Int64("seed", 1, "seed for the paragraph order")
	flag.Parse()
	if err := build(*src, *out, *n, *seed); err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
}

func build(src, out string, n int, seed int64) error {
	var docs []schema.Document
	r := &ingest.Reader{}
	err := r.Read(context.Background(), []string{src}, func(d schema.Document) error {
		docs = append(docs, d)
		return nil
	}, func(err error) { fmt.Fprintf(os.Stderr, "corpus: %v\n", err) })
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("no articles in %s", src)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	rnd := rand.New(rand.NewSource(seed))
	size := 0
	for i := 0; i < n; i++ {
		d := docs[i%len(docs)]
		paras := strings.Split(d.Text, "\n")
		rnd.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
		text := strings.Join(paras, "\n") + fmt.Sprintf("\nThis is report %d of the series, editors said.", i)
		size += len(text)
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("corpus-%06d", i), "title": d.Title,
			"date": d.Date, "url": d.URL, "text": text}); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "corpus: %d articles, %.1f MB of text in %s\n", n, float64(size)/1e6, out)
	return f.Close()
}
