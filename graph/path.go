package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
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

// adj is an edge seen from a node, grouped over the documents asserting it.
type adj struct {
	other, pred cgraph.Ref
	forward     bool
	sources     []cgraph.Ref // the labels of its quads
	docs        []string     // on shared-triple backends, the documents of its claims instead
}

// support is how many documents assert the edge.
func (a adj) support() int {
	if a.docs != nil {
		return len(a.docs)
	}
	return len(a.sources)
}

// step records how a search reached a node.
type step struct {
	prev interface{}
	via  adj
}

// search is one bidirectional breadth-first search.
type search struct {
	s       *Store
	ctx     context.Context
	opt     PathOptions
	own     map[interface{}]bool
	allowed map[interface{}]bool // predicate refs allowed, or nil for all
	cache   map[interface{}][]adj
	refs    map[interface{}]cgraph.Ref
}

// Paths finds the shortest paths between two entities over relation
// edges, ignoring their direction; each hop keeps its true direction and
// its evidence. Cayley v0.7.7 has no shortest path, so this is a
// bidirectional breadth-first search over the store's indexes.
func (s *Store) Paths(ctx context.Context, from, to string, opt PathOptions) ([]Path, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if opt.MaxHops <= 0 {
		opt.MaxHops = 4
	}
	if opt.Evidence <= 0 {
		opt.Evidence = 1
	}
	if opt.Limit <= 0 {
		opt.Limit = 100
	}
	a, b := s.node(ctx, quad.String(from)), s.node(ctx, quad.String(to))
	for name, r := range map[string]cgraph.Ref{from: a, to: b} {
		if r == nil {
			return nil, fmt.Errorf("%q: %w", name, ErrNotFound)
		}
	}
	sr := s.newSearch(ctx, opt)
	if a.Key() == b.Key() {
		return []Path{{}}, nil
	}
	chains, err := sr.run(a, b)
	if err != nil {
		return nil, err
	}
	return sr.paths(chains)
}

// newSearch prepares a search over relation edges filtered by opt. The
// caller holds s.mu.
func (s *Store) newSearch(ctx context.Context, opt PathOptions) *search {
	sr := &search{s: s, ctx: ctx, opt: opt, own: s.ownPredicates(), cache: map[interface{}][]adj{}, refs: map[interface{}]cgraph.Ref{}}
	if len(opt.Predicates) > 0 {
		sr.allowed = map[interface{}]bool{}
		for _, p := range opt.Predicates {
			if r := s.qs.ValueOf(quad.String(p)); r != nil {
				sr.allowed[r.Key()] = true
			}
		}
	}
	return sr
}

// neighbours returns a node's edges that pass the search's filters.
func (sr *search) neighbours(node cgraph.Ref) ([]adj, error) {
	if a, ok := sr.cache[node.Key()]; ok {
		return a, nil
	}
	ls, err := sr.s.links(sr.ctx, node, sr.own)
	if err != nil {
		return nil, err
	}
	type key struct {
		o, p    interface{}
		forward bool
	}
	idx := map[key]int{}
	var out []adj
	for _, l := range ls {
		if sr.allowed != nil && !sr.allowed[l.pred.Key()] {
			continue
		}
		k := key{l.other.Key(), l.pred.Key(), l.forward}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, adj{other: l.other, pred: l.pred, forward: l.forward})
		}
		out[i].sources = append(out[i].sources, l.label)
	}
	if sr.s.sharedTriples() {
		n := &names{s: sr.s, cache: map[interface{}]string{}}
		from := n.of(node)
		for i, a := range out {
			s, o := from, n.of(a.other)
			if !a.forward {
				s, o = o, s
			}
			docs, err := sr.s.assertingDocs(sr.ctx, s, n.of(a.pred), o)
			if err != nil {
				return nil, err
			}
			out[i].docs = append([]string{}, docs...)
		}
	}
	kept := out[:0]
	for _, a := range out {
		if a.support() >= sr.opt.MinSources && a.support() > 0 {
			kept = append(kept, a)
			sr.refs[a.other.Key()] = a.other
		}
	}
	sr.cache[node.Key()] = kept
	return kept, nil
}

// run searches from both ends a level at a time, expanding the smaller
// frontier, and returns for each side how every node was reached, with
// the nodes where the searches met.
func (sr *search) run(a, b cgraph.Ref) (*meeting, error) {
	sr.refs[a.Key()], sr.refs[b.Key()] = a, b
	fw := &side{dist: map[interface{}]int{a.Key(): 0}, parents: map[interface{}][]step{}, frontier: []interface{}{a.Key()}}
	bw := &side{dist: map[interface{}]int{b.Key(): 0}, parents: map[interface{}][]step{}, frontier: []interface{}{b.Key()}}
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
	dist     map[interface{}]int
	parents  map[interface{}][]step
	frontier []interface{}
	level    int
}

type meeting struct {
	fw, bw *side
	nodes  []interface{}
}

// expand grows one side by a level and returns the nodes it shares with
// the other side.
func (sr *search) expand(grow, other *side) ([]interface{}, error) {
	grow.level++
	var next, met []interface{}
	seenMet := map[interface{}]bool{}
	for _, n := range grow.frontier {
		if err := sr.ctx.Err(); err != nil {
			return nil, err
		}
		adjs, err := sr.neighbours(sr.refs[n])
		if err != nil {
			return nil, err
		}
		for _, a := range adjs {
			k := a.other.Key()
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

// chain is a path as refs: each element is how a node was reached.
type chain []step

// paths turns the meeting of two searches into paths with evidence.
func (sr *search) paths(m *meeting) ([]Path, error) {
	if m == nil {
		return nil, nil
	}
	var out []Path
	n := &names{s: sr.s, cache: map[interface{}]string{}}
	for _, mid := range m.nodes {
		for _, head := range sr.chains(m.fw, mid) {
			for _, tail := range sr.chains(m.bw, mid) {
				p, err := sr.path(head, tail, mid, n)
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
func (sr *search) chains(sd *side, node interface{}) []chain {
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

// path joins the forward chain to mid and the backward chain from mid.
func (sr *search) path(head, tail chain, mid interface{}, n *names) (Path, error) {
	var p Path
	for _, st := range head {
		hop, err := sr.hop(n, sr.refs[st.prev], st.via.other, st.via)
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
		hop, err := sr.hop(n, st.via.other, sr.refs[st.prev], back)
		if err != nil {
			return p, err
		}
		p.Hops = append(p.Hops, hop)
	}
	return p, nil
}

// hop describes going from one node to another over an edge.
func (sr *search) hop(n *names, from, to cgraph.Ref, a adj) (Hop, error) {
	h := Hop{From: n.of(from), To: n.of(to), Forward: a.forward}
	h.Edge = Edge{Subject: h.From, Predicate: n.of(a.pred), Object: h.To}
	if !a.forward {
		h.Edge.Subject, h.Edge.Object = h.To, h.From
	}
	if a.docs != nil {
		h.Edge.Sources = a.docs
	} else {
		for _, src := range a.sources {
			h.Edge.Sources = append(h.Edge.Sources, n.of(src))
		}
	}
	ev, err := sr.s.claimsBetweenN(sr.ctx, h.Edge.Subject, h.Edge.Predicate, h.Edge.Object, sr.opt.Evidence)
	if err != nil {
		return h, err
	}
	for _, e := range ev {
		if e.Asserted() && len(h.Evidence) < sr.opt.Evidence {
			h.Evidence = append(h.Evidence, e)
		}
	}
	return h, nil
}
