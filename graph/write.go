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
	Repaired  bool // the document was stored before with the same content, but not whole
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
// never half present, and ingesting it again completes it. A document
// stored with the same content hash is unchanged only if its stored quads
// are whole; if not, it is written again (Repaired). If a transaction
// fails, none of its documents is written, and a bolt store is reopened
// before anything else is done with it; a failure of the store itself
// (its disk full, read-only or failing) is a *StoreError.
func (s *Store) Write(ctx context.Context, b *Batch) ([]WriteResult, error) {
	if err := s.lockWriter(ctx); err != nil {
		return nil, err
	}
	defer s.unlockWriter()
	// Reading what is stored needs only a reader's lock, so readers go on
	// while the writer works out what to change.
	if err := s.rlock(ctx); err != nil {
		return nil, err
	}
	p, err := s.plan(ctx, b)
	s.runlock()
	if err != nil {
		return nil, err
	}
	if s.exclusive() {
		if s.rw.lock(ctx.Done()) != nil {
			return nil, ctx.Err()
		}
		defer s.rw.unlock()
	}
	s.docs.Clear()
	if err := s.apply(ctx, p); err != nil {
		s.reopen()
		return nil, err
	}
	for i, ex := range b.exs {
		if !p.results[i].Unchanged {
			for _, e := range ex.Entities {
				s.typed[quad.Make(e.Name, PredType, string(e.Type), nil)] = true
			}
		}
	}
	return p.results, nil
}

// writePlan is what a Write changes: the quads it removes and adds.
type writePlan struct {
	first     string // the first document's id, for errors
	docs      int
	results   []WriteResult
	removals  []cgraph.Delta
	additions []cgraph.Delta
}

// plan reads what the store holds of a batch's documents and works out
// what to remove and add. The caller holds the writer and a reader's lock.
func (s *Store) plan(ctx context.Context, b *Batch) (*writePlan, error) {
	exs := b.exs
	p := &writePlan{first: exs[0].Document.ID, docs: len(exs), results: make([]WriteResult, len(exs))}
	results := p.results
	var stored map[string]pgDoc // with COPY: the documents stored
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
			st, ok := stored[ex.Document.ID]
			if !ok {
				continue // a new document: nothing to read
			}
			if st.hash == ex.Document.Hash && st.quads == labelled(b.quads[i]) {
				results[i].Unchanged = true
				continue
			}
		}
		old, oldHash, err := s.documentQuads(ctx, ex.Document.ID)
		if err != nil {
			return nil, fmt.Errorf("read stored document %s: %w", ex.Document.ID, err)
		}
		if len(old) == 0 {
			continue
		}
		if oldHash == ex.Document.Hash {
			whole, err := s.whole(ctx, old, b.quads[i])
			if err != nil {
				return nil, fmt.Errorf("read stored document %s: %w", ex.Document.ID, err)
			}
			if whole {
				results[i].Unchanged = true
				continue
			}
			results[i].Repaired = true
		} else {
			results[i].Replaced = true
		}
		results[i].Removed = len(old)
		for _, q := range old {
			p.removals = append(p.removals, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
	}
	if len(p.removals) > 0 && s.sharedTriples() {
		var err error
		if p.removals, err = s.keepShared(ctx, exs, results, p.removals); err != nil {
			return nil, err
		}
	}
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
			p.additions = append(p.additions, cgraph.Delta{Quad: q, Action: cgraph.Add})
			results[i].Added++
		}
	}
	return p, nil
}

// apply runs a plan's transactions. The caller holds the writer and, on
// bolt and in memory, the exclusive lock.
func (s *Store) apply(ctx context.Context, p *writePlan) error {
	ignore := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if len(p.removals) > 0 {
		if err := s.qs.ApplyDeltas(p.removals, ignore); err != nil {
			return storeError(fmt.Errorf("remove the old version of documents from %s on: %w", p.first, err))
		}
	}
	if len(p.additions) == 0 {
		return nil
	}
	var err error
	if s.copy {
		err = s.copyAdd(ctx, p.additions)
	} else {
		err = s.qs.ApplyDeltas(p.additions, ignore)
	}
	if err != nil {
		return storeError(fmt.Errorf("write %d documents from %s on: %w", p.docs, p.first, err))
	}
	return nil
}

// labelled counts the quads that carry a document's label.
func labelled(qs []quad.Quad) int {
	n := 0
	for _, q := range qs {
		if q.Label != nil {
			n++
		}
	}
	return n
}

// whole reports whether a document's stored quads, as documentQuads read
// them, are exactly those it would write now, and each relation edge its
// claims assert is stored.
func (s *Store) whole(ctx context.Context, old, want []quad.Quad) (bool, error) {
	have := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		have[q] = true
	}
	n := 0
	for _, q := range want {
		if q.Label == nil {
			continue
		}
		n++
		if !have[q] {
			return false, nil
		}
		if strings.HasPrefix(valueString(q.Predicate), "cg:") {
			continue
		}
		found, err := s.hasEdge(ctx, q)
		if err != nil || !found {
			return false, err
		}
	}
	return n == len(have), nil
}

// hasEdge reports whether a relation edge is stored: with its label, or on
// the backends that store a triple once, with any label.
func (s *Store) hasEdge(ctx context.Context, q quad.Quad) (bool, error) {
	subj, pred := s.qs.ValueOf(q.Subject), s.qs.ValueOf(q.Predicate)
	if subj == nil || pred == nil {
		return false, nil
	}
	found := false
	err := s.scan(ctx, quad.Subject, subj, pred, func(r cgraph.Ref) {
		if found {
			return
		}
		got := s.qs.Quad(r)
		found = got.Object == q.Object && (got.Label == q.Label || s.sharedTriples())
	})
	return found, err
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
		for _, q := range cq {
			if q.Label == label {
				out = append(out, q)
			}
		}
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
