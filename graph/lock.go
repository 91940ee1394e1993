package graph

import (
	"context"
	"errors"
	"sync"
	"time"
)

// errGaveUp is a wait for the lock that ended before it was taken.
var errGaveUp = errors.New("gave up waiting for the store")

// errClosed is the use of a store after Close.
var errClosed = errors.New("the store is closed")

// writerGrace is how long a waiting writer lets new readers in before it
// makes them wait: long enough that a reader does not queue behind a
// writer that is itself waiting for a slow reader, short enough that a
// stream of overlapping readers cannot starve the writer.
const writerGrace = 2 * time.Second

// rwLock is a readers–writer lock whose waits end with their context.
// Unlike sync.RWMutex, a waiting writer does not stop new readers at once:
// bolt needs readers kept out only while a write transaction runs (a
// reader then can deadlock it), not while the writer waits for the
// readers before it. After grace the writer goes first.
type rwLock struct {
	mu      sync.Mutex
	readers int
	writing bool
	waiting time.Time     // since when a writer waits; zero if none
	changed chan struct{} // closed and replaced whenever the lock is released
	grace   time.Duration
}

// wait returns a channel closed at the next release. The caller holds l.mu.
func (l *rwLock) wait() <-chan struct{} {
	if l.changed == nil {
		l.changed = make(chan struct{})
	}
	return l.changed
}

// release wakes every waiter. The caller holds l.mu.
func (l *rwLock) release() {
	if l.changed != nil {
		close(l.changed)
		l.changed = nil
	}
}

// rlock takes the lock for reading, or gives up with errGaveUp when done
// closes.
func (l *rwLock) rlock(done <-chan struct{}) error {
	for {
		l.mu.Lock()
		if !l.writing && (l.waiting.IsZero() || time.Since(l.waiting) < l.graceTime()) {
			l.readers++
			l.mu.Unlock()
			return nil
		}
		ch := l.wait()
		l.mu.Unlock()
		select {
		case <-ch:
		case <-done:
			return errGaveUp
		}
	}
}

func (l *rwLock) runlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.readers--
	l.release()
}

// lock takes the lock for writing, or gives up with errGaveUp when done
// closes. There is one writer at a time (the Store's writer semaphore), so
// waiting is a single time.
func (l *rwLock) lock(done <-chan struct{}) error {
	l.mu.Lock()
	l.waiting = time.Now()
	for l.writing || l.readers > 0 {
		ch := l.wait()
		l.mu.Unlock()
		select {
		case <-ch:
		case <-done:
			l.mu.Lock()
			l.waiting = time.Time{}
			l.release()
			l.mu.Unlock()
			return errGaveUp
		}
		l.mu.Lock()
	}
	l.waiting, l.writing = time.Time{}, true
	l.mu.Unlock()
	return nil
}

func (l *rwLock) unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writing = false
	l.release()
}

func (l *rwLock) graceTime() time.Duration {
	if l.grace > 0 {
		return l.grace
	}
	return writerGrace
}

// rlock takes the store for reading until runlock, or returns why not:
// the context ended, or the store is closed or could not be reopened.
func (s *Store) rlock(ctx context.Context) error {
	if s.rw.rlock(ctx.Done()) != nil {
		return ctx.Err()
	}
	if s.broken != nil {
		s.rw.runlock()
		return s.broken
	}
	return nil
}

func (s *Store) runlock() { s.rw.runlock() }

// lockWriter makes the caller the store's one writer until unlockWriter.
func (s *Store) lockWriter(ctx context.Context) error {
	select {
	case s.writer <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Store) unlockWriter() { <-s.writer }

// exclusive reports whether readers must be kept out while a write
// transaction runs: on bolt (a reader during a growing write transaction
// can deadlock) and in memory (Cayley's memstore has no locks), not on the
// SQL backends, whose servers isolate transactions.
func (s *Store) exclusive() bool { return s.backend == "bolt" || s.backend == "memory" }
