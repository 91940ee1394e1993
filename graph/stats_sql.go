package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// sqlStats counts what Stats counts with aggregate queries over Cayley's
// tables on PostgreSQL, MySQL and MariaDB, instead of reading every quad
// and value through Cayley one query at a time. The queries are plain SQL
// both dialects take.
func (s *Store) sqlStats(ctx context.Context) (Stats, error) {
	st := Stats{EntityTypes: map[string]int{}, Relations: map[string]int{}}
	db, err := s.sqlDB()
	if err != nil {
		return st, err
	}
	q := func(query string) string { return s.rebind(query) }
	h := func(p string) []byte {
		v := cgraph.HashOf(quad.String(p))
		return v[:]
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&st.Quads); err != nil {
		return st, err
	}
	rows, err := db.QueryContext(ctx, q(`SELECT n.value_string, count(*) FROM quads q JOIN nodes n ON n.hash = q.object_hash
		WHERE q.predicate_hash = ? GROUP BY n.value_string`), h(PredType))
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var t sql.NullString
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			rows.Close()
			return st, err
		}
		switch {
		case !t.Valid:
		case t.String == TypeDocument:
			st.Documents += n
		default:
			st.Entities += n
			st.EntityTypes[t.String] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	// Claims by modality; a negated claim counts as not asserted whatever
	// its modality says.
	asserting := []interface{}{}
	for _, m := range []schema.Modality{schema.Asserted, schema.Reported, schema.Planned} {
		asserting = append(asserting, string(m))
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(asserting)), ", ") + ")"
	args := append([]interface{}{}, asserting...)
	args = append(args, h(PredNegated), h(PredModality))
	var asserted sql.NullInt64
	err = db.QueryRowContext(ctx, q(`SELECT count(*), sum(CASE WHEN n.value_string IN `+in+`
			AND NOT EXISTS (SELECT 1 FROM quads g WHERE g.subject_hash = q.subject_hash AND g.predicate_hash = ?)
			THEN 1 ELSE 0 END)
		FROM quads q JOIN nodes n ON n.hash = q.object_hash WHERE q.predicate_hash = ?`), args...).Scan(&st.Claims, &asserted)
	if err != nil {
		return st, err
	}
	st.Asserted = int(asserted.Int64)
	st.NotAsserted = st.Claims - st.Asserted
	// Relations and their corroboration, from asserted claim nodes.
	args = []interface{}{h(PredSubject), h(PredPredicate), h(PredObject), h(PredDoc), h(PredModality)}
	args = append(args, asserting...)
	args = append(args, h(PredNegated))
	rows, err = db.QueryContext(ctx, q(`SELECT pn.value_string, count(DISTINCT d.object_hash)
		FROM quads m JOIN nodes mn ON mn.hash = m.object_hash
		JOIN quads sq ON sq.subject_hash = m.subject_hash AND sq.predicate_hash = ?
		JOIN quads pq ON pq.subject_hash = m.subject_hash AND pq.predicate_hash = ?
		JOIN quads oq ON oq.subject_hash = m.subject_hash AND oq.predicate_hash = ?
		JOIN quads d ON d.subject_hash = m.subject_hash AND d.predicate_hash = ?
		JOIN nodes pn ON pn.hash = pq.object_hash
		WHERE m.predicate_hash = ? AND mn.value_string IN `+in+`
		AND NOT EXISTS (SELECT 1 FROM quads g WHERE g.subject_hash = m.subject_hash AND g.predicate_hash = ?)
		GROUP BY sq.object_hash, pn.value_string, oq.object_hash`), args...)
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

// sqlDB returns a connection pool on the store's SQL database, opened on
// first use, for the queries Cayley's API cannot express. A pool, unlike
// the COPY path's single connection, serves concurrent readers.
func (s *Store) sqlDB() (*sql.DB, error) {
	s.sqlOnce.Do(func() {
		switch s.backend {
		case "postgres":
			s.sqlDBPool, s.sqlErr = sql.Open("postgres", s.path)
		case "mysql":
			native, err := mysqlDSN(s.path)
			if err != nil {
				s.sqlErr = err
				return
			}
			s.sqlDBPool, s.sqlErr = sql.Open("mysql", native)
		default:
			s.sqlErr = fmt.Errorf("no SQL access to a %s store", s.backend)
		}
		if s.sqlErr != nil {
			s.sqlErr = fmt.Errorf("connect to %s: %w", Redact(s.path), s.sqlErr)
		}
	})
	return s.sqlDBPool, s.sqlErr
}

// rebind writes a query's ? placeholders as the store's driver wants them:
// $1, $2, ... for PostgreSQL.
func (s *Store) rebind(query string) string {
	if s.backend != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
