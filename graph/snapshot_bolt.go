package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Cayley v0.7.7 lays out a bolt store (its data version 2) as follows.
// Every node and quad is a protobuf Primitive in bucket "log", keyed by its
// id in 8 big-endian bytes; a deleted quad stays there, marked. Each index
// is a bucket named by its directions' prefixes ("sp", "ops") whose keys
// are those directions' ids, 8 big-endian bytes each, and whose values list
// the ids of the quads with them as uvarints, deleted quads included. A
// value's node id is a uvarint under its hash in bucket 'v' + the hash's
// first two bytes. Meta keys "horizon" (the last id) and "size" (the
// number of quads) are little-endian int64s in bucket "meta".
var (
	bucketLog  = []byte("log")
	bucketMeta = []byte("meta")
)

// boltSnapshot is one bolt read transaction.
type boltSnapshot struct {
	ctx          context.Context
	tx           *bolt.Tx
	log, sp, ops *bolt.Bucket
	n            int // quads read, for checking the context now and then
}

// openBoltSnapshot begins a read transaction on qs if it is a bolt store
// with Cayley's default indexes; ok is false for any other store.
func openBoltSnapshot(ctx context.Context, qs cgraph.QuadStore) (_ snapshot, ok bool, _ error) {
	db := boltOf(qs)
	if db == nil {
		return nil, false, nil
	}
	tx, err := db.Begin(false)
	if err != nil {
		return nil, true, fmt.Errorf("begin a read transaction: %w", err)
	}
	b := &boltSnapshot{ctx: ctx, tx: tx, log: tx.Bucket(bucketLog)}
	sp, ops, ok := defaultIndexes(tx)
	if b.log == nil || !ok {
		// An empty store has no index buckets yet; another layout is
		// read through Cayley.
		tx.Rollback()
		return nil, false, nil
	}
	b.sp, b.ops = sp, ops
	return b, true, nil
}

// boltOf returns the bolt database under a Cayley kv quad store, or nil.
// Cayley keeps it in an unexported field and offers no accessor, and
// every read of its API is a transaction of its own; this reaches the
// field so that one command can read in one transaction. Cayley is pinned
// at v0.7.7 (TestBoltSnapshot fails if the field moves); when it cannot
// be found, reads go through Cayley's API instead.
func boltOf(qs cgraph.QuadStore) *bolt.DB {
	k, ok := qs.(*kv.QuadStore)
	if !ok || k == nil {
		return nil
	}
	f := reflect.ValueOf(k).Elem().FieldByName("db")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*hkv.KV)(nil)).Elem() {
		return nil
	}
	db, _ := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(*hbolt.DB)
	if db == nil {
		return nil
	}
	return db.DB()
}

// defaultIndexes returns the buckets of the (subject, predicate) and
// (object, predicate, subject) indexes if the store has exactly Cayley's
// default indexes.
func defaultIndexes(tx *bolt.Tx) (sp, ops *bolt.Bucket, ok bool) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil, nil, false
	}
	var inds []kv.QuadIndex
	if err := json.Unmarshal(meta.Get([]byte("indexes")), &inds); err != nil || len(inds) != 2 {
		return nil, nil, false
	}
	for i, ind := range kv.DefaultQuadIndexes {
		if !reflect.DeepEqual(ind.Dirs, inds[i].Dirs) {
			return nil, nil, false
		}
	}
	sp, ops = tx.Bucket(indexBucket(inds[0])), tx.Bucket(indexBucket(inds[1]))
	return sp, ops, sp != nil && ops != nil
}

func indexBucket(ind kv.QuadIndex) []byte {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return name
}

// idKey appends ids as 8 big-endian bytes each.
func idKey(ids ...uint64) []byte {
	k := make([]byte, 0, 8*len(ids))
	for _, id := range ids {
		k = binary.BigEndian.AppendUint64(k, id)
	}
	return k
}

func (b *boltSnapshot) lookup(vals []quad.Value) ([]uint64, error) {
	out := make([]uint64, len(vals))
	var h [quad.HashSize]byte
	for i, v := range vals {
		if v == nil {
			continue
		}
		quad.HashTo(v, h[:])
		if bk := b.tx.Bucket([]byte{'v', h[0], h[1]}); bk != nil {
			out[i], _ = binary.Uvarint(bk.Get(h[:]))
		}
	}
	return out, nil
}

func (b *boltSnapshot) values(ids []uint64) ([]quad.Value, error) {
	out := make([]quad.Value, len(ids))
	for i, id := range ids {
		if id == 0 {
			continue
		}
		raw := b.log.Get(idKey(id))
		if raw == nil {
			continue
		}
		p, err := decodePrimitive(raw)
		if err != nil {
			return out, fmt.Errorf("node %d: %w", id, err)
		}
		if len(p.value) == 0 {
			continue
		}
		if out[i], err = pquads.UnmarshalValue(p.value); err != nil {
			return out, fmt.Errorf("node %d: %w", id, err)
		}
	}
	return out, nil
}

func (b *boltSnapshot) scan(d quad.Direction, node, pred uint64, fn func(quadIDs) error) error {
	bucket := b.sp
	switch d {
	case quad.Subject:
	case quad.Object:
		bucket = b.ops
	default:
		return fmt.Errorf("scan by %v: no such index", d)
	}
	prefix := idKey(node)
	if pred != 0 {
		prefix = idKey(node, pred)
	}
	c := bucket.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := b.quads(v, fn); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return nil
}

// quads calls fn with each live quad of an index entry's list.
func (b *boltSnapshot) quads(list []byte, fn func(quadIDs) error) error {
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return errors.New("damaged index entry")
		}
		list = list[n:]
		if b.n++; b.n%4096 == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		raw := b.log.Get(idKey(id))
		if raw == nil {
			continue
		}
		p, err := decodePrimitive(raw)
		if err != nil {
			return fmt.Errorf("quad %d: %w", id, err)
		}
		if p.deleted || len(p.value) > 0 {
			continue
		}
		if err := fn(quadIDs{s: p.s, p: p.p, o: p.o, l: p.l}); err != nil {
			return err
		}
	}
	return nil
}

func (b *boltSnapshot) triple(s, p, o uint64, fn func(quadIDs) error) error {
	if err := b.quads(b.ops.Get(idKey(o, p, s)), fn); err != errStop {
		return err
	}
	return nil
}

// all reads the log in id order: nodes and quads of a batch lie together.
func (b *boltSnapshot) all(fn func(quadIDs) error) error {
	c := b.log.Cursor()
	n := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if n++; n%4096 == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		p, err := decodePrimitive(v)
		if err != nil {
			return fmt.Errorf("log entry %x: %w", k, err)
		}
		if p.deleted || len(p.value) > 0 {
			continue
		}
		if err := fn(quadIDs{s: p.s, p: p.p, o: p.o, l: p.l}); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return nil
}

func (b *boltSnapshot) version() string {
	meta := b.tx.Bucket(bucketMeta)
	if meta == nil {
		return ""
	}
	return fmt.Sprintf("bolt %x %x", meta.Get([]byte("horizon")), meta.Get([]byte("size")))
}

func (b *boltSnapshot) close() error { return b.tx.Rollback() }

// primitive is the part of Cayley's proto.Primitive that reads need.
type primitive struct {
	s, p, o, l uint64
	value      []byte // a node's value; it lives as long as the transaction
	deleted    bool
}

var errPrimitive = errors.New("damaged log entry")

// decodePrimitive reads a protobuf-encoded proto.Primitive without
// copying its value: a full export decodes every entry of the log once.
func decodePrimitive(b []byte) (primitive, error) {
	var p primitive
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return p, errPrimitive
		}
		b = b[n:]
		switch tag & 7 {
		case 0: // varint
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return p, errPrimitive
			}
			b = b[n:]
			switch tag >> 3 {
			case 2:
				p.s = v
			case 3:
				p.p = v
			case 4:
				p.o = v
			case 5:
				p.l = v
			case 9:
				p.deleted = v != 0
			}
		case 2: // length-delimited
			l, n := binary.Uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return p, errPrimitive
			}
			if tag>>3 == 8 {
				p.value = b[n : n+int(l)]
			}
			b = b[n+int(l):]
		case 1: // 64-bit
			if len(b) < 8 {
				return p, errPrimitive
			}
			b = b[8:]
		case 5: // 32-bit
			if len(b) < 4 {
				return p, errPrimitive
			}
			b = b[4:]
		default:
			return p, errPrimitive
		}
	}
	return p, nil
}
