package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
)

// boltFile is the file Cayley's bolt backend keeps in a store directory.
const boltFile = "indexes.bolt"

// The layout of a bolt (v1.3.1) meta page: a 16-byte page header, then
// magic, version, page size and flags (uint32 each), the root bucket (two
// uint64), the freelist page, the page count and the transaction id
// (uint64 each), and a checksum of what precedes it.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16
	boltMetaSize   = 64
)

// boltMeta is what checkBoltFile reads of a meta page.
type boltMeta struct {
	pageSize         uint32
	root, freelist   uint64
	pages, txid, sum uint64
}

// checkBoltFile catches the damage that makes bolt fault or panic instead
// of returning an error: a file shorter than its meta page says (bolt maps
// the missing pages and the process dies reading them), or meta pages that
// point outside the file. A file bolt itself rejects cleanly (garbage, a
// zeroed header) is left to bolt.
func checkBoltFile(dir string) error {
	f, err := os.Open(filepath.Join(dir, boltFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new store
	} else if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return errors.New("the database file is empty")
	}
	buf := make([]byte, boltPageHeader+boltMetaSize)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return fmt.Errorf("the database file is too short for its header (%d bytes)", fi.Size())
	}
	m0, ok0 := readBoltMeta(buf)
	if !ok0 {
		return nil // bolt reports it as invalid
	}
	var m1 boltMeta
	ok1 := false
	if _, err := f.ReadAt(buf, int64(m0.pageSize)); err == nil || err == io.EOF {
		m1, ok1 = readBoltMeta(buf)
	}
	m := m0
	if ok1 && m1.txid > m0.txid {
		m = m1
	}
	if need := int64(m.pages) * int64(m.pageSize); fi.Size() < need {
		return fmt.Errorf("the database file is truncated: %d bytes of the %d its header names", fi.Size(), need)
	}
	if m.root >= m.pages || m.freelist >= m.pages {
		return fmt.Errorf("the database header names page %d or %d of %d", m.root, m.freelist, m.pages)
	}
	return nil
}

// readBoltMeta decodes a meta page and reports whether it is valid.
func readBoltMeta(page []byte) (boltMeta, bool) {
	b := page[boltPageHeader:]
	le := binary.LittleEndian
	m := boltMeta{pageSize: le.Uint32(b[8:]), root: le.Uint64(b[16:]), freelist: le.Uint64(b[32:]),
		pages: le.Uint64(b[40:]), txid: le.Uint64(b[48:]), sum: le.Uint64(b[56:])}
	h := fnv.New64a()
	h.Write(b[:56])
	valid := le.Uint32(b[0:]) == boltMagic && le.Uint32(b[4:]) == boltVersion &&
		(m.sum == 0 || m.sum == h.Sum64()) && m.pageSize >= 512 && m.pageSize <= 1<<16
	return m, valid
}

// survive runs fn, turning a panic or a memory fault inside it — bolt's
// answer to pages it cannot make sense of — into an error.
func survive(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return fn()
}
