package main

import (
	"context"
	"errors"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// TestBatchWritesInOrderAndBoundsTransactions feeds the writer documents
// with many claims: batches end at batchClaims as well as at max documents,
// every document is written once and reported in input order.
func TestBatchWritesInOrderAndBoundsTransactions(t *testing.T) {
	ctx := context.Background()
	store, err := graph.Open(ctx, "memory", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	exs := graph.Synthesize(graph.SynthOptions{Seed: 1, Entities: 50, Documents: 12, ClaimsPerDoc: batchClaims / 3})
	var written []string
	b := &batch{store: &localStore{Store: store}, max: 256, done: func(ex schema.Extraction, res graph.WriteResult, err error) {
		if err != nil {
			t.Errorf("%s: %v", ex.Document.ID, err)
		}
		written = append(written, ex.Document.ID)
	}}
	pending, claims, sent := 0, 0, 0
	for i, ex := range exs {
		if err := b.add(ctx, ex); err != nil {
			t.Fatal(err)
		}
		pending, claims = pending+1, claims+len(ex.Claims)
		if claims >= batchClaims {
			pending, claims = 0, 0
			sent++
		}
		if len(b.pending) != pending {
			t.Fatalf("after document %d: %d pending, want %d", i+1, len(b.pending), pending)
		}
	}
	if sent < 2 {
		t.Fatalf("only %d batches ended at %d claims", sent, batchClaims)
	}
	if err := b.close(ctx); err != nil {
		t.Fatal(err)
	}
	if len(written) != len(exs) {
		t.Fatalf("wrote %d documents, want %d", len(written), len(exs))
	}
	for i, ex := range exs {
		if written[i] != ex.Document.ID {
			t.Fatalf("document %d written as %s, want %s", i, written[i], ex.Document.ID)
		}
	}
	st, err := store.Stats(ctx)
	if err != nil || st.Documents != len(exs) {
		t.Fatalf("stats: %+v %v", st, err)
	}
}

// TestBatchStopsWhenContextEnds checks that a cancelled ingest reports the
// cancellation instead of hanging on the writer.
func TestBatchStopsWhenContextEnds(t *testing.T) {
	store, err := graph.Open(context.Background(), "memory", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := &batch{store: &localStore{Store: store}, max: 1, done: func(schema.Extraction, graph.WriteResult, error) {}}
	var got error
	for _, ex := range graph.Synthesize(graph.SynthOptions{Seed: 1, Entities: 10, Documents: 5, ClaimsPerDoc: 2}) {
		if got = b.add(ctx, ex); got != nil {
			break
		}
	}
	if got == nil {
		got = b.close(ctx)
	}
	if !errors.Is(got, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", got)
	}
}
