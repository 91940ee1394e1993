package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// chainStore holds A-sanctioned->B, B-met-C, C-bought->D and
// A-criticized->E, E-met-F, D-met-F: two shortest paths of 3 hops from A to
// D; only D met F is asserted by two documents.
func chainStore(t *testing.T, open func(t *testing.T) *Store) *Store {
	t.Helper()
	s := open(t)
	ctx := context.Background()
	docs := map[string][]schema.Claim{
		"one": {claim("A", "sanctioned", "B", schema.Asserted), claim("B", "met", "C", schema.Asserted),
			claim("C", "bought", "D", schema.Asserted)},
		"two": {claim("A", "criticized", "E", schema.Asserted), claim("E", "met", "F", schema.Asserted),
			claim("D", "met", "F", schema.Asserted), claim("A", "invaded", "D", schema.Denied)},
		"three": {claim("D", "met", "F", schema.Asserted)},
	}
	for id, cs := range docs {
		if _, err := s.WriteDocument(ctx, extraction(id, id, cs...)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func hopsOf(p Path) string {
	var parts []string
	for _, h := range p.Hops {
		arrow := "->"
		if !h.Forward {
			arrow = "<-"
		}
		parts = append(parts, h.From+" "+arrow+h.Edge.Predicate+arrow+" "+h.To)
	}
	return strings.Join(parts, ", ")
}

func TestPaths(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := chainStore(t, open)
			ctx := context.Background()
			all, err := s.Paths(ctx, "A", "D", PathOptions{All: true})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, p := range all {
				got[hopsOf(p)] = true
				for _, h := range p.Hops {
					if len(h.Evidence) == 0 || !h.Evidence[0].Asserted() {
						t.Errorf("hop %s->%s has no asserted evidence", h.From, h.To)
					}
				}
			}
			want := []string{
				"A ->sanctioned-> B, B ->met-> C, C ->bought-> D",
				"A ->criticized-> E, E ->met-> F, F <-met<- D",
			}
			if len(all) != 2 {
				t.Errorf("got %d paths: %v", len(all), got)
			}
			for _, w := range want {
				if !got[w] {
					t.Errorf("missing path %q in %v", w, got)
				}
			}
			one, _ := s.Paths(ctx, "A", "D", PathOptions{})
			if len(one) != 1 {
				t.Errorf("without All: %d paths", len(one))
			}
			strong, _ := s.Paths(ctx, "A", "D", PathOptions{All: true, MinSources: 2})
			if len(strong) != 0 {
				t.Errorf("min sources 2 should leave no path, got %v", strong)
			}
			only, _ := s.Paths(ctx, "A", "D", PathOptions{All: true, Predicates: []string{"sanctioned", "met", "bought"}})
			if len(only) != 1 || hopsOf(only[0]) != want[0] {
				t.Errorf("restricted: %v", only)
			}
			short, _ := s.Paths(ctx, "A", "D", PathOptions{MaxHops: 2})
			if len(short) != 0 {
				t.Errorf("max 2 hops: %v", short)
			}
			if _, err := s.Paths(ctx, "A", "Nowhere", PathOptions{}); !errors.Is(err, ErrNotFound) {
				t.Errorf("unknown entity: %v", err)
			}
		})
	}
}

func TestEdgesAndClaimsAbout(t *testing.T) {
	s := chainStore(t, func(t *testing.T) *Store { return openT(t, "memory") })
	ctx := context.Background()
	edges, err := s.EdgesOf(ctx, "D")
	if err != nil || len(edges) != 2 {
		t.Fatalf("edges %v %v", edges, err)
	}
	if e := edges[0]; e.Predicate != "met" || e.Object != "F" || len(e.Sources) != 2 {
		t.Errorf("most corroborated first: %+v", e)
	}
	claims, err := s.ClaimsAbout(ctx, "A", "D")
	if err != nil || len(claims) != 1 || claims[0].Modality != "denied" {
		t.Errorf("claims between A and D: %+v %v", claims, err)
	}
	all, _ := s.ClaimsAbout(ctx, "A", "")
	if len(all) != 3 {
		t.Errorf("claims about A: %d", len(all))
	}
	ev, _ := s.Evidence(ctx, "F", "met", "D", true)
	if len(ev) != 2 {
		t.Errorf("symmetric evidence: %d", len(ev))
	}
}

// TestRoutes checks that paths differing only in a parallel edge make one
// route, and that routes rank by their weakest hop's sources.
func TestRoutes(t *testing.T) {
	hop := func(from, to, pred string, docs ...string) Hop {
		return Hop{From: from, To: to, Forward: true, Edge: Edge{Subject: from, Predicate: pred, Object: to, Sources: docs}}
	}
	paths := []Path{
		{Hops: []Hop{hop("A", "B", "met", "d1"), hop("B", "D", "met", "d1")}},
		{Hops: []Hop{hop("A", "B", "met", "d1"), hop("B", "D", "praised", "d2")}},
		{Hops: []Hop{hop("A", "C", "met", "d1", "d2"), hop("C", "D", "met", "d3", "d4")}},
	}
	rs := Routes(paths)
	if len(rs) != 2 {
		t.Fatalf("%d routes, want 2: %+v", len(rs), rs)
	}
	if got := strings.Join(rs[0].Nodes, " "); got != "A C D" || rs[0].Sources != 2 || rs[0].Total != 4 {
		t.Errorf("best route %s, weakest %d, total %d; want A C D, 2, 4", got, rs[0].Sources, rs[0].Total)
	}
	if b := rs[1].Hops[1]; len(b.Edges) != 2 || b.Sources != 2 || b.Edges[0].Edge.Predicate != "met" {
		t.Errorf("parallel edges of B-D: %+v", b)
	}
	if best := rs[1].Best(); len(best.Hops) != 2 {
		t.Errorf("best path of a route: %+v", best)
	}
}
