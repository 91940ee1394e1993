package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// DefaultRDFBase is the IRI base of RDF exports: entities are
// BASE entity:NAME, predicates and types BASE vocab:NAME, claims
// BASE claim:ID and documents BASE doc:ID, with names percent-encoded.
const DefaultRDFBase = "urn:claimgraph:"

// The RDF and RDFS terms the exports use.
const (
	rdfType      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfStatement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
	rdfSubject   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
	rdfPredicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
	rdfObject    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
	rdfsLabel    = "http://www.w3.org/2000/01/rdf-schema#label"
	xsdDouble    = "http://www.w3.org/2001/XMLSchema#double"
	xsdInteger   = "http://www.w3.org/2001/XMLSchema#integer"
)

// rdfTerms makes the IRIs of one export.
type rdfTerms struct{ base string }

func (t rdfTerms) entity(name string) quad.IRI {
	return quad.IRI(t.base + "entity:" + url.PathEscape(name))
}
func (t rdfTerms) vocab(name string) quad.IRI {
	return quad.IRI(t.base + "vocab:" + url.PathEscape(name))
}
func (t rdfTerms) doc(id string) quad.IRI { return quad.IRI(t.base + "doc:" + url.PathEscape(id)) }
func (t rdfTerms) claim(iri string) quad.IRI {
	return quad.IRI(t.base + "claim:" + strings.TrimPrefix(iri, "claim:"))
}

// nodeTriples says what an entity is.
func (t rdfTerms) nodeTriples(n ExportNode) []quad.Quad {
	e := t.entity(n.ID)
	return []quad.Quad{
		{Subject: e, Predicate: quad.IRI(rdfType), Object: t.vocab(neo4jLabel(n.Type))},
		{Subject: e, Predicate: quad.IRI(rdfsLabel), Object: quad.String(n.Label)},
	}
}

// edgeTriples gives a relation and each claim behind it, reified with its
// provenance.
func (t rdfTerms) edgeTriples(e ExportEdge) []quad.Quad {
	s, p, o := t.entity(e.Source), t.vocab(e.Predicate), t.entity(e.Target)
	out := []quad.Quad{{Subject: s, Predicate: p, Object: o}}
	for _, c := range e.Claims {
		n := t.claim(c.Claim)
		add := func(pred string, v quad.Value) {
			out = append(out, quad.Quad{Subject: n, Predicate: t.vocab(pred), Object: v})
		}
		out = append(out,
			quad.Quad{Subject: n, Predicate: quad.IRI(rdfType), Object: quad.IRI(rdfStatement)},
			quad.Quad{Subject: n, Predicate: quad.IRI(rdfSubject), Object: s},
			quad.Quad{Subject: n, Predicate: quad.IRI(rdfPredicate), Object: p},
			quad.Quad{Subject: n, Predicate: quad.IRI(rdfObject), Object: o})
		add("document", t.doc(c.Doc))
		add("sentence", quad.String(c.Sentence))
		add("start", quad.TypedString{Value: quad.String(strconv.Itoa(c.Start)), Type: xsdInteger})
		add("end", quad.TypedString{Value: quad.String(strconv.Itoa(c.End)), Type: xsdInteger})
		add("modality", quad.String(c.Modality))
		add("confidence", quad.TypedString{Value: quad.String(strconv.FormatFloat(c.Confidence, 'f', -1, 64)), Type: xsdDouble})
		if c.Date != "" {
			add("date", quad.String(c.Date))
		}
		if c.Title != "" {
			add("documentTitle", quad.String(c.Title))
		}
	}
	return out
}

// NQuadsWriter writes the export as N-Quads, in the default graph.
type NQuadsWriter struct {
	W    io.Writer
	Base string // IRI base; DefaultRDFBase if empty
}

func (w *NQuadsWriter) terms() rdfTerms {
	if w.Base == "" {
		return rdfTerms{DefaultRDFBase}
	}
	return rdfTerms{w.Base}
}

func (w *NQuadsWriter) write(qs []quad.Quad) error {
	for _, q := range qs {
		if _, err := io.WriteString(w.W, q.NQuad()+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func (w *NQuadsWriter) Nodes() error            { return nil }
func (w *NQuadsWriter) Node(n ExportNode) error { return w.write(w.terms().nodeTriples(n)) }
func (w *NQuadsWriter) Edges() error            { return nil }
func (w *NQuadsWriter) Edge(e ExportEdge) error { return w.write(w.terms().edgeTriples(e)) }
func (w *NQuadsWriter) End() error              { return nil }

// WritesClaims says the RDF formats reify every claim behind an edge.
func (w *NQuadsWriter) WritesClaims() bool { return true }

// WritesClaims says the RDF formats reify every claim behind an edge.
func (w *JSONLDWriter) WritesClaims() bool { return true }

func (w *JSONLDWriter) terms() rdfTerms         { return (&NQuadsWriter{Base: w.Base}).terms() }
func (w *JSONLDWriter) Node(n ExportNode) error { return w.objects(w.terms().nodeTriples(n)) }
func (w *JSONLDWriter) Edge(e ExportEdge) error { return w.objects(w.terms().edgeTriples(e)) }
func (w *JSONLDWriter) Edges() error            { return nil }
func (w *JSONLDWriter) writeRaw(s string) error { _, err := io.WriteString(w.W, s); return err }
func (w *JSONLDWriter) End() error              { return w.writeRaw("\n]}\n") }
func (w *JSONLDWriter) context() map[string]string {
	return map[string]string{"cg": w.terms().base + "vocab:"}
}

// JSONLDWriter writes the export as JSON-LD: a @graph of node objects,
// streamed, with the same triples as NQuadsWriter.
type JSONLDWriter struct {
	W     io.Writer
	Base  string
	wrote bool
}

func (w *JSONLDWriter) Nodes() error {
	ctx := map[string]interface{}{
		"rdf":  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
		"rdfs": "http://www.w3.org/2000/01/rdf-schema#",
		"xsd":  "http://www.w3.org/2001/XMLSchema#",
	}
	for k, v := range w.context() {
		ctx[k] = v
	}
	b, err := json.Marshal(ctx)
	if err != nil {
		return err
	}
	return w.writeRaw(fmt.Sprintf("{\"@context\": %s,\n\"@graph\": [\n", b))
}

// objects groups triples by subject into JSON-LD node objects.
func (w *JSONLDWriter) objects(qs []quad.Quad) error {
	var order []quad.Value
	objs := map[quad.Value]map[string][]interface{}{}
	for _, q := range qs {
		if objs[q.Subject] == nil {
			objs[q.Subject] = map[string][]interface{}{}
			order = append(order, q.Subject)
		}
		objs[q.Subject][string(q.Predicate.(quad.IRI))] = append(objs[q.Subject][string(q.Predicate.(quad.IRI))], jsonldValue(q.Object))
	}
	for _, subj := range order {
		obj := map[string]interface{}{"@id": string(subj.(quad.IRI))}
		for p, vs := range objs[subj] {
			if len(vs) == 1 {
				obj[p] = vs[0]
			} else {
				obj[p] = vs
			}
		}
		b, err := json.Marshal(obj)
		if err != nil {
			return err
		}
		sep := ",\n"
		if !w.wrote {
			sep, w.wrote = "", true
		}
		if err := w.writeRaw(sep + string(b)); err != nil {
			return err
		}
	}
	return nil
}

// jsonldValue writes an RDF term as a JSON-LD value object.
func jsonldValue(v quad.Value) interface{} {
	switch v := v.(type) {
	case quad.IRI:
		return map[string]string{"@id": string(v)}
	case quad.TypedString:
		return map[string]string{"@value": string(v.Value), "@type": string(v.Type)}
	case quad.String:
		return map[string]string{"@value": string(v)}
	}
	return map[string]string{"@value": fmt.Sprint(v)}
}
