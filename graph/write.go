package graph

import (
	"context"
	"fmt"
	"strings"

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

// Batch is documents turned into quads, ready to write. Preparing one
// needs no store, so it can run on another goroutine while the store's
// single writer is busy with the batch before.
type Batch struct {
	exs   []schema.Extraction
	quads [][]quad.Quad // each document's quads, each once
}

// Prepare turns documents and their claims into a Batch. Documents must
// have distinct ids.
func Prepare(exs []schema.Extraction) *Batch {
	b := &Batch{exs: exs, quads: make([][]quad.Quad, len(exs))}
	seen := map[quad.Quad]bool{}
	for i, ex := range exs {
		clear(seen)
		qs := documentQuads(ex)
		kept := qs[:0]
		for _, q := range qs {
			if !seen[q] {
				seen[q] = true
				kept = append(kept, q)
			}
		}
		b.quads[i] = kept
	}
	return b
}

// Len is the number of documents in the batch.
func (b *Batch) Len() int { return len(b.exs) }

// WriteBatch prepares and writes several documents; see Write.
func (s *Store) WriteBatch(ctx context.Context, exs []schema.Extraction) ([]WriteResult, error) {
	return s.Write(ctx, Prepare(exs))
}

// Write stores a batch of documents, whole documents only, so a crash
// leaves every document either written or absent. New documents go in one
// transaction. Documents replacing an earlier version first have the old
// version removed in a transaction of its own: Cayley v0.7.7 nets each
// value's reference count over a transaction and stores an added quad
// without its value when deletions in the same transaction take that count
// below zero. Between the two transactions a replaced document is absent,
// never half present, and ingesting it again completes it. If a
// transaction fails, none of its documents is written.
func (s *Store) Write(ctx context.Context, b *Batch) ([]WriteResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	exs := b.exs
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs.Clear()
	results := make([]WriteResult, len(exs))
	var removals []cgraph.Delta
	var stored map[string]string // with COPY: the hashes of the documents stored
	if s.copy {
		var types map[quad.Quad]bool
		var err error
		if stored, types, err = s.pgStored(ctx, exs); err != nil {
			return nil, fmt.Errorf("read stored documents: %w", err)
		}
		for q := range types {
			s.typed[q] = true
		}
	}
	for i, ex := range exs {
		if stored != nil {
			if _, ok := stored[ex.Document.ID]; !ok {
				continue // a new document: nothing to read
			}
		}
		old, oldHash, err := s.documentQuads(ctx, ex.Document.ID)
		if err != nil {
			return nil, fmt.Errorf("read stored document %s: %w", ex.Document.ID, err)
		}
		switch {
		case oldHash != "" && oldHash == ex.Document.Hash:
			results[i].Unchanged = true
		case len(old) > 0:
			results[i].Replaced = true
			results[i].Removed = len(old)
			for _, q := range old {
				removals = append(removals, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
	}
	if len(removals) > 0 {
		var err error
		if s.sharedTriples() {
			if removals, err = s.keepShared(ctx, exs, results, removals); err != nil {
				return nil, err
			}
		}
		if err := s.qs.ApplyDeltas(removals, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return nil, fmt.Errorf("remove the old version of documents from %s on: %w", exs[0].Document.ID, err)
		}
	}
	var additions []cgraph.Delta
	typed := map[quad.Quad]bool{} // entity types this batch adds or the store holds
	for i, ex := range exs {
		if results[i].Unchanged {
			continue
		}
		known, err := s.knownTypes(ctx, ex.Entities, stored != nil)
		if err != nil {
			return nil, fmt.Errorf("read stored entities of %s: %w", ex.Document.ID, err)
		}
		for _, q := range known {
			typed[q] = true
		}
		for _, q := range b.quads[i] {
			// Only entity types, unlabelled, are shared between documents;
			// every other quad carries its document's label.
			if q.Label == nil {
				if typed[q] {
					continue
				}
				typed[q] = true
			}
			additions = append(additions, cgraph.Delta{Quad: q, Action: cgraph.Add})
			results[i].Added++
		}
	}
	if len(additions) > 0 && s.copy {
		if err := s.copyAdd(ctx, additions); err != nil {
			return nil, fmt.Errorf("write %d documents from %s on: %w", len(exs), exs[0].Document.ID, err)
		}
	} else if len(additions) > 0 {
		if err := s.qs.ApplyDeltas(additions, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return nil, fmt.Errorf("write %d documents from %s on: %w", len(exs), exs[0].Document.ID, err)
		}
	}
	for i, ex := range exs {
		if !results[i].Unchanged {
			for _, e := range ex.Entities {
				s.typed[quad.Make(e.Name, PredType, string(e.Type), nil)] = true
			}
		}
	}
	return results, nil
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

// keepShared drops the removal of a relation edge that a document not
// being replaced still asserts: on backends that store a triple once
// whatever its label, removing this document's edge would remove theirs.
func (s *Store) keepShared(ctx context.Context, exs []schema.Extraction, results []WriteResult, deltas []cgraph.Delta) ([]cgraph.Delta, error) {
	replaced := map[string]bool{}
	for i, ex := range exs {
		if results[i].Replaced {
			replaced[ex.Document.ID] = true
		}
	}
	kept := deltas[:0]
	for _, d := range deltas {
		p := valueString(d.Quad.Predicate)
		if d.Quad.Label != nil && !strings.HasPrefix(p, "cg:") {
			evs, err := s.claimsBetween(ctx, valueString(d.Quad.Subject), p, valueString(d.Quad.Object))
			if err != nil {
				return nil, err
			}
			if assertedOutside(evs, replaced) {
				continue
			}
		}
		kept = append(kept, d)
	}
	return kept, nil
}

// assertedOutside reports whether a claim of a document not being replaced
// asserts the relation.
func assertedOutside(evs []Evidence, replaced map[string]bool) bool {
	for _, ev := range evs {
		if !replaced[ev.Doc] && ev.Asserted() {
			return true
		}
	}
	return false
}

// knownTypes returns the type quads already stored for the entities, so
// that a write neither adds nor counts them again. They are shared by every
// document that names the entity and never removed with one.
// With cached, the cache is complete (pgStored filled it) and the store is
// not asked.
func (s *Store) knownTypes(ctx context.Context, entities []schema.Entity, cached bool) ([]quad.Quad, error) {
	var out []quad.Quad
	for _, e := range entities {
		q := quad.Make(e.Name, PredType, string(e.Type), nil)
		if s.typed[q] {
			out = append(out, q)
			continue
		}
		if cached {
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
