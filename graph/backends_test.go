package graph

import (
	"context"
	"reflect"
	"testing"
)

// TestBackendsAgree writes the same synthetic corpus, then replaces some of
// its documents, on every backend, and expects the same counts, the same
// corroboration and the same edges with the same sources everywhere: on
// backends that keep one row per triple, provenance comes from claim nodes.
func TestBackendsAgree(t *testing.T) {
	ctx := context.Background()
	exs := Synthesize(SynthOptions{Seed: 3, Entities: 40, Documents: 30, ClaimsPerDoc: 8})
	changed := Synthesize(SynthOptions{Seed: 4, Entities: 40, Documents: 5, ClaimsPerDoc: 8})
	for i := range changed {
		changed[i].Document.ID = exs[i].Document.ID // same ids, new content
		for j := range changed[i].Claims {
			changed[i].Claims[j].Doc = exs[i].Document.ID
		}
	}
	type result struct {
		Stats Stats
		Edges map[string][]Edge
	}
	var first *result
	var firstName string
	for name, open := range backends(t) {
		s := open(t)
		if _, err := s.WriteBatch(ctx, exs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := s.WriteBatch(ctx, changed); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := &result{Edges: map[string][]Edge{}}
		var err error
		if r.Stats, err = s.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		r.Stats.Quads = 0 // backends count stored rows differently
		for _, e := range []string{"Entity 00000", "Entity 00001", "Entity 00002", "Entity 00007"} {
			if r.Edges[e], err = s.EdgesOf(ctx, e); err != nil {
				t.Fatal(err)
			}
			sortEdges(r.Edges[e])
		}
		if first == nil {
			first, firstName = r, name
			continue
		}
		if !reflect.DeepEqual(first.Stats, r.Stats) {
			t.Errorf("stats differ:\n%s: %+v\n%s: %+v", firstName, first.Stats, name, r.Stats)
		}
		for e := range r.Edges {
			if !reflect.DeepEqual(first.Edges[e], r.Edges[e]) {
				t.Errorf("edges of %s differ:\n%s: %v\n%s: %v", e, firstName, first.Edges[e], name, r.Edges[e])
			}
		}
	}
}

func sortEdges(es []Edge) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && edgeKey(es[j]) < edgeKey(es[j-1]); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

func edgeKey(e Edge) string { return e.Subject + "\x00" + e.Predicate + "\x00" + e.Object }
