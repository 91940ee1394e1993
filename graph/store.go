package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // the embedded default store
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/mysql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx"
)

// ErrLocked is returned when another process holds a bolt store.
var ErrLocked = errors.New("the database is in use by another claimgraph process")

// Options tunes how a store is opened.
type Options struct {
	// LockWait is how long to wait for another process to release a bolt
	// store before giving up; zero means three seconds.
	LockWait time.Duration
	// NoCopy makes writes to PostgreSQL go through Cayley's row by row
	// INSERTs instead of COPY.
	NoCopy bool
	// ScriptMemory is how far, in bytes, a Gizmo script may grow the
	// process's memory (heap and stacks) before it is stopped; 0 means
	// 1 GiB.
	ScriptMemory int64
	// Existing refuses to create a bolt store that is not there yet, for
	// commands that only read: a mistyped --db is an error, not an empty
	// graph (ErrNoStore).
	Existing bool
}

// ErrNoStore is returned by Open with Existing for a bolt store that does
// not exist.
var ErrNoStore = errors.New("no claimgraph store")

// Store is a claim graph in a Cayley quad store. Its methods are safe for
// concurrent use. Writers take turns; on bolt and in memory, readers are
// kept out while a write transaction runs, because a bolt reader opened
// during a growing write transaction can deadlock (and Cayley's memstore
// has no locks), and on the SQL backends they are not kept out at all.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	rw      rwLock        // readers against the applying writer
	writer  chan struct{} // held by the one writer
	broken  error         // why the store cannot be used any more, after a failed reopen
	lock    *os.File
	path    string
	// typed remembers entity type quads known to be stored, so that a
	// write need not look for them again.
	typed map[quad.Quad]bool
	// docs caches what readers take from document nodes (docFacts by id);
	// writes clear it.
	docs sync.Map
	// names is the name index of the store's last version read (names.go).
	names atomic.Pointer[nameIndex]
	// copy sends additions to PostgreSQL with COPY, on pg, a connection of
	// its own opened on first use.
	copy bool
	pg   *pgx.Conn
	// scriptMemory is Options.ScriptMemory.
	scriptMemory int64
	// sqlDBPool reaches PostgreSQL, MySQL or MariaDB directly, for
	// aggregate queries; opened on first use by sqlDB.
	sqlOnce   sync.Once
	sqlDBPool *sql.DB
	sqlErr    error
}

// Open opens or creates the store named by dsn: "memory"; a postgres:// or
// postgresql:// URL; a mysql:// URL (MySQL or MariaDB); a cockroach:// URL
// (CockroachDB, spoken to as PostgreSQL); or else the directory of a bolt
// database. SQL databases are initialised on first use.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	s, err := open(ctx, dsn, opt)
	if err == nil {
		s.scriptMemory = opt.ScriptMemory
		if s.scriptMemory <= 0 {
			s.scriptMemory = defaultScriptMemory
		}
	}
	return s, err
}

func open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	switch {
	case dsn == "memory" || dsn == ":memory:":
		qs, err := cgraph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, err
		}
		return newStore(qs, "memory", dsn, nil), nil
	case strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"):
		s, err := openSQL(ctx, "postgres", dsn, dsn)
		if err == nil {
			s.copy = !opt.NoCopy
		}
		return s, err
	case strings.HasPrefix(dsn, "cockroach://"):
		return openSQL(ctx, "cockroach", dsn, "postgresql://"+strings.TrimPrefix(dsn, "cockroach://"))
	case strings.HasPrefix(dsn, "mysql://"):
		native, err := mysqlDSN(dsn)
		if err != nil {
			return nil, err
		}
		return openSQL(ctx, "mysql", dsn, native)
	}
	if opt.Existing && !boltExists(dsn) {
		return nil, fmt.Errorf("%w at %s: ingest articles first (claimgraph --db %s ingest PATH), or check --db and CLAIMGRAPH_DB", ErrNoStore, dsn, dsn)
	}
	return openBolt(dsn, opt)
}

// mysqlDSN turns mysql://user:pass@host:port/db?params into the driver's
// user:pass@tcp(host:port)/db?params.
func mysqlDSN(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Host == "" || strings.Trim(u.Path, "/") == "" {
		return "", fmt.Errorf("--db %s: want mysql://user[:password]@host[:port]/database", dsn)
	}
	host := u.Host
	if u.Port() == "" {
		host += ":3306"
	}
	params := u.Query()
	params.Set("parseTime", "true")
	return fmt.Sprintf("%s@tcp(%s)/%s?%s", u.User.String(), host, strings.Trim(u.Path, "/"), params.Encode()), nil
}

// openSQL opens a store through Cayley's SQL backend; name is the --db
// the user gave, native the DSN the driver takes.
func openSQL(ctx context.Context, backend, name, native string) (*Store, error) {
	if err := cgraph.InitQuadStore(backend, native, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) && !tableExists(err) {
		return nil, fmt.Errorf("initialise %s store %s: %w", backend, Redact(name), err)
	}
	qs, err := cgraph.NewQuadStore(backend, native, nil)
	if err != nil {
		return nil, fmt.Errorf("open %s store %s: %w", backend, Redact(name), err)
	}
	return newStore(qs, backend, name, nil), nil
}

// tableExists reports MySQL's "table already exists" (error 1050), which
// Cayley's mysql backend returns as it is where its postgres backend says
// ErrDatabaseExists: the store was initialised before.
func tableExists(err error) bool {
	var my *mysql.MySQLError
	return errors.As(err, &my) && my.Number == 1050
}

// Redact hides a password in a database URL for messages and summaries.
func Redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}

// boltExists reports whether dir holds a bolt store.
func boltExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "indexes.bolt"))
	return err == nil
}

// openBolt opens a bolt store in dir, taking a lock file first: bolt itself
// waits forever for a database another process holds.
func openBolt(dir string, opt Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create store directory %s: %w", dir, err)
	}
	lock, err := lockDir(dir, opt.LockWait)
	if err != nil {
		return nil, err
	}
	var qs cgraph.QuadStore
	err = survive(func() error {
		if err := checkBoltFile(dir); err != nil {
			return err
		}
		if err := cgraph.InitQuadStore("bolt", dir, boltOptions); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return err
		}
		var err error
		qs, err = cgraph.NewQuadStore("bolt", dir, boltOptions)
		return err
	})
	if err != nil {
		lock.Close()
		return nil, damaged(dir, err)
	}
	return newStore(qs, "bolt", dir, lock), nil
}

// boltOptions open bolt stores without Cayley's bloom filters, which it
// would rebuild from every quad on each open.
var boltOptions = cgraph.Options{"no_bloom": true}

func newStore(qs cgraph.QuadStore, backend, path string, lock *os.File) *Store {
	return &Store{qs: qs, backend: backend, path: path, lock: lock, typed: map[quad.Quad]bool{},
		writer: make(chan struct{}, 1)}
}

func damaged(dir string, err error) error {
	return fmt.Errorf("open store %s: %v: the database is damaged or not a claimgraph store; "+
		"restore it from a backup, or ingest again into a new --db", dir, err)
}

// lockDir takes an exclusive lock on dir/claimgraph.lock, waiting up to
// wait for another process to release it.
func lockDir(dir string, wait time.Duration) (*os.File, error) {
	if wait == 0 {
		wait = 3 * time.Second
	}
	path := filepath.Join(dir, "claimgraph.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock store %s: %w", dir, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			f.Truncate(0)
			fmt.Fprintf(f, "%d\n", os.Getpid())
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock store %s: %w", dir, err)
		}
		if time.Now().After(deadline) {
			pid, _ := os.ReadFile(path)
			f.Close()
			return nil, fmt.Errorf("%s: %w (pid %s); wait for it to finish, or use another --db",
				dir, ErrLocked, strings.TrimSpace(string(pid)))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Backend names the kind of store: bolt, memory, postgres, mysql or
// cockroach.
func (s *Store) Backend() string { return s.backend }

// sharedTriples reports whether the backend stores a triple once whatever
// its label, as Cayley's mysql and cockroach backends do: relation edges
// then cannot say which documents assert them, and claim nodes must.
func (s *Store) sharedTriples() bool { return s.backend == "mysql" || s.backend == "cockroach" }

// Close closes the store and releases its lock, once the readers and the
// writer are done.
func (s *Store) Close() error {
	s.writer <- struct{}{}
	defer func() { <-s.writer }()
	s.rw.lock(nil)
	defer s.rw.unlock()
	if s.broken == errClosed {
		return nil
	}
	var err error
	if s.broken == nil {
		err = s.qs.Close()
	}
	s.broken = errClosed
	if s.pg != nil {
		s.pg.Close()
	}
	if s.sqlDBPool != nil {
		s.sqlDBPool.Close()
	}
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}
