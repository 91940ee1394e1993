package graph

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats lists the export formats and what opens them.
var Formats = map[string]string{
	"graphml":   "GraphML: Gephi, yEd, Cytoscape desktop, networkx",
	"gexf":      "GEXF 1.2 with claim dates as edge intervals: Gephi's timeline",
	"dot":       "Graphviz DOT",
	"cytoscape": "Cytoscape.js elements JSON",
	"jsonld":    "JSON-LD: RDF tools; entities and predicates as IRIs, claims reified with provenance",
	"nquads":    "N-Quads: RDF tools and Cayley; the same triples as jsonld",
	"csv":       "Neo4j bulk import: nodes.csv and relationships.csv in a directory",
}

// xmlText escapes s for XML text and attributes.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "\"", "&quot;")
}

// GraphMLWriter writes GraphML with every attribute declared as a key.
type GraphMLWriter struct {
	W  io.Writer
	id int
}

func (g *GraphMLWriter) Nodes() error {
	_, err := io.WriteString(g.W, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="degree" for="node" attr.name="degree" attr.type="int"/>
  <key id="nsources" for="node" attr.name="sources" attr.type="int"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="first" for="edge" attr.name="first" attr.type="string"/>
  <key id="last" for="edge" attr.name="last" attr.type="string"/>
  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>
  <graph id="claimgraph" edgedefault="directed">
`)
	return err
}

func (g *GraphMLWriter) Node(n ExportNode) error {
	_, err := fmt.Fprintf(g.W, "    <node id=\"%s\"><data key=\"label\">%s</data><data key=\"type\">%s</data><data key=\"degree\">%d</data><data key=\"nsources\">%d</data></node>\n",
		xmlText(n.ID), xmlText(n.Label), xmlText(n.Type), n.Degree, n.Sources)
	return err
}

func (g *GraphMLWriter) Edges() error { return nil }

func (g *GraphMLWriter) Edge(e ExportEdge) error {
	g.id++
	_, err := fmt.Fprintf(g.W, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\"><data key=\"predicate\">%s</data><data key=\"weight\">%d</data><data key=\"first\">%s</data><data key=\"last\">%s</data><data key=\"evidence\">%s</data><data key=\"sources\">%s</data></edge>\n",
		g.id, xmlText(e.Source), xmlText(e.Target), xmlText(e.Predicate), e.Weight, e.First, e.Last, xmlText(e.Evidence), xmlText(strings.Join(e.Sources, " ")))
	return err
}

func (g *GraphMLWriter) End() error {
	_, err := io.WriteString(g.W, "  </graph>\n</graphml>\n")
	return err
}

// GEXFWriter writes GEXF 1.2 with each edge alive from its first claim's
// date to its last, so Gephi's timeline shows relations appear.
type GEXFWriter struct {
	W  io.Writer
	id int
}

func (g *GEXFWriter) Nodes() error {
	_, err := io.WriteString(g.W, `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>claimgraph</creator><description>claims extracted from news articles</description></meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="degree" title="degree" type="integer"/>
      <attribute id="sources" title="sources" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="predicate" title="predicate" type="string"/>
      <attribute id="evidence" title="evidence" type="string"/>
      <attribute id="sources" title="sources" type="string"/>
    </attributes>
    <nodes>
`)
	return err
}

func (g *GEXFWriter) Node(n ExportNode) error {
	_, err := fmt.Fprintf(g.W, "      <node id=\"%s\" label=\"%s\"><attvalues><attvalue for=\"type\" value=\"%s\"/><attvalue for=\"degree\" value=\"%d\"/><attvalue for=\"sources\" value=\"%d\"/></attvalues></node>\n",
		xmlText(n.ID), xmlText(n.Label), xmlText(n.Type), n.Degree, n.Sources)
	return err
}

func (g *GEXFWriter) Edges() error {
	_, err := io.WriteString(g.W, "    </nodes>\n    <edges>\n")
	return err
}

func (g *GEXFWriter) Edge(e ExportEdge) error {
	g.id++
	span := ""
	if e.First != "" {
		span = fmt.Sprintf(` start="%s" end="%s"`, fullDate(e.First), lastDay(e.Last))
	}
	_, err := fmt.Fprintf(g.W, "      <edge id=\"e%d\" source=\"%s\" target=\"%s\" label=\"%s\" weight=\"%d\"%s><attvalues><attvalue for=\"predicate\" value=\"%s\"/><attvalue for=\"evidence\" value=\"%s\"/><attvalue for=\"sources\" value=\"%s\"/></attvalues></edge>\n",
		g.id, xmlText(e.Source), xmlText(e.Target), xmlText(e.Predicate), e.Weight, span, xmlText(e.Predicate), xmlText(e.Evidence), xmlText(strings.Join(e.Sources, " ")))
	return err
}

func (g *GEXFWriter) End() error {
	_, err := io.WriteString(g.W, "    </edges>\n  </graph>\n</gexf>\n")
	return err
}

// DOTWriter writes a Graphviz digraph, nodes shaped by type.
type DOTWriter struct{ W io.Writer }

var dotShapes = map[string]string{"country": "box", "person": "ellipse", "organization": "hexagon",
	"group": "octagon", "place": "house", "weapon": "diamond", "thing": "note"}

func dotQuote(s string) string { return strconv.Quote(s) }

func (d *DOTWriter) Nodes() error {
	_, err := io.WriteString(d.W, "digraph claimgraph {\n  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	return err
}

func (d *DOTWriter) Node(n ExportNode) error {
	shape := dotShapes[n.Type]
	if shape == "" {
		shape = "ellipse"
	}
	_, err := fmt.Fprintf(d.W, "  %s [label=%s, shape=%s, type=%s, degree=%d, sources=%d];\n",
		dotQuote(n.ID), dotQuote(n.Label), shape, dotQuote(n.Type), n.Degree, n.Sources)
	return err
}

func (d *DOTWriter) Edges() error { return nil }

func (d *DOTWriter) Edge(e ExportEdge) error {
	_, err := fmt.Fprintf(d.W, "  %s -> %s [label=%s, predicate=%s, weight=%d, penwidth=%d, first=%s, last=%s, tooltip=%s];\n",
		dotQuote(e.Source), dotQuote(e.Target), dotQuote(e.Predicate), dotQuote(e.Predicate), e.Weight, min(e.Weight, 8),
		dotQuote(e.First), dotQuote(e.Last), dotQuote(e.Evidence))
	return err
}

func (d *DOTWriter) End() error {
	_, err := io.WriteString(d.W, "}\n")
	return err
}

// CytoscapeWriter writes Cytoscape.js elements JSON, streamed.
type CytoscapeWriter struct {
	W     io.Writer
	first bool
	id    int
}

func (c *CytoscapeWriter) Nodes() error {
	c.first = true
	_, err := io.WriteString(c.W, "{\"elements\": {\"nodes\": [\n")
	return err
}

func (c *CytoscapeWriter) item(v interface{}) error {
	b, err := json.Marshal(map[string]interface{}{"data": v})
	if err != nil {
		return err
	}
	sep := ",\n"
	if c.first {
		sep, c.first = "", false
	}
	_, err = fmt.Fprintf(c.W, "%s  %s", sep, b)
	return err
}

func (c *CytoscapeWriter) Node(n ExportNode) error { return c.item(n) }

func (c *CytoscapeWriter) Edges() error {
	c.first = true
	_, err := io.WriteString(c.W, "\n], \"edges\": [\n")
	return err
}

func (c *CytoscapeWriter) Edge(e ExportEdge) error {
	c.id++
	return c.item(map[string]interface{}{"id": fmt.Sprintf("e%d", c.id), "source": e.Source, "target": e.Target,
		"predicate": e.Predicate, "label": e.Predicate, "weight": e.Weight, "first": e.First, "last": e.Last,
		"evidence": e.Evidence, "sources": e.Sources})
}

func (c *CytoscapeWriter) End() error {
	_, err := io.WriteString(c.W, "\n]}}\n")
	return err
}

// CSVWriter writes the two files Neo4j's bulk importer (neo4j-admin
// database import) reads: nodes with :ID and :LABEL columns, and
// relationships with :START_ID, :END_ID and :TYPE. Lists are joined by ";",
// the importer's default array delimiter.
type CSVWriter struct {
	NodesW, EdgesW io.Writer
	n, e           *csv.Writer
}

func (c *CSVWriter) Nodes() error {
	c.n, c.e = csv.NewWriter(c.NodesW), csv.NewWriter(c.EdgesW)
	return c.n.Write([]string{"id:ID", "name", ":LABEL", "degree:int", "sources:int"})
}

func (c *CSVWriter) Node(n ExportNode) error {
	return c.n.Write([]string{n.ID, n.Label, "Entity;" + neo4jLabel(n.Type), strconv.Itoa(n.Degree), strconv.Itoa(n.Sources)})
}

func (c *CSVWriter) Edges() error {
	c.n.Flush()
	if err := c.n.Error(); err != nil {
		return err
	}
	return c.e.Write([]string{":START_ID", ":END_ID", ":TYPE", "weight:int", "first", "last", "evidence", "sources:string[]"})
}

func (c *CSVWriter) Edge(e ExportEdge) error {
	return c.e.Write([]string{e.Source, e.Target, strings.ToUpper(e.Predicate), strconv.Itoa(e.Weight), e.First, e.Last,
		e.Evidence, strings.Join(e.Sources, ";")})
}

func (c *CSVWriter) End() error {
	c.e.Flush()
	return c.e.Error()
}

// neo4jLabel capitalises a type for a Neo4j label: "country" → "Country".
func neo4jLabel(t string) string {
	if t == "" {
		return "Thing"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}
