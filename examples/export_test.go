package examples

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// tool returns the path of a consumer program, skipping the test when it
// is missing, unless CLAIMGRAPH_REQUIRE_TOOLS is set (as CI does), when
// a missing consumer fails it.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CLAIMGRAPH_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is required: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// python returns Debian's python3 with the module given importable.
func python(t *testing.T, module string) string {
	t.Helper()
	py := os.Getenv("CLAIMGRAPH_PYTHON")
	if py == "" {
		py = "/usr/bin/python3"
	}
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CLAIMGRAPH_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s with %s is required: %v", py, module, err)
		}
		t.Skipf("%s cannot import %s", py, module)
	}
	return py
}

func exportFile(t *testing.T, store *graph.Store, w func(f *os.File) graph.ExportWriter, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Export(context.Background(), graph.ExportOptions{}, w(f)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestExportOpensInGraphviz(t *testing.T) {
	dot := tool(t, "dot")
	path := exportFile(t, exampleStore(t), func(f *os.File) graph.ExportWriter { return &graph.DOTWriter{W: f} }, "g.dot")
	svg := run(t, dot, "-Tsvg", path)
	if !strings.Contains(svg, "<svg") || !strings.Contains(svg, "Finland") {
		t.Errorf("dot did not draw the graph")
	}
}

const networkxCheck = `
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1]) if sys.argv[1].endswith("graphml") else nx.read_gexf(sys.argv[1])
n = g.nodes["Russia"]
assert n["type"] == "country" and n["degree"] > 0 and n["sources"] > 0, n
e = [d for u, v, d in g.edges(data=True) if u == "Finland" and v == "NATO"][0]
assert e["predicate"] == "member_of" and e["weight"] >= 1 and e["evidence"], e
if sys.argv[1].endswith("gexf"):
    assert e["start"] and e["end"], e
print(g.number_of_nodes(), g.number_of_edges())
`

func TestExportOpensInNetworkx(t *testing.T) {
	py := python(t, "networkx")
	store := exampleStore(t)
	for _, f := range []struct {
		name string
		w    func(f *os.File) graph.ExportWriter
	}{
		{"g.graphml", func(f *os.File) graph.ExportWriter { return &graph.GraphMLWriter{W: f} }},
		{"g.gexf", func(f *os.File) graph.ExportWriter { return &graph.GEXFWriter{W: f} }},
	} {
		t.Run(f.name, func(t *testing.T) {
			run(t, py, "-c", networkxCheck, exportFile(t, store, f.w, f.name))
		})
	}
}

const rdflibCheck = `
import sys, rdflib
a = rdflib.ConjunctiveGraph()
a.parse(sys.argv[1], format="nquads")
b = rdflib.Graph()
b.parse(sys.argv[2], format="json-ld")
triples = set((s, p, o) for s, p, o, c in a.quads())
assert triples == set(b), (len(triples), len(b))
V = rdflib.Namespace("urn:claimgraph:vocab:")
E = rdflib.Namespace("urn:claimgraph:entity:")
assert (E["Finland"], V["member_of"], E["NATO"]) in b
claims = list(b.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
assert claims and all(b.value(c, V["sentence"]) for c in claims)
print(len(b))
`

func TestExportParsesAsRDF(t *testing.T) {
	py := python(t, "rdflib")
	store := exampleStore(t)
	nq := exportFile(t, store, func(f *os.File) graph.ExportWriter { return &graph.NQuadsWriter{W: f} }, "g.nq")
	ld := exportFile(t, store, func(f *os.File) graph.ExportWriter { return &graph.JSONLDWriter{W: f} }, "g.jsonld")
	run(t, py, "-c", rdflibCheck, nq, ld)
}
