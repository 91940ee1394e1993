package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Quads       int64          `json:"quads"`
	Documents   int            `json:"documents"`
	Claims      int            `json:"claims"`
	Asserted    int            `json:"claims_asserted"`
	NotAsserted int            `json:"claims_not_asserted"`
	Entities    int            `json:"entities"`
	EntityTypes map[string]int `json:"entities_by_type"`
	// Relations counts relation edges by predicate: one per subject,
	// predicate and object, however many documents assert it.
	Relations map[string]int `json:"relations_by_predicate"`
	// Corroborated counts the relations asserted by more than one document.
	Corroborated int `json:"relations_corroborated"`
}

// Stats counts documents, claims, entities and relations in one pass over
// the store. Relations and their corroboration are counted from claim
// nodes, not quad labels, so every backend gives the same figures.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.backend == "postgres" || s.backend == "mysql" {
		return s.sqlStats(ctx)
	}
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	type claim struct {
		s, o, doc   interface{} // value refs' keys
		pred        cgraph.Ref  // named only when counted
		notAsserted bool
	}
	claims := map[interface{}]*claim{}
	get := func(r cgraph.Ref) *claim {
		c := claims[r.Key()]
		if c == nil {
			c = &claim{}
			claims[r.Key()] = c
		}
		return c
	}
	ref := func(p string) interface{} {
		if r := s.qs.ValueOf(quad.String(p)); r != nil {
			return r.Key()
		}
		return nil
	}
	typ, mod, neg := ref(PredType), ref(PredModality), ref(PredNegated)
	subj, pred, obj, doc := ref(PredSubject), ref(PredPredicate), ref(PredObject), ref(PredDoc)
	n := &names{s: s, cache: map[interface{}]string{}}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		st.Quads++
		p := s.qs.QuadDirection(q, quad.Predicate)
		if p == nil {
			continue
		}
		o := s.qs.QuadDirection(q, quad.Object)
		switch p.Key() {
		case typ:
			if t := n.of(o); t == TypeDocument {
				st.Documents++
			} else {
				st.Entities++
				st.EntityTypes[t]++
			}
		case mod:
			st.Claims++
			if !schema.Modality(n.of(o)).Asserts() {
				st.NotAsserted++
				get(s.qs.QuadDirection(q, quad.Subject)).notAsserted = true
			}
		case neg:
			get(s.qs.QuadDirection(q, quad.Subject)).notAsserted = true
		case subj:
			get(s.qs.QuadDirection(q, quad.Subject)).s = o.Key()
		case pred:
			get(s.qs.QuadDirection(q, quad.Subject)).pred = o
		case obj:
			get(s.qs.QuadDirection(q, quad.Subject)).o = o.Key()
		case doc:
			get(s.qs.QuadDirection(q, quad.Subject)).doc = o.Key()
		}
	}
	if err := it.Err(); err != nil {
		return st, err
	}
	st.Asserted = st.Claims - st.NotAsserted
	type triple struct{ s, p, o interface{} }
	docsPer := map[triple]map[interface{}]bool{}
	for _, c := range claims {
		if c.notAsserted || c.pred == nil {
			continue
		}
		k := triple{c.s, c.pred.Key(), c.o}
		if docsPer[k] == nil {
			docsPer[k] = map[interface{}]bool{}
		}
		docsPer[k][c.doc] = true
	}
	predRefs := map[interface{}]cgraph.Ref{}
	for _, c := range claims {
		if c.pred != nil {
			predRefs[c.pred.Key()] = c.pred
		}
	}
	for k, docs := range docsPer {
		st.Relations[n.of(predRefs[k.p])]++
		if len(docs) > 1 {
			st.Corroborated++
		}
	}
	return st, nil
}
