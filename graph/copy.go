package graph

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/jackc/pgx"
)

// nodeColumns are the columns of Cayley's nodes table, in the order the
// COPY path fills them.
var nodeColumns = []string{"refs", "hash", "value", "value_string", "datatype", "language", "iri",
	"bnode", "value_int", "value_bool", "value_float", "value_time"}

// copyAdd writes quads to PostgreSQL with COPY instead of Cayley's row by
// row INSERTs, producing exactly the rows Cayley's writer would: the same
// value hashes and columns (Cayley's own NodeValues), the same reference
// increments (Cayley's own SplitDeltas), the same upsert of nodes and the
// same order of quads. It runs in one transaction.
func (s *Store) copyAdd(ctx context.Context, additions []cgraph.Delta) error {
	if err := s.pgConnect(); err != nil {
		return err
	}
	d := graphlog.SplitDeltas(additions)
	tx, err := s.pg.BeginEx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := copyNodes(tx, d.IncNode); err != nil {
		return err
	}
	if err := copyQuads(tx, d.QuadAdd); err != nil {
		return err
	}
	return tx.Commit()
}

func copyNodes(tx *pgx.Tx, nodes []graphlog.NodeUpdate) error {
	col := map[string]int{}
	for i, c := range nodeColumns {
		col[c] = i + 1 // after ord
	}
	rows := make([][]interface{}, 0, len(nodes))
	for i, n := range nodes {
		key, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		row := make([]interface{}, len(nodeColumns)+1)
		row[0], row[col["refs"]], row[col["hash"]] = i, n.RefInc, vals[0]
		for j, c := range key.Columns() {
			row[col[c]] = vals[1+j]
		}
		rows = append(rows, row)
	}
	if _, err := tx.Exec(`CREATE TEMP TABLE cg_nodes (ord INT, refs INT, hash BYTEA, value BYTEA, value_string TEXT,
		datatype TEXT, language TEXT, iri BOOLEAN, bnode BOOLEAN, value_int BIGINT, value_bool BOOLEAN,
		value_float DOUBLE PRECISION, value_time TIMESTAMP WITH TIME ZONE) ON COMMIT DROP`); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(pgx.Identifier{"cg_nodes"}, append([]string{"ord"}, nodeColumns...), pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("copy nodes: %w", err)
	}
	cols := joinColumns(nodeColumns)
	_, err := tx.Exec(`INSERT INTO nodes (` + cols + `) SELECT ` + cols + ` FROM cg_nodes ORDER BY ord
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`)
	return err
}

func copyQuads(tx *pgx.Tx, quads []graphlog.QuadUpdate) error {
	rows := make([][]interface{}, 0, len(quads))
	for i, q := range quads {
		row := []interface{}{i}
		for _, dir := range quad.Directions {
			row = append(row, csql.NodeHash{ValueHash: q.Quad.Get(dir)}.SQLValue())
		}
		rows = append(rows, row)
	}
	if _, err := tx.Exec(`CREATE TEMP TABLE cg_quads (ord INT, subject_hash BYTEA, predicate_hash BYTEA,
		object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`); err != nil {
		return err
	}
	cols := []string{"ord", "subject_hash", "predicate_hash", "object_hash", "label_hash"}
	if _, err := tx.CopyFrom(pgx.Identifier{"cg_quads"}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	_, err := tx.Exec(`INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM cg_quads ORDER BY ord
		ON CONFLICT DO NOTHING`)
	return err
}

func joinColumns(cols []string) string {
	out := ""
	for i, c := range cols {
		if i > 0 {
			out += ", "
		}
		out += c
	}
	return out
}

// pgDoc is what pgStored learns of a stored document: its content hash
// and how many quads carry its label.
type pgDoc struct {
	hash  string
	quads int
}

// pgStored reads, in three queries, what a batch needs to know of the
// store before writing: the content hash of each document already stored
// and the number of its quads, so that an unchanged and whole document
// need not be read, and which entity type quads exist. It saves a round
// trip per document and per entity over Cayley's iterators.
func (s *Store) pgStored(ctx context.Context, exs []schema.Extraction) (map[string]pgDoc, map[quad.Quad]bool, error) {
	if err := s.pgConnect(); err != nil {
		return nil, nil, err
	}
	docs := map[string]string{} // hex hash of the doc node → id
	var docHashes [][]byte
	entities := map[string]string{} // hex hash → name
	var entHashes [][]byte
	for _, ex := range exs {
		h := cgraph.HashOf(docNode(ex.Document.ID))
		docs[hex.EncodeToString(h[:])] = ex.Document.ID
		docHashes = append(docHashes, h[:])
		for _, e := range ex.Entities {
			h := cgraph.HashOf(quad.String(e.Name))
			if _, ok := entities[hex.EncodeToString(h[:])]; !ok {
				entities[hex.EncodeToString(h[:])] = e.Name
				entHashes = append(entHashes, h[:])
			}
		}
	}
	const q = `SELECT encode(q.subject_hash, 'hex'), n.value_string FROM quads q JOIN nodes n ON n.hash = q.object_hash
		WHERE q.predicate_hash = $1 AND q.subject_hash = ANY($2)`
	stored := map[string]pgDoc{}
	if err := s.pgRows(ctx, q, predHash(PredHash), docHashes, func(subj, val string) {
		stored[docs[subj]] = pgDoc{hash: val}
	}); err != nil {
		return nil, nil, err
	}
	// A document's id labels its quads, and its node is that same value.
	const count = `SELECT encode(label_hash, 'hex'), count(*)::text FROM quads WHERE label_hash = ANY($1) GROUP BY label_hash`
	if err := s.pgRows(ctx, count, docHashes, nil, func(label, n string) {
		d := stored[docs[label]]
		d.quads, _ = strconv.Atoi(n)
		stored[docs[label]] = d
	}); err != nil {
		return nil, nil, err
	}
	types := map[quad.Quad]bool{}
	err := s.pgRows(ctx, q+` AND q.label_hash IS NULL`, predHash(PredType), entHashes, func(subj, val string) {
		types[quad.Make(entities[subj], PredType, val, nil)] = true
	})
	return stored, types, err
}

// predHash is the hash of a predicate, as Cayley's tables hold it.
func predHash(p string) []byte {
	h := cgraph.HashOf(quad.String(p))
	return h[:]
}

// pgRows runs a query of two arguments, the second given only when not
// nil, and calls row with the two text columns of each row.
func (s *Store) pgRows(ctx context.Context, query string, a, b interface{}, row func(x, y string)) error {
	args := []interface{}{a}
	if b != nil {
		args = append(args, b)
	}
	rows, err := s.pg.QueryEx(ctx, query, nil, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x string
		var y *string
		if err := rows.Scan(&x, &y); err != nil {
			return err
		}
		if y != nil {
			row(x, *y)
		}
	}
	return rows.Err()
}

// pgConnect opens the store's own PostgreSQL connection on first use.
func (s *Store) pgConnect() error {
	if s.pg != nil {
		return nil
	}
	cfg, err := pgx.ParseURI(s.path)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", Redact(s.path), err)
	}
	if s.pg, err = pgx.Connect(cfg); err != nil {
		return fmt.Errorf("connect to %s: %w", Redact(s.path), err)
	}
	return nil
}
