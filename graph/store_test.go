package graph

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/schema"
)

// backends returns the stores every store test runs against: memory and
// bolt always, PostgreSQL when CLAIMGRAPH_TEST_POSTGRES names one.
func backends(t *testing.T) map[string]func(t *testing.T) *Store {
	t.Helper()
	b := map[string]func(t *testing.T) *Store{
		"memory": func(t *testing.T) *Store { return openT(t, "memory") },
		"bolt":   func(t *testing.T) *Store { return openT(t, filepath.Join(t.TempDir(), "g.db")) },
	}
	if dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES"); dsn != "" {
		b["postgres"] = func(t *testing.T) *Store { return openT(t, freshPostgres(t, dsn)) }
	}
	if dsn := os.Getenv("CLAIMGRAPH_TEST_MYSQL"); dsn != "" {
		b["mysql"] = func(t *testing.T) *Store { return openT(t, freshMySQL(t, dsn)) }
	}
	return b
}

func openT(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func extraction(id, hash string, claims ...schema.Claim) schema.Extraction {
	ex := schema.Extraction{Document: schema.Document{ID: id, Hash: hash, Title: "T " + id, Date: "2022-03-05"}}
	seen := map[schema.Entity]bool{}
	for _, c := range claims {
		c.Doc = id
		ex.Claims = append(ex.Claims, c)
		for _, e := range []schema.Entity{{Name: c.Subject, Type: c.SubjectType}, {Name: c.Object, Type: c.ObjectType}} {
			if !seen[e] {
				seen[e] = true
				ex.Entities = append(ex.Entities, e)
			}
		}
	}
	return ex
}

func claim(s, p, o string, mod schema.Modality) schema.Claim {
	return schema.Claim{Subject: s, SubjectType: schema.Country, Predicate: p, Object: o, ObjectType: schema.Country,
		Modality: mod, Sentence: s + " " + p + " " + o + ".", Start: 0, End: 10, Confidence: 0.8, Extractor: "test"}
}

func ids(t *testing.T, s *Store, script string) []string {
	t.Helper()
	res, err := s.Query(context.Background(), script, 100)
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	var out []string
	for _, r := range res {
		if m, ok := r.(map[string]interface{}); ok {
			if id, ok := m["id"].(string); ok {
				out = append(out, id)
			}
		}
	}
	return out
}

func TestWriteAndQuery(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			ex := extraction("a.txt", "h1",
				claim("United States", "sanctioned", "Turkey", schema.Asserted),
				schema.Claim{Subject: "Turkey", SubjectType: schema.Country, Predicate: "bought", Object: "S-400",
					ObjectType: schema.Weapon, Modality: schema.Reported, Sentence: "Turkey bought S-400.", Extractor: "test"},
				claim("Russia", "invaded", "Ukraine", schema.Hypothetical))
			res, err := s.WriteDocument(ctx, ex)
			if err != nil || res.Added == 0 {
				t.Fatalf("write: %+v %v", res, err)
			}
			if got := ids(t, s, `g.V("Turkey").Out("bought").All()`); !reflect.DeepEqual(got, []string{"S-400"}) {
				t.Errorf("Turkey bought %v", got)
			}
			if got := ids(t, s, `g.V("Turkey").In("sanctioned").All()`); !reflect.DeepEqual(got, []string{"United States"}) {
				t.Errorf("sanctioned Turkey: %v", got)
			}
			if got := ids(t, s, `g.V("Russia").Out("invaded").All()`); len(got) != 0 {
				t.Errorf("a hypothetical claim made an edge: %v", got)
			}
			if got := ids(t, s, `g.V("Russia").In("cg:subject").Out("cg:modality").All()`); !reflect.DeepEqual(got, []string{"hypothetical"}) {
				t.Errorf("the hypothetical claim's node: %v", got)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != 1 || st.Claims != 3 || st.Asserted != 2 || st.NotAsserted != 1 || st.Relations["sanctioned"] != 1 {
				t.Errorf("stats: %+v", st)
			}
		})
	}
}

func TestRewriteIsIdempotentAndReplaces(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			v1 := extraction("a.txt", "h1", claim("United States", "sanctioned", "Turkey", schema.Asserted))
			if _, err := s.WriteDocument(ctx, v1); err != nil {
				t.Fatal(err)
			}
			before, _ := s.Stats(ctx)
			res, err := s.WriteDocument(ctx, v1)
			if err != nil || !res.Unchanged || res.Added != 0 {
				t.Fatalf("rewrite: %+v %v", res, err)
			}
			if after, _ := s.Stats(ctx); !reflect.DeepEqual(before, after) {
				t.Errorf("stats changed on rewrite:\n%+v\n%+v", before, after)
			}
			v2 := extraction("a.txt", "h2", claim("Russia", "invaded", "Ukraine", schema.Asserted))
			res, err = s.WriteDocument(ctx, v2)
			if err != nil || !res.Replaced || res.Removed == 0 {
				t.Fatalf("replace: %+v %v", res, err)
			}
			if got := ids(t, s, `g.V("Turkey").In("sanctioned").All()`); len(got) != 0 {
				t.Errorf("old claim survived: %v", got)
			}
			if got := ids(t, s, `g.V("Russia").Out("invaded").All()`); !reflect.DeepEqual(got, []string{"Ukraine"}) {
				t.Errorf("new claim: %v", got)
			}
			st, _ := s.Stats(ctx)
			if st.Claims != 1 || st.Documents != 1 {
				t.Errorf("after replace: %+v", st)
			}
		})
	}
}

func TestCorroborationKeepsEachSource(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			for _, id := range []string{"a.txt", "b.txt"} {
				if _, err := s.WriteDocument(ctx, extraction(id, id, claim("United States", "sanctioned", "Turkey", schema.Asserted))); err != nil {
					t.Fatal(err)
				}
			}
			st, _ := s.Stats(ctx)
			if st.Relations["sanctioned"] != 1 || st.Corroborated != 1 || st.Claims != 2 {
				t.Errorf("stats: %+v", st)
			}
			// Removing one source leaves the other's evidence.
			if _, err := s.WriteDocument(ctx, extraction("a.txt", "a2")); err != nil {
				t.Fatal(err)
			}
			if got := ids(t, s, `g.V("Turkey").In("sanctioned").All()`); !reflect.DeepEqual(got, []string{"United States"}) {
				t.Errorf("edge lost with one of two sources: %v", got)
			}
		})
	}
}

func TestQueryTimeoutStopsEndlessScript(t *testing.T) {
	s := openT(t, "memory")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := s.Query(ctx, `while (true) {}`, 10)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
}

func TestQueryLimit(t *testing.T) {
	s := openT(t, "memory")
	var claims []schema.Claim
	for _, o := range []string{"A", "B", "C", "D"} {
		claims = append(claims, claim("X", "met", o, schema.Asserted))
	}
	if _, err := s.WriteDocument(context.Background(), extraction("a", "h", claims...)); err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(context.Background(), `g.V("X").Out("met").All()`, 2)
	if err != nil || len(res) != 2 {
		t.Fatalf("got %d results, %v", len(res), err)
	}
}

func TestBoltLockedFailsFast(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g.db")
	s := openT(t, dir)
	_ = s
	_, err := Open(context.Background(), dir, Options{LockWait: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
}

func TestMain(m *testing.M) {
	LogTo(io.Discard)
	os.Exit(m.Run())
}

func TestOpenDamagedStore(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "indexes.bolt"), []byte("this is not a bolt file at all, it is text"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir, Options{})
	if err == nil {
		t.Fatal("opened a damaged store")
	}
}

// TestEvidenceOffsets checks that a claim's offsets come back as written,
// whether the end is stored (it is not start plus the sentence's length) or
// derived (it is).
func TestEvidenceOffsets(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			derived := claim("United States", "sanctioned", "Turkey", schema.Asserted)
			derived.Start = 120
			derived.End = derived.Start + len(derived.Sentence)
			stored := claim("Russia", "invaded", "Ukraine", schema.Asserted)
			stored.Start, stored.End = 7, 9
			if _, err := s.WriteDocument(ctx, extraction("a.txt", "h1", derived, stored)); err != nil {
				t.Fatal(err)
			}
			for _, c := range []schema.Claim{derived, stored} {
				evs, err := s.Evidence(ctx, c.Subject, c.Predicate, c.Object, false)
				if err != nil || len(evs) != 1 {
					t.Fatalf("%s %s %s: %v %v", c.Subject, c.Predicate, c.Object, evs, err)
				}
				if evs[0].Start != c.Start || evs[0].End != c.End || evs[0].Sentence != c.Sentence {
					t.Errorf("%s: read %d..%d %q, wrote %d..%d %q", c.Predicate, evs[0].Start, evs[0].End, evs[0].Sentence, c.Start, c.End, c.Sentence)
				}
			}
			for subject, want := range map[string]int{"Russia": 1, "United States": 0} {
				res, err := s.Query(ctx, `g.V("`+subject+`").In("cg:subject").Out("cg:end").All()`, 10)
				if err != nil || len(res) != want {
					t.Errorf("cg:end quads of %s's claim: %v %v, want %d", subject, res, err, want)
				}
			}
		})
	}
}

// TestReopen writes to a store, closes it and opens it again, as every
// command of the CLI does: the second open finds the store initialised and
// what was written.
func TestReopen(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{
		"bolt": func(t *testing.T) string { return filepath.Join(t.TempDir(), "g.db") },
	}
	if dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES"); dsn != "" {
		dsns["postgres"] = func(t *testing.T) string { return freshPostgres(t, dsn) }
	}
	if dsn := os.Getenv("CLAIMGRAPH_TEST_MYSQL"); dsn != "" {
		dsns["mysql"] = func(t *testing.T) string { return freshMySQL(t, dsn) }
	}
	for name, fresh := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dsn := fresh(t)
			s, err := Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.WriteDocument(ctx, extraction("a.txt", "h1", claim("Russia", "invaded", "Ukraine", schema.Asserted))); err != nil {
				t.Fatal(err)
			}
			s.Close()
			s, err = Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer s.Close()
			st, err := s.Stats(ctx)
			if err != nil || st.Documents != 1 || st.Relations["invaded"] != 1 {
				t.Fatalf("after reopening: %+v %v", st, err)
			}
		})
	}
}
