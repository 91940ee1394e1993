package syntax

// Parser feature templates: Zhang and Nivre's (2011) rich non-local
// features for arc-eager parsing, over words (w), tags (p), labels (l),
// distance (d), valency (vl, vr) and label sets (sl, sr), plus the second
// word on the stack. s0 is the top of the stack, s1 the one below, n0..n2
// the front of the buffer; h is a head, l and r the leftmost and rightmost
// dependents, l2 and r2 the second ones.
const (
	pfS0wp = iota
	pfS0w
	pfS0p
	pfN0wp
	pfN0w
	pfN0p
	pfN1wp
	pfN1w
	pfN1p
	pfN2wp
	pfN2w
	pfN2p
	pfS0wpN0wp
	pfS0wpN0w
	pfS0wN0wp
	pfS0wpN0p
	pfS0pN0wp
	pfS0wN0w
	pfS0pN0p
	pfN0pN1p
	pfN0pN1pN2p
	pfS0pN0pN1p
	pfS0hpS0pN0p
	pfS0pS0lpN0p
	pfS0pS0rpN0p
	pfS0pN0pN0lp
	pfS0wd
	pfS0pd
	pfN0wd
	pfN0pd
	pfS0wN0wd
	pfS0pN0pd
	pfS0wvr
	pfS0pvr
	pfS0wvl
	pfS0pvl
	pfN0wvl
	pfN0pvl
	pfS0hw
	pfS0hp
	pfS0l
	pfS0lw
	pfS0lp
	pfS0ll
	pfS0rw
	pfS0rp
	pfS0rl
	pfN0lw
	pfN0lp
	pfN0ll
	pfS0h2w
	pfS0h2p
	pfS0hl
	pfS0l2w
	pfS0l2p
	pfS0l2l
	pfS0r2w
	pfS0r2p
	pfS0r2l
	pfN0l2w
	pfN0l2p
	pfN0l2l
	pfS0pS0lpS0l2p
	pfS0pS0rpS0r2p
	pfS0pS0hpS0h2p
	pfN0pN0lpN0l2p
	pfS0wsr
	pfS0psr
	pfS0wsl
	pfS0psl
	pfN0wsl
	pfN0psl
	pfS1w
	pfS1p
	pfS1pS0pN0p
	pfS1wS0w
	pfHeadS0pN0p
	pfS0c
	pfN0c
	pfN1c
	pfS0cN0c
	pfS0cN0p
	pfS0pN0c
	pfS0ccN0cc
	pfN0ccN1cc
	pfS0hcS0cN0c
	pfS0cN0wd
	pfS0sufP
	pfN0sufP
	pfPunctBetween
	pfN3p
	pfS2pS1pS0p
	pfN0sufN1p
)

// Sentinel values for positions that hold no word.
const (
	noWord = 0x1f3d5b79
	noTag  = 0x2e4c6a88
	rootW  = 0x3b5d7f91
	rootT  = 0x4a6c8ea2
	noLab  = 0x597b9db3
)

// sentence holds what the parser reads of each word: words 1..n at index
// 1..n, the root at 0.
type sentence struct {
	w  []uint64 // lemma hash
	p  []uint64 // tag class
	c  []uint64 // fine cluster
	cc []uint64 // coarse cluster
	sf []uint64 // three-letter suffix
	pc []int32  // punctuation marks up to and including each word
}

func (s *sentence) suffix(i int32) uint64 {
	if i <= 0 {
		return noWord + uint64(i)
	}
	return s.sf[i]
}

// punctBetween counts the punctuation marks strictly between a and b
// (a < b), at most three.
func (s *sentence) punctBetween(a, b int32) uint64 {
	if a < 0 || b < 0 || b-a < 2 {
		return 0
	}
	return uint64(min(s.pc[b-1]-s.pc[a], 3))
}

func (s *sentence) cluster(i int32) uint64 {
	switch {
	case i < 0:
		return noWord
	case i == 0:
		return rootW
	}
	return s.c[i]
}

func (s *sentence) coarse(i int32) uint64 {
	switch {
	case i < 0:
		return noWord
	case i == 0:
		return rootW
	}
	return s.cc[i]
}

func (s *sentence) word(i int32) uint64 {
	switch {
	case i < 0:
		return noWord
	case i == 0:
		return rootW
	}
	return s.w[i]
}

func (s *sentence) tag(i int32) uint64 {
	switch {
	case i < 0:
		return noTag
	case i == 0:
		return rootT
	}
	return s.p[i]
}

func lab(st *state, i int32) uint64 {
	if i < 0 || st.label[i] < 0 {
		return noLab
	}
	return uint64(st.label[i]) + 1
}

func at(s []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return s[i]
}

func distance(a, b int32) uint64 {
	d := b - a
	switch {
	case d < 0:
		d = -d
	}
	if d > 10 {
		return 11
	}
	if d > 5 {
		return 6 + uint64(d)/4
	}
	return uint64(d)
}

// The features of a state come in three groups, by what they read: the
// front of the buffer only; the top of the stack and the front of the
// buffer as words; and the structure built so far. The parses in a beam
// share the first two groups whenever they share the same positions, so
// beam search scores each of those once per sentence.

// positions returns the stack and buffer positions features read: s0 is 0
// for an empty stack, and n0..n3 are -1 past the end.
func positions(st *state) (s0, n0, n1, n2, n3 int32) {
	s0 = st.top()
	n0, n1, n2, n3 = st.b, st.b+1, st.b+2, st.b+3
	n := int32(st.n)
	if n0 > n {
		n0 = -1
	}
	if n1 > n {
		n1 = -1
	}
	if n2 > n {
		n2 = -1
	}
	if n3 > n {
		n3 = -1
	}
	return
}

// parseFeatures appends all the features of state st.
func parseFeatures(feats []uint64, st *state, sn *sentence) []uint64 {
	feats = bufferFeatures(feats, st, sn)
	feats = pairFeatures(feats, st, sn)
	return stateFeatures(feats, st, sn)
}

// bufferFeatures appends the features of the words at the front of the
// buffer.
func bufferFeatures(feats []uint64, st *state, sn *sentence) []uint64 {
	_, n0, n1, n2, n3 := positions(st)
	n0w, n0p := sn.word(n0), sn.tag(n0)
	n1w, n1p := sn.word(n1), sn.tag(n1)
	n2w, n2p := sn.word(n2), sn.tag(n2)
	n0c := sn.cluster(n0)
	return append(feats,
		f2(pfN0wp, n0w, n0p),
		f1(pfN0w, n0w),
		f1(pfN0p, n0p),
		f2(pfN1wp, n1w, n1p),
		f1(pfN1w, n1w),
		f1(pfN1p, n1p),
		f2(pfN2wp, n2w, n2p),
		f1(pfN2w, n2w),
		f1(pfN2p, n2p),
		f2(pfN0pN1p, n0p, n1p),
		f3(pfN0pN1pN2p, n0p, n1p, n2p),
		f1(pfN0c, n0c),
		f1(pfN1c, sn.cluster(n1)),
		f2(pfN0ccN1cc, sn.coarse(n0), sn.coarse(n1)),
		f2(pfN0sufP, sn.suffix(n0), n0p),
		f2(pfN3p, sn.tag(n3), n0p),
		f3(pfN0sufN1p, sn.suffix(n0), n1p, n0p),
	)
}

// pairFeatures appends the features of the words on top of the stack and
// at the front of the buffer, and of the distance between them.
func pairFeatures(feats []uint64, st *state, sn *sentence) []uint64 {
	s0, n0, n1, _, _ := positions(st)
	s0w, s0p := sn.word(s0), sn.tag(s0)
	n0w, n0p := sn.word(n0), sn.tag(n0)
	n1p := sn.tag(n1)
	d := uint64(noWord)
	if n0 >= 0 {
		d = distance(s0, n0)
	}
	s0c, n0c := sn.cluster(s0), sn.cluster(n0)
	return append(feats,
		f2(pfS0wp, s0w, s0p),
		f1(pfS0w, s0w),
		f1(pfS0p, s0p),
		f3(pfS0wpN0wp, f2(0, s0w, s0p), n0w, n0p),
		f3(pfS0wpN0w, s0w, s0p, n0w),
		f3(pfS0wN0wp, s0w, n0w, n0p),
		f3(pfS0wpN0p, s0w, s0p, n0p),
		f3(pfS0pN0wp, s0p, n0w, n0p),
		f2(pfS0wN0w, s0w, n0w),
		f2(pfS0pN0p, s0p, n0p),
		f3(pfS0pN0pN1p, s0p, n0p, n1p),
		f2(pfS0wd, s0w, d),
		f2(pfS0pd, s0p, d),
		f2(pfN0wd, n0w, d),
		f2(pfN0pd, n0p, d),
		f3(pfS0wN0wd, s0w, n0w, d),
		f3(pfS0pN0pd, s0p, n0p, d),
		f1(pfS0c, s0c),
		f2(pfS0cN0c, s0c, n0c),
		f2(pfS0cN0p, s0c, n0p),
		f2(pfS0pN0c, s0p, n0c),
		f2(pfS0ccN0cc, sn.coarse(s0), sn.coarse(n0)),
		f3(pfS0cN0wd, s0c, n0w, d),
		f2(pfS0sufP, sn.suffix(s0), s0p),
		f3(pfPunctBetween, sn.punctBetween(s0, n0), s0p, n0p),
	)
}

// stateFeatures appends the features of the parse built so far: heads,
// dependents, valencies, labels and the words deeper in the stack.
func stateFeatures(feats []uint64, st *state, sn *sentence) []uint64 {
	s0, n0, _, _, _ := positions(st)
	s1 := int32(-1)
	if len(st.stack) > 1 {
		s1 = st.stack[len(st.stack)-2]
	}
	s2 := int32(-1)
	if len(st.stack) > 2 {
		s2 = st.stack[len(st.stack)-3]
	}
	s0h := at(st.head, s0)
	s0h2 := at(st.head, s0h)
	s0l, s0l2, s0r, s0r2 := at(st.l1, s0), at(st.l2, s0), at(st.r1, s0), at(st.r2, s0)
	n0l, n0l2 := at(st.l1, n0), at(st.l2, n0)
	s0w, s0p := sn.word(s0), sn.tag(s0)
	n0p := sn.tag(n0)
	s0vl, s0vr := uint64(st.nl[s0]), uint64(st.nr[s0])
	n0vl, n0sl := uint64(noWord), uint64(noWord)
	if n0 >= 0 {
		n0vl, n0sl = uint64(st.nl[n0]), st.ls[n0]
	}
	hasHead := uint64(0)
	if s0h >= 0 {
		hasHead = 1
	}
	n0w := sn.word(n0)
	s0hp, s0lp, s0rp, n0lp := sn.tag(s0h), sn.tag(s0l), sn.tag(s0r), sn.tag(n0l)
	return append(feats,
		f3(pfS0hpS0pN0p, s0hp, s0p, n0p),
		f3(pfS0pS0lpN0p, s0p, s0lp, n0p),
		f3(pfS0pS0rpN0p, s0p, s0rp, n0p),
		f3(pfS0pN0pN0lp, s0p, n0p, n0lp),
		f2(pfS0wvr, s0w, s0vr),
		f2(pfS0pvr, s0p, s0vr),
		f2(pfS0wvl, s0w, s0vl),
		f2(pfS0pvl, s0p, s0vl),
		f2(pfN0wvl, n0w, n0vl),
		f2(pfN0pvl, n0p, n0vl),
		f1(pfS0hw, sn.word(s0h)),
		f1(pfS0hp, s0hp),
		f1(pfS0l, lab(st, s0)),
		f1(pfS0lw, sn.word(s0l)),
		f1(pfS0lp, s0lp),
		f1(pfS0ll, lab(st, s0l)),
		f1(pfS0rw, sn.word(s0r)),
		f1(pfS0rp, s0rp),
		f1(pfS0rl, lab(st, s0r)),
		f1(pfN0lw, sn.word(n0l)),
		f1(pfN0lp, n0lp),
		f1(pfN0ll, lab(st, n0l)),
		f1(pfS0h2w, sn.word(s0h2)),
		f1(pfS0h2p, sn.tag(s0h2)),
		f1(pfS0hl, lab(st, s0h)),
		f1(pfS0l2w, sn.word(s0l2)),
		f1(pfS0l2p, sn.tag(s0l2)),
		f1(pfS0l2l, lab(st, s0l2)),
		f1(pfS0r2w, sn.word(s0r2)),
		f1(pfS0r2p, sn.tag(s0r2)),
		f1(pfS0r2l, lab(st, s0r2)),
		f1(pfN0l2w, sn.word(n0l2)),
		f1(pfN0l2p, sn.tag(n0l2)),
		f1(pfN0l2l, lab(st, n0l2)),
		f3(pfS0pS0lpS0l2p, s0p, s0lp, sn.tag(s0l2)),
		f3(pfS0pS0rpS0r2p, s0p, s0rp, sn.tag(s0r2)),
		f3(pfS0pS0hpS0h2p, s0p, s0hp, sn.tag(s0h2)),
		f3(pfN0pN0lpN0l2p, n0p, n0lp, sn.tag(n0l2)),
		f2(pfS0wsr, s0w, st.rs[s0]),
		f2(pfS0psr, s0p, st.rs[s0]),
		f2(pfS0wsl, s0w, st.ls[s0]),
		f2(pfS0psl, s0p, st.ls[s0]),
		f2(pfN0wsl, n0w, n0sl),
		f2(pfN0psl, n0p, n0sl),
		f1(pfS1w, sn.word(s1)),
		f1(pfS1p, sn.tag(s1)),
		f3(pfS1pS0pN0p, sn.tag(s1), s0p, n0p),
		f2(pfS1wS0w, sn.word(s1), s0w),
		f3(pfHeadS0pN0p, hasHead, s0p, n0p),
		f3(pfS0hcS0cN0c, sn.coarse(s0h), sn.coarse(s0), sn.coarse(n0)),
		f3(pfS2pS1pS0p, sn.tag(s2), sn.tag(s1), s0p),
	)
}

// Label feature templates, for an arc from head h to dependent d: the two
// words, their tags, the direction and distance, the dependents each has so
// far and the words beside them.
const (
	lfBias = iota
	lfDw
	lfDp
	lfHw
	lfHp
	lfDpHp
	lfDwHp
	lfDpHw
	lfDwHw
	lfDpHpDist
	lfDl1w
	lfDl1wDp
	lfDl1p
	lfDl1l
	lfDr1l
	lfDr1w
	lfDlsDp
	lfDrsDp
	lfHlsHp
	lfHrsHp
	lfHhp
	lfDprevp
	lfDnextp
	lfHprevpDp
	lfHnextpDp
	lfDl1wHp
	lfDpHpHhp
	lfDl2w
	lfNumDeps
	lfDc
	lfDcHc
	lfDcHp
)

// labelFeatures appends the features of an arc from h to d.
func labelFeatures(feats []uint64, st *state, sn *sentence, h, d int32) []uint64 {
	dir := uint64(1)
	if d < h {
		dir = 2
	}
	n := int32(st.n)
	tagAt := func(i int32) uint64 {
		if i < 0 || i > n {
			return noTag
		}
		return sn.tag(i)
	}
	dw, dp, hw, hp := sn.word(d), sn.tag(d), sn.word(h), sn.tag(h)
	dl1, dr1 := st.l1[d], st.r1[d]
	dl1w := sn.word(dl1)
	hh := at(st.head, h)
	return append(feats,
		f1(lfBias, dir),
		f2(lfDw, dw, dir),
		f2(lfDp, dp, dir),
		f2(lfHw, hw, dir),
		f2(lfHp, hp, dir),
		f3(lfDpHp, dp, hp, dir),
		f3(lfDwHp, dw, hp, dir),
		f3(lfDpHw, dp, hw, dir),
		f3(lfDwHw, dw, hw, dir),
		f3(lfDpHpDist, dp, hp, distance(h, d)*4+dir),
		f2(lfDl1w, dl1w, dir),
		f3(lfDl1wDp, dl1w, dp, dir),
		f2(lfDl1p, sn.tag(dl1), dp),
		f2(lfDl1l, lab(st, dl1), dp),
		f2(lfDr1l, lab(st, dr1), dp),
		f2(lfDr1w, sn.word(dr1), dp),
		f3(lfDlsDp, st.ls[d], dp, dir),
		f3(lfDrsDp, st.rs[d], dp, dir),
		f3(lfHlsHp, st.ls[h], hp, dir),
		f3(lfHrsHp, st.rs[h], hp, dir),
		f3(lfHhp, sn.tag(hh), hp, dir),
		f2(lfDprevp, tagAt(d-1), dp),
		f2(lfDnextp, tagAt(d+1), dp),
		f3(lfHprevpDp, tagAt(h-1), hp, dp),
		f3(lfHnextpDp, tagAt(h+1), hp, dp),
		f3(lfDl1wHp, dl1w, hp, dir),
		f3(lfDpHpHhp, dp, hp, sn.tag(hh)),
		f2(lfDl2w, sn.word(st.l2[d]), dp),
		f3(lfNumDeps, uint64(st.nl[d])<<8|uint64(st.nr[d]), dp, dir),
		f2(lfDc, sn.cluster(d), dir),
		f3(lfDcHc, sn.coarse(d), sn.coarse(h), dir),
		f3(lfDcHp, sn.cluster(d), hp, dir),
	)
}
