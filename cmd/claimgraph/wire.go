package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// What a command and the explorer that answers it (POST /api/cli/OP) say
// to each other: the operation's arguments as JSON, and its result with
// its error, or for an export a stream of events.

// cliArgs are the arguments of the operations; each reads its own.
type cliArgs struct {
	Question  string              `json:"question,omitempty"`  // ask
	Name      string              `json:"name,omitempty"`      // resolve
	Entity    string              `json:"entity,omitempty"`    // neighbors, claims
	Other     string              `json:"other,omitempty"`     // claims
	From      string              `json:"from,omitempty"`      // paths
	To        string              `json:"to,omitempty"`        // paths
	Hops      int                 `json:"hops,omitempty"`      // neighbors
	Path      graph.PathOptions   `json:"path"`                // neighbors, paths
	Export    graph.ExportOptions `json:"export"`              // export
	Claims    bool                `json:"claims,omitempty"`    // export: fill each edge's claims
	Script    string              `json:"script,omitempty"`    // query
	Limit     int                 `json:"limit,omitempty"`     // query
	Documents []schema.Extraction `json:"documents,omitempty"` // write
}

// cliReply is the answer to an operation other than export.
type cliReply struct {
	Result interface{} `json:"result"`
	*wireError
}

// exportEvent is one call of an export writer, or the export's end.
type exportEvent struct {
	Nodes bool              `json:"nodes,omitempty"`
	Node  *graph.ExportNode `json:"node,omitempty"`
	Edges bool              `json:"edges,omitempty"`
	Edge  *graph.ExportEdge `json:"edge,omitempty"`
	End   bool              `json:"end,omitempty"`
	Done  bool              `json:"done,omitempty"` // Export returned with no error
	Error *wireError        `json:"error,omitempty"`
}

// wireError is an error as the explorer sends it: its message, and what
// kind it is, so that the command handles it as it would its own.
type wireError struct {
	Message  string                    `json:"error"`
	Unknown  *graph.UnknownEntityError `json:"unknown_entity,omitempty"`
	Parse    *graph.ParseError         `json:"parse_error,omitempty"`
	Filter   *graph.FilterError        `json:"filter_error,omitempty"`
	Store    bool                      `json:"store_error,omitempty"`   // a *graph.StoreError
	Timeout  bool                      `json:"query_timeout,omitempty"` // graph.ErrTimeout
	Deadline bool                      `json:"deadline,omitempty"`      // context.DeadlineExceeded
}

// toWire describes err for the command, or is nil.
func toWire(err error) *wireError {
	if err == nil {
		return nil
	}
	w := &wireError{Message: err.Error()}
	errors.As(err, &w.Unknown)
	errors.As(err, &w.Parse)
	errors.As(err, &w.Filter)
	var se *graph.StoreError
	w.Store = errors.As(err, &se)
	w.Timeout = errors.Is(err, graph.ErrTimeout)
	w.Deadline = errors.Is(err, context.DeadlineExceeded)
	return w
}

// err is the error w describes, with its message and its kinds, or nil.
func (w *wireError) err() error {
	if w == nil || w.Message == "" {
		return nil
	}
	e := &remoteError{msg: w.Message}
	if w.Unknown != nil {
		e.kinds = append(e.kinds, w.Unknown)
	}
	if w.Parse != nil {
		e.kinds = append(e.kinds, w.Parse)
	}
	if w.Filter != nil {
		e.kinds = append(e.kinds, w.Filter)
	}
	if w.Store {
		e.kinds = append(e.kinds, &graph.StoreError{Err: errors.New(w.Message)})
	}
	if w.Timeout {
		e.kinds = append(e.kinds, graph.ErrTimeout)
	}
	if w.Deadline {
		e.kinds = append(e.kinds, context.DeadlineExceeded)
	}
	return e
}

// remoteError is an error the explorer reported: errors.Is and errors.As
// find its kinds.
type remoteError struct {
	msg   string
	kinds []error
}

func (e *remoteError) Error() string   { return e.msg }
func (e *remoteError) Unwrap() []error { return e.kinds }

// decodeJSON decodes data into v, numbers in interfaces as they were
// written (a query's integers stay integers).
func decodeJSON(data []byte, v interface{}) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
