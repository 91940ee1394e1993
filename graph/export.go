package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// ExportOptions selects the part of the graph to export.
type ExportOptions struct {
	Around     string              // only this entity's neighbourhood, if set
	Hops       int                 // how far around it; 0 means 1
	Predicates []string            // only these relations, if any
	Types      []schema.EntityType // only entities of these types, if any
	MinSources int                 // only edges asserted by at least this many documents
	Since      string              // only claims dated on or after (ISO 8601 prefix order)
	Until      string              // only claims dated on or before
	// Undated keeps the claims with no date (neither their own nor their
	// document's) when Since or Until is set; otherwise a date window
	// leaves them out, whichever end it has.
	Undated bool
}

// ExportNode is an entity as exported.
type ExportNode struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Type    string `json:"type"`
	Degree  int    `json:"degree"`  // exported edges at the node
	Sources int    `json:"sources"` // documents asserting its exported edges
}

// ExportEdge is a relation as exported, with its support and evidence.
type ExportEdge struct {
	Source, Target string
	Predicate      string
	Weight         int      // documents asserting it
	First, Last    string   // dates of the earliest and latest claims
	Evidence       string   // one sentence that says it
	EvidenceDoc    string   // the document of that sentence
	Sources        []string // the documents asserting it
	Claims         []Evidence
}

// ExportWriter writes one export format. Export calls Nodes, then Node for
// each node, Edges, Edge for each edge, and End.
type ExportWriter interface {
	Nodes() error
	Node(ExportNode) error
	Edges() error
	Edge(ExportEdge) error
	End() error
}

// ClaimsWriter is an ExportWriter that writes every claim behind an edge.
// Export fills ExportEdge.Claims only for writers that say so here:
// reading each claim's sentence is most of the cost of an export.
type ClaimsWriter interface {
	ExportWriter
	WritesClaims() bool
}

// Export writes the selected part of the graph to w, nodes by name, then
// the edges of each. It reads in one snapshot: the whole graph in one pass
// over the store, as Stats does, a neighbourhood (Around) through the
// index prefixes of its entities and the claims of its edges. Memory holds
// the selected edges' claims as ids; their values are read as each edge
// is written.
func (s *Store) Export(ctx context.Context, opt ExportOptions, w ExportWriter) error {
	if err := opt.check(); err != nil {
		return err
	}
	cw, ok := w.(ClaimsWriter)
	claims := ok && cw.WritesClaims()
	return s.read(ctx, func(r *reader) error {
		ex, err := r.newExporter(opt)
		if err != nil {
			return err
		}
		if opt.Around != "" {
			err = ex.collectAround()
		} else {
			err = ex.collectAll()
		}
		if err != nil {
			return err
		}
		return ex.write(w, claims)
	})
}

// exporter gathers the edges of an export.
type exporter struct {
	r       *reader
	opt     ExportOptions
	types   map[uint64]schema.EntityType // of the entities met
	allowed map[uint64]bool              // the relations asked for, or nil
	kinds   map[schema.EntityType]bool   // the entity types asked for, or nil
	within  map[uint64]bool              // with Around, the neighbourhood
	recs    []claimRec                   // the claims of the edges
	edges   map[edgeIDs][]int32          // each edge's claims, by index in recs
}

type edgeIDs struct{ s, p, o uint64 }

func (r *reader) newExporter(opt ExportOptions) (*exporter, error) {
	ex := &exporter{r: r, opt: opt, types: map[uint64]schema.EntityType{}, edges: map[edgeIDs][]int32{}}
	if len(opt.Types) > 0 {
		ex.kinds = map[schema.EntityType]bool{}
		for _, t := range opt.Types {
			ex.kinds[t] = true
		}
	}
	if len(opt.Predicates) > 0 {
		ids, err := r.predIDs(opt.Predicates)
		if err != nil {
			return nil, err
		}
		ex.allowed = map[uint64]bool{}
		for _, id := range ids {
			ex.allowed[id] = true
		}
	}
	return ex, nil
}

// collectAll reads every quad once, keeping the claims, entity types and
// document dates, then the asserted claims the selection keeps.
func (ex *exporter) collectAll() error {
	r := ex.r
	at := map[uint64]int32{} // claim (or document) id → index in recs
	rec := func(id uint64) *claimRec {
		i, ok := at[id]
		if !ok {
			i = int32(len(ex.recs))
			at[id] = i
			ex.recs = append(ex.recs, claimRec{id: id})
		}
		return &ex.recs[i]
	}
	typeIDs := map[uint64]uint64{}
	err := r.snap.all(func(q quadIDs) error {
		switch q.p {
		case r.own.typ:
			if q.l == 0 {
				typeIDs[q.s] = q.o
			}
		case r.own.subject, r.own.predicate, r.own.object, r.own.doc, r.own.date, r.own.sentence,
			r.own.start, r.own.end, r.own.modality, r.own.negated, r.own.confidence, r.own.qualifiers:
			r.setField(rec(q.s), q.p, q.o)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for e, t := range typeIDs {
		ex.types[e] = schema.EntityType(r.str(t))
	}
	all := ex.recs
	ex.recs = nil
	for _, c := range all {
		if c.subj == 0 || c.pred == 0 || c.obj == 0 {
			continue // a document's date, or a claim the log holds only in part
		}
		if i, ok := at[c.doc]; ok && c.date == 0 {
			c.date = all[i].date // documents carry a date too: claims without one take it
		}
		if err := ex.add(c); err != nil {
			return err
		}
	}
	return nil
}

// collectAround reads the neighbourhood of opt.Around through its
// entities' edges, and each edge's claims.
func (ex *exporter) collectAround() error {
	r := ex.r
	hops := ex.opt.Hops
	if hops <= 0 {
		hops = 1
	}
	start, err := r.id(ex.opt.Around)
	if err != nil {
		return err
	}
	if start == 0 {
		return fmt.Errorf("%q: %w", ex.opt.Around, ErrNotFound)
	}
	sr, err := r.newSearch(PathOptions{Predicates: ex.opt.Predicates, MinSources: ex.opt.MinSources})
	if err != nil {
		return err
	}
	ex.within = map[uint64]bool{start: true}
	frontier := []uint64{start}
	for d := 1; d <= hops && len(frontier) > 0; d++ {
		var next []uint64
		for _, n := range frontier {
			adjs, err := sr.neighbours(n)
			if err != nil {
				return err
			}
			for _, a := range adjs {
				if !ex.within[a.other] {
					ex.within[a.other] = true
					next = append(next, a.other)
				}
			}
		}
		frontier = next
	}
	for n := range ex.within {
		t, err := r.typeOf(n)
		if err != nil {
			return err
		}
		if t != "" {
			ex.types[n] = t
		}
	}
	for n := range ex.within {
		if !ex.keep(n) {
			continue
		}
		adjs, err := sr.neighbours(n)
		if err != nil {
			return err
		}
		for _, a := range adjs {
			if !a.forward || !ex.keep(a.other) {
				continue
			}
			ids, err := r.between(n, a.pred, a.other)
			if err != nil {
				return err
			}
			for _, id := range ids {
				c, err := r.claim(id)
				if err != nil {
					return err
				}
				if c.date == 0 {
					c.date, err = r.docDateID(c.doc)
					if err != nil {
						return err
					}
				}
				if err := ex.add(c); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// keep reports whether an entity is exported: it has a type (of those
// asked for) and, with Around, lies in the neighbourhood.
func (ex *exporter) keep(e uint64) bool {
	t, ok := ex.types[e]
	if !ok || ex.kinds != nil && !ex.kinds[t] {
		return false
	}
	return ex.within == nil || ex.within[e]
}

// add keeps a claim whose date is filled in if the selection wants it.
func (ex *exporter) add(c claimRec) error {
	r := ex.r
	if ex.allowed != nil && !ex.allowed[c.pred] || !ex.keep(c.subj) || !ex.keep(c.obj) || !r.asserted(c) {
		return nil
	}
	if ex.opt.Since != "" || ex.opt.Until != "" {
		d := r.str(c.date)
		switch {
		case d == "":
			if !ex.opt.Undated {
				return nil
			}
		case ex.opt.Since != "" && d < ex.opt.Since, ex.opt.Until != "" && d > ex.opt.Until && !hasPrefix(d, ex.opt.Until):
			return nil
		}
	}
	k := edgeIDs{c.subj, c.pred, c.obj}
	ex.edges[k] = append(ex.edges[k], int32(len(ex.recs)))
	ex.recs = append(ex.recs, c)
	return ex.r.ctx.Err()
}

// docDateID returns the id of a document's date.
func (r *reader) docDateID(doc uint64) (uint64, error) {
	var date uint64
	err := r.snap.scan(quad.Subject, doc, r.own.date, func(q quadIDs) error {
		date = q.o
		return errStop
	})
	return date, err
}

// exportEdge is an edge with the documents asserting it.
type exportEdge struct {
	edgeIDs
	claims []int32
	docs   []uint64
}

// write names the gathered edges and writes nodes, then edges.
func (ex *exporter) write(w ExportWriter, claims bool) error {
	r := ex.r
	var edges []exportEdge
	for k, cs := range ex.edges {
		e := exportEdge{edgeIDs: k, claims: cs}
		seen := map[uint64]bool{}
		for _, i := range cs {
			if d := ex.recs[i].doc; !seen[d] {
				seen[d] = true
				e.docs = append(e.docs, d)
			}
		}
		if len(e.docs) >= ex.opt.MinSources {
			edges = append(edges, e)
		}
	}
	ex.edges = nil
	type node struct {
		degree int
		docs   map[uint64]bool
	}
	nodes := map[uint64]*node{}
	var names []uint64
	for _, e := range edges {
		names = append(names, e.s, e.p, e.o)
		names = append(names, e.docs...)
		for _, n := range []uint64{e.s, e.o} {
			if nodes[n] == nil {
				nodes[n] = &node{docs: map[uint64]bool{}}
			}
			nodes[n].degree++
			for _, d := range e.docs {
				nodes[n].docs[d] = true
			}
		}
	}
	if err := r.load(names); err != nil {
		return err
	}
	order := make([]uint64, 0, len(nodes))
	for n := range nodes {
		order = append(order, n)
	}
	sort.Slice(order, func(i, j int) bool { return r.str(order[i]) < r.str(order[j]) })
	if err := w.Nodes(); err != nil {
		return err
	}
	for _, n := range order {
		name := r.str(n)
		err := w.Node(ExportNode{ID: name, Label: name, Type: string(ex.types[n]), Degree: nodes[n].degree, Sources: len(nodes[n].docs)})
		if err != nil {
			return err
		}
	}
	if err := w.Edges(); err != nil {
		return err
	}
	sort.Slice(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.s != b.s {
			return r.str(a.s) < r.str(b.s)
		}
		if len(a.docs) != len(b.docs) {
			return len(a.docs) > len(b.docs)
		}
		if a.p != b.p {
			return r.str(a.p) < r.str(b.p)
		}
		return r.str(a.o) < r.str(b.o)
	})
	for _, e := range edges {
		ed, err := ex.exportEdge(e, claims)
		if err != nil {
			return err
		}
		if err := w.Edge(ed); err != nil {
			return err
		}
	}
	return w.End()
}

// exportEdge names an edge, with its dates, sources and first evidence,
// and with claims, every claim behind it.
func (ex *exporter) exportEdge(e exportEdge, claims bool) (ExportEdge, error) {
	r := ex.r
	recs := make([]claimRec, len(e.claims))
	for i, c := range e.claims {
		recs[i] = ex.recs[c]
	}
	if err := r.load(claimIDs(recs)); err != nil {
		return ExportEdge{}, err
	}
	sort.Slice(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if da, db := r.str(a.date), r.str(b.date); da != db {
			return da < db
		}
		if a.doc != b.doc {
			return r.str(a.doc) < r.str(b.doc)
		}
		return r.int(a.start) < r.int(b.start)
	})
	ed := ExportEdge{Source: r.str(e.s), Target: r.str(e.o), Predicate: r.str(e.p), Weight: len(e.docs),
		Sources: r.sortedNames(e.docs), EvidenceDoc: r.str(recs[0].doc)}
	for _, c := range recs {
		if d := r.str(c.date); d != "" {
			if ed.First == "" || d < ed.First {
				ed.First = d
			}
			if d > ed.Last {
				ed.Last = d
			}
		}
	}
	if claims {
		evs, err := r.evidence(recs)
		if err != nil {
			return ed, err
		}
		ed.Claims = evs
		ed.Evidence = evs[0].Sentence
		return ed, nil
	}
	text, err := r.snap.values([]uint64{recs[0].sentence})
	ed.Evidence = valueString(text[0])
	return ed, err
}

// claimIDs lists the small values of claims that an export orders and
// names them by.
func claimIDs(recs []claimRec) []uint64 {
	out := make([]uint64, 0, 3*len(recs))
	for _, c := range recs {
		out = append(out, c.date, c.doc, c.start)
	}
	return out
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// fullDate widens an ISO 8601 year or month to its first day, as tools
// that read dates want a day.
func fullDate(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

// lastDay widens an ISO 8601 year or month to its last day.
func lastDay(d string) string {
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		var y, m int
		fmt.Sscanf(d, "%d-%d", &y, &m)
		days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
		if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
			days = 29
		}
		return fmt.Sprintf("%s-%02d", d, days)
	}
	return d
}
