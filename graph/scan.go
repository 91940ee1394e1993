package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// scan calls fn with each quad that has node in direction d (subject or
// object) and predicate pred. On bolt and the other key-value stores it
// scans the (subject, predicate) or (object, predicate) prefix of Cayley's
// own indexes, so a busy entity costs only the quads asked for; elsewhere
// it filters the direction's quads.
func (s *Store) scan(ctx context.Context, d quad.Direction, node, pred cgraph.Ref, fn func(q cgraph.Ref)) error {
	var it cgraph.Iterator
	if ind, ok := s.prefixIndex(d); ok {
		n, okN := node.(kv.Int64Value)
		p, okP := pred.(kv.Int64Value)
		if okN && okP {
			it = kv.NewQuadIterator(s.qs.(*kv.QuadStore), ind, []uint64{uint64(n), uint64(p)})
		}
	}
	filter := it == nil
	if filter {
		it = s.qs.QuadIterator(d, node)
	}
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		if filter {
			if p := s.qs.QuadDirection(q, quad.Predicate); p == nil || p.Key() != pred.Key() {
				continue
			}
		}
		fn(q)
	}
	return it.Err()
}

// prefixIndex returns the kv index whose keys start with direction d and
// then the predicate, if the store is a kv store with Cayley's default
// indexes.
func (s *Store) prefixIndex(d quad.Direction) (kv.QuadIndex, bool) {
	if _, ok := s.qs.(*kv.QuadStore); !ok {
		return kv.QuadIndex{}, false
	}
	for _, ind := range kv.DefaultQuadIndexes {
		if len(ind.Dirs) >= 2 && ind.Dirs[0] == d && ind.Dirs[1] == quad.Predicate {
			return ind, true
		}
	}
	return kv.QuadIndex{}, false
}

// node returns the ref of a node the store holds, or nil. On the SQL
// backends ValueOf hashes any value, held or not, so a node is held only if
// a quad names it.
func (s *Store) node(ctx context.Context, v quad.Value) cgraph.Ref {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	switch s.backend {
	case "bolt", "memory":
		return ref
	}
	// A predicate ("cg:subject") or a label is a node only in those
	// directions.
	for _, d := range []quad.Direction{quad.Subject, quad.Object, quad.Predicate, quad.Label} {
		it := s.qs.QuadIterator(d, ref)
		found := it.Next(ctx)
		it.Close()
		if found {
			return ref
		}
	}
	return nil
}
