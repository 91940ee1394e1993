package syntax

import (
	"fmt"
	"math"
	"sort"
)

// The compiled, read-only models. A feature is known by 32 bits of its
// hash (key32), weights are quantised to 16 bits, and the tables are open
// addressing hash tables probed linearly. Two kinds:
//
//   - sparse: each feature has a run of (class, weight) pairs, only the
//     classes it moved (tagger, labeller: dozens of classes);
//   - quad: each feature has its four weights in its slot, so a lookup is
//     one memory access (the transition model).

// key32 reduces a feature hash to the key the tables store; never 0, which
// marks an empty slot.
func key32(f uint64) uint32 { return uint32(f>>32) | 1 }

// slotBits returns the table size, as a power of two, for n keys at a load
// of at most two thirds.
func slotBits(n int) uint {
	bits := uint(4)
	for 1<<bits < n+n/2 {
		bits++
	}
	return bits
}

// quantize returns the scale that maps the largest weight to 32767.
func quantize(rows map[uint32][]float32) float32 {
	maxw := float32(0)
	for _, row := range rows {
		for _, v := range row {
			maxw = max(maxw, v, -v)
		}
	}
	if maxw == 0 {
		return 1
	}
	return 32767 / maxw
}

func q16(v, scale float32) int16 {
	return int16(math.Max(-32767, math.Min(32767, math.Round(float64(v*scale)))))
}

// reduceKeys merges averaged rows under their 32-bit keys; the rare
// features that share a key share their weights.
func reduceKeys(avg map[uint64][]float32) map[uint32][]float32 {
	out := make(map[uint32][]float32, len(avg))
	full := make([]uint64, 0, len(avg))
	for f := range avg {
		full = append(full, f)
	}
	// In key order, so that shared keys add up the same way every time.
	sort.Slice(full, func(i, j int) bool { return full[i] < full[j] })
	for _, f := range full {
		row := avg[f]
		k := key32(f)
		if prev, ok := out[k]; ok {
			for c, v := range row {
				prev[c] += v
			}
			continue
		}
		out[k] = append([]float32(nil), row...)
	}
	return out
}

func sortedKeys(m map[uint32][]float32) []uint32 {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// sparse is a table of runs of (class, weight) pairs.
type sparse struct {
	nclass int
	scale  float32
	shift  uint
	slots  []uint64 // key<<32 | offset<<8 | count
	pairs  []uint32 // class<<16 | uint16(weight)
}

// compileSparse quantises averaged weights; weights that round to zero are
// dropped, and features left with none.
func compileSparse(nclass int, avg map[uint64][]float32) (*sparse, error) {
	rows := reduceKeys(avg)
	scale := quantize(rows)
	var b sparseBuilder
	b.nclass, b.scale = nclass, scale
	for _, k := range sortedKeys(rows) {
		start := len(b.pairs)
		for c, v := range rows[k] {
			if q := q16(v, scale); q != 0 {
				b.pairs = append(b.pairs, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		if len(b.pairs) > start {
			b.keys = append(b.keys, k)
			b.counts = append(b.counts, len(b.pairs)-start)
		}
	}
	return b.build()
}

type sparseBuilder struct {
	nclass int
	scale  float32
	keys   []uint32 // ascending
	counts []int
	pairs  []uint32
}

func (b *sparseBuilder) build() (*sparse, error) {
	if len(b.pairs) >= 1<<24 {
		return nil, fmt.Errorf("model too large: %d weights, at most %d", len(b.pairs), 1<<24)
	}
	if b.nclass > maxClasses {
		return nil, fmt.Errorf("%d classes, at most %d", b.nclass, maxClasses)
	}
	bits := slotBits(len(b.keys))
	t := &sparse{nclass: b.nclass, scale: b.scale, shift: 32 - bits, slots: make([]uint64, 1<<bits), pairs: b.pairs}
	mask := uint32(1)<<bits - 1
	off := 0
	for i, k := range b.keys {
		n := b.counts[i]
		if n > 255 || n > b.nclass {
			return nil, fmt.Errorf("feature with %d weights, at most %d", n, min(255, b.nclass))
		}
		for s := k >> t.shift; ; s = (s + 1) & mask {
			if t.slots[s] == 0 {
				t.slots[s] = uint64(k)<<32 | uint64(off)<<8 | uint64(n)
				break
			}
			if uint32(t.slots[s]>>32) == k {
				return nil, fmt.Errorf("feature key %08x twice", k)
			}
		}
		off += n
	}
	if off != len(b.pairs) {
		return nil, fmt.Errorf("weight counts add up to %d, not %d", off, len(b.pairs))
	}
	return t, nil
}

// maxFeatures is the most features one lookup batch takes; the batch is
// on the stack.
const maxFeatures = 128

// score sets scores to the sum of the weights of feats, in the table's
// integer units. It reads the slots of all features first and only then
// follows them, so that the memory reads of one batch overlap instead of
// waiting on each other.
func (t *sparse) score(feats []uint64, scores []int32) {
	for i := range scores {
		scores[i] = 0
	}
	for len(feats) > 0 {
		n := min(len(feats), maxFeatures)
		t.scoreBatch(feats[:n], scores)
		feats = feats[n:]
	}
}

func (t *sparse) scoreBatch(feats []uint64, scores []int32) {
	var first [maxFeatures]uint64
	mask := uint32(len(t.slots) - 1)
	for i, f := range feats {
		first[i] = t.slots[key32(f)>>t.shift]
	}
	var runs [maxFeatures]uint32
	nr := 0
	for i, f := range feats {
		k := key32(f)
		e := first[i]
		for s := k >> t.shift; e != 0 && uint32(e>>32) != k; {
			s = (s + 1) & mask
			e = t.slots[s]
		}
		if e != 0 {
			runs[nr] = uint32(e & 0xffffffff)
			nr++
		}
	}
	// Sum into a fixed array, so that the adds need no bounds checks.
	var acc [maxClasses]int32
	for _, r := range runs[:nr] {
		off, n := int(r>>8), int(r&0xff)
		for _, p := range t.pairs[off : off+n] {
			acc[(p>>16)&(maxClasses-1)] += int32(int16(uint16(p)))
		}
	}
	for c := range scores {
		scores[c] += acc[c&(maxClasses-1)]
	}
}

// maxClasses bounds the classes of a sparse table; a power of two.
const maxClasses = 128

// features returns the number of features the table holds.
func (t *sparse) features() int {
	n := 0
	for _, e := range t.slots {
		n += b2i(e != 0)
	}
	return n
}

// each calls fn with every feature, in key order, and its pairs.
func (t *sparse) each(fn func(key uint32, pairs []uint32)) {
	type kp struct {
		key      uint32
		off, cnt int
	}
	var all []kp
	for _, e := range t.slots {
		if e != 0 {
			all = append(all, kp{uint32(e >> 32), int(e >> 8 & 0xffffff), int(e & 0xff)})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
	for _, x := range all {
		fn(x.key, t.pairs[x.off:x.off+x.cnt])
	}
}

// quadSlot is one feature of a quad table and its four weights.
type quadSlot struct {
	key uint32
	w   [nTransitions]int16
}

// quad is a table with every feature's four weights in its slot.
type quad struct {
	scale float32
	shift uint
	slots []quadSlot
}

// compileQuad builds the table of averaged weights, leaving out the
// features whose weights are all smaller than least: most features are
// rare, and those that barely move a score only make the table slower.
func compileQuad(avg map[uint64][]float32, least float32) *quad {
	rows := reduceKeys(avg)
	scale := quantize(rows)
	var keys []uint32
	var ws [][nTransitions]int16
	for _, k := range sortedKeys(rows) {
		var w [nTransitions]int16
		nonzero, big := false, false
		for c, v := range rows[k] {
			w[c] = q16(v, scale)
			nonzero = nonzero || w[c] != 0
			big = big || v >= least || v <= -least
		}
		if nonzero && big {
			keys = append(keys, k)
			ws = append(ws, w)
		}
	}
	return buildQuad(scale, keys, ws)
}

func buildQuad(scale float32, keys []uint32, ws [][nTransitions]int16) *quad {
	bits := slotBits(len(keys))
	q := &quad{scale: scale, shift: 32 - bits, slots: make([]quadSlot, 1<<bits)}
	mask := uint32(1)<<bits - 1
	for i, k := range keys {
		for s := k >> q.shift; ; s = (s + 1) & mask {
			if q.slots[s].key == 0 || q.slots[s].key == k {
				q.slots[s] = quadSlot{k, ws[i]}
				break
			}
		}
	}
	return q
}

// score sets scores to the sum of the weights of feats, reading the home
// slots of all features before following any probe.
func (q *quad) score(feats []uint64, scores *[nTransitions]int32) {
	var s0, s1, s2, s3 int32
	mask := uint32(len(q.slots) - 1)
	for len(feats) > 0 {
		n := min(len(feats), maxFeatures)
		var home [maxFeatures]quadSlot
		for i, f := range feats[:n] {
			home[i] = q.slots[key32(f)>>q.shift]
		}
		for i, f := range feats[:n] {
			k := key32(f)
			sl := home[i]
			for s := k >> q.shift; sl.key != k && sl.key != 0; {
				s = (s + 1) & mask
				sl = q.slots[s]
			}
			if sl.key == k {
				s0 += int32(sl.w[0])
				s1 += int32(sl.w[1])
				s2 += int32(sl.w[2])
				s3 += int32(sl.w[3])
			}
		}
		feats = feats[n:]
	}
	*scores = [nTransitions]int32{s0, s1, s2, s3}
}

// features returns the number of features the table holds.
func (q *quad) features() int {
	n := 0
	for _, s := range q.slots {
		n += b2i(s.key != 0)
	}
	return n
}
