package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// quadsFrom returns the quads whose subject is v. The caller holds s.mu.
func (s *Store) quadsFrom(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	return s.quadsDir(ctx, quad.Subject, v)
}

// quadsDir returns the quads that have v in direction d, through the
// store's index for that direction.
func (s *Store) quadsDir(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(d, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	return out, it.Err()
}

// subjectsOf returns the subjects of quads with predicate p and object o,
// through the object index.
func (s *Store) subjectsOf(ctx context.Context, p string, o quad.Value) ([]quad.Value, error) {
	qs, err := s.quadsDir(ctx, quad.Object, o)
	if err != nil {
		return nil, err
	}
	var out []quad.Value
	pred := quad.String(p)
	for _, q := range qs {
		if q.Predicate == pred {
			out = append(out, q.Subject)
		}
	}
	return out, nil
}

// valueString returns a value's text without quotes or brackets.
func valueString(v quad.Value) string {
	if v == nil {
		return ""
	}
	if s, ok := v.Native().(string); ok {
		return s
	}
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	}
	return v.String()
}

var _ cgraph.QuadStore // the package's one store interface
