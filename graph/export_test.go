package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/claimgraph/claimgraph/schema"
)

func exportStore(t *testing.T) *Store {
	t.Helper()
	s := openT(t, "memory")
	ctx := context.Background()
	a := extraction("a.txt", "a", claim("United States", "sanctioned", "Turkey", schema.Asserted),
		claim("Turkey", "bought", "S-400", schema.Asserted), claim("Russia", "invaded", "Turkey", schema.Denied))
	a.Claims[0].Date = "2020-12"
	b := extraction("b.txt", "b", claim("United States", "sanctioned", "Turkey", schema.Asserted),
		claim("Russia", "sold", "S-400", schema.Asserted))
	b.Claims[0].Date, b.Claims[1].Date = "2021-04-02", "2017"
	for _, ex := range []schema.Extraction{a, b} {
		for i := range ex.Entities {
			if ex.Entities[i].Name == "S-400" {
				ex.Entities[i].Type = schema.Weapon
			}
		}
		if _, err := s.WriteDocument(ctx, ex); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// collect gathers what an export writes.
type collect struct {
	nodes []ExportNode
	edges []ExportEdge
}

func (c *collect) Nodes() error            { return nil }
func (c *collect) Node(n ExportNode) error { c.nodes = append(c.nodes, n); return nil }
func (c *collect) Edges() error            { return nil }
func (c *collect) Edge(e ExportEdge) error { c.edges = append(c.edges, e); return nil }
func (c *collect) End() error              { return nil }

func TestExportSelection(t *testing.T) {
	s := exportStore(t)
	tests := []struct {
		name  string
		opt   ExportOptions
		nodes int
		edges []string
	}{
		{"everything", ExportOptions{}, 4, []string{"Russia sold S-400", "Turkey bought S-400", "United States sanctioned Turkey"}},
		{"around", ExportOptions{Around: "United States", Hops: 1}, 2, []string{"United States sanctioned Turkey"}},
		{"predicates", ExportOptions{Predicates: []string{"bought", "sold"}}, 3, []string{"Russia sold S-400", "Turkey bought S-400"}},
		{"types", ExportOptions{Types: []schema.EntityType{schema.Country}}, 2, []string{"United States sanctioned Turkey"}},
		{"min sources", ExportOptions{MinSources: 2}, 2, []string{"United States sanctioned Turkey"}},
		// Undated claims take their document's date, 2022-03-05 here.
		{"since", ExportOptions{Since: "2021"}, 3, []string{"Turkey bought S-400", "United States sanctioned Turkey"}},
		{"until", ExportOptions{Until: "2020"}, 4, []string{"Russia sold S-400", "United States sanctioned Turkey"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collect
			if err := s.Export(context.Background(), tt.opt, &c); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range c.edges {
				got = append(got, e.Source+" "+e.Predicate+" "+e.Target)
			}
			sort.Strings(got)
			if len(c.nodes) != tt.nodes || strings.Join(got, "|") != strings.Join(tt.edges, "|") {
				t.Errorf("nodes %d (want %d), edges %q (want %q)", len(c.nodes), tt.nodes, got, tt.edges)
			}
		})
	}
	var c collect
	s.Export(context.Background(), ExportOptions{}, &c)
	for _, e := range c.edges {
		if e.Predicate == "sanctioned" && (e.Weight != 2 || e.First != "2020-12" || e.Last != "2021-04-02" || e.Evidence == "") {
			t.Errorf("edge attributes: %+v", e)
		}
	}
}

// TestRDFReifiesClaims checks that both RDF formats carry each claim as
// an rdf:Statement with its sentence, not the bare edge alone.
func TestRDFReifiesClaims(t *testing.T) {
	s := exportStore(t)
	for _, w := range []func(io.Writer) ExportWriter{
		func(b io.Writer) ExportWriter { return &NQuadsWriter{W: b} },
		func(b io.Writer) ExportWriter { return &JSONLDWriter{W: b} },
	} {
		var buf bytes.Buffer
		ew := w(&buf)
		if cw, ok := ew.(ClaimsWriter); !ok || !cw.WritesClaims() {
			t.Fatalf("%T does not write claims", ew)
		}
		if err := s.Export(context.Background(), ExportOptions{}, ew); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, rdfStatement) || !strings.Contains(out, "urn:claimgraph:vocab:sentence") {
			t.Errorf("%T: no reified claim with a sentence in\n%.600s", ew, out)
		}
	}
}

// TestNQuadsLoadIntoCayley loads the N-Quads export into a fresh Cayley
// store and reads back exactly the quads of the file.
func TestNQuadsLoadIntoCayley(t *testing.T) {
	s := exportStore(t)
	var buf bytes.Buffer
	if err := s.Export(context.Background(), ExportOptions{}, &NQuadsWriter{W: &buf}); err != nil {
		t.Fatal(err)
	}
	var file []quad.Quad
	r := nquads.NewReader(bytes.NewReader(buf.Bytes()), false)
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		file = append(file, q)
	}
	fresh, err := cgraph.NewQuadStore("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	tx := cgraph.NewTransaction()
	for _, q := range file {
		tx.AddQuad(q)
	}
	if err := fresh.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, q := range file {
		want[q.NQuad()] = true
	}
	got := map[string]bool{}
	it := fresh.QuadsAllIterator()
	for it.Next(context.Background()) {
		got[fresh.Quad(it.Result()).NQuad()] = true
	}
	if len(got) != len(want) {
		t.Fatalf("store holds %d quads, file %d", len(got), len(want))
	}
	for q := range want {
		if !got[q] {
			t.Errorf("lost %s", q)
		}
	}
	if !want[`<urn:claimgraph:entity:Turkey> <urn:claimgraph:vocab:bought> <urn:claimgraph:entity:S-400> .`] {
		t.Errorf("relation triple missing:\n%s", buf.String())
	}
}

func TestCytoscapeIsJSON(t *testing.T) {
	s := exportStore(t)
	var buf bytes.Buffer
	if err := s.Export(context.Background(), ExportOptions{}, &CytoscapeWriter{W: &buf}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Elements struct {
			Nodes []struct{ Data ExportNode }
			Edges []struct {
				Data struct {
					Source, Target, Predicate string
					Weight                    int
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, buf.String())
	}
	if len(doc.Elements.Nodes) != 4 || len(doc.Elements.Edges) != 3 || doc.Elements.Nodes[0].Data.Type == "" {
		t.Errorf("elements: %+v", doc.Elements)
	}
}
