// Package examples checks that the example articles and Gizmo scripts do
// what the README says: each script in gizmo/ runs against a store built
// from articles/ and prints what its .json file holds. Run with -update to
// rewrite the expected outputs after a deliberate change.
package examples

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the expected outputs")

// exampleStore ingests articles/ into an in-memory store.
func exampleStore(t *testing.T) *graph.Store {
	t.Helper()
	ctx := context.Background()
	x, err := ingest.DefaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	store, err := graph.Open(ctx, "memory", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	r := &ingest.Reader{}
	err = r.Read(ctx, []string{"articles"}, func(doc schema.Document) error {
		_, err := store.WriteDocument(ctx, x.Extract(doc))
		return err
	}, func(err error) { t.Errorf("example article: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	return store
}

func TestGizmoExamples(t *testing.T) {
	store := exampleStore(t)
	scripts, _ := filepath.Glob("gizmo/*.js")
	if len(scripts) < 5 {
		t.Fatalf("%d example scripts, want at least 5", len(scripts))
	}
	for _, script := range scripts {
		t.Run(filepath.Base(script), func(t *testing.T) {
			src, err := os.ReadFile(script)
			if err != nil {
				t.Fatal(err)
			}
			res, err := store.Query(context.Background(), string(src), 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) == 0 {
				t.Fatal("no results")
			}
			got := sortedLines(t, res)
			want := strings.TrimSuffix(script, ".js") + ".json"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test ./examples -update to create it)", err)
			}
			if string(b) != got {
				t.Errorf("results differ from %s:\n got:\n%s\nwant:\n%s", want, got, b)
			}
		})
	}
}

// sortedLines renders results one JSON object a line, sorted, since a
// store does not promise an order.
func sortedLines(t *testing.T, res []interface{}) string {
	t.Helper()
	lines := make([]string, len(res))
	for i, r := range res {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		lines[i] = strings.TrimSpace(b.String())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}
