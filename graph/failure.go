package graph

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx"
	"github.com/lib/pq"
)

// StoreError is a write the store itself could not take: its disk is
// full, read-only or failing, or its database server is out of resources.
// Unlike a write that one document made fail, writing more would fail the
// same way.
type StoreError struct{ Err error }

func (e *StoreError) Error() string { return e.Err.Error() }
func (e *StoreError) Unwrap() error { return e.Err }

// storeError wraps err as a *StoreError when the store itself failed.
func storeError(err error) error {
	if storeFailed(err) {
		return &StoreError{Err: err}
	}
	return err
}

// storeFailed recognises the failures of a store rather than of a write.
// Cayley and bolt do not always wrap the system's error, so its text
// counts too.
func storeFailed(err error) bool {
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EIO} {
		if errors.Is(err, errno) {
			return true
		}
	}
	msg := strings.ToLower(err.Error())
	for _, text := range []string{"no space left on device", "disk quota exceeded", "read-only file system", "input/output error"} {
		if strings.Contains(msg, text) {
			return true
		}
	}
	// SQLSTATE class 53 is insufficient resources (disk full, out of
	// memory), 58 a system error (I/O); MySQL's 1021 is a full disk, 1114
	// a full table, 3 an error writing a file.
	var pqErr *pq.Error
	var pgxErr pgx.PgError
	var myErr *mysql.MySQLError
	switch {
	case errors.As(err, &pqErr):
		return pqErr.Code.Class() == "53" || pqErr.Code.Class() == "58"
	case errors.As(err, &pgxErr):
		return strings.HasPrefix(pgxErr.Code, "53") || strings.HasPrefix(pgxErr.Code, "58")
	case errors.As(err, &myErr):
		return myErr.Number == 1021 || myErr.Number == 1114 || myErr.Number == 3
	}
	return false
}

// reopen closes a bolt store and opens it again after a failed write, and
// forgets what the Store remembered of it. Cayley's kv layer keeps the ids
// of the values a failed transaction created in its value cache; the next
// write would store quads naming values that do not exist, or another
// value that later took the same id. The caller holds the writer and the
// exclusive lock.
func (s *Store) reopen() {
	s.typed = map[quad.Quad]bool{}
	s.docs.Clear()
	if s.backend != "bolt" {
		return
	}
	s.qs.Close()
	qs, err := cgraph.NewQuadStore("bolt", s.path, boltOptions)
	if err != nil {
		s.broken = fmt.Errorf("reopen store %s after a failed write: %w: run claimgraph again, then claimgraph verify", s.path, err)
		return
	}
	s.qs = qs
}
