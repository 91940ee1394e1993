package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/claimgraph/claimgraph/schema"
)

// entityTypes are the types whose entities the name index holds: every
// schema.EntityType.
var entityTypes = []schema.EntityType{schema.Country, schema.Organization, schema.Group, schema.Person,
	schema.Place, schema.Weapon, schema.Thing}

// nameIndex holds a store's entities by their folded names ("erdogan" for
// "Recep Tayyip Erdoğan"'s surname, "kremlin"), so that resolving a name
// the graph does not hold, and suggesting near ones, reads an index
// instead of every entity of the store. It is built from the store's
// (type, cg:type) index prefixes once per version of the store and, on
// bolt, kept beside the database in names.idx, so that a command started
// afresh reads one file.
type nameIndex struct {
	version string
	ents    []schema.Entity // by lower-case name
	keys    []string        // foldKey of each entity's name
	byKey   []int32         // entities by folded name
	persons []int32         // people of more than one word by surname
}

// nameFile is the index's file in a bolt store's directory.
const nameFile = "names.idx"

// names returns the store's name index as of the reader's snapshot.
func (r *reader) names() (*nameIndex, error) {
	v := r.snap.version()
	if ix := r.s.names.Load(); ix != nil && v != "" && ix.version == v {
		return ix, nil
	}
	path := ""
	if r.s.backend == "bolt" && v != "" {
		path = filepath.Join(r.s.path, nameFile)
		if ix, err := readNameIndex(path); err == nil && ix.version == v {
			r.s.names.Store(ix)
			return ix, nil
		}
	}
	ix, err := r.buildNames()
	if err != nil {
		return nil, err
	}
	ix.version = v
	if v != "" {
		r.s.names.Store(ix)
	}
	if path != "" {
		ix.write(path) // a cache: without it the next command builds it again
	}
	return ix, nil
}

// buildNames reads every entity through the (type, cg:type) prefixes of
// the object index.
func (r *reader) buildNames() (*nameIndex, error) {
	vals := make([]quad.Value, len(entityTypes))
	for i, t := range entityTypes {
		vals[i] = quad.String(string(t))
	}
	types, err := r.snap.lookup(vals)
	if err != nil || r.own.typ == 0 {
		return &nameIndex{}, err
	}
	var ids []uint64
	var typeOf []schema.EntityType
	for i, t := range types {
		if t == 0 {
			continue
		}
		err := r.snap.scan(quad.Object, t, r.own.typ, func(q quadIDs) error {
			if q.l == 0 { // documents' types are labelled, entities' not
				ids = append(ids, q.s)
				typeOf = append(typeOf, entityTypes[i])
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	names, err := r.snap.values(ids)
	if err != nil {
		return nil, err
	}
	ix := &nameIndex{}
	for i, n := range names {
		if n != nil {
			ix.ents = append(ix.ents, schema.Entity{Name: valueString(n), Type: typeOf[i]})
		}
	}
	sort.SliceStable(ix.ents, func(i, j int) bool {
		return strings.ToLower(ix.ents[i].Name) < strings.ToLower(ix.ents[j].Name)
	})
	ix.keys = make([]string, len(ix.ents))
	for i, e := range ix.ents {
		ix.keys[i] = foldKey(e.Name)
	}
	ix.sortKeys()
	return ix, nil
}

// sortKeys fills byKey and persons from ents and keys.
func (ix *nameIndex) sortKeys() {
	ix.byKey = make([]int32, len(ix.ents))
	ix.persons = ix.persons[:0]
	for i := range ix.byKey {
		ix.byKey[i] = int32(i)
		if ix.ents[i].Type == schema.Person && strings.Contains(ix.keys[i], " ") {
			ix.persons = append(ix.persons, int32(i))
		}
	}
	sort.SliceStable(ix.byKey, func(i, j int) bool { return ix.keys[ix.byKey[i]] < ix.keys[ix.byKey[j]] })
	sort.SliceStable(ix.persons, func(i, j int) bool {
		return surname(ix.keys[ix.persons[i]]) < surname(ix.keys[ix.persons[j]])
	})
}

// surname is the last word of a folded name.
func surname(key string) string { return key[strings.LastIndexByte(key, ' ')+1:] }

// exact returns the first entity, by lower-case name, whose folded name is
// key.
func (ix *nameIndex) exact(key string) (string, bool) {
	i := sort.Search(len(ix.byKey), func(i int) bool { return ix.keys[ix.byKey[i]] >= key })
	if i < len(ix.byKey) && ix.keys[ix.byKey[i]] == key {
		return ix.ents[ix.byKey[i]].Name, true
	}
	return "", false
}

// bySurname returns the people of more than one word whose surname is key.
func (ix *nameIndex) bySurname(key string) []string {
	i := sort.Search(len(ix.persons), func(i int) bool { return surname(ix.keys[ix.persons[i]]) >= key })
	var out []string
	for ; i < len(ix.persons) && surname(ix.keys[ix.persons[i]]) == key; i++ {
		out = append(out, ix.ents[ix.persons[i]].Name)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// suggest returns up to three names close to key by edit distance (also
// its surnames'), after those in also. Names whose length alone puts them
// too far are skipped without computing a distance.
func (ix *nameIndex) suggest(key string, also []string) []string {
	type scored struct {
		i, d int
	}
	limit := max(2, utf8.RuneCountInString(key)/3)
	n := utf8.RuneCountInString(key)
	near := func(s string) bool { m := utf8.RuneCountInString(s); return m-n <= limit && n-m <= limit }
	var c []scored
	for i, k := range ix.keys {
		d := limit + 1
		if near(k) {
			d = editDistance(key, k)
		}
		if j := strings.LastIndexByte(k, ' '); j >= 0 && near(k[j+1:]) {
			d = min(d, editDistance(key, k[j+1:]))
		}
		if d <= limit {
			c = append(c, scored{i, d})
		}
	}
	sort.SliceStable(c, func(i, j int) bool { return c[i].d < c[j].d })
	out := append([]string{}, also...)
	for _, s := range c {
		if len(out) == 3 {
			break
		}
		out = append(out, ix.ents[s.i].Name)
	}
	return out
}

// Entities returns the entities of the store with their types, by
// lower-case name, from the name index.
func (s *Store) Entities(ctx context.Context) ([]schema.Entity, error) {
	var out []schema.Entity
	err := s.read(ctx, func(r *reader) error {
		ix, err := r.names()
		if err == nil {
			out = append(out, ix.ents...)
		}
		return err
	})
	return out, err
}

// The index file: a header line, the store version line, then the count
// and each entity's name, type and folded name (uvarint-prefixed), then
// byKey and persons as uvarints.
const nameMagic = "claimgraph name index 1\n"

func (ix *nameIndex) write(path string) error {
	var b bytes.Buffer
	b.WriteString(nameMagic)
	b.WriteString(ix.version + "\n")
	put := func(n int) { b.Write(binary.AppendUvarint(nil, uint64(n))) }
	str := func(s string) { put(len(s)); b.WriteString(s) }
	put(len(ix.ents))
	for i, e := range ix.ents {
		str(e.Name)
		str(string(e.Type))
		str(ix.keys[i])
	}
	put(len(ix.persons))
	for _, list := range [][]int32{ix.byKey, ix.persons} {
		for _, i := range list {
			put(int(i))
		}
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

var errNameFile = errors.New("damaged name index")

// readNameIndex reads an index file. Its strings share one copy of the
// file.
func readNameIndex(path string) (*nameIndex, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data := string(raw)
	if !strings.HasPrefix(data, nameMagic) {
		return nil, errNameFile
	}
	data = data[len(nameMagic):]
	nl := strings.IndexByte(data, '\n')
	if nl < 0 {
		return nil, errNameFile
	}
	ix := &nameIndex{version: data[:nl]}
	data = data[nl+1:]
	bad := false
	num := func() int {
		v, n := uvarint(data)
		if n <= 0 || v > uint64(len(raw)) {
			bad = true
			return 0
		}
		data = data[n:]
		return int(v)
	}
	str := func() string {
		l := num()
		if bad || l > len(data) {
			bad = true
			return ""
		}
		s := data[:l]
		data = data[l:]
		return s
	}
	count := num()
	ix.ents = make([]schema.Entity, 0, count)
	ix.keys = make([]string, 0, count)
	for i := 0; i < count && !bad; i++ {
		ix.ents = append(ix.ents, schema.Entity{Name: str(), Type: schema.EntityType(str())})
		ix.keys = append(ix.keys, str())
	}
	persons := num()
	ix.byKey = make([]int32, 0, count)
	ix.persons = make([]int32, 0, persons)
	for _, l := range []struct {
		list *[]int32
		n    int
	}{{&ix.byKey, count}, {&ix.persons, persons}} {
		for i := 0; i < l.n && !bad; i++ {
			if v := num(); v < count {
				*l.list = append(*l.list, int32(v))
			} else {
				bad = true
			}
		}
	}
	if bad || len(data) != 0 {
		return nil, fmt.Errorf("%s: %w", path, errNameFile)
	}
	return ix, nil
}

// uvarint decodes a uvarint at the start of s, like binary.Uvarint.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}
