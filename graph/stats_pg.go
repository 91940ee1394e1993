package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// pgStats counts what Stats counts with aggregate queries over Cayley's
// PostgreSQL tables, instead of reading every quad and value through
// Cayley one query at a time.
func (s *Store) pgStats(ctx context.Context) (Stats, error) {
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	if err := s.pgConnect(); err != nil {
		return st, err
	}
	h := func(p string) []byte {
		v := cgraph.HashOf(quad.String(p))
		return v[:]
	}
	if err := s.pg.QueryRowEx(ctx, `SELECT count(*) FROM quads`, nil).Scan(&st.Quads); err != nil {
		return st, err
	}
	rows, err := s.pg.QueryEx(ctx, `SELECT n.value_string, count(*) FROM quads q JOIN nodes n ON n.hash = q.object_hash
		WHERE q.predicate_hash = $1 GROUP BY n.value_string`, nil, h(PredType))
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var t *string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			rows.Close()
			return st, err
		}
		switch {
		case t == nil:
		case *t == TypeDocument:
			st.Documents += n
		default:
			st.Entities += n
			st.EntityTypes[*t] += n
		}
	}
	rows.Close()
	// Claims by modality; a negated claim counts as not asserted whatever
	// its modality says.
	asserting := []string{}
	for _, m := range []schema.Modality{schema.Asserted, schema.Reported, schema.Planned} {
		asserting = append(asserting, string(m))
	}
	err = s.pg.QueryRowEx(ctx, `SELECT count(*), count(*) FILTER (WHERE n.value_string = ANY($2)
			AND NOT EXISTS (SELECT 1 FROM quads g WHERE g.subject_hash = q.subject_hash AND g.predicate_hash = $3))
		FROM quads q JOIN nodes n ON n.hash = q.object_hash WHERE q.predicate_hash = $1`, nil,
		h(PredModality), asserting, h(PredNegated)).Scan(&st.Claims, &st.Asserted)
	if err != nil {
		return st, err
	}
	st.NotAsserted = st.Claims - st.Asserted
	// Relations and their corroboration, from asserted claim nodes.
	rows, err = s.pg.QueryEx(ctx, `SELECT pn.value_string, count(DISTINCT d.object_hash)
		FROM quads m JOIN nodes mn ON mn.hash = m.object_hash
		JOIN quads sq ON sq.subject_hash = m.subject_hash AND sq.predicate_hash = $2
		JOIN quads pq ON pq.subject_hash = m.subject_hash AND pq.predicate_hash = $3
		JOIN quads oq ON oq.subject_hash = m.subject_hash AND oq.predicate_hash = $4
		JOIN quads d ON d.subject_hash = m.subject_hash AND d.predicate_hash = $5
		JOIN nodes pn ON pn.hash = pq.object_hash
		WHERE m.predicate_hash = $1 AND mn.value_string = ANY($6)
		AND NOT EXISTS (SELECT 1 FROM quads g WHERE g.subject_hash = m.subject_hash AND g.predicate_hash = $7)
		GROUP BY sq.object_hash, pn.value_string, oq.object_hash`, nil,
		h(PredModality), h(PredSubject), h(PredPredicate), h(PredObject), h(PredDoc), asserting, h(PredNegated))
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		var docs int
		if err := rows.Scan(&p, &docs); err != nil {
			return st, err
		}
		st.Relations[p]++
		if docs > 1 {
			st.Corroborated++
		}
	}
	return st, rows.Err()
}
