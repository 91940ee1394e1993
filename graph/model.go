package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// The predicates of claimgraph's own nodes. Relation edges use the
// vocabulary's names ("bought", "sanctioned"); everything about claims and
// documents uses these, so the two never collide.
const (
	PredType       = "cg:type"       // entity → its type; document → "document"
	PredSubject    = "cg:subject"    // claim → subject entity
	PredPredicate  = "cg:predicate"  // claim → predicate name
	PredObject     = "cg:object"     // claim → object entity
	PredDoc        = "cg:doc"        // claim → document node
	PredSentence   = "cg:sentence"   // claim → evidence sentence (shared text node)
	PredStart      = "cg:start"      // claim → byte offset of the sentence in the cleaned text
	PredEnd        = "cg:end"        // claim → byte offset of the sentence's end, only when it is not start + the sentence's length
	PredDate       = "cg:date"       // document → ISO 8601 date; claim → its event's date when that differs
	PredModality   = "cg:modality"   // claim → asserted, reported, planned, hypothetical, denied, negated
	PredNegated    = "cg:negated"    // claim → true, only when negated
	PredConfidence = "cg:confidence" // claim → 0..1
	PredQualifiers = "cg:qualifiers" // claim → JSON object of qualifiers, when any
	PredExtractor  = "cg:extractor"  // document → the extractor that made its claims
	PredTitle      = "cg:title"      // document → headline
	PredURL        = "cg:url"        // document → where it was published
	PredSource     = "cg:source"     // document → the file it was read from
	PredHash       = "cg:hash"       // document → SHA-256 of its content

	TypeDocument = "document" // the cg:type of document nodes
)

// docNode is the node of a document: its id, the same value that labels
// the document's quads.
func docNode(id string) quad.Value { return quad.String(id) }

// claimNode is the node of a claim: an IRI derived from what makes the
// claim itself, so re-ingesting the same text makes the same node.
func claimNode(c schema.Claim) quad.IRI {
	h := sha256.New()
	for _, s := range []string{c.Doc, c.Subject, c.Predicate, c.Object, string(c.Modality), strconv.Itoa(c.Start)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return quad.IRI("claim:" + hex.EncodeToString(h.Sum(nil)[:10]))
}

// documentQuads turns a document and its claims into quads, all labelled
// with the document id except the entity types, which documents share.
func documentQuads(ex schema.Extraction) []quad.Quad {
	d := ex.Document
	doc, label := docNode(d.ID), quad.String(d.ID)
	qs := []quad.Quad{
		quad.Make(doc, PredType, TypeDocument, label),
		quad.Make(doc, PredHash, d.Hash, label),
	}
	extractor := ""
	if len(ex.Claims) > 0 {
		extractor = ex.Claims[0].Extractor
	}
	for _, f := range [][2]string{{PredTitle, d.Title}, {PredDate, d.Date}, {PredURL, d.URL}, {PredSource, d.Source}, {PredExtractor, extractor}} {
		if f[1] != "" {
			qs = append(qs, quad.Make(doc, f[0], f[1], label))
		}
	}
	for _, e := range ex.Entities {
		qs = append(qs, quad.Make(e.Name, PredType, string(e.Type), nil))
	}
	for _, c := range ex.Claims {
		qs = append(qs, claimQuads(c, doc, label, d.Date)...)
	}
	return qs
}

// claimQuads are the quads of one claim: its node with provenance, and the
// relation edge between its entities when the claim asserts it. What the
// claim shares with its document (the extractor, a date that is the
// document's) is stored once on the document, and what follows from the
// rest is not stored: the sentence is the cleaned text from start to end, so
// end is start plus the sentence's length unless a caller said otherwise.
func claimQuads(c schema.Claim, doc, label quad.Value, docDate string) []quad.Quad {
	n := claimNode(c)
	qs := []quad.Quad{
		quad.Make(n, PredSubject, c.Subject, label),
		quad.Make(n, PredPredicate, c.Predicate, label),
		quad.Make(n, PredObject, c.Object, label),
		quad.Make(n, PredDoc, doc, label),
		quad.Make(n, PredSentence, c.Sentence, label),
		quad.Make(n, PredStart, c.Start, label),
		quad.Make(n, PredModality, string(c.Modality), label),
		quad.Make(n, PredConfidence, quad.Float(round(c.Confidence)), label),
	}
	if c.End != c.Start+len(c.Sentence) {
		qs = append(qs, quad.Make(n, PredEnd, c.End, label))
	}
	if c.Date != "" && c.Date != docDate {
		qs = append(qs, quad.Make(n, PredDate, c.Date, label))
	}
	if c.Negated {
		qs = append(qs, quad.Make(n, PredNegated, true, label))
	}
	if len(c.Qualifiers) > 0 {
		b, _ := json.Marshal(c.Qualifiers) // map keys come out sorted
		qs = append(qs, quad.Make(n, PredQualifiers, string(b), label))
	}
	if c.Asserted() {
		qs = append(qs, quad.Make(c.Subject, c.Predicate, c.Object, label))
	}
	return qs
}

func round(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}
