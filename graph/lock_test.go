package graph

import (
	"context"
	"errors"
	"testing"
	"time"
)

// waitingWriter starts a writer on l and returns once it waits, with a
// channel that receives the writer's result.
func waitingWriter(t *testing.T, l *rwLock) chan error {
	t.Helper()
	got := make(chan error, 1)
	go func() { got <- l.lock(nil) }()
	for {
		l.mu.Lock()
		waiting := !l.waiting.IsZero()
		l.mu.Unlock()
		if waiting {
			return got
		}
		time.Sleep(time.Millisecond)
	}
}

// TestReadersDoNotQueueBehindAWaitingWriter: a reader arriving while a
// writer waits for an earlier, slow reader goes in at once (bolt needs
// readers kept out only while the write runs), and the writer gets the
// lock when the readers are gone.
func TestReadersDoNotQueueBehindAWaitingWriter(t *testing.T) {
	l := &rwLock{grace: time.Hour}
	if err := l.rlock(nil); err != nil {
		t.Fatal(err)
	}
	wrote := waitingWriter(t, l)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the reader must not wait at all
	if err := l.rlock(ctx.Done()); err != nil {
		t.Fatalf("a reader queued behind a waiting writer: %v", err)
	}
	l.runlock()
	l.runlock()
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
	if err := l.rlock(ctx.Done()); !errors.Is(err, errGaveUp) {
		t.Fatalf("a reader got in while the writer wrote: %v", err)
	}
	l.unlock()
}

// TestWriterGoesFirstAfterGrace: once a writer has waited its grace, new
// readers wait for it, so a stream of readers cannot starve it; a wait
// ends with its context.
func TestWriterGoesFirstAfterGrace(t *testing.T) {
	l := &rwLock{grace: time.Nanosecond}
	if err := l.rlock(nil); err != nil {
		t.Fatal(err)
	}
	wrote := waitingWriter(t, l)
	time.Sleep(time.Millisecond) // past the grace
	done := make(chan struct{})
	close(done)
	if err := l.rlock(done); !errors.Is(err, errGaveUp) {
		t.Fatalf("a reader went ahead of a writer past its grace: %v", err)
	}
	l.runlock()
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
	l.unlock()
}

// TestStoreReadStopsAtDeadline: a reader waiting for a writer gives up
// with its context.
func TestStoreReadStopsAtDeadline(t *testing.T) {
	s := openT(t, "memory")
	if err := s.rw.lock(nil); err != nil {
		t.Fatal(err)
	}
	defer s.rw.unlock()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := s.Stats(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("stats during a write: %v, want the deadline", err)
	}
}
