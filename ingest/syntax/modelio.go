package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// The model file: a magic line, then the parts in a fixed order, every
// number little-endian, every map written in sorted key order so that the
// same model always gives the same bytes.
const modelMagic = "claimgraph-syntax/3\n"

type writer struct {
	w   *bufio.Writer
	err error
	buf [8]byte
}

func (w *writer) u64(v uint64) {
	binary.LittleEndian.PutUint64(w.buf[:], v)
	w.bytes(w.buf[:8])
}

func (w *writer) u32(v uint32) {
	binary.LittleEndian.PutUint32(w.buf[:], v)
	w.bytes(w.buf[:4])
}

func (w *writer) int(v int) { w.u64(uint64(v)) }

func (w *writer) bytes(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *writer) str(s string) {
	w.int(len(s))
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

func (w *writer) strs(ss []string) {
	w.int(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errors.New("model file is truncated")
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u64() uint64 {
	b := r.take(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (r *reader) u32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *reader) int() int {
	v := r.u64()
	if v > 1<<40 {
		r.err = errors.New("model file is damaged")
		return 0
	}
	return int(v)
}

// count reads a length that must fit in what is left, at size bytes each.
func (r *reader) count(size int) int {
	n := r.int()
	if r.err == nil && n*size > len(r.b) {
		r.err = errors.New("model file is truncated")
		return 0
	}
	return n
}

func (r *reader) str() string { return string(r.take(r.count(1))) }

func (r *reader) strs() []string {
	n := r.count(8)
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// WriteTo writes the model in its binary form.
func (m *Model) WriteTo(out io.Writer) (int64, error) {
	cw := &countWriter{w: out}
	w := &writer{w: bufio.NewWriterSize(cw, 1<<20)}
	w.bytes([]byte(modelMagic))
	// Clusters.
	w.strs(m.clusterWords.words)
	for i := range m.clusterWords.words {
		w.u32(uint32(m.clusterWords.fine[i])<<16 | uint32(m.clusterWords.coarse[i]))
		w.bytes([]byte{m.clusterWords.caps[i]})
	}
	// Tagger.
	t := m.tagger
	w.strs(t.tags.upos)
	w.strs(t.tags.xpos)
	writeHashMap(w, t.dict)
	for _, p := range []*passModel{t.first, t.second} {
		writeSparse(w, p.coarse)
		writeSparse(w, p.fine)
	}
	// Lemmatiser.
	writeLemmaMap(w, m.lemmas.forms)
	writeLemmaMap(w, m.lemmas.lower)
	w.int(m.lemmas.max)
	rk := make([]ruleKey, 0, len(m.lemmas.rules))
	for k := range m.lemmas.rules {
		rk = append(rk, k)
	}
	sort.Slice(rk, func(i, j int) bool {
		a, b := rk[i], rk[j]
		if a.class != b.class {
			return a.class < b.class
		}
		if a.caps != b.caps {
			return !a.caps
		}
		return a.suffix < b.suffix
	})
	w.int(len(rk))
	for _, k := range rk {
		r := m.lemmas.rules[k]
		w.str(k.suffix)
		flags := uint32(k.class) << 2
		if k.caps {
			flags |= 1
		}
		if r.Lower {
			flags |= 2
		}
		w.u32(flags)
		w.u32(uint32(r.Strip))
		w.str(r.Add)
	}
	// Parser.
	p := m.parser
	w.strs(p.labels)
	w.int(int(p.root))
	w.int(len(p.roots))
	for _, r := range p.roots {
		w.u32(math.Float32bits(r))
	}
	for d := 1; d <= 2; d++ {
		for _, ok := range p.dirOK[d] {
			w.bytes([]byte{byte(b2i(ok))})
		}
	}
	w.int(p.beam)
	writeQuad(w, p.trans)
	writeSparse(w, p.labeler)
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return cw.n, w.err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

func writeHashMap(w *writer, m map[uint64]int32) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	w.int(len(keys))
	for _, k := range keys {
		w.u64(k)
		w.u32(uint32(m[k]))
	}
}

func writeLemmaMap(w *writer, m map[lemmaKey]string) {
	keys := make([]lemmaKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].form != keys[j].form {
			return keys[i].form < keys[j].form
		}
		return keys[i].class < keys[j].class
	})
	w.int(len(keys))
	for _, k := range keys {
		w.str(k.form)
		w.u32(uint32(k.class))
		w.str(m[k])
	}
}

func (w *writer) uvarint(v uint64) {
	n := binary.PutUvarint(w.buf[:], v)
	w.bytes(w.buf[:n])
}

func (w *writer) varint(v int64) {
	n := binary.PutVarint(w.buf[:], v)
	w.bytes(w.buf[:n])
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("model file is damaged")
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// varint reads a signed varint: a zig-zag encoded uvarint, as
// binary.PutVarint writes it.
func (r *reader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// writeSparse writes a sparse table: keys in ascending order as gaps, each
// with its pairs, classes and weights as varints.
func writeSparse(w *writer, t *sparse) {
	if t == nil {
		w.int(0)
		return
	}
	w.int(t.nclass)
	w.u32(math.Float32bits(t.scale))
	w.int(t.features())
	prev := uint32(0)
	t.each(func(k uint32, pairs []uint32) {
		w.uvarint(uint64(k - prev))
		prev = k
		w.uvarint(uint64(len(pairs)))
		for _, p := range pairs {
			w.uvarint(uint64(p >> 16))
			w.varint(int64(int16(uint16(p))))
		}
	})
}

func readSparse(r *reader) *sparse {
	nclass := r.int()
	if nclass == 0 {
		return nil
	}
	b := sparseBuilder{nclass: nclass, scale: math.Float32frombits(r.u32())}
	n := r.count(2)
	b.keys = make([]uint32, 0, n)
	b.counts = make([]int, 0, n)
	k := uint32(0)
	for i := 0; i < n && r.err == nil; i++ {
		k += uint32(r.uvarint())
		c := int(r.uvarint())
		if c > nclass {
			r.err = errors.New("model file is damaged: too many weights for a feature")
			return nil
		}
		b.keys = append(b.keys, k)
		b.counts = append(b.counts, c)
		for j := 0; j < c; j++ {
			class := r.uvarint()
			wt := r.varint()
			if class >= uint64(nclass) || wt < -32768 || wt > 32767 {
				r.err = errors.New("model file is damaged: bad weight")
				return nil
			}
			b.pairs = append(b.pairs, uint32(class)<<16|uint32(uint16(int16(wt))))
		}
	}
	if r.err != nil {
		return nil
	}
	t, err := b.build()
	if err != nil {
		r.err = err
	}
	return t
}

// writeQuad writes a quad table: keys as gaps, each with four varint
// weights.
func writeQuad(w *writer, q *quad) {
	w.u32(math.Float32bits(q.scale))
	var keys []uint32
	byKey := map[uint32][nTransitions]int16{}
	for _, s := range q.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
			byKey[s.key] = s.w
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	w.int(len(keys))
	prev := uint32(0)
	for _, k := range keys {
		w.uvarint(uint64(k - prev))
		prev = k
		for _, v := range byKey[k] {
			w.varint(int64(v))
		}
	}
}

func readQuad(r *reader) *quad {
	scale := math.Float32frombits(r.u32())
	n := r.count(5)
	keys := make([]uint32, n)
	ws := make([][nTransitions]int16, n)
	k := uint32(0)
	for i := 0; i < n && r.err == nil; i++ {
		k += uint32(r.uvarint())
		keys[i] = k
		for c := range ws[i] {
			v := r.varint()
			if v < -32768 || v > 32767 {
				r.err = errors.New("model file is damaged: bad weight")
			}
			ws[i][c] = int16(v)
		}
	}
	if r.err != nil {
		return nil
	}
	return buildQuad(scale, keys, ws)
}

// ReadModel reads a model written by WriteTo.
func ReadModel(data []byte) (*Model, error) {
	if len(data) < len(modelMagic) || string(data[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("not a claimgraph syntax model")
	}
	r := &reader{b: data[len(modelMagic):]}
	m := &Model{}
	cw := &m.clusterWords
	cw.words = r.strs()
	cw.fine = make([]int32, len(cw.words))
	cw.coarse = make([]int32, len(cw.words))
	cw.caps = make([]uint8, len(cw.words))
	for i := range cw.words {
		v := r.u32()
		cw.fine[i], cw.coarse[i] = int32(v>>16), int32(v&0xffff)
		if b := r.take(1); b != nil {
			cw.caps[i] = b[0]
		}
	}
	m.clusters = cw.index()
	ts := &tagSet{upos: r.strs(), xpos: r.strs(), index: map[[2]string]int32{}}
	if len(ts.upos) != len(ts.xpos) {
		return nil, errors.New("model file is damaged: tag lists differ")
	}
	for i := range ts.upos {
		ts.index[[2]string{ts.upos[i], ts.xpos[i]}] = int32(i)
	}
	ts.group()
	t := &tagger{tags: ts, clusters: m.clusters, dict: map[uint64]int32{}}
	n := r.count(12)
	for i := 0; i < n; i++ {
		k := r.u64()
		t.dict[k] = int32(r.u32())
	}
	t.first = &passModel{coarse: readSparse(r), fine: readSparse(r)}
	t.second = &passModel{coarse: readSparse(r), fine: readSparse(r)}
	m.tagger = t
	l := &lemmatizer{forms: readLemmaMap(r), lower: readLemmaMap(r), rules: map[ruleKey]lemmaRule{}}
	l.max = r.int()
	n = r.count(24)
	for i := 0; i < n; i++ {
		suf := r.str()
		flags := r.u32()
		strip := int(r.u32())
		add := r.str()
		l.rules[ruleKey{suf, int32(flags >> 2), flags&1 != 0}] = lemmaRule{Lower: flags&2 != 0, Strip: strip, Add: add}
	}
	m.lemmas = l
	p := &parser{labels: r.strs()}
	p.root = int32(r.int())
	p.roots = make([]float32, r.count(4))
	for i := range p.roots {
		p.roots[i] = math.Float32frombits(r.u32())
	}
	for d := 1; d <= 2; d++ {
		p.dirOK[d] = make([]bool, len(p.labels))
		for i, b := range r.take(len(p.labels)) {
			p.dirOK[d][i] = b != 0
		}
	}
	p.beam = r.int()
	p.trans = readQuad(r)
	p.labeler = readSparse(r)
	m.parser = p
	if r.err != nil {
		return nil, fmt.Errorf("read syntax model: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, errors.New("read syntax model: trailing bytes")
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("read syntax model: %w", err)
	}
	return m, nil
}

func readLemmaMap(r *reader) map[lemmaKey]string {
	n := r.count(24)
	m := make(map[lemmaKey]string, n)
	for i := 0; i < n; i++ {
		form := r.str()
		c := int32(r.u32())
		m[lemmaKey{form, c}] = r.str()
	}
	return m
}

// check verifies that the parts of a model fit together, so that a damaged
// file is an error at load time and never an index out of range later.
func (m *Model) check() error {
	ts := m.tagger.tags
	nt := len(ts.upos)
	for _, p := range []*passModel{m.tagger.first, m.tagger.second} {
		if nt == 0 || p.coarse == nil || p.fine == nil || p.coarse.nclass != len(ts.coarse) || p.fine.nclass != nt {
			return errors.New("tagger does not match its tag set")
		}
	}
	for _, c := range m.tagger.dict {
		if c < 0 || int(c) >= nt {
			return errors.New("tag dictionary names an unknown tag")
		}
	}
	p := m.parser
	if len(p.labels) == 0 || p.root < 0 || int(p.root) >= len(p.labels) || p.trans == nil ||
		len(p.trans.slots) == 0 || p.labeler == nil || p.labeler.nclass != len(p.labels) {
		return errors.New("parser does not match its labels")
	}
	for _, t := range []*sparse{m.tagger.first.coarse, m.tagger.first.fine, m.tagger.second.coarse, m.tagger.second.fine, p.labeler} {
		if t == nil {
			continue
		}
		for _, pr := range t.pairs {
			if int(pr>>16) >= t.nclass {
				return errors.New("a weight names an unknown class")
			}
		}
	}
	return nil
}
