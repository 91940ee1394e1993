package graph

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestScriptMemoryBudget runs Gizmo scripts that would take all the
// machine's memory, by arrays or by recursion, and expects each to fail
// with ErrScriptMemory and the store to go on answering.
func TestScriptMemoryBudget(t *testing.T) {
	s, err := Open(context.Background(), "memory", Options{ScriptMemory: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bombs := map[string]string{
		"arrays":              `var a = []; while (true) a.push(new Array(1e6))`,
		"strings":             `var s = "x"; while (true) s = s + s`,
		"recursion":           `function f(n) { return f(n + 1) + 1 } f(0)`,
		"recursion in native": `function f(n) { return [n].map(f) } f(0)`,
	}
	for name, script := range bombs {
		t.Run(name, func(t *testing.T) {
			// The deadline only keeps a broken budget from hanging the test.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if _, err := s.Query(ctx, script, 10); !errors.Is(err, ErrScriptMemory) {
				t.Fatalf("got %v, want ErrScriptMemory", err)
			}
			if _, err := s.Query(ctx, `g.V().All()`, 10); err != nil {
				t.Fatalf("the next query: %v", err)
			}
		})
	}
}
