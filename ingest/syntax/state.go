package syntax

// state is a configuration of the arc-eager transition system over words
// 1..n. There is no root on the stack: the word left without a head at the
// end is the root (Ballesteros and Nivre's "none" variant, which keeps the
// parser from hanging a word from the root before it has seen the verb);
// index 0 stands for the empty stack. Each word keeps its two
// leftmost and two rightmost dependents, its valencies and the sets of
// labels on either side, which the features read.
type state struct {
	n      int
	stack  []int32
	b      int32 // front of the buffer; the buffer is empty when b > n
	head   []int32
	label  []int32
	l1, l2 []int32 // leftmost and second leftmost dependent, or -1
	r1, r2 []int32 // rightmost and second rightmost dependent, or -1
	nl, nr []int32
	ls, rs []uint64 // labels of left and right dependents, as bits
}

// Transitions.
const (
	shift = iota
	reduce
	left  // arc from the front of the buffer to the top of the stack, pop
	right // arc from the top of the stack to the front of the buffer, push
	nTransitions
)

func (st *state) reset(n int) {
	st.n = n
	size := n + 1
	st.stack = st.stack[:0]
	st.b = 1
	st.head = fill(st.head, size, -1)
	st.label = fill(st.label, size, -1)
	st.l1 = fill(st.l1, size, -1)
	st.l2 = fill(st.l2, size, -1)
	st.r1 = fill(st.r1, size, -1)
	st.r2 = fill(st.r2, size, -1)
	st.nl = fill(st.nl, size, 0)
	st.nr = fill(st.nr, size, 0)
	if cap(st.ls) < size {
		st.ls = make([]uint64, size)
		st.rs = make([]uint64, size)
	}
	st.ls, st.rs = st.ls[:size], st.rs[:size]
	for i := range st.ls {
		st.ls[i], st.rs[i] = 0, 0
	}
}

func fill(s []int32, n int, v int32) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func (st *state) done() bool { return int(st.b) > st.n }

// top returns the top of the stack, or 0 if it is empty.
func (st *state) top() int32 {
	if len(st.stack) == 0 {
		return 0
	}
	return st.stack[len(st.stack)-1]
}

// legal reports whether transition t may be taken.
func (st *state) legal(t int) bool {
	s := st.top()
	switch t {
	case shift:
		return !st.done()
	case reduce:
		return s != 0 && st.head[s] >= 0
	case left:
		return !st.done() && s != 0 && st.head[s] < 0
	case right:
		return !st.done() && s != 0
	}
	return false
}

// apply takes transition t; an arc gets the label lab.
func (st *state) apply(t int, lab int32) {
	switch t {
	case shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case reduce:
		st.stack = st.stack[:len(st.stack)-1]
	case left:
		s := st.top()
		st.addArc(st.b, s, lab)
		st.stack = st.stack[:len(st.stack)-1]
	case right:
		st.addArc(st.top(), st.b, lab)
		st.stack = append(st.stack, st.b)
		st.b++
	}
}

func (st *state) addArc(h, d, lab int32) {
	st.head[d] = h
	st.label[d] = lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		st.l2[h], st.l1[h] = st.l1[h], d
		st.nl[h]++
		st.ls[h] |= bit
	} else {
		st.r2[h], st.r1[h] = st.r1[h], d
		st.nr[h]++
		st.rs[h] |= bit
	}
}

// cost is the number of gold arcs that transition t makes unreachable
// (Goldberg and Nivre's dynamic oracle for arc-eager). gold holds the gold
// head of each word, over a projective tree.
func (st *state) cost(t int, gold []int32) int {
	s, b := st.top(), st.b
	c := 0
	switch t {
	case shift:
		for _, k := range st.stack {
			if gold[b] == k {
				c++
			}
			if gold[k] == b && st.head[k] < 0 {
				c++
			}
		}
	case reduce:
		for k := b; int(k) <= st.n; k++ {
			if gold[k] == s {
				c++
			}
		}
	case left:
		if gold[s] == 0 || gold[s] != b && gold[s] > b {
			c++ // the root must stay without a head; or its head is further on
		}
		for k := b; int(k) <= st.n; k++ {
			if gold[k] == s {
				c++
			}
		}
	case right:
		if gold[b] == 0 || gold[b] != s && (gold[b] > b || st.onStack(gold[b])) {
			c++
		}
		for _, k := range st.stack {
			if gold[k] == b && st.head[k] < 0 {
				c++
			}
		}
	}
	return c
}

func (st *state) onStack(k int32) bool {
	for _, s := range st.stack {
		if s == k {
			return true
		}
	}
	return false
}
