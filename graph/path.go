package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"
)

// ErrNotFound is returned for an entity the store does not hold.
var ErrNotFound = errors.New("not in the graph")

// PathOptions restricts a path search.
type PathOptions struct {
	MaxHops    int      // longest path to look for; 0 means 4
	All        bool     // every shortest path, not only the first
	Predicates []string // only these relations, if any
	MinSources int      // ignore edges asserted by fewer documents
	Evidence   int      // evidence sentences to attach to each hop; 0 means 1
	Limit      int      // most paths to return with All; 0 means 100
}

// Hop is one edge of a path, in its true direction, with its evidence.
type Hop struct {
	From     string     `json:"from"`
	To       string     `json:"to"`
	Edge     Edge       `json:"edge"`
	Forward  bool       `json:"forward"` // From is the edge's subject
	Evidence []Evidence `json:"evidence"`
}

// Path is a chain of hops from one entity to another.
type Path struct {
	Hops []Hop `json:"hops"`
}

// step records how a search reached a node.
type step struct {
	prev uint64
	via  adj
}

// search is one bidirectional breadth-first search.
type search struct {
	r       *reader
	opt     PathOptions
	allowed []uint64 // the relations allowed, or nil for all
	cache   map[uint64][]adj
}

// Paths finds the shortest paths between two entities over relation
// edges, ignoring their direction; each hop keeps its true direction and
// its evidence. Cayley v0.7.7 has no shortest path, so this is a
// bidirectional breadth-first search over the store's indexes, in one
// snapshot.
func (s *Store) Paths(ctx context.Context, from, to string, opt PathOptions) ([]Path, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	var out []Path
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.paths(from, to, opt)
		return err
	})
	return out, err
}

func (r *reader) paths(from, to string, opt PathOptions) ([]Path, error) {
	if opt.MaxHops <= 0 {
		opt.MaxHops = 4
	}
	if opt.Evidence <= 0 {
		opt.Evidence = 1
	}
	if opt.Limit <= 0 {
		opt.Limit = 100
	}
	ids, err := r.snap.lookup([]quad.Value{quad.String(from), quad.String(to)})
	if err != nil {
		return nil, err
	}
	for i, name := range []string{from, to} {
		if ids[i] == 0 {
			return nil, fmt.Errorf("%q: %w", name, ErrNotFound)
		}
	}
	sr, err := r.newSearch(opt)
	if err != nil {
		return nil, err
	}
	if ids[0] == ids[1] {
		return []Path{{}}, nil
	}
	m, err := sr.run(ids[0], ids[1])
	if err != nil {
		return nil, err
	}
	return sr.paths(m)
}

// newSearch prepares a search over relation edges filtered by opt.
func (r *reader) newSearch(opt PathOptions) (*search, error) {
	allowed, err := r.predIDs(opt.Predicates)
	return &search{r: r, opt: opt, allowed: allowed, cache: map[uint64][]adj{}}, err
}

// neighbours returns a node's edges that pass the search's filters.
func (sr *search) neighbours(node uint64) ([]adj, error) {
	if a, ok := sr.cache[node]; ok {
		return a, nil
	}
	out, err := sr.r.adjacent(node, sr.allowed)
	if err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, a := range out {
		if a.support() >= sr.opt.MinSources && a.support() > 0 {
			kept = append(kept, a)
		}
	}
	sr.cache[node] = kept
	return kept, nil
}

// run searches from both ends a level at a time, expanding the smaller
// frontier, and returns for each side how every node was reached, with
// the nodes where the searches met.
func (sr *search) run(a, b uint64) (*meeting, error) {
	fw := &side{dist: map[uint64]int{a: 0}, parents: map[uint64][]step{}, frontier: []uint64{a}}
	bw := &side{dist: map[uint64]int{b: 0}, parents: map[uint64][]step{}, frontier: []uint64{b}}
	for depth := 0; depth < sr.opt.MaxHops; depth++ {
		if len(fw.frontier) == 0 || len(bw.frontier) == 0 {
			return nil, nil
		}
		grow, other := fw, bw
		if len(bw.frontier) < len(fw.frontier) {
			grow, other = bw, fw
		}
		met, err := sr.expand(grow, other)
		if err != nil {
			return nil, err
		}
		if len(met) > 0 {
			return &meeting{fw: fw, bw: bw, nodes: met}, nil
		}
	}
	return nil, nil
}

// side is one direction of the search.
type side struct {
	dist     map[uint64]int
	parents  map[uint64][]step
	frontier []uint64
	level    int
}

type meeting struct {
	fw, bw *side
	nodes  []uint64
}

// expand grows one side by a level and returns the nodes it shares with
// the other side.
func (sr *search) expand(grow, other *side) ([]uint64, error) {
	grow.level++
	var next, met []uint64
	seenMet := map[uint64]bool{}
	for _, n := range grow.frontier {
		if err := sr.r.ctx.Err(); err != nil {
			return nil, err
		}
		adjs, err := sr.neighbours(n)
		if err != nil {
			return nil, err
		}
		for _, a := range adjs {
			k := a.other
			d, seen := grow.dist[k]
			if seen && d < grow.level {
				continue
			}
			if !seen {
				grow.dist[k] = grow.level
				next = append(next, k)
			}
			grow.parents[k] = append(grow.parents[k], step{prev: n, via: a})
			if _, ok := other.dist[k]; ok && !seenMet[k] {
				seenMet[k] = true
				met = append(met, k)
			}
		}
	}
	grow.frontier = next
	// Keep only the meetings on the shortest paths.
	best := -1
	for _, k := range met {
		if d := other.dist[k]; best < 0 || d < best {
			best = d
		}
	}
	shortest := met[:0]
	for _, k := range met {
		if other.dist[k] == best {
			shortest = append(shortest, k)
		}
	}
	return shortest, nil
}

// chain is a path as steps: each element is how a node was reached.
type chain []step

// paths turns the meeting of two searches into paths with evidence.
func (sr *search) paths(m *meeting) ([]Path, error) {
	if m == nil {
		return nil, nil
	}
	var out []Path
	for _, mid := range m.nodes {
		for _, head := range sr.chains(m.fw, mid) {
			for _, tail := range sr.chains(m.bw, mid) {
				p, err := sr.path(head, tail)
				if err != nil {
					return nil, err
				}
				out = append(out, p)
				if !sr.opt.All || len(out) >= sr.opt.Limit {
					return out, nil
				}
			}
		}
	}
	return out, nil
}

// chains lists the ways a side reached node, from its start.
func (sr *search) chains(sd *side, node uint64) []chain {
	ps := sd.parents[node]
	if len(ps) == 0 {
		return []chain{nil}
	}
	var out []chain
	for _, p := range ps {
		for _, c := range sr.chains(sd, p.prev) {
			out = append(out, append(append(chain{}, c...), p))
			if len(out) >= sr.opt.Limit {
				return out
			}
		}
	}
	return out
}

// path joins the forward chain to the meeting node and the backward chain
// from it.
func (sr *search) path(head, tail chain) (Path, error) {
	var p Path
	for _, st := range head {
		hop, err := sr.hop(st.prev, st.via.other, st.via)
		if err != nil {
			return p, err
		}
		p.Hops = append(p.Hops, hop)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		st := tail[i]
		// The backward search went from prev to other; the path goes back.
		back := st.via
		back.forward = !back.forward
		hop, err := sr.hop(st.via.other, st.prev, back)
		if err != nil {
			return p, err
		}
		p.Hops = append(p.Hops, hop)
	}
	return p, nil
}

// hop describes going from one node to another over an edge, with the
// evidence of its most informative sources.
func (sr *search) hop(from, to uint64, a adj) (Hop, error) {
	r := sr.r
	e, err := r.edge(from, adj{other: to, pred: a.pred, forward: a.forward, docs: a.docs})
	if err != nil {
		return Hop{}, err
	}
	h := Hop{From: r.str(from), To: r.str(to), Edge: e, Forward: a.forward}
	subj, obj := from, to
	if !a.forward {
		subj, obj = to, from
	}
	recs, err := r.bestClaims(subj, a.pred, obj, a.docs, false, sr.opt.Evidence)
	if err != nil {
		return h, err
	}
	h.Evidence, err = r.evidence(recs)
	return h, err
}
