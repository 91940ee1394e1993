package graph

import (
	"context"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// TestVerifyFindsDamageAndIngestRepairs damages documents the ways a
// failed or interrupted write could — a claim without its sentence, a
// claim without its relation edge, a relation edge without its claim —
// and expects Verify to name each document and what is wrong, and writing
// the same documents again to repair those it can reach instead of calling
// them unchanged.
func TestVerifyFindsDamageAndIngestRepairs(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			exs := []schema.Extraction{
				extraction("a.txt", "ha", claim("Russia", "invaded", "Ukraine", schema.Asserted)),
				extraction("b.txt", "hb", claim("Turkey", "bought", "S-400", schema.Asserted)),
				extraction("c.txt", "hc", claim("Finland", "joined", "NATO", schema.Asserted)),
				extraction("d.txt", "hd", claim("Chile", "bought", "F-16", schema.Asserted)),
			}
			if _, err := s.WriteBatch(ctx, exs); err != nil {
				t.Fatal(err)
			}
			if rep, err := s.Verify(ctx); err != nil || len(rep.Damaged) > 0 || rep.Documents != 4 || rep.Claims != 4 || rep.Edges != 4 {
				t.Fatalf("a whole store: %+v %v", rep, err)
			}
			a := claimNode(exs[0].Claims[0])
			damage := []cgraph.Delta{
				{Action: cgraph.Delete, Quad: quad.Make(a, PredSentence, exs[0].Claims[0].Sentence, "a.txt")},
				{Action: cgraph.Delete, Quad: quad.Make("Turkey", "bought", "S-400", "b.txt")},
				{Action: cgraph.Add, Quad: quad.Make("Finland", "invaded", "NATO", "c.txt")},
			}
			if err := s.qs.ApplyDeltas(damage, cgraph.IgnoreOpts{}); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"a.txt": "has no cg:sentence", "b.txt": "relation edge is missing",
				"c.txt": "Finland invaded NATO has no asserted claim"}
			if len(rep.Damaged) != len(want) {
				t.Errorf("damaged %+v, want %v", rep.Damaged, want)
			}
			for _, d := range rep.Damaged {
				if w := want[d.Doc]; w == "" || len(d.Problems) != 1 || !strings.Contains(d.Problems[0], w) {
					t.Errorf("%s: %q, want %q", d.Doc, d.Problems, w)
				}
			}
			res, err := s.WriteBatch(ctx, exs)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range []bool{true, true, false, false} {
				if res[i].Repaired != want || res[i].Unchanged == want {
					t.Errorf("%s written again: %+v, want repaired %v", exs[i].Document.ID, res[i], want)
				}
			}
			rep, err = s.Verify(ctx)
			if err != nil || len(rep.Damaged) != 1 || rep.Damaged[0].Doc != "c.txt" {
				t.Errorf("after repair (only c.txt's stray edge, which no claim reaches, should remain): %+v %v", rep, err)
			}
		})
	}
}
