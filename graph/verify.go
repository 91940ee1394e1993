package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// Damage is what Verify found broken in one document.
type Damage struct {
	Doc      string   `json:"doc"` // "" for quads that name no document
	Problems []string `json:"problems"`
	// Lost counts the document's quads that name a value the store no
	// longer holds (see VerifyReport.Lost).
	Lost int `json:"quads_naming_lost_values,omitempty"`
}

// VerifyReport is what Verify read and what it found broken.
type VerifyReport struct {
	Quads     int64    `json:"quads"`
	Documents int      `json:"documents"`
	Claims    int      `json:"claims"`
	Edges     int      `json:"relation_edges"`
	Damaged   []Damage `json:"damaged"` // by document id
	// Lost counts the quads that name a value the store no longer holds,
	// as a write after a failed one could leave them in a bolt store
	// before claimgraph reopened it after every failed write. Queries skip
	// them; ingesting a document again cannot remove them, because Cayley
	// finds a quad to delete by its values.
	Lost int `json:"quads_naming_lost_values"`
}

// claimFields are the quads every claim node has exactly once.
var claimFields = []string{PredSubject, PredPredicate, PredObject, PredDoc, PredSentence, PredStart, PredModality, PredConfidence}

// claimPreds are the predicates of claim nodes; cg:date is a claim's when
// its subject is a claim node, else a document's.
var claimPreds = map[string]bool{PredSubject: true, PredPredicate: true, PredObject: true, PredDoc: true,
	PredSentence: true, PredStart: true, PredEnd: true, PredModality: true, PredNegated: true,
	PredConfidence: true, PredQualifiers: true}

// docPreds are the predicates of document nodes besides cg:type and cg:date.
var docPreds = map[string]bool{PredHash: true, PredTitle: true, PredURL: true, PredSource: true, PredExtractor: true}

// triple is a relation edge, or what an asserted claim says; label is its
// document, or "" on backends that store a triple once whatever its label.
type triple struct{ s, p, o, label string }

// verifier gathers, in one pass over every quad, what Verify checks.
type verifier struct {
	shared   bool
	claims   map[string]map[string][]string // claim → predicate → objects
	labels   map[string]map[string]bool     // claim → labels of its quads
	docs     map[string]map[string]int      // document → predicate → count
	typed    map[string]bool                // entities with a type
	edges    map[triple]string              // → the label, for saying whose it is
	problems map[string][]string            // document → problems
	lost     map[string]int                 // document → quads naming lost values
}

// Verify checks the store's integrity in one pass over every quad: every
// claim node has its subject, predicate, object, document, sentence,
// offset, modality and confidence, once each, labelled with its document;
// every document it names has a node with a content hash; every entity a
// claim names has a type; every asserted claim has its relation edge and
// every relation edge an asserted claim behind it. It reports what is
// broken, by document. A store with lost or swapped values (a write that
// failed half way, a damaged file) shows here.
func (s *Store) Verify(ctx context.Context) (VerifyReport, error) {
	if err := s.rlock(ctx); err != nil {
		return VerifyReport{}, err
	}
	defer s.runlock()
	v := &verifier{shared: s.sharedTriples(), claims: map[string]map[string][]string{},
		labels: map[string]map[string]bool{}, docs: map[string]map[string]int{},
		typed: map[string]bool{}, edges: map[triple]string{}, problems: map[string][]string{}, lost: map[string]int{}}
	var rep VerifyReport
	err := survive(func() error { return v.read(ctx, &rep, s) })
	if err != nil {
		return rep, fmt.Errorf("the store is damaged: %w", err)
	}
	rep.Documents, rep.Claims, rep.Edges = len(v.docs), len(v.claims), len(v.edges)
	v.check()
	for doc, ps := range v.problems {
		rep.Damaged = append(rep.Damaged, Damage{Doc: doc, Problems: counted(ps), Lost: v.lost[doc]})
	}
	for doc, n := range v.lost {
		if v.problems[doc] == nil {
			rep.Damaged = append(rep.Damaged, Damage{Doc: doc, Problems: []string{}, Lost: n})
		}
	}
	sort.Slice(rep.Damaged, func(i, j int) bool { return rep.Damaged[i].Doc < rep.Damaged[j].Doc })
	return rep, ctx.Err()
}

// read files every quad of the store.
func (v *verifier) read(ctx context.Context, rep *VerifyReport, s *Store) error {
	values := map[interface{}]quad.Value{}
	name := func(r cgraph.Ref) quad.Value {
		if r == nil {
			return nil
		}
		if val, ok := values[r.Key()]; ok {
			return val
		}
		val := s.qs.NameOf(r)
		values[r.Key()] = val
		return val
	}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		ref := it.Result()
		rep.Quads++
		var q quad.Quad
		lost := false
		for _, d := range quad.Directions {
			val := name(s.qs.QuadDirection(ref, d))
			// An unlabelled quad's label is nil, or on the SQL
			// backends a ref that names nothing.
			lost = lost || (val == nil && d != quad.Label)
			q.Set(d, val)
		}
		if lost {
			rep.Lost++
			v.lost[valueString(q.Label)]++
			continue
		}
		v.quad(q)
	}
	return it.Err()
}

func (v *verifier) add(doc, problem string) {
	v.problems[doc] = append(v.problems[doc], problem)
}

// quad files one quad under its claim, document, entity or edge.
func (v *verifier) quad(q quad.Quad) {
	p, subj, obj, label := valueString(q.Predicate), valueString(q.Subject), valueString(q.Object), valueString(q.Label)
	iri, isIRI := q.Subject.(quad.IRI)
	isClaim := isIRI && strings.HasPrefix(string(iri), "claim:")
	switch {
	case claimPreds[p] || (p == PredDate && isIRI):
		if !isClaim {
			v.add(label, fmt.Sprintf("%s on %s, which is not a claim node", p, q.Subject))
			return
		}
		if v.claims[subj] == nil {
			v.claims[subj], v.labels[subj] = map[string][]string{}, map[string]bool{}
		}
		v.claims[subj][p] = append(v.claims[subj][p], obj)
		v.labels[subj][label] = true
	case p == PredType && q.Label == nil:
		v.typed[subj] = true
	case p == PredType || docPreds[p] || p == PredDate:
		if isIRI || subj != label {
			v.add(label, fmt.Sprintf("%s on %s, which is not the node of document %q", p, q.Subject, label))
			return
		}
		if v.docs[subj] == nil {
			v.docs[subj] = map[string]int{}
		}
		v.docs[subj][p]++
		if p == PredType && obj != TypeDocument {
			v.add(label, fmt.Sprintf("document %q has type %q", subj, obj))
		}
	case strings.HasPrefix(p, "cg:"):
		// a predicate of a later claimgraph: not this version's to judge
	default:
		t := triple{subj, p, obj, label}
		if v.shared {
			t.label = ""
		}
		v.edges[t] = label
	}
}

// check runs the checks that need every quad read.
func (v *verifier) check() {
	asserted := map[triple]bool{}
	for c, fields := range v.claims {
		doc := first(fields[PredDoc])
		if doc == "" {
			for l := range v.labels[c] {
				doc = l
			}
		}
		for _, f := range claimFields {
			switch n := len(fields[f]); {
			case n == 0:
				v.add(doc, fmt.Sprintf("claim <%s> has no %s", c, f))
			case n > 1:
				v.add(doc, fmt.Sprintf("claim <%s> has %d values of %s", c, n, f))
			}
		}
		for l := range v.labels[c] {
			if l != doc {
				v.add(doc, fmt.Sprintf("claim <%s> of document %q has quads labelled %q", c, doc, l))
			}
		}
		if _, ok := v.docs[doc]; !ok && doc != "" {
			v.add(doc, fmt.Sprintf("claim <%s> names document %q, which has no node", c, doc))
		}
		for _, e := range append(fields[PredSubject], fields[PredObject]...) {
			if !v.typed[e] {
				v.add(doc, fmt.Sprintf("claim <%s> names %q, which has no entity type", c, e))
			}
		}
		t := triple{first(fields[PredSubject]), first(fields[PredPredicate]), first(fields[PredObject]), doc}
		if v.shared {
			t.label = ""
		}
		if len(fields[PredNegated]) > 0 || !schema.Modality(first(fields[PredModality])).Asserts() {
			continue
		}
		asserted[t] = true
		if _, ok := v.edges[t]; !ok {
			v.add(doc, fmt.Sprintf("claim <%s> asserts %s %s %s, but the relation edge is missing", c, t.s, t.p, t.o))
		}
	}
	for e, label := range v.edges {
		if !asserted[e] {
			v.add(label, fmt.Sprintf("relation edge %s %s %s has no asserted claim behind it", e.s, e.p, e.o))
		}
	}
	for d, preds := range v.docs {
		if preds[PredType] != 1 || preds[PredHash] != 1 {
			v.add(d, fmt.Sprintf("document %q has %d types and %d content hashes, not one of each", d, preds[PredType], preds[PredHash]))
		}
	}
}

// counted sorts problems and folds repeats into one line with their count.
func counted(ps []string) []string {
	sort.Strings(ps)
	var out []string
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j] == ps[i] {
			j++
		}
		if j-i > 1 {
			out = append(out, fmt.Sprintf("%s (%d times)", ps[i], j-i))
		} else {
			out = append(out, ps[i])
		}
		i = j
	}
	return out
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}
