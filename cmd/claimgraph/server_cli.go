package main

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// cli performs an operation for a claimgraph command on the store the
// explorer holds (POST /api/cli/OP): the command found the explorer
// through explorerFile and shows its token. Such a request may write,
// read-only server or not, and is bounded by the command's own deadline,
// not by --timeout: it is the command, run where the store is open.
func (s *server) cli(w http.ResponseWriter, r *http.Request) {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if s.token == "" || !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
		fail(w, http.StatusForbidden, fmt.Errorf("/api/cli/ answers only claimgraph commands on this server's store (they read its %s)", explorerFile))
		return
	}
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
	rc.SetWriteDeadline(time.Time{})
	ctx, cancel := cliContext(r)
	defer cancel()
	var args cliArgs
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxIngestBytes)).Decode(&args); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = fmt.Errorf("a write larger than %d MB: ingest with a smaller --batch", maxIngestBytes>>20)
		}
		fail(w, http.StatusBadRequest, err)
		return
	}
	op := r.PathValue("op")
	if op == "export" {
		s.cliExport(ctx, w, args)
		return
	}
	res, err := s.cliOp(ctx, op, args)
	writeJSONStatus(w, cliStatus(err), cliReply{Result: res, wireError: toWire(err)})
}

// cliContext is a command's request bounded by the command's deadline.
func cliContext(r *http.Request) (context.Context, context.CancelFunc) {
	if d, err := time.ParseDuration(r.Header.Get(timeoutHeader)); err == nil {
		return context.WithTimeout(r.Context(), d)
	}
	return context.WithCancel(r.Context())
}

// share lets claimgraph commands on the bolt store the server holds find
// it and be answered by it (explorerFile), until the function it returns
// runs.
func (s *server) share(ln net.Addr) (withdraw func()) {
	if s.store.Backend() != "bolt" {
		return func() {}
	}
	token, withdraw, err := announce(s.opts.db, ln)
	if err != nil {
		fmt.Fprintf(s.opts.out, "claimgraph: %v: commands on this store will not reach the explorer\n", err)
		return func() {}
	}
	s.token = token
	return withdraw
}

// errNoOp is an operation the explorer does not know: a command of
// another version.
var errNoOp = errors.New("no such operation: is this explorer the same version of claimgraph as the command?")

// cliOp performs one operation and returns its result.
func (s *server) cliOp(ctx context.Context, op string, a cliArgs) (interface{}, error) {
	switch op {
	case "hello":
		return map[string]int{"pid": os.Getpid()}, nil
	case "stats":
		return s.store.Stats(ctx)
	case "ask":
		return s.asker.Ask(ctx, a.Question)
	case "resolve":
		return s.asker.Resolve(ctx, a.Name)
	case "neighbors":
		return s.store.Neighbors(ctx, a.Entity, a.Hops, a.Path)
	case "paths":
		return s.store.Paths(ctx, a.From, a.To, a.Path)
	case "claims":
		return s.store.ClaimsAbout(ctx, a.Entity, a.Other)
	case "query":
		return s.store.Query(ctx, a.Script, a.Limit)
	case "write":
		return s.cliWrite(ctx, a)
	}
	return nil, errNoOp
}

// cliWrite writes a command's batch of documents in one transaction.
func (s *server) cliWrite(ctx context.Context, a cliArgs) ([]graph.WriteResult, error) {
	ids := map[string]bool{}
	for _, ex := range a.Documents {
		if ex.Document.ID == "" || ids[ex.Document.ID] {
			return nil, fmt.Errorf("a batch needs documents with distinct ids, not %q twice or empty", ex.Document.ID)
		}
		ids[ex.Document.ID] = true
	}
	if len(a.Documents) == 0 {
		return []graph.WriteResult{}, nil
	}
	defer s.forgetEntities()
	return s.store.Write(ctx, graph.Prepare(a.Documents))
}

// cliStatus is the HTTP status of an operation's answer.
func cliStatus(err error) int {
	var unknown *graph.UnknownEntityError
	var parse *graph.ParseError
	var filter *graph.FilterError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.As(err, &unknown):
		return http.StatusNotFound
	case errors.As(err, &parse), errors.As(err, &filter), errors.Is(err, errNoOp):
		return http.StatusBadRequest
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, graph.ErrTimeout):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// cliExport streams an export as the calls its writer would get, one
// exportEvent a line, ending with done or the error.
func (s *server) cliExport(ctx context.Context, w http.ResponseWriter, a cliArgs) {
	w.Header().Set("Content-Type", "application/x-ndjson")
	st := &exportStream{enc: json.NewEncoder(w), claims: a.Claims}
	end := exportEvent{Done: true}
	if err := s.store.Export(ctx, a.Export, st); err != nil {
		end = exportEvent{Error: toWire(err)}
	}
	st.enc.Encode(end)
}

// exportStream is the graph.ClaimsWriter whose calls cliExport sends.
type exportStream struct {
	enc    *json.Encoder
	claims bool
}

func (x *exportStream) WritesClaims() bool            { return x.claims }
func (x *exportStream) Nodes() error                  { return x.enc.Encode(exportEvent{Nodes: true}) }
func (x *exportStream) Node(n graph.ExportNode) error { return x.enc.Encode(exportEvent{Node: &n}) }
func (x *exportStream) Edges() error                  { return x.enc.Encode(exportEvent{Edges: true}) }
func (x *exportStream) Edge(e graph.ExportEdge) error { return x.enc.Encode(exportEvent{Edge: &e}) }
func (x *exportStream) End() error                    { return x.enc.Encode(exportEvent{End: true}) }
