package graph

import (
	"context"
	"fmt"
	"sort"
)

// Neighbourhood is the part of the graph within some hops of an entity.
type Neighbourhood struct {
	Center string         `json:"center"`
	Hops   map[string]int `json:"hops"`  // entity → hops from the center
	Edges  []Edge         `json:"edges"` // every edge met, with its sources
}

// Neighbors returns the entities within hops of an entity and the edges
// that reach them, over relation edges in either direction. Predicates and
// MinSources of opt filter edges as for Paths. It reads in one snapshot.
func (s *Store) Neighbors(ctx context.Context, entity string, hops int, opt PathOptions) (Neighbourhood, error) {
	if err := opt.check(); err != nil {
		return Neighbourhood{}, err
	}
	var out Neighbourhood
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.neighbors(entity, hops, opt)
		return err
	})
	return out, err
}

func (r *reader) neighbors(entity string, hops int, opt PathOptions) (Neighbourhood, error) {
	start, err := r.id(entity)
	if err != nil {
		return Neighbourhood{}, err
	}
	if start == 0 {
		return Neighbourhood{}, fmt.Errorf("%q: %w", entity, ErrNotFound)
	}
	sr, err := r.newSearch(opt)
	if err != nil {
		return Neighbourhood{}, err
	}
	out := Neighbourhood{Center: entity, Hops: map[string]int{entity: 0}}
	dist := map[uint64]int{start: 0}
	frontier := []uint64{start}
	type edgeKey struct{ s, p, o uint64 }
	seenEdge := map[edgeKey]bool{}
	for d := 1; d <= hops && len(frontier) > 0; d++ {
		var next []uint64
		for _, node := range frontier {
			adjs, err := sr.neighbours(node)
			if err != nil {
				return out, err
			}
			for _, a := range adjs {
				k := edgeKey{node, a.pred, a.other}
				if !a.forward {
					k = edgeKey{a.other, a.pred, node}
				}
				if !seenEdge[k] {
					seenEdge[k] = true
					e, err := r.edge(node, a)
					if err != nil {
						return out, err
					}
					out.Edges = append(out.Edges, e)
				}
				if _, ok := dist[a.other]; !ok {
					dist[a.other] = d
					out.Hops[r.str(a.other)] = d
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
