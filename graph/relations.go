package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// Edge is a relation between two entities as the store holds it, with the
// documents that assert it.
type Edge struct {
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    string   `json:"object"`
	Sources   []string `json:"sources"` // ids of the documents that assert it
}

// Evidence is one claim behind an edge or an answer: what was said, where
// and when.
type Evidence struct {
	Claim      string            `json:"claim"`
	Subject    string            `json:"subject"`
	Predicate  string            `json:"predicate"`
	Object     string            `json:"object"`
	Doc        string            `json:"doc"`
	Title      string            `json:"title,omitempty"`
	Date       string            `json:"date,omitempty"`
	Sentence   string            `json:"sentence"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Modality   string            `json:"modality"`
	Negated    bool              `json:"negated,omitempty"`
	Confidence float64           `json:"confidence"`
	Qualifiers map[string]string `json:"qualifiers,omitempty"`
	Extractor  string            `json:"extractor,omitempty"`
}

// Asserted reports whether the claim asserts its relation.
func (e Evidence) Asserted() bool { return !e.Negated && schema.Modality(e.Modality).Asserts() }

// link is one relation edge seen from a node: the other end, the
// predicate, whether the node is its subject, and the label.
type link struct {
	pred, other, label cgraph.Ref
	forward            bool
}

// ownPredicates are the refs of claimgraph's cg: predicates in this store,
// which are never relations.
func (s *Store) ownPredicates() map[interface{}]bool {
	own := map[interface{}]bool{}
	for _, p := range []string{PredType, PredSubject, PredPredicate, PredObject, PredDoc, PredSentence,
		PredStart, PredEnd, PredDate, PredModality, PredNegated, PredConfidence, PredQualifiers,
		PredExtractor, PredTitle, PredURL, PredSource, PredHash} {
		if r := s.qs.ValueOf(quad.String(p)); r != nil {
			own[r.Key()] = true
		}
	}
	return own
}

// links returns the relation edges at a node, in both directions. On kv
// stores it scans the (node, predicate) prefix of each relation of the
// vocabulary, so the claim quads of a busy entity are never read; elsewhere
// it reads the node's quads and skips claimgraph's own predicates.
func (s *Store) links(ctx context.Context, node cgraph.Ref, own map[interface{}]bool) ([]link, error) {
	var out []link
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		other := quad.Object
		if dir == quad.Object {
			other = quad.Subject
		}
		add := func(q cgraph.Ref) {
			if label := s.qs.QuadDirection(q, quad.Label); label != nil {
				p := s.qs.QuadDirection(q, quad.Predicate)
				out = append(out, link{pred: p, other: s.qs.QuadDirection(q, other), label: label, forward: dir == quad.Subject})
			}
		}
		if _, ok := s.prefixIndex(dir); ok {
			for _, p := range s.relationRefs() {
				if err := s.scan(ctx, dir, node, p, add); err != nil {
					return nil, err
				}
			}
			continue
		}
		it := s.qs.QuadIterator(dir, node)
		for it.Next(ctx) {
			q := it.Result()
			if p := s.qs.QuadDirection(q, quad.Predicate); p != nil && !own[p.Key()] {
				add(q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// relationRefs returns the refs of the vocabulary's predicates that occur
// in the store.
func (s *Store) relationRefs() []cgraph.Ref {
	vocab, _, err := schema.Default()
	if err != nil {
		return nil
	}
	var out []cgraph.Ref
	for _, p := range vocab.Predicates {
		if r := s.qs.ValueOf(quad.String(p.Name)); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// names resolves refs to strings, remembering them.
type names struct {
	s     *Store
	cache map[interface{}]string
}

func (n *names) of(r cgraph.Ref) string {
	if r == nil {
		return ""
	}
	if v, ok := n.cache[r.Key()]; ok {
		return v
	}
	v := valueString(n.s.qs.NameOf(r))
	n.cache[r.Key()] = v
	return v
}

// Evidence returns the claims that say subject predicate object, asserted
// or not; for a symmetric predicate, either way round. It intersects the
// claims naming the subject with those naming the object through the
// object index, so busy entities cost one index scan each.
func (s *Store) Evidence(ctx context.Context, subject, predicate, object string, symmetric bool) ([]Evidence, error) {
	return s.EvidenceN(ctx, subject, predicate, object, symmetric, 0)
}

// EvidenceN is Evidence reading claims only until about limit asserted ones
// are found (0 for all), for showing a few sentences behind a busy edge.
func (s *Store) EvidenceN(ctx context.Context, subject, predicate, object string, symmetric bool, limit int) ([]Evidence, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out, err := s.claimsBetweenN(ctx, subject, predicate, object, limit)
	if err != nil || !symmetric || subject == object {
		return out, err
	}
	rev, err := s.claimsBetweenN(ctx, object, predicate, subject, limit)
	out = append(out, rev...)
	sortEvidence(out)
	return out, err
}

func (s *Store) claimsBetween(ctx context.Context, subject, predicate, object string) ([]Evidence, error) {
	return s.claimsBetweenN(ctx, subject, predicate, object, 0)
}

// claimsBetweenN is claimsBetween reading claims only until limit asserted
// ones are found (all of them for 0): an edge a thousand articles assert
// needs a few sentences to show, not a thousand.
func (s *Store) claimsBetweenN(ctx context.Context, subject, predicate, object string, limit int) ([]Evidence, error) {
	subj, err := s.claimRefs(ctx, subject, PredSubject)
	if err != nil || len(subj) == 0 {
		return nil, err
	}
	obj, err := s.claimRefs(ctx, object, PredObject)
	if err != nil {
		return nil, err
	}
	refs := make([]cgraph.Ref, 0, len(obj))
	for key, ref := range obj {
		if _, ok := subj[key]; ok {
			refs = append(refs, ref)
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refLess(refs[i], refs[j]) })
	var out []Evidence
	asserted := 0
	for _, ref := range refs {
		if limit > 0 && asserted >= limit {
			break
		}
		ev, err := s.readClaim(ctx, ref)
		if err != nil {
			return nil, err
		}
		if predicate == "" || ev.Predicate == predicate {
			out = append(out, ev)
			if ev.Asserted() {
				asserted++
			}
		}
	}
	sortEvidence(out)
	return out, nil
}

// refLess orders refs by the store's ids where they are numbers (the order
// claims were written in), else by their printed form.
func refLess(a, b cgraph.Ref) bool {
	if x, ok := a.(kv.Int64Value); ok {
		if y, ok := b.(kv.Int64Value); ok {
			return x < y
		}
	}
	return fmt.Sprint(a.Key()) < fmt.Sprint(b.Key())
}

// claimRefs returns the claim nodes that have entity in the role pred
// (cg:subject or cg:object).
func (s *Store) claimRefs(ctx context.Context, entity, pred string) (map[interface{}]cgraph.Ref, error) {
	ref := s.qs.ValueOf(quad.String(entity))
	pref := s.qs.ValueOf(quad.String(pred))
	if ref == nil || pref == nil {
		return nil, nil
	}
	out := map[interface{}]cgraph.Ref{}
	err := s.scan(ctx, quad.Object, ref, pref, func(q cgraph.Ref) {
		c := s.qs.QuadDirection(q, quad.Subject)
		out[c.Key()] = c
	})
	return out, err
}

// readClaim reads a claim node's quads into its evidence.
func (s *Store) readClaim(ctx context.Context, claim cgraph.Ref) (Evidence, error) {
	ev := Evidence{Claim: valueString(s.qs.NameOf(claim))}
	hasEnd := false
	it := s.qs.QuadIterator(quad.Subject, claim)
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		v := valueString(q.Object)
		switch valueString(q.Predicate) {
		case PredSubject:
			ev.Subject = v
		case PredPredicate:
			ev.Predicate = v
		case PredObject:
			ev.Object = v
		case PredDoc:
			ev.Doc = v
		case PredDate:
			ev.Date = v
		case PredSentence:
			ev.Sentence = v
		case PredStart:
			ev.Start = intOf(q.Object)
		case PredEnd:
			ev.End, hasEnd = intOf(q.Object), true
		case PredModality:
			ev.Modality = v
		case PredNegated:
			ev.Negated = true
		case PredConfidence:
			if f, ok := q.Object.Native().(float64); ok {
				ev.Confidence = f
			}
		case PredQualifiers:
			json.Unmarshal([]byte(v), &ev.Qualifiers)
		}
	}
	if err := it.Err(); err != nil {
		return ev, err
	}
	if !hasEnd {
		ev.End = ev.Start + len(ev.Sentence)
	}
	d, err := s.docInfo(ctx, ev.Doc)
	if ev.Date == "" {
		ev.Date = d.date
	}
	ev.Title, ev.Extractor = d.title, d.extractor
	return ev, err
}

// docFacts are what claims take from their document.
type docFacts struct{ date, title, extractor string }

// docInfo reads a document's date, title and extractor, remembering them
// until the next write.
func (s *Store) docInfo(ctx context.Context, id string) (docFacts, error) {
	if d, ok := s.docs.Load(id); ok {
		return d.(docFacts), nil
	}
	qs, err := s.quadsFrom(ctx, docNode(id))
	var d docFacts
	for _, q := range qs {
		switch valueString(q.Predicate) {
		case PredDate:
			d.date = valueString(q.Object)
		case PredTitle:
			d.title = valueString(q.Object)
		case PredExtractor:
			d.extractor = valueString(q.Object)
		}
	}
	if err == nil {
		s.docs.Store(id, d)
	}
	return d, err
}

func intOf(v quad.Value) int {
	switch n := v.Native().(type) {
	case int:
		return n
	case int64:
		return int(n)
	}
	return 0
}

// sortEvidence orders evidence by date, then document and offset.
func sortEvidence(evs []Evidence) {
	sort.Slice(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
}

// ClaimsAbout returns every claim naming entity as subject or object, and
// with other given, only those between the two, in date order.
func (s *Store) ClaimsAbout(ctx context.Context, entity, other string) ([]Evidence, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if other != "" {
		a, err := s.claimsBetween(ctx, entity, "", other)
		if err != nil {
			return nil, err
		}
		b, err := s.claimsBetween(ctx, other, "", entity)
		out := append(a, b...)
		sortEvidence(out)
		return out, err
	}
	seen := map[interface{}]cgraph.Ref{}
	for _, role := range []string{PredSubject, PredObject} {
		refs, err := s.claimRefs(ctx, entity, role)
		if err != nil {
			return nil, err
		}
		for k, r := range refs {
			seen[k] = r
		}
	}
	out := make([]Evidence, 0, len(seen))
	for _, r := range seen {
		ev, err := s.readClaim(ctx, r)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	sortEvidence(out)
	return out, nil
}

// EdgesOf returns the relation edges at an entity, in both directions, with
// their sources, most corroborated first.
func (s *Store) EdgesOf(ctx context.Context, entity string) ([]Edge, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ref := s.node(ctx, quad.String(entity))
	if ref == nil {
		return nil, nil
	}
	ls, err := s.links(ctx, ref, s.ownPredicates())
	if err != nil {
		return nil, err
	}
	n := &names{s: s, cache: map[interface{}]string{}}
	edges := groupEdges(ls, entity, n)
	if s.sharedTriples() {
		if err := s.claimSources(ctx, edges); err != nil {
			return nil, err
		}
	}
	return edges, nil
}

// claimSources sets each edge's sources to the documents of the claims that
// assert it, for backends whose quad labels cannot say.
func (s *Store) claimSources(ctx context.Context, edges []Edge) error {
	for i := range edges {
		docs, err := s.assertingDocs(ctx, edges[i].Subject, edges[i].Predicate, edges[i].Object)
		if err != nil {
			return err
		}
		edges[i].Sources = docs
	}
	sort.SliceStable(edges, func(i, j int) bool { return len(edges[i].Sources) > len(edges[j].Sources) })
	return nil
}

// assertingDocs returns the documents with an asserted claim of the triple.
func (s *Store) assertingDocs(ctx context.Context, subject, predicate, object string) ([]string, error) {
	evs, err := s.claimsBetween(ctx, subject, predicate, object)
	seen := map[string]bool{}
	var docs []string
	for _, ev := range evs {
		if ev.Asserted() && !seen[ev.Doc] {
			seen[ev.Doc] = true
			docs = append(docs, ev.Doc)
		}
	}
	sort.Strings(docs)
	return docs, err
}

// groupEdges folds links of one node into edges with their sources.
func groupEdges(ls []link, node string, n *names) []Edge {
	type key struct {
		p, o    interface{}
		forward bool
	}
	idx := map[key]int{}
	var out []Edge
	for _, l := range ls {
		k := key{l.pred.Key(), l.other.Key(), l.forward}
		i, ok := idx[k]
		if !ok {
			e := Edge{Subject: node, Predicate: n.of(l.pred), Object: n.of(l.other)}
			if !l.forward {
				e.Subject, e.Object = e.Object, node
			}
			i = len(out)
			idx[k] = i
			out = append(out, e)
		}
		out[i].Sources = append(out[i].Sources, n.of(l.label))
	}
	for i := range out {
		sort.Strings(out[i].Sources)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Sources) != len(out[j].Sources) {
			return len(out[i].Sources) > len(out[j].Sources)
		}
		if out[i].Predicate != out[j].Predicate {
			return out[i].Predicate < out[j].Predicate
		}
		return out[i].Subject+out[i].Object < out[j].Subject+out[j].Object
	})
	return out
}

// Entities returns the entities of the store with their types, for
// resolving names and suggesting them.
func (s *Store) Entities(ctx context.Context) ([]schema.Entity, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	pref := s.qs.ValueOf(quad.String(PredType))
	if pref == nil {
		return nil, nil
	}
	var out []schema.Entity
	n := &names{s: s, cache: map[interface{}]string{}}
	it := s.qs.QuadIterator(quad.Predicate, pref)
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		t := n.of(s.qs.QuadDirection(q, quad.Object))
		if t == TypeDocument || s.qs.QuadDirection(q, quad.Label) != nil {
			continue
		}
		out = append(out, schema.Entity{Name: n.of(s.qs.QuadDirection(q, quad.Subject)), Type: schema.EntityType(t)})
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, it.Err()
}
