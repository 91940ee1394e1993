package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// TestFramePredicatesAreRelations stores claims with predicates only
// frames.txt used to have and reads them back as relations: neighbours,
// paths, answers to questions with their evidence, stats and export.
func TestFramePredicatesAreRelations(t *testing.T) {
	s := openT(t, "memory")
	ctx := context.Background()
	ex := extraction("v.txt", "h",
		claim("Acme Corp", "sued", "Globex Inc", schema.Asserted),
		claim("Exxon", "owns", "Mobil", schema.Asserted),
		claim("Globex Inc", "signed_agreement_with", "Exxon", schema.Asserted))
	if _, err := s.WriteDocument(ctx, ex); err != nil {
		t.Fatal(err)
	}
	nb, err := s.Neighbors(ctx, "Acme Corp", 1, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := nb.Hops["Globex Inc"]; !ok || len(nb.Edges) != 1 || nb.Edges[0].Predicate != "sued" {
		t.Errorf("neighbours of Acme Corp: %+v", nb)
	}
	paths, err := s.Paths(ctx, "Acme Corp", "Mobil", PathOptions{})
	if err != nil || len(paths) != 1 || hopsOf(paths[0]) != "Acme Corp ->sued-> Globex Inc, Globex Inc ->signed_agreement_with-> Exxon, Exxon ->owns-> Mobil" {
		t.Errorf("path: %+v %v", paths, err)
	}

	vocab, gaz, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := NewAsker(s, vocab, gaz)
	tests := []struct{ question, entity, sentence string }{
		{"Who sued Globex Inc?", "Acme Corp", "Acme Corp sued Globex Inc."},
		{"Who owns Mobil?", "Exxon", "Exxon owns Mobil."},
		{"What does Exxon own?", "Mobil", "Exxon owns Mobil."},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Ask(ctx, tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Items) != 1 || ans.Items[0].Entity != tt.entity || len(ans.Items[0].Evidence) == 0 ||
				!strings.Contains(ans.Items[0].Evidence[0].Sentence, tt.sentence) {
				t.Errorf("answer: %+v", ans)
			}
		})
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Relations["sued"] != 1 || st.Relations["owns"] != 1 {
		t.Errorf("stats: %+v %v", st.Relations, err)
	}
	var c collect
	if err := s.Export(ctx, ExportOptions{Predicates: []string{"sued", "owns"}}, &c); err != nil || len(c.edges) != 2 {
		t.Errorf("export: %+v %v", c.edges, err)
	}
}
