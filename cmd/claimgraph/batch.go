package main

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// batch gathers extracted documents and writes them several to a
// transaction: bolt syncs to disk once per transaction, so this is the
// lever for ingest speed. A batch holds whole documents only. If a batch
// fails, its documents are written one by one, so one bad document costs
// only itself.
type batch struct {
	store   *graph.Store
	max     int
	pending []schema.Extraction
	ids     map[string]bool
	done    func(schema.Extraction, graph.WriteResult, error)
}

// add queues a document, writing the batch when it is full or already
// holds a document with the same id.
func (b *batch) add(ctx context.Context, ex schema.Extraction) error {
	if b.ids[ex.Document.ID] {
		if err := b.flush(ctx); err != nil {
			return err
		}
	}
	if b.ids == nil {
		b.ids = map[string]bool{}
	}
	b.pending = append(b.pending, ex)
	b.ids[ex.Document.ID] = true
	if len(b.pending) >= max(b.max, 1) {
		return b.flush(ctx)
	}
	return nil
}

// flush writes what is queued. It returns an error only when the context
// ends; write errors go to done.
func (b *batch) flush(ctx context.Context) error {
	pending := b.pending
	b.pending, b.ids = nil, nil
	if len(pending) == 0 {
		return nil
	}
	results, err := b.store.WriteBatch(ctx, pending)
	if err == nil {
		for i, ex := range pending {
			b.done(ex, results[i], nil)
		}
		return nil
	}
	for _, ex := range pending {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		res, err := b.store.WriteDocument(ctx, ex)
		b.done(ex, res, err)
	}
	return ctx.Err()
}
