package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Neighbourhood is the part of the graph within some hops of an entity.
type Neighbourhood struct {
	Center string         `json:"center"`
	Hops   map[string]int `json:"hops"`  // entity → hops from the center
	Edges  []Edge         `json:"edges"` // every edge met, with its sources
}

// Neighbors returns the entities within hops of an entity and the edges
// that reach them, over relation edges in either direction. Predicates and
// MinSources of opt filter edges as for Paths.
func (s *Store) Neighbors(ctx context.Context, entity string, hops int, opt PathOptions) (Neighbourhood, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	start := s.node(ctx, quad.String(entity))
	if start == nil {
		return Neighbourhood{}, fmt.Errorf("%q: %w", entity, ErrNotFound)
	}
	sr := s.newSearch(ctx, opt)
	n := &names{s: s, cache: map[interface{}]string{}}
	out := Neighbourhood{Center: entity, Hops: map[string]int{entity: 0}}
	dist := map[interface{}]int{start.Key(): 0}
	frontier := []cgraph.Ref{start}
	seenEdge := map[string]bool{}
	for d := 1; d <= hops && len(frontier) > 0; d++ {
		var next []cgraph.Ref
		for _, node := range frontier {
			adjs, err := sr.neighbours(node)
			if err != nil {
				return out, err
			}
			from := n.of(node)
			for _, a := range adjs {
				e := Edge{Subject: from, Predicate: n.of(a.pred), Object: n.of(a.other)}
				if !a.forward {
					e.Subject, e.Object = e.Object, from
				}
				key := e.Subject + "\x00" + e.Predicate + "\x00" + e.Object
				if !seenEdge[key] {
					seenEdge[key] = true
					if a.docs != nil {
						e.Sources = a.docs
					}
					for _, src := range a.sources {
						if a.docs == nil {
							e.Sources = append(e.Sources, n.of(src))
						}
					}
					sort.Strings(e.Sources)
					out.Edges = append(out.Edges, e)
				}
				if _, ok := dist[a.other.Key()]; !ok {
					dist[a.other.Key()] = d
					out.Hops[n.of(a.other)] = d
					next = append(next, a.other)
				}
			}
		}
		frontier = next
	}
	sort.SliceStable(out.Edges, func(i, j int) bool {
		a, b := out.Edges[i], out.Edges[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Subject+a.Predicate+a.Object < b.Subject+b.Predicate+b.Object
	})
	return out, nil
}
