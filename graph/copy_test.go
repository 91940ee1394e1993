package graph

import (
	"context"
	"database/sql"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestCopyMatchesCayleyWriter writes the same claims into two fresh
// PostgreSQL databases, through Cayley's writer and through COPY, and
// expects the same rows in both (hashes, values, reference counts, quads in
// the same order) and the same answers when read back through Cayley.
func TestCopyMatchesCayleyWriter(t *testing.T) {
	dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CLAIMGRAPH_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	exs := Synthesize(SynthOptions{Seed: 5, Entities: 60, Documents: 40, ClaimsPerDoc: 8})
	exs[0].Claims[0].Sentence = "A value with a NUL byte \x00 and quotes \" ' in it."
	var dbs []string
	var stats []Stats
	for _, noCopy := range []bool{true, false} {
		db := freshPostgres(t, dsn)
		s, err := Open(ctx, db, Options{NoCopy: noCopy})
		if err != nil {
			t.Fatal(err)
		}
		if s.copy == noCopy {
			t.Fatalf("copy %v with NoCopy %v", s.copy, noCopy)
		}
		for i := 0; i < len(exs); i += 16 {
			if _, err := s.WriteBatch(ctx, exs[i:min(i+16, len(exs))]); err != nil {
				t.Fatal(err)
			}
		}
		// write the first batch again: nothing may change
		if _, err := s.WriteBatch(ctx, exs[:16]); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stats = append(stats, st)
		s.Close()
		dbs = append(dbs, db)
	}
	if !reflect.DeepEqual(stats[0], stats[1]) {
		t.Errorf("stats read through Cayley differ:\n%+v\n%+v", stats[0], stats[1])
	}
	for _, table := range []struct{ name, query string }{
		{"nodes", `SELECT encode(hash, 'hex'), refs, coalesce(encode(value, 'hex'), ''), coalesce(value_string, ''),
			coalesce(datatype, ''), coalesce(language, ''), coalesce(iri::text, ''), coalesce(bnode::text, ''),
			coalesce(value_int::text, ''), coalesce(value_bool::text, ''), coalesce(value_float::text, ''),
			coalesce(value_time::text, '') FROM nodes ORDER BY hash`},
		{"quads", `SELECT encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'),
			coalesce(encode(label_hash, 'hex'), '') FROM quads ORDER BY horizon`},
	} {
		a, b := dumpRows(t, dbs[0], table.query), dumpRows(t, dbs[1], table.query)
		if len(a) < 100 {
			t.Fatalf("%s: only %d rows", table.name, len(a))
		}
		if !reflect.DeepEqual(a, b) {
			for i := range a {
				if i >= len(b) || a[i] != b[i] {
					t.Errorf("%s differ at row %d:\nCayley: %s\nCOPY:   %s", table.name, i, a[i], b[min(i, len(b)-1)])
					break
				}
			}
			t.Errorf("%s: %d rows from Cayley's writer, %d from COPY", table.name, len(a), len(b))
		}
	}
}

func dumpRows(t *testing.T, dsn, query string) []string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(vals, "|"))
	}
	return out
}
