package graph

import (
	"context"
	"sort"

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

// Evidence returns the claims that say subject predicate object, asserted
// or not; for a symmetric predicate, either way round. It walks the claims
// of the end that has fewer and looks each up in the other end's index.
func (s *Store) Evidence(ctx context.Context, subject, predicate, object string, symmetric bool) ([]Evidence, error) {
	return s.EvidenceN(ctx, subject, predicate, object, symmetric, 0)
}

// EvidenceN is Evidence with only the asserted claims of the n most
// informative documents asserting the relation (0 for every claim): the
// newest first, one claim from each. It reads those documents' claims,
// not the thousand behind a busy edge.
func (s *Store) EvidenceN(ctx context.Context, subject, predicate, object string, symmetric bool, n int) ([]Evidence, error) {
	var out []Evidence
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.evidenceBetween(subject, predicate, object, symmetric, n)
		return err
	})
	return out, err
}

// evidenceBetween is EvidenceN in a reader.
func (r *reader) evidenceBetween(subject, predicate, object string, symmetric bool, n int) ([]Evidence, error) {
	ids, err := r.snap.lookup([]quad.Value{quad.String(subject), quad.String(predicate), quad.String(object)})
	if err != nil || ids[0] == 0 || ids[1] == 0 || ids[2] == 0 {
		return nil, err
	}
	if n > 0 {
		docs, err := r.edgeDocs(ids[0], ids[1], ids[2], symmetric)
		if err != nil {
			return nil, err
		}
		recs, err := r.bestClaims(ids[0], ids[1], ids[2], docs, symmetric, n)
		if err != nil {
			return nil, err
		}
		return r.evidence(recs)
	}
	out, err := r.claimsBetween(ids[0], ids[1], ids[2])
	if err != nil || !symmetric || subject == object {
		return out, err
	}
	rev, err := r.claimsBetween(ids[2], ids[1], ids[0])
	out = append(out, rev...)
	sortEvidence(out)
	return out, err
}

// edgeDocs returns the documents of the relation quads subj pred obj (and
// obj pred subj, if symmetric); nil on backends whose labels cannot say.
func (r *reader) edgeDocs(subj, pred, obj uint64, symmetric bool) ([]uint64, error) {
	if r.s.sharedTriples() {
		return nil, nil
	}
	var docs []uint64
	seen := map[uint64]bool{}
	add := func(q quadIDs) error {
		if q.l != 0 && !seen[q.l] {
			seen[q.l] = true
			docs = append(docs, q.l)
		}
		return nil
	}
	if err := r.snap.triple(subj, pred, obj, add); err != nil || !symmetric || subj == obj {
		return docs, err
	}
	return docs, r.snap.triple(obj, pred, subj, add)
}

// claimsBetween returns the claims, asserted or not, that say subject
// predicate object (any predicate if ""), in date order. The caller holds
// the store's lock.
func (s *Store) claimsBetween(ctx context.Context, subject, predicate, object string) ([]Evidence, error) {
	r, err := s.newReader(ctx)
	if err != nil {
		return nil, err
	}
	defer r.close()
	ids, err := r.snap.lookup([]quad.Value{quad.String(subject), quad.String(predicate), quad.String(object)})
	if err != nil || ids[0] == 0 || ids[2] == 0 || predicate != "" && ids[1] == 0 {
		return nil, err
	}
	return r.claimsBetween(ids[0], ids[1], ids[2])
}

// claimsBetween reads the claims between two entities (of one predicate
// unless pred is 0), in date order.
func (r *reader) claimsBetween(subj, pred, obj uint64) ([]Evidence, error) {
	ids, err := r.between(subj, pred, obj)
	if err != nil {
		return nil, err
	}
	recs, err := r.claims(ids)
	if err != nil {
		return nil, err
	}
	out, err := r.evidence(recs)
	sortEvidence(out)
	return out, err
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
	var out []Evidence
	err := s.read(ctx, func(r *reader) error {
		ids, err := r.snap.lookup([]quad.Value{quad.String(entity), quad.String(other)})
		if err != nil || ids[0] == 0 || other != "" && ids[1] == 0 {
			return err
		}
		if other != "" {
			if out, err = r.claimsBetween(ids[0], 0, ids[1]); err != nil || ids[0] == ids[1] {
				return err
			}
			b, err := r.claimsBetween(ids[1], 0, ids[0])
			out = append(out, b...)
			sortEvidence(out)
			return err
		}
		var claims []uint64
		seen := map[uint64]bool{}
		for _, role := range []uint64{r.own.subject, r.own.object} {
			if role == 0 {
				continue
			}
			err := r.snap.scan(quad.Object, ids[0], role, func(q quadIDs) error {
				if !seen[q.s] {
					seen[q.s] = true
					claims = append(claims, q.s)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		recs, err := r.claims(claims)
		if err != nil {
			return err
		}
		out, err = r.evidence(recs)
		sortEvidence(out)
		return err
	})
	return out, err
}

// EdgesOf returns the relation edges at an entity, in both directions, with
// their sources, most corroborated first.
func (s *Store) EdgesOf(ctx context.Context, entity string) ([]Edge, error) {
	var out []Edge
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.edgesOf(entity, nil)
		return err
	})
	return out, err
}

// edgesOf returns the edges at an entity of the predicates preds (every
// relation if nil), most corroborated first.
func (r *reader) edgesOf(entity string, preds []uint64) ([]Edge, error) {
	node, err := r.id(entity)
	if err != nil || node == 0 {
		return nil, err
	}
	adjs, err := r.adjacent(node, preds)
	if err != nil {
		return nil, err
	}
	out := make([]Edge, 0, len(adjs))
	for _, a := range adjs {
		e, err := r.edge(node, a)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sortEdgesBySupport(out)
	return out, nil
}
