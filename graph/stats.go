package graph

import (
	"context"

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
	if s.backend == "postgres" {
		return s.pgStats(ctx)
	}
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	type claim struct {
		s, p, o, doc string
		notAsserted  bool
	}
	claims := map[quad.Value]*claim{}
	get := func(v quad.Value) *claim {
		c := claims[v]
		if c == nil {
			c = &claim{}
			claims[v] = c
		}
		return c
	}
	err := s.eachQuad(ctx, func(q quad.Quad) {
		st.Quads++
		switch valueString(q.Predicate) {
		case PredType:
			if t := valueString(q.Object); t == TypeDocument {
				st.Documents++
			} else {
				st.Entities++
				st.EntityTypes[t]++
			}
		case PredModality:
			st.Claims++
			if !schema.Modality(valueString(q.Object)).Asserts() {
				st.NotAsserted++
				get(q.Subject).notAsserted = true
			}
		case PredNegated:
			get(q.Subject).notAsserted = true
		case PredSubject:
			get(q.Subject).s = valueString(q.Object)
		case PredPredicate:
			get(q.Subject).p = valueString(q.Object)
		case PredObject:
			get(q.Subject).o = valueString(q.Object)
		case PredDoc:
			get(q.Subject).doc = valueString(q.Object)
		}
	})
	st.Asserted = st.Claims - st.NotAsserted
	docsPer := map[[3]string]map[string]bool{}
	for _, c := range claims {
		if c.notAsserted || c.p == "" {
			continue
		}
		k := [3]string{c.s, c.p, c.o}
		if docsPer[k] == nil {
			docsPer[k] = map[string]bool{}
		}
		docsPer[k][c.doc] = true
	}
	for k, docs := range docsPer {
		st.Relations[k[1]]++
		if len(docs) > 1 {
			st.Corroborated++
		}
	}
	return st, err
}
