package syntax

// Beam search over arc-eager transitions (Zhang and Clark 2008; Zhang and
// Nivre 2011): the parser keeps the beam best partial parses, each scored by
// the sum of its transitions' weights, rather than committing to one
// transition at a time. It is trained as a structured perceptron with
// max-violation updates (Huang, Fayong and Guo 2012) against a latent gold
// parse: whichever zero-cost sequence (by the dynamic oracle) scores best,
// so the spurious ambiguity of arc-eager costs nothing.

// hyp is one partial parse in the beam.
type hyp struct {
	st    state
	score int64
	node  int32 // last transition taken, in the history; -1 for none
	cost  int   // gold arcs lost so far (training only)
}

// step is one transition in the history of the beam's parses.
type step struct {
	parent int32
	t      int8
	lab    int32
}

// cand is a hypothesis extended by one transition, not yet made.
type cand struct {
	from  int32
	t     int8 // -1: the hypothesis is finished and carried over as it is
	score int64
	cost  int
}

// beamScratch is the reusable working memory of beam search.
type beamScratch struct {
	cur, next []hyp
	cands     []cand
	hist      []step
	buffer    scoreCache // scores of the buffer features, by buffer position
	pair      scoreCache // scores of the stack-and-buffer features, by both positions
}

// scoreCache keeps the scores of a group of features, by position, for
// one sentence.
type scoreCache struct {
	stamp []uint32
	score [][nTransitions]int32
	gen   uint32
}

// maxPairCache bounds the positions a pair cache holds (a sentence of
// about 500 words); longer sentences score those features every time.
const maxPairCache = 1 << 18

// reset empties the cache and makes room for size positions.
func (c *scoreCache) reset(size int) {
	if len(c.stamp) < size {
		c.stamp = make([]uint32, size)
		c.score = make([][nTransitions]int32, size)
		c.gen = 0
	}
	c.gen++
	if c.gen == 0 {
		clear(c.stamp)
		c.gen = 1
	}
}

// scores returns the scores of st's transitions: the buffer and pair
// features from the caches, filling them as it goes, and the state
// features afresh.
func (p *parser) scores(sc *parseScratch, st *state, out *[nTransitions]int32) {
	bs := &sc.beam
	var part [nTransitions]int32
	b := int(st.b)
	if bs.buffer.stamp[b] != bs.buffer.gen {
		sc.feats = bufferFeatures(sc.feats[:0], st, &sc.sn)
		p.trans.score(sc.feats, &bs.buffer.score[b])
		bs.buffer.stamp[b] = bs.buffer.gen
	}
	*out = bs.buffer.score[b]
	if k := int(st.top())*(st.n+2) + b; k < len(bs.pair.stamp) {
		if bs.pair.stamp[k] != bs.pair.gen {
			sc.feats = pairFeatures(sc.feats[:0], st, &sc.sn)
			p.trans.score(sc.feats, &bs.pair.score[k])
			bs.pair.stamp[k] = bs.pair.gen
		}
		part = bs.pair.score[k]
	} else {
		sc.feats = pairFeatures(sc.feats[:0], st, &sc.sn)
		p.trans.score(sc.feats, &part)
	}
	for c := range out {
		out[c] += part[c]
	}
	sc.feats = stateFeatures(sc.feats[:0], st, &sc.sn)
	p.trans.score(sc.feats, &part)
	for c := range out {
		out[c] += part[c]
	}
}

func (st *state) copyFrom(o *state) {
	st.n, st.b = o.n, o.b
	st.stack = append(st.stack[:0], o.stack...)
	st.head = append(st.head[:0], o.head...)
	st.label = append(st.label[:0], o.label...)
	st.l1 = append(st.l1[:0], o.l1...)
	st.l2 = append(st.l2[:0], o.l2...)
	st.r1 = append(st.r1[:0], o.r1...)
	st.r2 = append(st.r2[:0], o.r2...)
	st.nl = append(st.nl[:0], o.nl...)
	st.nr = append(st.nr[:0], o.nr...)
	st.ls = append(st.ls[:0], o.ls...)
	st.rs = append(st.rs[:0], o.rs...)
}

// arcOf returns the head and dependent of the arc transition t makes in st.
func arcOf(st *state, t int) (h, d int32) {
	if t == left {
		return st.b, st.top()
	}
	return st.top(), st.b
}

// byScore orders candidates best first; ties go to the earlier hypothesis
// and the lower transition, so search is deterministic. There are at most
// four for each hypothesis in the beam, so insertion sort is the fast one.
func byScore(c []cand) {
	for i := 1; i < len(c); i++ {
		x := c[i]
		j := i
		for j > 0 && before(x, c[j-1]) {
			c[j] = c[j-1]
			j--
		}
		c[j] = x
	}
}

func before(a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.from != b.from {
		return a.from < b.from
	}
	return a.t < b.t
}

// parseBeam fills sc.st with the best parse the beam finds.
func (p *parser) parseBeam(sc *parseScratch, n int) {
	bs := &sc.beam
	width := p.beam
	if sc.labels == nil {
		sc.labels = make(map[uint64]int32)
	}
	clear(sc.labels)
	sc.cached = true
	bs.cur = growHyps(bs.cur, 1)
	bs.cur[0].st.reset(n)
	bs.cur[0].score, bs.cur[0].cost = 0, 0
	bs.buffer.reset(n + 2)
	bs.pair.reset(min((n+1)*(n+2), maxPairCache))
	score := func(st *state, out *[nTransitions]int32) { p.scores(sc, st, out) }
	for !bs.expand(score, nil) {
		bs.advance(min(width, len(bs.cands)), func(nx, from *hyp, c cand) {
			nx.st.copyFrom(&from.st)
			nx.score = c.score
			if c.t >= 0 {
				lab := int32(-1)
				if c.t == left || c.t == right {
					h, d := arcOf(&from.st, int(c.t))
					lab = p.labelOn(sc, &from.st, h, d)
				}
				nx.st.apply(int(c.t), lab)
			}
		})
	}
	sc.st.copyFrom(&bs.cur[0].st)
	sc.cached = false // finish labels arcs of its own
	p.finish(sc)
}

// expand lists in bs.cands, best first, what the beam's hypotheses may
// become: a finished one as it is, any other by each legal transition,
// scored by score. With gold heads given, a candidate's cost is the gold
// arcs its parse has lost. It reports whether every hypothesis was
// finished.
func (bs *beamScratch) expand(score func(*state, *[nTransitions]int32), gold []int32) bool {
	bs.cands = bs.cands[:0]
	finished := true
	var s [nTransitions]int32
	for i := range bs.cur {
		h := &bs.cur[i]
		if h.st.done() {
			bs.cands = append(bs.cands, cand{from: int32(i), t: -1, score: h.score, cost: h.cost})
			continue
		}
		finished = false
		score(&h.st, &s)
		for c := 0; c < nTransitions; c++ {
			if !h.st.legal(c) {
				continue
			}
			cost := h.cost
			if gold != nil && cost == 0 {
				cost = h.st.cost(c, gold)
			}
			bs.cands = append(bs.cands, cand{from: int32(i), t: int8(c), score: h.score + int64(s[c]), cost: cost})
		}
	}
	byScore(bs.cands)
	return finished
}

// advance makes the beam of the first keep candidates, each hypothesis
// made from its parent by build.
func (bs *beamScratch) advance(keep int, build func(nx, from *hyp, c cand)) {
	bs.next = growHyps(bs.next, keep)
	for j, c := range bs.cands[:keep] {
		build(&bs.next[j], &bs.cur[c.from], c)
	}
	bs.cur, bs.next = bs.next, bs.cur[:cap(bs.cur)]
	bs.cur = bs.cur[:keep]
}

func growHyps(h []hyp, n int) []hyp {
	for len(h) < n {
		if len(h) < cap(h) {
			h = h[:len(h)+1]
			continue
		}
		h = append(h, hyp{})
	}
	return h[:n]
}

// beamTrainer trains the transition weights by beam search; the labeler
// learns locally from the arcs of the gold parse.
type beamTrainer struct {
	p      *parser
	tt, lt *trainer
	width  int
	bs     beamScratch
	sc     parseScratch
	gold   hyp
	scores []float32
	lsc    []float32
	path   [2][]step
}

// score sets out to the training weights' scores of st's transitions
// (sums of whole updates, so exact as integers).
func (bt *beamTrainer) score(st *state, out *[nTransitions]int32) {
	bt.sc.feats = parseFeatures(bt.sc.feats[:0], st, &bt.sc.sn)
	bt.tt.score(bt.sc.feats, bt.scores)
	for c, v := range bt.scores {
		out[c] = int32(v)
	}
}

// labelWith chooses the label of an arc with the training weights.
func (bt *beamTrainer) labelWith(st *state, h, d int32) int32 {
	if h == 0 {
		return bt.p.root
	}
	bt.sc.feats = labelFeatures(bt.sc.feats[:0], st, &bt.sc.sn, h, d)
	bt.lt.score(bt.sc.feats, bt.lsc)
	return bestLabelOf(bt.p, bt.lsc, h, d)
}

// extend makes hypothesis nx from parent by transition t, recording it in
// the history.
func (bt *beamTrainer) extend(nx *hyp, parent *hyp, t int8, score int64, cost int) {
	nx.st.copyFrom(&parent.st)
	nx.score, nx.cost, nx.node = score, cost, parent.node
	if t < 0 {
		return
	}
	lab := int32(-1)
	if t == left || t == right {
		h, d := arcOf(&parent.st, int(t))
		lab = bt.labelWith(&parent.st, h, d)
	}
	nx.st.apply(int(t), lab)
	bt.bs.hist = append(bt.bs.hist, step{parent: parent.node, t: t, lab: lab})
	nx.node = int32(len(bt.bs.hist) - 1)
}

// sentence trains on one sentence with gold heads gold (projective) and
// gold labels glab.
func (bt *beamTrainer) sentence(n int, gold, glab []int32) {
	bs := &bt.bs
	bs.hist = bs.hist[:0]
	bs.cur = growHyps(bs.cur, 1)
	bs.cur[0].st.reset(n)
	bs.cur[0].score, bs.cur[0].node, bs.cur[0].cost = 0, -1, 0
	g := &bt.gold
	g.st.copyFrom(&bs.cur[0].st)
	g.score, g.node, g.cost = 0, -1, 0
	gIn := true // the gold parse is one of the beam's
	var worst int64 = -1
	var worstPred, worstGold int32 = -1, -1
	var gnext hyp
	var gs [nTransitions]int32
	for {
		if finished := bs.expand(bt.score, gold); finished && (gIn || g.st.done()) {
			break
		}
		keep := min(bt.width, len(bs.cands))
		// The gold parse goes on: as the best zero-cost hypothesis the beam
		// keeps, or else by its own best zero-cost transition.
		bestIn := -1
		for j, c := range bs.cands[:keep] {
			if c.cost == 0 {
				bestIn = j
				break
			}
		}
		if bestIn < 0 {
			var from *hyp
			best := cand{t: -2}
			if gIn {
				for _, c := range bs.cands[keep:] {
					if c.cost == 0 {
						best, from = c, &bs.cur[c.from]
						break
					}
				}
			} else if g.st.done() {
				best, from = cand{t: -1, score: g.score}, g
			} else {
				bt.score(&g.st, &gs)
				for c := 0; c < nTransitions; c++ {
					if g.st.legal(c) && g.st.cost(c, gold) == 0 {
						s := g.score + int64(gs[c])
						if best.t == -2 || s > best.score {
							best, from = cand{t: int8(c), score: s}, g
						}
					}
				}
			}
			if from == nil {
				return // no zero-cost way on: the gold tree is not reachable
			}
			bt.extend(&gnext, from, best.t, best.score, 0)
			g.st.copyFrom(&gnext.st)
			g.score, g.node, g.cost = gnext.score, gnext.node, 0
			gIn = false
		}
		bs.advance(keep, func(nx, from *hyp, c cand) { bt.extend(nx, from, c.t, c.score, c.cost) })
		if bestIn >= 0 {
			h := &bs.cur[bestIn]
			g.st.copyFrom(&h.st)
			g.score, g.node, g.cost = h.score, h.node, 0
			gIn = true
		} else if v := bs.cur[0].score - g.score; v > worst {
			worst, worstPred, worstGold = v, bs.cur[0].node, g.node
		}
	}
	if top := &bs.cur[0]; top.cost > 0 {
		if v := top.score - g.score; v >= worst {
			worst, worstPred, worstGold = v, top.node, g.node
		}
	}
	bt.tt.tick()
	if worst >= 0 {
		bt.update(n, worstGold, worstPred)
	}
	bt.learnLabels(g.node, n, gold, glab)
}

// pathOf returns the transitions that lead to node, first to last.
func (bt *beamTrainer) pathOf(node int32, buf []step) []step {
	buf = buf[:0]
	for k := node; k >= 0; k = bt.bs.hist[k].parent {
		buf = append(buf, bt.bs.hist[k])
	}
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}

// update rewards the transitions of the gold path and penalises those of
// the predicted one, from where they part.
func (bt *beamTrainer) update(n int, goldNode, predNode int32) {
	gp := bt.pathOf(goldNode, bt.path[0])
	pp := bt.pathOf(predNode, bt.path[1])
	bt.path[0], bt.path[1] = gp, pp
	k := 0
	for k < len(gp) && k < len(pp) && gp[k].t == pp[k].t && gp[k].lab == pp[k].lab {
		k++
	}
	for i, path := range [2][]step{gp, pp} {
		delta := int32(1 - 2*i)
		st := &bt.sc.st
		st.reset(n)
		for j, s := range path {
			if j >= k {
				bt.sc.feats = parseFeatures(bt.sc.feats[:0], st, &bt.sc.sn)
				bt.tt.add(bt.sc.feats, int(s.t), delta)
			}
			st.apply(int(s.t), s.lab)
		}
	}
}

// learnLabels trains the labeler on the arcs of the gold path.
func (bt *beamTrainer) learnLabels(node int32, n int, gold, glab []int32) {
	path := bt.pathOf(node, bt.path[0])
	bt.path[0] = path
	st := &bt.sc.st
	st.reset(n)
	for _, s := range path {
		if s.t == left || s.t == right {
			h, d := arcOf(st, int(s.t))
			if h != 0 && gold[d] == h {
				bt.sc.feats = labelFeatures(bt.sc.feats[:0], st, &bt.sc.sn, h, d)
				bt.lt.score(bt.sc.feats, bt.lsc)
				bt.lt.tick()
				bt.lt.update(bt.sc.feats, int(glab[d]), int(bestLabelOf(bt.p, bt.lsc, h, d)))
			}
		}
		st.apply(int(s.t), s.lab)
	}
}
