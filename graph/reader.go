package graph

import (
	"context"

	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// reader is one read of the store: a snapshot, the ids of claimgraph's
// own predicates and of the vocabulary's relations in it, and the small
// values it has decoded (names, predicates, dates, numbers).
type reader struct {
	s    *Store
	ctx  context.Context
	snap snapshot
	own  ownIDs
	rels []uint64        // the vocabulary's relations the store holds
	rel  map[uint64]bool // the same, as a set
	vals map[uint64]quad.Value
}

// ownIDs are the ids of claimgraph's cg: predicates, 0 where absent.
type ownIDs struct {
	typ, subject, predicate, object, doc, sentence, start, end, date,
	modality, negated, confidence, qualifiers, extractor, title uint64
}

// read runs fn on a reader of one snapshot, holding the read lock.
func (s *Store) read(ctx context.Context, fn func(r *reader) error) error {
	if err := s.rlock(ctx); err != nil {
		return err
	}
	defer s.runlock()
	r, err := s.newReader(ctx)
	if err != nil {
		return err
	}
	defer r.close()
	return fn(r)
}

// newReader opens a reader; the caller holds the store's lock and closes
// the reader before releasing it.
func (s *Store) newReader(ctx context.Context) (*reader, error) {
	snap, err := s.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	r := &reader{s: s, ctx: ctx, snap: snap, rel: map[uint64]bool{}, vals: map[uint64]quad.Value{}}
	vocab, _, err := schema.Default()
	if err != nil {
		snap.close()
		return nil, err
	}
	own := []*uint64{&r.own.typ, &r.own.subject, &r.own.predicate, &r.own.object, &r.own.doc, &r.own.sentence,
		&r.own.start, &r.own.end, &r.own.date, &r.own.modality, &r.own.negated, &r.own.confidence,
		&r.own.qualifiers, &r.own.extractor, &r.own.title}
	names := []quad.Value{quad.String(PredType), quad.String(PredSubject), quad.String(PredPredicate),
		quad.String(PredObject), quad.String(PredDoc), quad.String(PredSentence), quad.String(PredStart),
		quad.String(PredEnd), quad.String(PredDate), quad.String(PredModality), quad.String(PredNegated),
		quad.String(PredConfidence), quad.String(PredQualifiers), quad.String(PredExtractor), quad.String(PredTitle)}
	for _, p := range vocab.Predicates {
		names = append(names, quad.String(p.Name))
	}
	ids, err := snap.lookup(names)
	if err != nil {
		snap.close()
		return nil, err
	}
	for i, p := range own {
		*p = ids[i]
	}
	for i, id := range ids[len(own):] {
		if id != 0 && !r.rel[id] {
			r.rel[id] = true
			r.rels = append(r.rels, id)
			r.vals[id] = names[len(own)+i]
		}
	}
	return r, nil
}

func (r *reader) close() error { return r.snap.close() }

// id returns the id of the node named name, 0 if the store has none.
func (r *reader) id(name string) (uint64, error) {
	ids, err := r.snap.lookup([]quad.Value{quad.String(name)})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// value returns the value of a node, decoding it once per reader. Large
// values (sentences) go through r.snap.values, uncached.
func (r *reader) value(id uint64) quad.Value {
	if v, ok := r.vals[id]; ok || id == 0 {
		return v
	}
	vs, _ := r.snap.values([]uint64{id})
	r.vals[id] = vs[0]
	return vs[0]
}

// str returns the text of a node's value.
func (r *reader) str(id uint64) string { return valueString(r.value(id)) }

// load decodes the values of ids not decoded yet, in one batch.
func (r *reader) load(ids []uint64) error {
	var need []uint64
	seen := map[uint64]bool{}
	for _, id := range ids {
		if _, ok := r.vals[id]; !ok && id != 0 && !seen[id] {
			seen[id] = true
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return nil
	}
	vs, err := r.snap.values(need)
	for i, id := range need {
		r.vals[id] = vs[i]
	}
	return err
}

// typeOf returns an entity's type.
func (r *reader) typeOf(entity uint64) (schema.EntityType, error) {
	var t uint64
	err := r.snap.scan(quad.Subject, entity, r.own.typ, func(q quadIDs) error {
		t = q.o
		return errStop
	})
	if t == 0 {
		return "", err
	}
	return schema.EntityType(r.str(t)), err
}

// has reports whether a quad s, p, o exists, whatever its label.
func (r *reader) has(s, p, o uint64) (bool, error) {
	found := false
	err := r.snap.triple(s, p, o, func(quadIDs) error {
		found = true
		return errStop
	})
	return found, err
}

// prefix names the quads with node in direction d and predicate pred.
type prefix struct {
	d          quad.Direction
	node, pred uint64
}

// count returns how many quads a prefix names, counting up to limit.
func (r *reader) count(p prefix, limit int) (int, error) {
	n := 0
	err := r.snap.scan(p.d, p.node, p.pred, func(quadIDs) error {
		if n++; n >= limit {
			return errStop
		}
		return nil
	})
	return n, err
}

// fewer reports whether a names no more quads than b, counting each only
// about as far as the smaller: a hub's claims are not counted to find that
// the other end of an edge has three.
func (r *reader) fewer(a, b prefix) (bool, error) {
	for limit := 64; ; limit *= 8 {
		na, err := r.count(a, limit)
		if err != nil {
			return false, err
		}
		nb, err := r.count(b, limit)
		if err != nil || na < limit || nb < limit {
			return na <= nb, err
		}
	}
}
