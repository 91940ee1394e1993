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

// ErrScriptMemory is returned by a Gizmo script stopped because the memory
// it took went over the store's budget (Options.ScriptMemory).
var ErrScriptMemory = errors.New("the script took more memory than its budget and was stopped")

// Query runs a Gizmo script and returns at most limit results, each in the
// JSON shape Cayley's HTTP API gives. The context's deadline is enforced
// even on a script that never ends: the JavaScript is interrupted. So is a
// script whose memory, heap and stack, goes over Options.ScriptMemory:
// it fails with ErrScriptMemory, and the process goes on.
func (s *Store) Query(ctx context.Context, script string, limit int) ([]interface{}, error) {
	if err := s.rlock(ctx); err != nil {
		return nil, timedOut(err)
	}
	defer s.runlock()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer watchMemory(ctx, s.scriptMemory, cancel)()
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
	if cause := context.Cause(ctx); errors.Is(cause, ErrScriptMemory) {
		return nil, fmt.Errorf("gizmo: %w (%d MB): build smaller arrays, add .Limit(), or recurse less deeply", cause, s.scriptMemory>>20)
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return out, ErrTimeout
		}
		return out, fmt.Errorf("gizmo: %w", err)
	}
	return out, timedOut(ctx.Err())
}

// timedOut turns a deadline into ErrTimeout and leaves other errors alone.
func timedOut(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout
	}
	return err
}
