package main

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/schema"
)

//go:embed web
var webFS embed.FS

// Request body limits: a query, and an upload of articles.
const (
	maxQueryBytes  = 1 << 20
	maxIngestBytes = 32 << 20
)

// server answers the explorer's and Cayley clients' requests.
type server struct {
	store     *graph.Store
	vocab     *schema.Vocabulary
	asker     *graph.Asker
	extractor *ingest.Extractor // nil unless --allow-ingest
	opts      *serveOptions

	mu       sync.Mutex
	entities []schema.Entity // cached for search; nil after a write
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(webFS, "web")
	mux.Handle("GET /", http.FileServer(http.FS(static)))
	mux.HandleFunc("POST /api/v1/query/gizmo", s.gizmo)
	mux.HandleFunc("GET /api/v1/query/gizmo", s.gizmo)
	mux.HandleFunc("GET /api/search", s.search)
	mux.HandleFunc("GET /api/neighbors", s.neighbors)
	mux.HandleFunc("GET /api/evidence", s.evidence)
	mux.HandleFunc("GET /api/path", s.path)
	mux.HandleFunc("GET /api/ask", s.ask)
	mux.HandleFunc("GET /api/export", s.export)
	mux.HandleFunc("GET /api/stats", s.stats)
	mux.HandleFunc("GET /api/predicates", s.predicates)
	mux.HandleFunc("POST /api/v1/ingest", s.ingest)
	return securityHeaders(mux)
}

// securityHeaders keeps the page from being framed or sniffed.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		h.ServeHTTP(w, r)
	})
}

// ctx bounds a request by the server's timeout.
func (s *server) ctx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opts.timeout)
}

func writeJSONStatus(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail answers with Cayley's error shape, {"error": "..."}.
func fail(w http.ResponseWriter, status int, err error) {
	writeJSONStatus(w, status, map[string]interface{}{"error": err.Error()})
}

// gizmo is Cayley's POST /api/v1/query/gizmo: the body is the script and
// the answer {"result": [...]} or {"error": "..."}.
func (s *server) gizmo(w http.ResponseWriter, r *http.Request) {
	var script string
	if r.Method == http.MethodGet {
		script = r.URL.Query().Get("qu")
	} else {
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxQueryBytes))
		if err != nil {
			fail(w, http.StatusRequestEntityTooLarge, fmt.Errorf("query larger than %d bytes", maxQueryBytes))
			return
		}
		script = string(b)
	}
	if strings.TrimSpace(script) == "" {
		fail(w, http.StatusBadRequest, errors.New("query is empty"))
		return
	}
	limit := s.opts.limit
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 && n < limit {
		limit = n
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	res, err := s.store.Query(ctx, script, limit)
	if errors.Is(err, graph.ErrTimeout) {
		fail(w, http.StatusBadRequest, fmt.Errorf("query timed out after %s", s.opts.timeout))
		return
	}
	if err != nil {
		fail(w, http.StatusBadRequest, err)
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"result": res})
}

// entityList returns the store's entities, cached until the next write.
func (s *server) entityList(ctx context.Context) ([]schema.Entity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.entities == nil {
		ents, err := s.store.Entities(ctx)
		if err != nil {
			return nil, err
		}
		s.entities = ents
	}
	return s.entities, nil
}

// search finds entities whose name contains the query, names that start
// with it first.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.ctx(r)
	defer cancel()
	ents, err := s.entityList(ctx)
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	var starts, inside []schema.Entity
	for _, e := range ents {
		name := strings.ToLower(e.Name)
		switch {
		case strings.HasPrefix(name, q):
			starts = append(starts, e)
		case strings.Contains(name, q):
			inside = append(inside, e)
		}
	}
	out := append(starts, inside...)
	if len(out) > 20 {
		out = out[:20]
	}
	if out == nil {
		out = []schema.Entity{}
	}
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"entities": out})
}

// exportOptions reads the selection parameters shared by neighbors and
// export.
func exportQuery(r *http.Request) graph.ExportOptions {
	q := r.URL.Query()
	opt := graph.ExportOptions{Around: q.Get("entity"), Since: q.Get("since"), Until: q.Get("until")}
	if opt.Around == "" {
		opt.Around = q.Get("around")
	}
	opt.Hops, _ = strconv.Atoi(q.Get("hops"))
	opt.MinSources, _ = strconv.Atoi(q.Get("min_sources"))
	if p := q.Get("predicates"); p != "" {
		opt.Predicates = strings.Split(p, ",")
	}
	if t := q.Get("types"); t != "" {
		for _, ty := range strings.Split(t, ",") {
			opt.Types = append(opt.Types, schema.EntityType(ty))
		}
	}
	return opt
}

// elements collects an export as Cytoscape.js elements.
type elements struct {
	NodeList []map[string]interface{} `json:"nodes"`
	EdgeList []map[string]interface{} `json:"edges"`
}

func (e *elements) Nodes() error { return nil }
func (e *elements) Node(n graph.ExportNode) error {
	e.NodeList = append(e.NodeList, map[string]interface{}{"data": n})
	return nil
}
func (e *elements) Edges() error { return nil }
func (e *elements) Edge(x graph.ExportEdge) error {
	e.EdgeList = append(e.EdgeList, map[string]interface{}{"data": map[string]interface{}{
		"id": x.Source + "\x1f" + x.Predicate + "\x1f" + x.Target, "source": x.Source, "target": x.Target,
		"predicate": x.Predicate, "weight": x.Weight, "first": x.First, "last": x.Last,
		"evidence": x.Evidence, "sources": x.Sources}})
	return nil
}
func (e *elements) End() error { return nil }

// neighbors answers with the neighbourhood of an entity as Cytoscape.js
// elements, filtered like an export.
func (s *server) neighbors(w http.ResponseWriter, r *http.Request) {
	opt := exportQuery(r)
	if opt.Around == "" {
		fail(w, http.StatusBadRequest, errors.New("entity is required"))
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	name, err := s.asker.Resolve(ctx, opt.Around)
	if err != nil {
		fail(w, http.StatusNotFound, err)
		return
	}
	opt.Around = name
	if opt.Hops <= 0 {
		opt.Hops = 1
	}
	els := &elements{NodeList: []map[string]interface{}{}, EdgeList: []map[string]interface{}{}}
	if err := s.store.Export(ctx, opt, els); err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"center": name, "elements": els})
}

// evidence lists every claim behind an edge, asserted or not.
func (s *server) evidence(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	subj, pred, obj := q.Get("subject"), q.Get("predicate"), q.Get("object")
	if subj == "" || pred == "" || obj == "" {
		fail(w, http.StatusBadRequest, errors.New("subject, predicate and object are required"))
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	evs, err := s.store.Evidence(ctx, subj, pred, obj, s.vocab.Symmetric(pred))
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	type item struct {
		graph.Evidence
		Asserted bool `json:"asserted"`
	}
	out := []item{}
	for _, ev := range evs {
		out = append(out, item{ev, ev.Asserted()})
	}
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"evidence": out})
}

func (s *server) path(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ctx, cancel := s.ctx(r)
	defer cancel()
	from, err := s.asker.Resolve(ctx, q.Get("from"))
	if err != nil {
		fail(w, http.StatusNotFound, err)
		return
	}
	to, err := s.asker.Resolve(ctx, q.Get("to"))
	if err != nil {
		fail(w, http.StatusNotFound, err)
		return
	}
	opt := graph.PathOptions{All: q.Get("all") == "true", Evidence: 2}
	opt.MaxHops, _ = strconv.Atoi(q.Get("max_hops"))
	opt.MinSources, _ = strconv.Atoi(q.Get("min_sources"))
	if p := q.Get("predicates"); p != "" {
		opt.Predicates = strings.Split(p, ",")
	}
	paths, err := s.store.Paths(ctx, from, to, opt)
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	if paths == nil {
		paths = []graph.Path{}
	}
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"from": from, "to": to, "paths": paths})
}

func (s *server) ask(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.ctx(r)
	defer cancel()
	ans, err := s.asker.Ask(ctx, r.URL.Query().Get("q"))
	var unknown *graph.UnknownEntityError
	var parse *graph.ParseError
	switch {
	case errors.As(err, &unknown):
		writeJSONStatus(w, http.StatusNotFound, map[string]interface{}{"error": err.Error(), "suggestions": unknown.Suggestions})
	case errors.As(err, &parse):
		writeJSONStatus(w, http.StatusBadRequest, map[string]interface{}{"error": err.Error(), "forms": graph.Forms})
	case err != nil:
		fail(w, http.StatusInternalServerError, err)
	default:
		writeJSONStatus(w, http.StatusOK, ans)
	}
}

// export streams an export file of the selection.
func (s *server) export(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	var ew graph.ExportWriter
	ext, mime := format, "application/octet-stream"
	switch format {
	case "graphml":
		ew, mime = &graph.GraphMLWriter{W: w}, "application/xml"
	case "gexf":
		ew, mime = &graph.GEXFWriter{W: w}, "application/xml"
	case "dot":
		ew, ext, mime = &graph.DOTWriter{W: w}, "gv", "text/vnd.graphviz"
	case "cytoscape":
		ew, ext, mime = &graph.CytoscapeWriter{W: w}, "json", "application/json"
	case "jsonld":
		ew, mime = &graph.JSONLDWriter{W: w, Base: graph.DefaultRDFBase}, "application/ld+json"
	case "nquads":
		ew, ext, mime = &graph.NQuadsWriter{W: w, Base: graph.DefaultRDFBase}, "nq", "application/n-quads"
	default:
		fail(w, http.StatusBadRequest, fmt.Errorf("format %q: use graphml, gexf, dot, cytoscape, jsonld or nquads", format))
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	opt := exportQuery(r)
	if opt.Around != "" {
		name, err := s.asker.Resolve(ctx, opt.Around)
		if err != nil {
			fail(w, http.StatusNotFound, err)
			return
		}
		opt.Around = name
	}
	w.Header().Set("Content-Type", mime)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=claimgraph.%s", ext))
	if err := s.store.Export(ctx, opt, ew); err != nil {
		fmt.Fprintf(w, "\nexport failed: %v\n", err) // headers are gone: say so in the body
	}
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.ctx(r)
	defer cancel()
	st, err := s.store.Stats(ctx)
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	writeJSONStatus(w, http.StatusOK, st)
}

// predicates lists the vocabulary, for the explorer's filter.
func (s *server) predicates(w http.ResponseWriter, r *http.Request) {
	var out []map[string]interface{}
	for _, p := range s.vocab.Predicates {
		out = append(out, map[string]interface{}{"name": p.Name, "symmetric": p.Symmetric, "meaning": p.Meaning})
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["name"].(string) < out[j]["name"].(string) })
	writeJSONStatus(w, http.StatusOK, map[string]interface{}{"predicates": out})
}

// ingest takes articles over HTTP when the server allows it: the body is
// an article (text, Markdown or HTML, named by ?id=) or JSONL articles.
func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.extractor == nil {
		fail(w, http.StatusForbidden, errors.New("this server is read-only: start it with --allow-ingest to accept articles"))
		return
	}
	body := http.MaxBytesReader(w, r.Body, maxIngestBytes)
	ctx, cancel := s.ctx(r)
	defer cancel()
	id := r.URL.Query().Get("id")
	var sum ingestSummary
	var failures []string
	var mu sync.Mutex // the reader and the writer both report
	failed := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, err.Error())
	}
	b := &batch{store: s.store, max: 256, done: func(ex schema.Extraction, res graph.WriteResult, err error) {
		if err != nil {
			failed(err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		sum.add(ex, res)
	}}
	p := &ingest.Pipeline{Reader: &ingest.Reader{Stdin: body}, Extractor: s.extractor}
	err := p.Run(ctx, []string{"-"}, func(ex schema.Extraction) error {
		if id != "" && ex.Document.ID == "stdin" {
			ex.Document.ID = id
			for i := range ex.Claims {
				ex.Claims[i].Doc = id
			}
		}
		return b.add(ctx, ex)
	}, failed)
	if err == nil {
		err = b.close(ctx)
	}
	s.mu.Lock()
	s.entities = nil
	s.mu.Unlock()
	if err != nil {
		fail(w, http.StatusInternalServerError, err)
		return
	}
	status := http.StatusOK
	if len(failures) > 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSONStatus(w, status, map[string]interface{}{"summary": sum, "failures": failures})
}
