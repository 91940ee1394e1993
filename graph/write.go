package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// WriteResult says what writing one document changed.
type WriteResult struct {
	Unchanged bool // the document was stored before with the same content
	Replaced  bool // an earlier version of the document was replaced
	Added     int  // quads added
	Removed   int  // quads removed
}

// WriteDocument stores a document and its claims in one transaction. A
// document stored before with the same content hash is left alone; one
// whose content changed has its old claims replaced.
func (s *Store) WriteDocument(ctx context.Context, ex schema.Extraction) (WriteResult, error) {
	res, err := s.WriteBatch(ctx, []schema.Extraction{ex})
	if err != nil {
		return WriteResult{}, err
	}
	return res[0], nil
}

// WriteBatch stores several documents in one transaction, each as
// WriteDocument would: whole documents only, so a crash leaves every
// document either written or not. Documents must have distinct ids. If the
// transaction fails, none of them is written.
func (s *Store) WriteBatch(ctx context.Context, exs []schema.Extraction) ([]WriteResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs.Clear()
	results := make([]WriteResult, len(exs))
	var deltas []cgraph.Delta
	added := map[quad.Quad]bool{}
	for i, ex := range exs {
		d, err := s.documentDeltas(ctx, ex, &results[i], added)
		if err != nil {
			return nil, err
		}
		deltas = append(deltas, d...)
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return nil, fmt.Errorf("write %d documents from %s: %w", len(exs), exs[0].Document.ID, err)
	}
	for _, ex := range exs {
		for _, e := range ex.Entities {
			s.typed[quad.Make(e.Name, PredType, string(e.Type), nil)] = true
		}
	}
	return results, nil
}

// documentDeltas returns the deltas that store one document, skipping
// quads already added earlier in the same batch.
func (s *Store) documentDeltas(ctx context.Context, ex schema.Extraction, res *WriteResult, added map[quad.Quad]bool) ([]cgraph.Delta, error) {
	id := ex.Document.ID
	old, oldHash, err := s.documentQuads(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read stored document %s: %w", id, err)
	}
	if oldHash == ex.Document.Hash && oldHash != "" {
		res.Unchanged = true
		return nil, nil
	}
	res.Replaced = oldHash != ""
	known, err := s.knownTypes(ctx, ex.Entities)
	if err != nil {
		return nil, fmt.Errorf("read stored entities of %s: %w", id, err)
	}
	var fresh []quad.Quad
	for _, q := range documentQuads(ex) {
		if !added[q] {
			fresh = append(fresh, q)
		}
	}
	deltas := diff(append(old, known...), fresh, res)
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			added[d.Quad] = true
		}
	}
	return deltas, nil
}

// diff returns the deltas that turn the old quads into the new ones.
func diff(old, new []quad.Quad, res *WriteResult) []cgraph.Delta {
	have := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		have[q] = true
	}
	want := make(map[quad.Quad]bool, len(new))
	var deltas []cgraph.Delta
	for _, q := range new {
		if want[q] {
			continue
		}
		want[q] = true
		if !have[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			res.Added++
		}
	}
	for _, q := range old {
		if !want[q] && q.Label != nil {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			res.Removed++
		}
	}
	return deltas
}

// documentQuads returns every quad a stored document contributed — its own
// node's, its claims' and its relation edges — and its content hash.
func (s *Store) documentQuads(ctx context.Context, id string) ([]quad.Quad, string, error) {
	doc := docNode(id)
	label := quad.String(id)
	own, err := s.quadsFrom(ctx, doc)
	if err != nil || len(own) == 0 {
		return nil, "", err
	}
	var out []quad.Quad
	hash := ""
	for _, q := range own {
		if q.Label == label {
			out = append(out, q)
		}
		if q.Predicate == quad.String(PredHash) {
			hash = valueString(q.Object)
		}
	}
	claims, err := s.subjectsOf(ctx, PredDoc, doc)
	if err != nil {
		return nil, "", err
	}
	for _, c := range claims {
		cq, err := s.quadsFrom(ctx, c)
		if err != nil {
			return nil, "", err
		}
		out = append(out, cq...)
		if rel, ok := relationOf(cq, label); ok {
			out = append(out, rel)
		}
	}
	return out, hash, nil
}

// knownTypes returns the type quads already stored for the entities, so
// that a write neither adds nor counts them again. They are shared by every
// document that names the entity and never removed with one.
func (s *Store) knownTypes(ctx context.Context, entities []schema.Entity) ([]quad.Quad, error) {
	var out []quad.Quad
	for _, e := range entities {
		q := quad.Make(e.Name, PredType, string(e.Type), nil)
		if s.typed[q] {
			out = append(out, q)
			continue
		}
		found, err := s.hasQuad(ctx, q)
		if err != nil {
			return nil, err
		}
		if found {
			s.typed[q] = true
			out = append(out, q)
		}
	}
	return out, nil
}

// hasQuad reports whether the store holds q, walking the quads of q's
// subject and stopping at the first match.
func (s *Store) hasQuad(ctx context.Context, q quad.Quad) (bool, error) {
	ref := s.qs.ValueOf(q.Subject)
	if ref == nil {
		return false, nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		if s.qs.Quad(it.Result()) == q {
			return true, nil
		}
	}
	return false, it.Err()
}

// relationOf rebuilds the relation edge a claim's quads imply, if the
// claim asserts one.
func relationOf(claim []quad.Quad, label quad.Value) (quad.Quad, bool) {
	var s, p, o quad.Value
	mod := ""
	negated := false
	for _, q := range claim {
		switch valueString(q.Predicate) {
		case PredSubject:
			s = q.Object
		case PredPredicate:
			p = q.Object
		case PredObject:
			o = q.Object
		case PredModality:
			mod = valueString(q.Object)
		case PredNegated:
			negated = true
		}
	}
	if s == nil || p == nil || o == nil || negated || !schema.Modality(mod).Asserts() {
		return quad.Quad{}, false
	}
	return quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}, true
}
