package ingest

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimgraph/claimgraph/schema"
)

// Pipeline reads documents and extracts their claims on several cores,
// delivering the results in input order on the caller's goroutine, so
// output and store contents match a sequential run. Memory is bounded by
// the documents in flight: a few per worker.
type Pipeline struct {
	Reader    *Reader
	Extractor *Extractor
	Workers   int // extraction goroutines; 0 means one per core

	extracting atomic.Int64 // nanoseconds spent in Extract, summed over workers
}

// ExtractTime is the time the workers have spent extracting, summed over
// workers: on n cores, up to n times the wall-clock time.
func (p *Pipeline) ExtractTime() time.Duration { return time.Duration(p.extracting.Load()) }

// item is one document or one failure, numbered in input order.
type item struct {
	seq int
	doc schema.Document
	ex  schema.Extraction
	err error
}

// Run reads paths and calls emit with each extraction and fail with each
// input error, in the order the reader met them. It stops early if emit
// returns an error or ctx ends, and returns that error.
func (p *Pipeline) Run(ctx context.Context, paths []string, emit func(schema.Extraction) error, fail func(error)) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan item, 2*workers)
	results := make(chan item, 2*workers)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		send := func(it item) error {
			it.seq, seq = seq, seq+1
			select {
			case jobs <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		readErr = p.Reader.Read(ctx, paths, func(d schema.Document) error {
			return send(item{doc: d})
		}, func(err error) { send(item{err: err}) })
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				if it.err == nil {
					start := time.Now()
					it.ex = p.Extractor.Extract(it.doc)
					p.extracting.Add(int64(time.Since(start)))
				}
				select {
				case results <- it:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]item{}
	next := 0
	var emitErr error
	for it := range results {
		if emitErr != nil {
			continue // drain so the workers can finish
		}
		pending[it.seq] = it
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if it.err != nil {
				fail(it.err)
				continue
			}
			if emitErr = emit(it.ex); emitErr != nil {
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
