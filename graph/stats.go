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
// the store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	type triple struct{ s, p, o quad.Value }
	docsPer := map[triple]int{}
	err := s.eachQuad(ctx, func(q quad.Quad) {
		st.Quads++
		p := valueString(q.Predicate)
		switch p {
		case PredType:
			if t := valueString(q.Object); t == TypeDocument {
				st.Documents++
			} else {
				st.Entities++
				st.EntityTypes[t]++
			}
		case PredModality:
			st.Claims++
			if schema.Modality(valueString(q.Object)).Asserts() {
				st.Asserted++
			} else {
				st.NotAsserted++
			}
		default:
			if len(p) < 3 || p[:3] != "cg:" {
				docsPer[triple{q.Subject, q.Predicate, q.Object}]++
			}
		}
	})
	for t, n := range docsPer {
		st.Relations[valueString(t.p)]++
		if n > 1 {
			st.Corroborated++
		}
	}
	return st, err
}
