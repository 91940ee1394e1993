package syntax

import "math/rand/v2"

// corrector revises a parse after the parser is done, word by word: it
// weighs the word's head against a few alternatives — the head's own head
// and the heads above the words beside it — with features of the whole
// tree, which the parser did not have when it made the arc (Hall and
// Novák's corrective modelling). It learns from parses of the training
// sentences made by parsers that had not seen them.
type corrector struct {
	model *sparse
}

// Corrector feature templates.
const (
	cfRel = iota
	cfRelTags
	cfRelTagsDir
	cfCwDpDir
	cfCpDwDir
	cfCwDw
	cfCpDpDist
	cfClabDpDir
	cfDlabCpDir
	cfCaseCp
	cfCaseCw
	cfPunctBetween
	cfVerbBetween
	cfCpHpDp
	cfChpCpDp
	cfDlabClab
	cfPunctCtx
	cfCpDpNext
	cfCpDpPrev
	cfCcount
)

// tree is a finished parse as the corrector reads it.
type tree struct {
	n      int32
	head   []int32
	label  []int32
	l1     []int32 // leftmost dependent, or -1
	nl, nr []int32
	verbs  []int32 // verbs up to and including each word
}

func (t *tree) fill(st *state, sn *sentence, verbTag []bool) {
	n := int32(st.n)
	t.n = n
	t.head = append(t.head[:0], st.head[:n+1]...)
	t.label = append(t.label[:0], st.label[:n+1]...)
	t.l1 = append(t.l1[:0], st.l1[:n+1]...)
	t.nl = append(t.nl[:0], st.nl[:n+1]...)
	t.nr = append(t.nr[:0], st.nr[:n+1]...)
	t.verbs = fill(t.verbs, int(n+1), 0)
	for i := int32(1); i <= n; i++ {
		v := int32(0)
		if c := sn.p[i] - 1; c < uint64(len(verbTag)) && verbTag[c] {
			v = 1
		}
		t.verbs[i] = t.verbs[i-1] + v
	}
}

func (t *tree) descends(k, d int32) bool {
	for steps := int32(0); k > 0 && steps <= t.n; steps++ {
		if k == d {
			return true
		}
		k = t.head[k]
	}
	return k == d
}

// candidates appends the heads word d could take: its head first, then
// the head's head and the one above, then up to three heads above each
// neighbour. Never d or a word under it, never the root unless it is the
// head already.
func (t *tree) candidates(out []int32, d int32) []int32 {
	out = append(out[:0], t.head[d])
	add := func(c int32) {
		if c <= 0 || c == d || t.descends(c, d) {
			return
		}
		for _, x := range out {
			if x == c {
				return
			}
		}
		out = append(out, c)
	}
	g := t.head[d]
	for k := 0; k < 2 && g > 0; k++ {
		g = t.head[g]
		add(g)
	}
	for _, nb := range [2]int32{d - 1, d + 1} {
		for k, c := 0, nb; k < 3 && c > 0 && c <= t.n; k++ {
			add(c)
			c = t.head[c]
		}
	}
	return out
}

func (t *tree) labelOf(i int32) uint64 {
	if i < 0 || t.label[i] < 0 {
		return noLab
	}
	return uint64(t.label[i]) + 1
}

// correctFeatures appends the features of hanging d from candidate c, the
// k-th of its candidates (0 is the parser's choice).
func correctFeatures(feats []uint64, t *tree, sn *sentence, d, c int32, k int) []uint64 {
	rel := uint64(min(k, 3))
	if k > 0 && c == t.head[t.head[d]] {
		rel = 4
	}
	dir := uint64(1)
	if d < c {
		dir = 2
	}
	cp, dp, cw, dw := sn.tag(c), sn.tag(d), sn.word(c), sn.word(d)
	lo, hi := min(c, d), max(c, d)
	verbs := uint64(0)
	if hi-lo > 1 && lo >= 0 {
		verbs = uint64(min(t.verbs[hi-1]-t.verbs[lo], 2))
	}
	caseW := sn.word(t.l1[d])
	h := t.head[d]
	next, prev := int32(-1), int32(-1)
	if d < t.n {
		next = d + 1
	}
	if d > 1 {
		prev = d - 1
	}
	return append(feats,
		f1(cfRel, rel),
		f3(cfRelTags, rel, cp, dp),
		f3(cfRelTagsDir, rel*4+dir, cp, dp),
		f3(cfCwDpDir, cw, dp, dir),
		f3(cfCpDwDir, cp, dw, dir),
		f3(cfCwDw, cw, dw, rel),
		f3(cfCpDpDist, cp, dp, distance(c, d)*4+dir),
		f3(cfClabDpDir, t.labelOf(c), dp, dir),
		f3(cfDlabCpDir, t.labelOf(d), cp, dir),
		f3(cfCaseCp, caseW, cp, dir),
		f3(cfCaseCw, caseW, cw, rel),
		f3(cfPunctBetween, sn.punctBetween(lo, hi), cp, dp),
		f3(cfVerbBetween, verbs, cp, dp*4+dir),
		f3(cfCpHpDp, cp, sn.tag(h), dp),
		f3(cfChpCpDp, sn.tag(t.head[c]), cp, dp),
		f3(cfDlabClab, t.labelOf(d), t.labelOf(c), rel),
		f3(cfPunctCtx, dw, sn.tag(next), cp*4+dir),
		f3(cfCpDpNext, cp, dp, sn.tag(next)),
		f3(cfCpDpPrev, cp, dp, sn.tag(prev)),
		f3(cfCcount, uint64(min(t.nl[max(c, 0)], 3))<<4|uint64(min(t.nr[max(c, 0)], 3)), cp, dir),
	)
}

// correctScratch is the corrector's reusable memory.
type correctScratch struct {
	t     tree
	cands []int32
	feats []uint64
	score [1]int32
	newHd []int32
}

// correct revises the heads in sc.st; it returns whether any changed.
func (cr *corrector) correct(sc *parseScratch, cs *correctScratch, verbTag []bool) bool {
	t := &cs.t
	t.fill(&sc.st, &sc.sn, verbTag)
	cs.newHd = append(cs.newHd[:0], t.head...)
	changed := false
	for d := int32(1); d <= t.n; d++ {
		if t.head[d] <= 0 {
			continue
		}
		cs.cands = t.candidates(cs.cands, d)
		if len(cs.cands) < 2 {
			continue
		}
		best, bestScore := int32(-1), int32(0)
		for k, c := range cs.cands {
			cs.feats = correctFeatures(cs.feats[:0], t, &sc.sn, d, c, k)
			cr.model.score(cs.feats, cs.score[:])
			if best < 0 || cs.score[0] > bestScore {
				best, bestScore = c, cs.score[0]
			}
		}
		if best != t.head[d] {
			cs.newHd[d] = best
			changed = true
		}
	}
	if !changed {
		return false
	}
	// Apply the changes that keep the tree a tree.
	changed = false
	for d := int32(1); d <= t.n; d++ {
		c := cs.newHd[d]
		if c == t.head[d] || t.descends(c, d) {
			continue
		}
		t.head[d] = c
		changed = true
	}
	if changed {
		sc.st.rebuild(t.head, t.label)
	}
	return changed
}

// rebuild sets the state's arcs to a finished tree.
func (st *state) rebuild(head, label []int32) {
	n := st.n
	st.reset(n)
	st.b = int32(n + 1)
	for d := int32(1); int(d) <= n; d++ {
		st.head[d], st.label[d] = head[d], label[d]
	}
	// Dependents from the nearest outwards, as the parser adds them.
	for h := int32(0); int(h) <= n; h++ {
		for d := h - 1; d >= 1; d-- {
			if head[d] == h {
				st.linkChild(h, d)
			}
		}
		for d := h + 1; int(d) <= n; d++ {
			if head[d] == h {
				st.linkChild(h, d)
			}
		}
	}
}

// trainCorrector learns from parses of the training sentences made without
// them: heads and labels as parsed, gold heads to learn.
func trainCorrector(parsed []parsedSentence, epochs int, seed uint64) (*corrector, error) {
	tr := newTrainer(1)
	rng := rand.New(rand.NewPCG(seed, 3))
	order := make([]int, len(parsed))
	for i := range order {
		order[i] = i
	}
	var t tree
	var cands []int32
	var feats, goldFeats []uint64
	scores := make([]float32, 1)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ps := &parsed[k]
			t = ps.tree
			for d := int32(1); d <= t.n; d++ {
				if t.head[d] <= 0 {
					continue
				}
				cands = t.candidates(cands, d)
				goldK := -1
				for i, c := range cands {
					if c == ps.gold[d] {
						goldK = i
					}
				}
				if goldK < 0 || len(cands) < 2 {
					continue
				}
				best, bestScore := -1, float32(0)
				for i, c := range cands {
					feats = correctFeatures(feats[:0], &t, &ps.sn, d, c, i)
					tr.score(feats, scores)
					if best < 0 || scores[0] > bestScore {
						best, bestScore = i, scores[0]
					}
				}
				tr.tick()
				if best != goldK {
					goldFeats = correctFeatures(goldFeats[:0], &t, &ps.sn, d, cands[goldK], goldK)
					feats = correctFeatures(feats[:0], &t, &ps.sn, d, cands[best], best)
					tr.rank(goldFeats, feats)
				}
			}
		}
	}
	m, err := compileSparse(1, tr.averaged())
	if err != nil {
		return nil, err
	}
	return &corrector{model: m}, nil
}

// parsedSentence is a training sentence as a parser that had not seen it
// parsed it.
type parsedSentence struct {
	tree tree
	sn   sentence
	gold []int32
}
