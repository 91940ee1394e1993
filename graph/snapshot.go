package graph

import (
	"context"
	"errors"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// A snapshot reads the store as it is at one moment. On bolt it is one
// read transaction that every scan and lookup of a command shares, so a
// question, a path or an export costs one transaction however many claims
// it reads; elsewhere it goes through Cayley's API. Nodes are named by ids
// that are valid for the snapshot only; 0 is no node.
type snapshot interface {
	// lookup returns the ids of values, 0 for each value the store does
	// not hold.
	lookup(vals []quad.Value) ([]uint64, error)
	// values returns the values of ids, nil for 0.
	values(ids []uint64) ([]quad.Value, error)
	// scan calls fn with each quad that has node in direction d
	// (quad.Subject or quad.Object) and, unless pred is 0, predicate pred.
	// fn may return errStop to end the scan early.
	scan(d quad.Direction, node, pred uint64, fn func(quadIDs) error) error
	// triple calls fn with each quad s, p, o, whatever its label.
	triple(s, p, o uint64, fn func(quadIDs) error) error
	// all calls fn with every quad of the store.
	all(fn func(quadIDs) error) error
	// version changes whenever the store is written; "" if unknown.
	version() string
	close() error
}

// quadIDs is a quad as the ids of its four values; l is 0 when unlabelled.
type quadIDs struct{ s, p, o, l uint64 }

// errStop ends a scan early without an error.
var errStop = errors.New("stop")

// snapshot opens a snapshot of the store. The caller holds the read lock
// and closes the snapshot before releasing it: a bolt read transaction
// left open while a writer grows the file would wait forever.
func (s *Store) snapshot(ctx context.Context) (snapshot, error) {
	if snap, ok, err := openBoltSnapshot(ctx, s.qs); ok || err != nil {
		return snap, err
	}
	return &cayleySnapshot{s: s, ctx: ctx, keys: map[interface{}]uint64{}}, nil
}

// cayleySnapshot reads through Cayley's API: memory and the SQL stores.
// It numbers the refs it meets so that callers see ids as on bolt.
type cayleySnapshot struct {
	s    *Store
	ctx  context.Context
	refs []cgraph.Ref
	keys map[interface{}]uint64
}

func (c *cayleySnapshot) id(r cgraph.Ref) uint64 {
	if r == nil {
		return 0
	}
	if id, ok := c.keys[r.Key()]; ok {
		return id
	}
	c.refs = append(c.refs, r)
	id := uint64(len(c.refs))
	c.keys[r.Key()] = id
	return id
}

func (c *cayleySnapshot) ref(id uint64) cgraph.Ref {
	if id == 0 || id > uint64(len(c.refs)) {
		return nil
	}
	return c.refs[id-1]
}

func (c *cayleySnapshot) lookup(vals []quad.Value) ([]uint64, error) {
	out := make([]uint64, len(vals))
	for i, v := range vals {
		out[i] = c.id(c.s.node(c.ctx, v))
	}
	return out, c.ctx.Err()
}

func (c *cayleySnapshot) values(ids []uint64) ([]quad.Value, error) {
	refs := make([]cgraph.Ref, len(ids))
	for i, id := range ids {
		refs[i] = c.ref(id)
	}
	vals, err := cgraph.ValuesOf(c.ctx, c.s.qs, refs)
	for i, r := range refs {
		if r == nil {
			vals[i] = nil
		}
	}
	return vals, err
}

func (c *cayleySnapshot) quad(q cgraph.Ref) quadIDs {
	qs := c.s.qs
	return quadIDs{s: c.id(qs.QuadDirection(q, quad.Subject)), p: c.id(qs.QuadDirection(q, quad.Predicate)),
		o: c.id(qs.QuadDirection(q, quad.Object)), l: c.id(qs.QuadDirection(q, quad.Label))}
}

func (c *cayleySnapshot) scan(d quad.Direction, node, pred uint64, fn func(quadIDs) error) error {
	n := c.ref(node)
	if n == nil {
		return nil
	}
	it := c.s.qs.QuadIterator(d, n)
	defer it.Close()
	for it.Next(c.ctx) {
		q := c.quad(it.Result())
		if pred != 0 && q.p != pred {
			continue
		}
		if err := fn(q); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return it.Err()
}

func (c *cayleySnapshot) triple(s, p, o uint64, fn func(quadIDs) error) error {
	return c.scan(quad.Subject, s, p, func(q quadIDs) error {
		if q.o != o {
			return nil
		}
		return fn(q)
	})
}

func (c *cayleySnapshot) all(fn func(quadIDs) error) error {
	it := c.s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(c.ctx) {
		if err := fn(c.quad(it.Result())); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return it.Err()
}

func (c *cayleySnapshot) version() string { return "" }
func (c *cayleySnapshot) close() error    { return nil }
