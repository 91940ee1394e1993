package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// ErrTimeout is returned by a query that ran out of time.
var ErrTimeout = errors.New("query timed out")

// Query runs a Gizmo script and returns at most limit results, each in the
// JSON shape Cayley's HTTP API gives. The context's deadline is enforced
// even on a script that never ends: the JavaScript is interrupted.
func (s *Store) Query(ctx context.Context, script string, limit int) ([]interface{}, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ses := gizmo.NewSession(s.qs)
	it, err := ses.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	out := []interface{}{}
	for (limit <= 0 || len(out) < limit) && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return out, ErrTimeout
		}
		return out, fmt.Errorf("gizmo: %w", err)
	}
	if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return out, ErrTimeout
	}
	return out, nil
}
