package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
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

// Export streams the selected part of the graph to w: nodes first, then
// edges, each computed from the store as it goes, so memory holds one
// entity's edges at a time (and, with Around, the neighbourhood's names).
func (s *Store) Export(ctx context.Context, opt ExportOptions, w ExportWriter) error {
	ex, err := s.newExporter(ctx, opt)
	if err != nil {
		return err
	}
	// One read lock for the whole export: a bolt writer growing its file
	// while an iterator holds a read transaction would wait forever.
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := w.Nodes(); err != nil {
		return err
	}
	if err := ex.eachEntity(func(e schema.Entity) error {
		n, ok, err := ex.node(e)
		if err != nil || !ok {
			return err
		}
		return w.Node(n)
	}); err != nil {
		return err
	}
	if err := w.Edges(); err != nil {
		return err
	}
	if err := ex.eachEntity(func(e schema.Entity) error {
		edges, err := ex.edges(e.Name, true)
		if err != nil {
			return err
		}
		for _, ed := range edges {
			if err := w.Edge(ed); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return w.End()
}

type exporter struct {
	s       *Store
	ctx     context.Context
	opt     ExportOptions
	within  map[string]bool // the neighbourhood, with Around
	types   map[schema.EntityType]bool
	allowed map[string]bool
	own     map[interface{}]bool
}

func (s *Store) newExporter(ctx context.Context, opt ExportOptions) (*exporter, error) {
	ex := &exporter{s: s, ctx: ctx, opt: opt}
	if len(opt.Types) > 0 {
		ex.types = map[schema.EntityType]bool{}
		for _, t := range opt.Types {
			ex.types[t] = true
		}
	}
	if len(opt.Predicates) > 0 {
		ex.allowed = map[string]bool{}
		for _, p := range opt.Predicates {
			ex.allowed[p] = true
		}
	}
	if opt.Around != "" {
		hops := opt.Hops
		if hops <= 0 {
			hops = 1
		}
		nb, err := s.Neighbors(ctx, opt.Around, hops, PathOptions{Predicates: opt.Predicates, MinSources: opt.MinSources})
		if err != nil {
			return nil, err
		}
		ex.within = map[string]bool{}
		for name := range nb.Hops {
			ex.within[name] = true
		}
	}
	s.mu.RLock()
	ex.own = s.ownPredicates()
	s.mu.RUnlock()
	return ex, nil
}

// eachEntity calls fn with each entity the selection keeps, reading the
// store's type quads as a stream.
func (ex *exporter) eachEntity(fn func(schema.Entity) error) error {
	s := ex.s
	pref := s.qs.ValueOf(quad.String(PredType))
	if pref == nil {
		return nil
	}
	it := s.qs.QuadIterator(quad.Predicate, pref)
	defer it.Close()
	for it.Next(ex.ctx) {
		q := it.Result()
		t := schema.EntityType(s.valueName(s.qs.QuadDirection(q, quad.Object)))
		if t == TypeDocument || s.qs.QuadDirection(q, quad.Label) != nil {
			continue
		}
		e := schema.Entity{Name: s.valueName(s.qs.QuadDirection(q, quad.Subject)), Type: t}
		if !ex.keepEntity(e) {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return it.Err()
}

func (s *Store) valueName(r cgraph.Ref) string { return valueString(s.qs.NameOf(r)) }

func (ex *exporter) keepEntity(e schema.Entity) bool {
	if ex.types != nil && !ex.types[e.Type] {
		return false
	}
	return ex.within == nil || ex.within[e.Name]
}

// node computes an entity's exported attributes; ok is false for an
// entity none of whose edges is exported.
func (ex *exporter) node(e schema.Entity) (ExportNode, bool, error) {
	edges, err := ex.edges(e.Name, false)
	if err != nil || len(edges) == 0 {
		return ExportNode{}, false, err
	}
	docs := map[string]bool{}
	for _, ed := range edges {
		for _, d := range ed.Sources {
			docs[d] = true
		}
	}
	return ExportNode{ID: e.Name, Label: e.Name, Type: string(e.Type), Degree: len(edges), Sources: len(docs)}, true, nil
}

// edges returns the exported edges at an entity: only those it is the
// subject of when outgoing, else those in both directions.
func (ex *exporter) edges(name string, outgoing bool) ([]ExportEdge, error) {
	s := ex.s
	ref := s.node(ex.ctx, quad.String(name))
	if ref == nil {
		return nil, nil
	}
	ls, err := s.links(ex.ctx, ref, ex.own)
	if err != nil {
		return nil, err
	}
	n := &names{s: s, cache: map[interface{}]string{}}
	var out []ExportEdge
	for _, e := range groupEdges(ls, name, n) {
		if outgoing && e.Subject != name {
			continue
		}
		if ex.allowed != nil && !ex.allowed[e.Predicate] {
			continue
		}
		other := e.Object
		if other == name {
			other = e.Subject
		}
		if !ex.keepOther(other) {
			continue
		}
		ed, ok, err := ex.edge(e)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, ed)
		}
	}
	return out, nil
}

// keepOther reports whether the far end of an edge is exported too.
func (ex *exporter) keepOther(name string) bool {
	if ex.within != nil && !ex.within[name] {
		return false
	}
	if ex.types == nil {
		return true
	}
	for t := range ex.types {
		if ok, _ := ex.s.hasQuad(ex.ctx, quad.Make(name, PredType, string(t), nil)); ok {
			return true
		}
	}
	return false
}

// edge reads an edge's claims and keeps it if enough documents assert it
// within the dates asked for.
func (ex *exporter) edge(e Edge) (ExportEdge, bool, error) {
	evs, err := ex.s.claimsBetween(ex.ctx, e.Subject, e.Predicate, e.Object)
	if err != nil {
		return ExportEdge{}, false, err
	}
	ed := ExportEdge{Source: e.Subject, Target: e.Object, Predicate: e.Predicate}
	docs := map[string]bool{}
	for _, ev := range evs {
		if !ev.Asserted() || (ex.opt.Since != "" && ev.Date < ex.opt.Since) || (ex.opt.Until != "" && ev.Date > ex.opt.Until && !hasPrefix(ev.Date, ex.opt.Until)) {
			continue
		}
		ed.Claims = append(ed.Claims, ev)
		if !docs[ev.Doc] {
			docs[ev.Doc] = true
			ed.Sources = append(ed.Sources, ev.Doc)
		}
		if ev.Date != "" && (ed.First == "" || ev.Date < ed.First) {
			ed.First = ev.Date
		}
		if ev.Date > ed.Last {
			ed.Last = ev.Date
		}
		if ed.Evidence == "" {
			ed.Evidence, ed.EvidenceDoc = ev.Sentence, ev.Doc
		}
	}
	sort.Strings(ed.Sources)
	ed.Weight = len(ed.Sources)
	return ed, ed.Weight > 0 && ed.Weight >= ex.opt.MinSources, nil
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
