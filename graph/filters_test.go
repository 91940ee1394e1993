package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// TestFiltersAreChecked checks that a filter value claimgraph does not know
// is an error that says what is allowed and what was probably meant,
// rather than an empty answer; and that types are read in any case.
func TestFiltersAreChecked(t *testing.T) {
	s := exportStore(t)
	ctx := context.Background()
	for _, tt := range []struct {
		opt  ExportOptions
		want string
	}{
		{ExportOptions{Predicates: []string{"sanctionedd"}}, "did you mean sanctioned?"},
		{ExportOptions{Types: []schema.EntityType{"contry"}}, "did you mean country?"},
		{ExportOptions{Since: "yesterday"}, "is not a date"},
		{ExportOptions{Until: "2022-13"}, "is not a date"},
	} {
		err := s.Export(ctx, tt.opt, &DOTWriter{W: &strings.Builder{}})
		var fe *FilterError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want a FilterError with %q", tt.opt, err, tt.want)
		}
	}
	var b strings.Builder
	if err := s.Export(ctx, ExportOptions{Types: []schema.EntityType{"Country"}, Since: "2020"}, &DOTWriter{W: &b}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "->") {
		t.Errorf("--types Country gave no edges:\n%s", b.String())
	}
	if _, err := s.Paths(ctx, "Russia", "Ukraine", PathOptions{Predicates: []string{"sanction"}}); err == nil || !strings.Contains(err.Error(), "sanctioned") {
		t.Errorf("path with a bad predicate: %v", err)
	}
	if _, err := s.Neighbors(ctx, "Russia", 1, PathOptions{Predicates: []string{"attacked"}}); err != nil {
		t.Errorf("a good predicate: %v", err)
	}
}

// TestUndatedClaimsAndDateWindows checks the one rule for undated claims:
// a date window, from either end, leaves them out, and Undated keeps them.
func TestUndatedClaimsAndDateWindows(t *testing.T) {
	s := openT(t, "memory")
	ctx := context.Background()
	dated := extraction("d.txt", "d", claim("Chile", "met", "Peru", schema.Asserted))
	undated := extraction("u.txt", "u", claim("Kenya", "sanctioned", "Ethiopia", schema.Asserted))
	undated.Document.Date = ""
	for _, ex := range []schema.Extraction{dated, undated} {
		if _, err := s.WriteDocument(ctx, ex); err != nil {
			t.Fatal(err)
		}
	}
	edges := func(opt ExportOptions) int {
		var c collect
		if err := s.Export(ctx, opt, &c); err != nil {
			t.Fatal(err)
		}
		return len(c.edges)
	}
	for _, tt := range []struct {
		opt  ExportOptions
		want int
	}{
		{ExportOptions{}, 2},
		{ExportOptions{Since: "2020"}, 1},
		{ExportOptions{Until: "2030"}, 1},
		{ExportOptions{Since: "2020", Undated: true}, 2},
		{ExportOptions{Until: "2030", Undated: true}, 2},
		{ExportOptions{Until: "2010", Undated: true}, 1},
	} {
		if got := edges(tt.opt); got != tt.want {
			t.Errorf("%+v: %d edges, want %d", tt.opt, got, tt.want)
		}
	}
}
