package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// corpus reads the example articles, cleaned, once per benchmark.
func corpus(tb testing.TB) ([]schema.Document, int64) {
	tb.Helper()
	var docs []schema.Document
	var size int64
	r := &Reader{}
	err := r.Read(context.Background(), []string{filepath.Join("..", "examples", "articles")}, func(d schema.Document) error {
		docs = append(docs, d)
		size += int64(len(d.Text))
		return nil
	}, func(err error) { tb.Fatal(err) })
	if err != nil || len(docs) == 0 {
		tb.Fatalf("no corpus: %v", err)
	}
	return docs, size
}

func extractor(tb testing.TB) *Extractor {
	x, err := DefaultExtractor()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// BenchmarkExtract measures extraction from cleaned text: sentences,
// entities, references and claims. Bytes are of cleaned article text.
func BenchmarkExtract(b *testing.B) {
	docs, size := corpus(b)
	x := extractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x.Extract(d)
		}
	}
}

// BenchmarkReadAndExtract measures the whole path from raw files: reading,
// HTML parsing, furniture removal and extraction. Bytes are of raw input.
func BenchmarkReadAndExtract(b *testing.B) {
	dir := filepath.Join("..", "examples", "articles")
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	x := extractor(b)
	r := &Reader{}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Read(context.Background(), []string{dir}, func(d schema.Document) error {
			x.Extract(d)
			return nil
		}, func(err error) { b.Fatal(err) })
	}
}
