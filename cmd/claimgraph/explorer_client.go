package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// The explorer as a storeAPI: each method is one operation the explorer
// performs on its store (server_cli.go), with the values sent back.

func (e *explorer) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := e.call(ctx, "stats", cliArgs{}, &st)
	return st, err
}

func (e *explorer) Ask(ctx context.Context, question string) (graph.Answer, error) {
	var ans graph.Answer
	err := e.call(ctx, "ask", cliArgs{Question: question}, &ans)
	return ans, err
}

func (e *explorer) Resolve(ctx context.Context, name string) (string, error) {
	var out string
	err := e.call(ctx, "resolve", cliArgs{Name: name}, &out)
	return out, err
}

func (e *explorer) Neighbors(ctx context.Context, entity string, hops int, opt graph.PathOptions) (graph.Neighbourhood, error) {
	var nb graph.Neighbourhood
	err := e.call(ctx, "neighbors", cliArgs{Entity: entity, Hops: hops, Path: opt}, &nb)
	return nb, err
}

func (e *explorer) Paths(ctx context.Context, from, to string, opt graph.PathOptions) ([]graph.Path, error) {
	var paths []graph.Path
	err := e.call(ctx, "paths", cliArgs{From: from, To: to, Path: opt}, &paths)
	return paths, err
}

func (e *explorer) ClaimsAbout(ctx context.Context, entity, other string) ([]graph.Evidence, error) {
	var evs []graph.Evidence
	err := e.call(ctx, "claims", cliArgs{Entity: entity, Other: other}, &evs)
	return evs, err
}

func (e *explorer) Query(ctx context.Context, script string, limit int) ([]interface{}, error) {
	var res []interface{}
	err := e.call(ctx, "query", cliArgs{Script: script, Limit: limit}, &res)
	return res, err
}

// Prepare leaves the quads to the explorer: they are larger than the
// documents.
func (e *explorer) Prepare([]schema.Extraction) *graph.Batch { return nil }

func (e *explorer) WriteDocs(ctx context.Context, exs []schema.Extraction, _ *graph.Batch) ([]graph.WriteResult, error) {
	var res []graph.WriteResult
	err := e.call(ctx, "write", cliArgs{Documents: exs}, &res)
	var gone *explorerGoneError
	switch {
	case errors.As(err, &gone):
		// Nothing more can be written: like a full disk, not like a bad
		// document.
		return nil, &graph.StoreError{Err: err}
	case err == nil && len(res) != len(exs):
		err = fmt.Errorf("the explorer wrote %d documents of %d", len(res), len(exs))
	}
	return res, err
}

// Export plays the explorer's stream of export events into w, so that w
// writes here (-o, csv, --base) what it would write from a local store.
func (e *explorer) Export(ctx context.Context, opt graph.ExportOptions, w graph.ExportWriter) error {
	args := cliArgs{Export: opt}
	if cw, ok := w.(graph.ClaimsWriter); ok {
		args.Claims = cw.WritesClaims()
	}
	return e.post(ctx, "export", args, func(resp *http.Response) error {
		if err := readStatus(resp); err != nil {
			return err
		}
		dec := json.NewDecoder(resp.Body)
		for {
			var ev exportEvent
			if err := dec.Decode(&ev); err != nil {
				return fmt.Errorf("the export stopped before its end: %w", err)
			}
			if err := playEvent(w, ev); err != nil || ev.Done {
				return err
			}
		}
	})
}

// playEvent makes the call of w that ev stands for.
func playEvent(w graph.ExportWriter, ev exportEvent) error {
	switch {
	case ev.Error != nil:
		return ev.Error.err()
	case ev.Nodes:
		return w.Nodes()
	case ev.Node != nil:
		return w.Node(*ev.Node)
	case ev.Edges:
		return w.Edges()
	case ev.Edge != nil:
		return w.Edge(*ev.Edge)
	case ev.End:
		return w.End()
	}
	return nil
}

// Close lets go of the connections to the explorer.
func (e *explorer) Close() error {
	e.client.CloseIdleConnections()
	return nil
}
