package main

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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
	token     string // that claimgraph commands show (server_cli.go); "" if none may

	mu       sync.Mutex
	entities []schema.Entity // cached for search; nil after a write
	gen      int             // writes so far, so a read begun before one is not cached
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(webFS, "web")
	mux.Handle("GET /", http.FileServer(http.FS(static)))
	// Each answer is bounded by --timeout: a handler still busy then is
	// answered for (503), whatever it does. An export streams instead, so
	// its writes get the deadline.
	for pattern, h := range map[string]http.HandlerFunc{
		"POST /api/v1/query/gizmo": s.gizmo, "GET /api/v1/query/gizmo": s.gizmo,
		"GET /api/search": s.search, "GET /api/neighbors": s.neighbors, "GET /api/evidence": s.evidence,
		"GET /api/path": s.path, "GET /api/ask": s.ask, "GET /api/stats": s.stats,
		"GET /api/predicates": s.predicates, "POST /api/v1/ingest": s.ingest,
	} {
		mux.Handle(pattern, s.bounded(h))
	}
	mux.Handle("GET /api/export", faultsPanic(http.HandlerFunc(s.export)))
	// A command's operations run as long as the command lets them.
	mux.Handle("POST /api/cli/{op}", faultsPanic(http.HandlerFunc(s.cli)))
	return securityHeaders(s.sameOrigin(survivePanics(mux)))
}

// bounded answers for a handler still busy a second after --timeout (the
// handler's own context ends at --timeout, and it normally says so first).
func (s *server) bounded(h http.HandlerFunc) http.Handler {
	msg := fmt.Sprintf(`{"error": "the request did not finish within --timeout %s: ask for less, or raise --timeout"}`, s.opts.timeout)
	return http.TimeoutHandler(faultsPanic(h), s.opts.timeout+time.Second, msg)
}

// faultsPanic makes a memory fault in the handler's goroutine (bolt reading
// a damaged file) a panic that survivePanics can answer, not the end of
// the server.
func faultsPanic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		h.ServeHTTP(w, r)
	})
}

// survivePanics answers a request whose handler panicked with a 500 and
// the advice for a damaged store; the server goes on.
func survivePanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				fail(w, http.StatusInternalServerError, fmt.Errorf("%v: %s", v, damagedAdvice))
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// sameOrigin refuses what a web page of another origin could make the
// browser send: any API request marked cross-origin (Origin, or the
// browser's Sec-Fetch-Site), so no other page can ingest or run a query;
// and, unless the server is public, a Host that is not a loopback name, so
// that a name rebound to 127.0.0.1 (DNS rebinding) reaches nothing.
func (s *server) sameOrigin(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.opts.public && !loopbackHost(r.Host) {
			fail(w, http.StatusForbidden, fmt.Errorf("host %q is not a loopback name: this server answers only localhost, "+
				"127.0.0.1 and [::1] (start it with --public to serve other names)", r.Host))
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") && crossOrigin(r) {
			fail(w, http.StatusForbidden, errors.New("cross-origin request refused: the API answers only the explorer's own page "+
				"and programs that are not browsers"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// crossOrigin reports whether a browser marked the request as coming from
// a page of another origin. Programs (curl, Cayley's clients) send neither
// header.
func crossOrigin(r *http.Request) bool {
	if origin := r.Header.Get("Origin"); origin != "" {
		u, err := url.Parse(origin)
		return err != nil || u.Host != r.Host
	}
	site := r.Header.Get("Sec-Fetch-Site")
	return site != "" && site != "same-origin" && site != "none"
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface: localhost (or a name under it), 127.0.0.0/8 or ::1, with any
// port.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
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
// The store is read without the cache's mutex held, so a search does not
// wait for another's read.
func (s *server) entityList(ctx context.Context) ([]schema.Entity, error) {
	s.mu.Lock()
	ents, gen := s.entities, s.gen
	s.mu.Unlock()
	if ents != nil {
		return ents, nil
	}
	ents, err := s.store.Entities(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.gen == gen { // no write since the read began
		s.entities = ents
	}
	s.mu.Unlock()
	return ents, nil
}

// forgetEntities drops the cached entities after a write.
func (s *server) forgetEntities() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entities = nil
	s.gen++
}

// search finds entities whose name contains the query, names that start
// with it first.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.ctx(r)
	defer cancel()
	ents, err := s.entityList(ctx)
	if err != nil {
		s.failRead(w, err)
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
	opt := graph.ExportOptions{Around: q.Get("entity"), Since: q.Get("since"), Until: q.Get("until"), Undated: q.Get("undated") != ""}
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
		s.failRead(w, err)
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
		s.failRead(w, err)
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
		s.failRead(w, err)
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
		s.failRead(w, err)
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
		s.failRead(w, err)
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
// The answer is the summary ingest prints, and the failures; 413 for a
// body over maxIngestBytes, 422 if any document failed.
func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.extractor == nil {
		fail(w, http.StatusForbidden, errors.New("this server is read-only: start it with --allow-ingest to accept articles"))
		return
	}
	start := time.Now()
	body := &limitedBody{r: http.MaxBytesReader(w, r.Body, maxIngestBytes)}
	ctx, cancel := s.ctx(r)
	defer cancel()
	id := r.URL.Query().Get("id")
	sum := ingestSummary{Store: graph.Redact(s.opts.db)}
	entities := map[schema.Entity]bool{}
	notWritten := &unwritten{}
	var failures []string
	var mu sync.Mutex // the reader and the writer both report
	failed := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, err.Error())
	}
	b := &batch{store: &localStore{Store: s.store}, max: 256, done: func(ex schema.Extraction, res graph.WriteResult, err error) {
		mu.Lock()
		defer mu.Unlock()
		if notWritten.add(ex, err) {
			return
		}
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", ex.Document.ID, err))
			return
		}
		sum.add(ex, res)
		for _, e := range ex.Entities {
			entities[e] = true
		}
	}}
	p := &ingest.Pipeline{Reader: &ingest.Reader{Stdin: body, StdinID: id}, Extractor: s.extractor}
	err := p.Run(ctx, []string{"-"}, func(ex schema.Extraction) error {
		return b.add(ctx, ex)
	}, failed)
	if err == nil {
		err = b.close(ctx)
	}
	s.forgetEntities()
	mu.Lock()
	defer mu.Unlock()
	switch {
	case body.over:
		fail(w, http.StatusRequestEntityTooLarge, fmt.Errorf("the body is larger than %d MB: send fewer articles at a time, "+
			"or ingest with the claimgraph command", maxIngestBytes>>20))
		return
	case err != nil:
		s.failRead(w, err)
		return
	}
	if msg := notWritten.message(s.opts.db); msg != "" {
		failures = append(failures, msg)
	}
	sum.NotWritten = notWritten.ids
	sum.finish(start, len(entities), p, b)
	status := http.StatusOK
	if len(failures) > 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSONStatus(w, status, map[string]interface{}{"summary": sum, "failures": failures})
}

// limitedBody notes whether reading a request body hit its size limit,
// however the reader of it reports the error.
type limitedBody struct {
	r    io.Reader
	over bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		b.over = true
	}
	return n, err
}

// failRead answers a request that failed: 400 for a filter value that is
// not one claimgraph knows, 503 if it ran out of time, 500 otherwise.
func (s *server) failRead(w http.ResponseWriter, err error) {
	var fe *graph.FilterError
	if errors.As(err, &fe) {
		fail(w, http.StatusBadRequest, err)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, graph.ErrTimeout) {
		fail(w, http.StatusServiceUnavailable, fmt.Errorf("the request did not finish within --timeout %s: ask for less, or raise --timeout", s.opts.timeout))
		return
	}
	fail(w, http.StatusInternalServerError, err)
}
