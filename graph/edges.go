package graph

import (
	"sort"

	"github.com/cayleygraph/quad"
)

// adj is a relation edge seen from one of its ends: the other end, the
// predicate, whether the node is the subject, and the documents asserting
// it.
type adj struct {
	other, pred uint64
	forward     bool
	docs        []uint64
}

// support is how many documents assert the edge.
func (a adj) support() int { return len(a.docs) }

// adjacent returns the relation edges at node in both directions, of the
// predicates preds (every relation if nil), each with its documents. On
// bolt it scans the node's (subject, predicate) and (object, predicate)
// index prefixes, so the claims of a busy entity are never read: one quad
// per edge and document. On backends that store a triple once whatever
// its label, the documents come from the edge's asserted claims.
func (r *reader) adjacent(node uint64, preds []uint64) ([]adj, error) {
	type key struct {
		other, pred uint64
		forward     bool
	}
	idx := map[key]int{}
	var out []adj
	add := func(forward bool) func(q quadIDs) error {
		return func(q quadIDs) error {
			if q.l == 0 || !r.rel[q.p] {
				return nil
			}
			other := q.o
			if !forward {
				other = q.s
			}
			k := key{other, q.p, forward}
			i, ok := idx[k]
			if !ok {
				i = len(out)
				idx[k] = i
				out = append(out, adj{other: other, pred: q.p, forward: forward})
			}
			out[i].docs = append(out[i].docs, q.l)
			return nil
		}
	}
	if preds == nil {
		// An entity is the subject of its type and its relations only.
		if err := r.snap.scan(quad.Subject, node, 0, add(true)); err != nil {
			return nil, err
		}
	}
	for _, p := range preds {
		if err := r.snap.scan(quad.Subject, node, p, add(true)); err != nil {
			return nil, err
		}
	}
	if preds == nil {
		preds = r.rels
	}
	for _, p := range preds {
		if err := r.snap.scan(quad.Object, node, p, add(false)); err != nil {
			return nil, err
		}
	}
	if r.s.sharedTriples() {
		for i, a := range out {
			s, o := node, a.other
			if !a.forward {
				s, o = o, s
			}
			docs, err := r.assertingDocs(s, a.pred, o)
			if err != nil {
				return nil, err
			}
			out[i].docs = docs
		}
		kept := out[:0]
		for _, a := range out {
			if len(a.docs) > 0 {
				kept = append(kept, a)
			}
		}
		out = kept
	}
	return out, nil
}

// assertingDocs returns the documents with an asserted claim of the
// triple.
func (r *reader) assertingDocs(subj, pred, obj uint64) ([]uint64, error) {
	ids, err := r.between(subj, pred, obj)
	if err != nil {
		return nil, err
	}
	recs, err := r.claims(ids)
	seen := map[uint64]bool{}
	var docs []uint64
	for _, c := range recs {
		if r.asserted(c) && !seen[c.doc] {
			seen[c.doc] = true
			docs = append(docs, c.doc)
		}
	}
	return docs, err
}

// predIDs returns the ids of the named relations the store holds; nil for
// no names (every relation).
func (r *reader) predIDs(names []string) ([]uint64, error) {
	if len(names) == 0 {
		return nil, nil
	}
	vals := make([]quad.Value, len(names))
	for i, n := range names {
		vals[i] = quad.String(n)
	}
	ids, err := r.snap.lookup(vals)
	out := []uint64{} // not nil: no relation the store holds is none
	for _, id := range ids {
		if r.rel[id] {
			out = append(out, id)
		}
	}
	return out, err
}

// edge names an adjacency of node as an edge with its sources.
func (r *reader) edge(node uint64, a adj) (Edge, error) {
	if err := r.load(append([]uint64{node, a.other, a.pred}, a.docs...)); err != nil {
		return Edge{}, err
	}
	e := Edge{Subject: r.str(node), Predicate: r.str(a.pred), Object: r.str(a.other), Sources: r.sortedNames(a.docs)}
	if !a.forward {
		e.Subject, e.Object = e.Object, e.Subject
	}
	return e, nil
}

// sortedNames returns the sorted names of ids.
func (r *reader) sortedNames(ids []uint64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.str(id)
	}
	sort.Strings(out)
	return out
}

// sortEdgesBySupport orders edges most corroborated first, then by
// predicate and names.
func sortEdgesBySupport(es []Edge) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.Subject+a.Object < b.Subject+b.Object
	})
}
