package graph

import (
	"context"

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
// nodes, not quad labels, so every backend gives the same figures. On bolt
// the pass reads Cayley's log in one transaction and decodes only the
// values it counts by, each once.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if s.backend == "postgres" || s.backend == "mysql" {
		if err := s.rlock(ctx); err != nil {
			return Stats{}, err
		}
		defer s.runlock()
		return s.sqlStats(ctx)
	}
	var st Stats
	err := s.read(ctx, func(r *reader) error {
		var err error
		st, err = r.stats()
		return err
	})
	return st, err
}

func (r *reader) stats() (Stats, error) {
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	type claim struct {
		s, p, o, doc uint64
		notAsserted  bool
	}
	claims := map[uint64]*claim{}
	get := func(id uint64) *claim {
		c := claims[id]
		if c == nil {
			c = &claim{}
			claims[id] = c
		}
		return c
	}
	own := r.own
	err := r.snap.all(func(q quadIDs) error {
		st.Quads++
		switch q.p {
		case own.typ:
			if t := r.str(q.o); t == TypeDocument {
				st.Documents++
			} else {
				st.Entities++
				st.EntityTypes[t]++
			}
		case own.modality:
			st.Claims++
			if !schema.Modality(r.str(q.o)).Asserts() {
				st.NotAsserted++
				get(q.s).notAsserted = true
			}
		case own.negated:
			get(q.s).notAsserted = true
		case own.subject:
			get(q.s).s = q.o
		case own.predicate:
			get(q.s).p = q.o
		case own.object:
			get(q.s).o = q.o
		case own.doc:
			get(q.s).doc = q.o
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	st.Asserted = st.Claims - st.NotAsserted
	type triple struct{ s, p, o uint64 }
	docsPer := map[triple]map[uint64]bool{}
	for _, c := range claims {
		if c.notAsserted || c.p == 0 {
			continue
		}
		k := triple{c.s, c.p, c.o}
		if docsPer[k] == nil {
			docsPer[k] = map[uint64]bool{}
		}
		docsPer[k][c.doc] = true
	}
	for k, docs := range docsPer {
		st.Relations[r.str(k.p)]++
		if len(docs) > 1 {
			st.Corroborated++
		}
	}
	return st, nil
}
