package graph

import (
	"encoding/json"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// claimRec is a claim node's quads as ids.
type claimRec struct {
	id                               uint64
	subj, pred, obj, doc, date       uint64
	sentence, start, end             uint64
	modality, confidence, qualifiers uint64
	negated                          bool
}

// claim reads a claim node's quads: one prefix scan.
func (r *reader) claim(id uint64) (claimRec, error) {
	c := claimRec{id: id}
	err := r.snap.scan(quad.Subject, id, 0, func(q quadIDs) error {
		r.setField(&c, q.p, q.o)
		return nil
	})
	return c, err
}

// setField records the object o of a claim's quad with predicate p.
func (r *reader) setField(c *claimRec, p, o uint64) {
	switch p {
	case r.own.subject:
		c.subj = o
	case r.own.predicate:
		c.pred = o
	case r.own.object:
		c.obj = o
	case r.own.doc:
		c.doc = o
	case r.own.date:
		c.date = o
	case r.own.sentence:
		c.sentence = o
	case r.own.start:
		c.start = o
	case r.own.end:
		c.end = o
	case r.own.modality:
		c.modality = o
	case r.own.negated:
		c.negated = true
	case r.own.confidence:
		c.confidence = o
	case r.own.qualifiers:
		c.qualifiers = o
	}
}

// claims reads claim nodes.
func (r *reader) claims(ids []uint64) ([]claimRec, error) {
	out := make([]claimRec, 0, len(ids))
	for _, id := range ids {
		c, err := r.claim(id)
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}

// asserted reports whether a claim asserts its relation.
func (r *reader) asserted(c claimRec) bool {
	return !c.negated && schema.Modality(r.str(c.modality)).Asserts()
}

// docFacts are what claims take from their document.
type docFacts struct{ date, title, extractor string }

// docFacts reads a document's date, title and extractor, remembering them
// until the next write.
func (r *reader) docFacts(doc uint64) (docFacts, error) {
	name := r.str(doc)
	if d, ok := r.s.docs.Load(name); ok {
		return d.(docFacts), nil
	}
	var date, title, extractor uint64
	err := r.snap.scan(quad.Subject, doc, 0, func(q quadIDs) error {
		switch q.p {
		case r.own.date:
			date = q.o
		case r.own.title:
			title = q.o
		case r.own.extractor:
			extractor = q.o
		}
		return nil
	})
	if err != nil {
		return docFacts{}, err
	}
	if err := r.load([]uint64{date, title, extractor}); err != nil {
		return docFacts{}, err
	}
	d := docFacts{date: r.str(date), title: r.str(title), extractor: r.str(extractor)}
	r.s.docs.Store(name, d)
	return d, nil
}

// evidence turns claim records into evidence, decoding their values in
// batches: the small ones once per reader, sentences and qualifiers
// uncached.
func (r *reader) evidence(recs []claimRec) ([]Evidence, error) {
	small := make([]uint64, 0, 10*len(recs))
	big := make([]uint64, 0, 2*len(recs))
	for _, c := range recs {
		small = append(small, c.id, c.subj, c.pred, c.obj, c.doc, c.date, c.start, c.end, c.modality, c.confidence)
		big = append(big, c.sentence, c.qualifiers)
	}
	if err := r.load(small); err != nil {
		return nil, err
	}
	text, err := r.snap.values(big)
	if err != nil {
		return nil, err
	}
	out := make([]Evidence, 0, len(recs))
	for i, c := range recs {
		ev := Evidence{Claim: r.str(c.id), Subject: r.str(c.subj), Predicate: r.str(c.pred), Object: r.str(c.obj),
			Doc: r.str(c.doc), Date: r.str(c.date), Sentence: valueString(text[2*i]), Start: r.int(c.start),
			Modality: r.str(c.modality), Negated: c.negated}
		ev.End = ev.Start + len(ev.Sentence)
		if c.end != 0 {
			ev.End = r.int(c.end)
		}
		ev.Confidence = r.float(c.confidence)
		if q := text[2*i+1]; q != nil {
			json.Unmarshal([]byte(valueString(q)), &ev.Qualifiers)
		}
		d, err := r.docFacts(c.doc)
		if err != nil {
			return out, err
		}
		if ev.Date == "" {
			ev.Date = d.date
		}
		ev.Title, ev.Extractor = d.title, d.extractor
		out = append(out, ev)
	}
	return out, nil
}

// between returns the claims that say subj pred obj, asserted or not (of
// any predicate if pred is 0), in the order they were written. It walks
// the claims of whichever end has fewer and looks each up in the other
// end's index, so an edge between a hub and a rare entity costs the rare
// entity's claims.
func (r *reader) between(subj, pred, obj uint64) ([]uint64, error) {
	if subj == 0 || obj == 0 || r.own.subject == 0 || r.own.object == 0 {
		return nil, nil
	}
	bySubj := prefix{quad.Object, subj, r.own.subject}
	byObj := prefix{quad.Object, obj, r.own.object}
	fromSubj, err := r.fewer(bySubj, byObj)
	if err != nil {
		return nil, err
	}
	walk, role, other := bySubj, r.own.object, obj
	if !fromSubj {
		walk, role, other = byObj, r.own.subject, subj
	}
	var out []uint64
	seen := map[uint64]bool{}
	err = r.snap.scan(walk.d, walk.node, walk.pred, func(q quadIDs) error {
		c := q.s
		if seen[c] {
			return nil
		}
		seen[c] = true
		if ok, err := r.has(c, role, other); err != nil || !ok {
			return err
		}
		if pred != 0 {
			if ok, err := r.has(c, r.own.predicate, pred); err != nil || !ok {
				return err
			}
		}
		out = append(out, c)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, err
}

// smallEdge is how many claims at the rarer end of an edge are walked to
// find its best sources; past it, the edge's documents are searched
// instead, newest first.
const smallEdge = 256

// bestClaims returns up to n asserted claims that say subj pred obj
// (either way round if symmetric), one from each of the most informative
// documents asserting it: the newest first, undated ones last; from each
// document, its most confident such claim. docs are the documents the
// relation edge names. n <= 0 means every document. A busy edge costs the
// claims of the n documents read, not those of the thousand it has.
func (r *reader) bestClaims(subj, pred, obj uint64, docs []uint64, symmetric bool, n int) ([]claimRec, error) {
	small := n <= 0 || len(docs) == 0
	if !small {
		a, err := r.count(prefix{quad.Object, subj, r.own.subject}, smallEdge)
		if err != nil {
			return nil, err
		}
		b, err := r.count(prefix{quad.Object, obj, r.own.object}, smallEdge)
		if err != nil {
			return nil, err
		}
		small = min(a, b) < smallEdge
	}
	if small {
		return r.bestBetween(subj, pred, obj, symmetric, n)
	}
	ranked, err := r.rankDocs(docs)
	if err != nil {
		return nil, err
	}
	var out []claimRec
	for _, d := range ranked {
		if len(out) == n {
			break
		}
		c, ok, err := r.bestIn(d, subj, pred, obj, symmetric)
		if err != nil {
			return out, err
		}
		if ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// bestBetween is bestClaims through all the claims between the two.
func (r *reader) bestBetween(subj, pred, obj uint64, symmetric bool, n int) ([]claimRec, error) {
	ids, err := r.between(subj, pred, obj)
	if err != nil {
		return nil, err
	}
	if symmetric && subj != obj {
		rev, err := r.between(obj, pred, subj)
		if err != nil {
			return nil, err
		}
		ids = append(ids, rev...)
	}
	recs, err := r.claims(ids)
	if err != nil {
		return nil, err
	}
	best := map[uint64]claimRec{} // by document
	var docs []uint64
	for _, c := range recs {
		if !r.asserted(c) {
			continue
		}
		b, ok := best[c.doc]
		if !ok {
			docs = append(docs, c.doc)
		}
		if !ok || r.moreConfident(c, b) {
			best[c.doc] = c
		}
	}
	ranked, err := r.rankDocs(docs)
	if err != nil {
		return nil, err
	}
	if n > 0 && len(ranked) > n {
		ranked = ranked[:n]
	}
	out := make([]claimRec, len(ranked))
	for i, d := range ranked {
		out[i] = best[d]
	}
	return out, nil
}

// bestIn returns the most confident asserted claim of doc that says subj
// pred obj (or obj pred subj, if symmetric).
func (r *reader) bestIn(doc, subj, pred, obj uint64, symmetric bool) (claimRec, bool, error) {
	var best claimRec
	found := false
	err := r.snap.scan(quad.Object, doc, r.own.doc, func(q quadIDs) error {
		ok, err := r.says(q.s, subj, pred, obj)
		if err == nil && !ok && symmetric {
			ok, err = r.says(q.s, obj, pred, subj)
		}
		if err != nil || !ok {
			return err
		}
		c, err := r.claim(q.s)
		if err != nil || !r.asserted(c) {
			return err
		}
		if !found || r.moreConfident(c, best) {
			best, found = c, true
		}
		return nil
	})
	return best, found, err
}

// says reports whether claim c has this subject, predicate and object.
func (r *reader) says(c, subj, pred, obj uint64) (bool, error) {
	for _, f := range [][2]uint64{{r.own.subject, subj}, {r.own.object, obj}, {r.own.predicate, pred}} {
		if ok, err := r.has(c, f[0], f[1]); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// moreConfident orders two claims of one document: higher confidence,
// then the earlier sentence.
func (r *reader) moreConfident(a, b claimRec) bool {
	if ca, cb := r.float(a.confidence), r.float(b.confidence); ca != cb {
		return ca > cb
	}
	return r.int(a.start) < r.int(b.start)
}

// rankDocs orders documents the most informative first: the newest, then
// by id; undated ones last.
func (r *reader) rankDocs(docs []uint64) ([]uint64, error) {
	type ranked struct {
		id         uint64
		date, name string
	}
	rs := make([]ranked, len(docs))
	if err := r.load(docs); err != nil {
		return nil, err
	}
	for i, d := range docs {
		f, err := r.docFacts(d)
		if err != nil {
			return nil, err
		}
		rs[i] = ranked{d, f.date, r.str(d)}
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].date != rs[j].date {
			return rs[i].date > rs[j].date
		}
		return rs[i].name < rs[j].name
	})
	out := make([]uint64, len(rs))
	for i, x := range rs {
		out[i] = x.id
	}
	return out, nil
}

// float returns a node's value as a number, 0 if it is none.
func (r *reader) float(id uint64) float64 {
	if v := r.value(id); v != nil {
		f, _ := v.Native().(float64)
		return f
	}
	return 0
}

// int returns a node's value as an integer, 0 if it is none.
func (r *reader) int(id uint64) int {
	if v := r.value(id); v != nil {
		return intOf(v)
	}
	return 0
}
