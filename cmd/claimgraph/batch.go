package main

import (
	"context"
	"errors"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// batchClaims also ends a batch: about 20,000 quads. Bolt inserts slow down
// as a transaction grows, so a batch of 256 long articles writes slower
// than four batches of 64 (BENCHMARKS.md).
const batchClaims = 2000

// batch gathers extracted documents and writes them several to a
// transaction: bolt syncs to disk once per transaction, so this is the
// lever for ingest speed. A batch holds whole documents only. If a batch
// fails, its documents are written one by one, so one bad document costs
// only itself, unless the store itself failed: then nothing more is
// written.
//
// Full batches are written on a goroutine of their own, in order, while the
// caller goes on filling the next one: extraction and the store's single
// writer overlap instead of taking turns. At most three batches are alive
// at once (one being written, one waiting, one filling), so memory is
// bounded by the batch size, not by the corpus. done is called on the
// writing goroutine.
type batch struct {
	store   docWriter
	max     int
	done    func(schema.Extraction, graph.WriteResult, error)
	pending []schema.Extraction
	claims  int // in pending
	ids     map[string]bool
	queue   chan queued
	ended   chan error        // the writer's result, once it stops
	writing time.Duration     // spent in the store's writes; read it after close
	failed  *graph.StoreError // the store's own failure, after which nothing is written
}

// queued is a full batch on its way to the writer, its quads already
// prepared on the sender's goroutine (unless the store prepares its own).
type queued struct {
	exs      []schema.Extraction
	prepared *graph.Batch
}

// add queues a document, handing the batch to the writer when it holds max
// documents or batchClaims claims, or already holds a document with the
// same id. It returns an error only
// when the context ends.
func (b *batch) add(ctx context.Context, ex schema.Extraction) error {
	if b.ids[ex.Document.ID] {
		if err := b.send(ctx); err != nil {
			return err
		}
	}
	if b.ids == nil {
		b.ids = map[string]bool{}
	}
	b.pending = append(b.pending, ex)
	b.claims += len(ex.Claims)
	b.ids[ex.Document.ID] = true
	if len(b.pending) >= max(b.max, 1) || b.claims >= batchClaims {
		return b.send(ctx)
	}
	return nil
}

// close writes what is still queued and waits for the writer to finish.
func (b *batch) close(ctx context.Context) error {
	if err := b.send(ctx); err != nil {
		return err
	}
	if b.queue == nil {
		return nil
	}
	close(b.queue)
	return <-b.ended
}

// send turns the pending documents into quads and hands them to the
// writer, starting it on first use.
func (b *batch) send(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err // cancelled: the pending documents are not written, and the caller says so
	}
	pending := b.pending
	b.pending, b.ids, b.claims = nil, nil, 0
	if len(pending) == 0 {
		return nil
	}
	q := queued{exs: pending, prepared: b.store.Prepare(pending)}
	if b.queue == nil {
		b.queue = make(chan queued, 1)
		b.ended = make(chan error, 1)
		go b.write(ctx)
	}
	select {
	case b.queue <- q:
		return nil
	case err := <-b.ended:
		b.ended <- err // keep it for close
		return err
	}
}

// write is the writer goroutine: it writes each batch it receives and
// reports, once the queue closes or the context ends, why it stopped.
func (b *batch) write(ctx context.Context) {
	for q := range b.queue {
		if err := b.flush(ctx, q); err != nil {
			b.ended <- err
			return
		}
	}
	b.ended <- nil
}

// flush writes one batch. It returns an error only when the context ends;
// write errors go to done. Once the store itself has failed (a
// *graph.StoreError: its disk full, read-only or failing), nothing more is
// written: each document after goes to done with that error, so the
// caller can say once which documents did not land.
func (b *batch) flush(ctx context.Context, q queued) error {
	start := time.Now()
	defer func() { b.writing += time.Since(start) }()
	if b.failed == nil {
		results, err := b.store.WriteDocs(ctx, q.exs, q.prepared)
		if err == nil {
			for i, ex := range q.exs {
				b.done(ex, results[i], nil)
			}
			return nil
		}
		b.storeFailed(err)
	}
	for _, ex := range q.exs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if b.failed != nil {
			b.done(ex, graph.WriteResult{}, b.failed)
			continue
		}
		res, err := b.store.WriteDocs(ctx, []schema.Extraction{ex}, nil)
		b.storeFailed(err)
		if err != nil {
			b.done(ex, graph.WriteResult{}, err)
			continue
		}
		b.done(ex, res[0], nil)
	}
	return ctx.Err()
}

// storeFailed remembers a failure of the store itself.
func (b *batch) storeFailed(err error) {
	var se *graph.StoreError
	if errors.As(err, &se) && b.failed == nil {
		b.failed = se
	}
}
