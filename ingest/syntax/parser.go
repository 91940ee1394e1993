package syntax

import (
	"math/rand/v2"
)

// parser is a greedy arc-eager dependency parser: an averaged perceptron
// chooses each transition, and a second one labels each arc as it is made.
type parser struct {
	labels  []string
	root    int32     // index of "root" in labels
	roots   []float32 // for each tag class, the share of its words that head their sentence
	dirOK   [3][]bool // labels seen on arcs to the right (1) and left (2)
	trans   *quad
	labeler *sparse
	beam    int // parses kept in search; 1 or less is greedy
}

// parseScratch is the reusable working memory of one parse.
type parseScratch struct {
	st      state
	sn      sentence
	feats   []uint64
	scores  [nTransitions]int32
	lscores []int32
	beam    beamScratch
	labels  map[uint64]int32 // labels chosen in this beam search, by their features
	cached  bool             // labelOn uses labels
}

// parse fills st.head and st.label for the sentence in sc.sn.
func (p *parser) parse(sc *parseScratch, n int) {
	if len(sc.lscores) < len(p.labels) {
		sc.lscores = make([]int32, len(p.labels))
	}
	if p.beam > 1 {
		p.parseBeam(sc, n)
		return
	}
	st := &sc.st
	st.reset(n)
	for !st.done() {
		sc.feats = parseFeatures(sc.feats[:0], st, &sc.sn)
		p.trans.score(sc.feats, &sc.scores)
		t := -1
		for c := 0; c < nTransitions; c++ {
			if st.legal(c) && (t < 0 || sc.scores[c] > sc.scores[t]) {
				t = c
			}
		}
		lab := int32(-1)
		if t == left {
			lab = p.label(sc, st.b, st.top())
		} else if t == right {
			lab = p.label(sc, st.top(), st.b)
		}
		st.apply(t, lab)
	}
	p.finish(sc)
}

// label chooses the label of an arc from h to d in sc.st.
func (p *parser) label(sc *parseScratch, h, d int32) int32 { return p.labelOn(sc, &sc.st, h, d) }

// labelOn chooses the label of an arc from h to d in st.
func (p *parser) labelOn(sc *parseScratch, st *state, h, d int32) int32 {
	if h == 0 {
		return p.root
	}
	sc.feats = labelFeatures(sc.feats[:0], st, &sc.sn, h, d)
	if !sc.cached {
		return p.scoreLabel(sc, h, d)
	}
	// The parses in a beam make the same arcs in the same surroundings
	// again and again; the label depends on nothing else.
	key := uint64(h)<<32 | uint64(d)
	for _, f := range sc.feats {
		key = (key ^ f) * 0x9E3779B97F4A7C15 // the features are hashes already
	}
	if l, ok := sc.labels[key]; ok {
		return l
	}
	l := p.scoreLabel(sc, h, d)
	sc.labels[key] = l
	return l
}

func (p *parser) scoreLabel(sc *parseScratch, h, d int32) int32 {
	p.labeler.score(sc.feats, sc.lscores)
	return p.bestLabel(sc.lscores, h, d)
}

func (p *parser) bestLabel(scores []int32, h, d int32) int32 { return bestLabelOf(p, scores, h, d) }

// bestLabelOf returns the highest scoring label an arc from h to d may
// have (never the root's), with trained or training weights.
func bestLabelOf[S int32 | float32](p *parser, scores []S, h, d int32) int32 {
	ok := p.dirOK[direction(h, d)]
	best := int32(-1)
	for c := range p.labels {
		if int32(c) != p.root && ok[c] && (best < 0 || scores[c] > scores[best]) {
			best = int32(c)
		}
	}
	if best < 0 {
		best = 0
	}
	return best
}

func direction(h, d int32) int {
	if d < h {
		return 2
	}
	return 1
}

// finish makes the root of the words left without a head: the one whose
// tag heads sentences most often, the first of equals; the others depend
// on it. The result is always a tree.
func (p *parser) finish(sc *parseScratch) {
	st := &sc.st
	root := int32(-1)
	for i := int32(1); int(i) <= st.n; i++ {
		if st.head[i] < 0 && (root < 0 || p.rootRate(sc.sn.p[i]) > p.rootRate(sc.sn.p[root])) {
			root = i
		}
	}
	if root < 0 {
		return
	}
	st.addArc(0, root, p.root)
	for i := int32(1); int(i) <= st.n; i++ {
		if st.head[i] < 0 {
			st.addArc(root, i, p.label(sc, root, i))
		}
	}
}

// rootRate returns how often a word of tag class value v (class + 1)
// heads its sentence in training.
func (p *parser) rootRate(v uint64) float32 {
	if c := int(v) - 1; c >= 0 && c < len(p.roots) {
		return p.roots[c]
	}
	return 0
}

// parserConfig sets how the parser is trained.
type parserConfig struct {
	Epochs int
	Seed   uint64
	// After ExploreFrom epochs the parser follows its own wrong predictions
	// with probability Explore, and learns from the states they lead to.
	ExploreFrom int
	Explore     float64
	// Beam, when above 1, trains and parses with beam search of that
	// width instead of greedily; Explore does not apply then.
	Beam int
	// Prune leaves out of the model the transition features whose
	// averaged weights are all smaller than it.
	Prune float32
	// Epoch, when set, is called after every epoch with the model as it
	// would be if training stopped there.
	Epoch func(epoch int, p *parser)
}

// trainParser trains on sents whose words carry the taggings in tags and
// the lemma hashes in lemmas, both predicted as at parse time.
func trainParser(sents []Sentence, tags [][]int32, lemmas [][]uint64, cl clusterMap, cfg parserConfig) (*parser, error) {
	p := &parser{}
	labelOf := map[string]int32{}
	golds := make([][]int32, len(sents))
	glabs := make([][]int32, len(sents))
	for i := range p.dirOK {
		p.dirOK[i] = nil
	}
	for k, s := range sents {
		heads := make([]int32, len(s.Words)+1)
		labs := make([]int32, len(s.Words)+1)
		heads[0] = -1
		for i, w := range s.Words {
			l, ok := labelOf[w.Rel]
			if !ok {
				l = int32(len(p.labels))
				labelOf[w.Rel] = l
				p.labels = append(p.labels, w.Rel)
			}
			heads[i+1] = int32(w.Head)
			labs[i+1] = l
		}
		projectivize(heads)
		golds[k], glabs[k] = heads, labs
	}
	p.root = labelOf["root"]
	p.roots = rootRates(sents, tags)
	p.dirOK[1] = make([]bool, len(p.labels))
	p.dirOK[2] = make([]bool, len(p.labels))
	for k := range sents {
		for d := int32(1); int(d) < len(golds[k]); d++ {
			if h := golds[k][d]; h > 0 {
				p.dirOK[direction(h, d)][glabs[k][d]] = true
			}
		}
	}
	tt := newTrainer(nTransitions)
	lt := newTrainer(len(p.labels))
	rng := rand.New(rand.NewPCG(cfg.Seed, 2))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var sc parseScratch
	var lx lexical
	scores := make([]float32, nTransitions)
	lscores := make([]float32, len(p.labels))
	lint := make([]int32, len(p.labels))
	p.beam = max(cfg.Beam, 1)
	bt := &beamTrainer{p: p, tt: tt, lt: lt, width: p.beam, scores: scores, lsc: lscores}
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch >= cfg.ExploreFrom
		for _, k := range order {
			if p.beam > 1 {
				s := sents[k]
				lx.reset(forms(s.Words), cl)
				bt.sc.sn.fill(&lx, tags[k], lemmas[k])
				bt.sentence(len(s.Words), golds[k], glabs[k])
				continue
			}
			s, gold, glab := sents[k], golds[k], glabs[k]
			lx.reset(forms(s.Words), cl)
			sc.sn.fill(&lx, tags[k], lemmas[k])
			st := &sc.st
			st.reset(len(s.Words))
			for !st.done() {
				sc.feats = parseFeatures(sc.feats[:0], st, &sc.sn)
				tt.score(sc.feats, scores)
				pred, best := -1, -1
				for c := 0; c < nTransitions; c++ {
					if !st.legal(c) {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if st.cost(c, gold) == 0 && (best < 0 || scores[c] > scores[best]) {
						best = c
					}
				}
				tt.tick()
				next := pred
				if best >= 0 && st.cost(pred, gold) > 0 {
					tt.update(sc.feats, best, pred)
					if !explore || rng.Float64() >= cfg.Explore {
						next = best
					}
				}
				lab := int32(-1)
				var h, d int32
				switch next {
				case left:
					h, d = st.b, st.top()
				case right:
					h, d = st.top(), st.b
				}
				if next == left || next == right {
					lab = p.root
					if h != 0 {
						sc.feats = labelFeatures(sc.feats[:0], st, &sc.sn, h, d)
						lt.score(sc.feats, lscores)
						for c, v := range lscores {
							lint[c] = int32(v)
						}
						lab = bestLabelOf(p, lscores, h, d)
						if gold[d] == h {
							lt.tick()
							lt.update(sc.feats, int(glab[d]), int(lab))
						}
					}
				}
				st.apply(next, lab)
			}
		}
		if cfg.Epoch != nil && epoch < cfg.Epochs-1 {
			if err := p.compile(tt, lt, cfg.Prune); err != nil {
				return nil, err
			}
			cfg.Epoch(epoch, p)
		}
	}
	return p, p.compile(tt, lt, cfg.Prune)
}

func (p *parser) compile(tt, lt *trainer, least float32) error {
	var err error
	p.trans = compileQuad(tt.averaged(), least)
	p.labeler, err = compileSparse(len(p.labels), lt.averaged())
	return err
}

// fill sets the parser's view of a sentence from its lexical hashes, its
// taggings and the hashes of its lemmas, which stand for its words.
func (sn *sentence) fill(lx *lexical, tags []int32, lemmas []uint64) {
	n := len(lx.lower)
	sn.w = grow(sn.w, n+1)
	sn.p = grow(sn.p, n+1)
	sn.c = grow(sn.c, n+1)
	sn.cc = grow(sn.cc, n+1)
	sn.sf = grow(sn.sf, n+1)
	if cap(sn.pc) < n+1 {
		sn.pc = make([]int32, n+1)
	}
	sn.pc = sn.pc[:n+1]
	for i := 0; i < n; i++ {
		sn.sf[i+1] = lx.suf[i][2]
		sn.pc[i+1] = sn.pc[i] + int32(b2i(lx.punct[i]))
		sn.w[i+1] = lemmas[i]
		sn.p[i+1] = uint64(tags[i]) + 1
		sn.c[i+1] = lx.fine[i]
		sn.cc[i+1] = lx.coarse[i]
	}
}

// projectivize lifts non-projective arcs, each to its head's head, until
// the tree is projective, so that the arc-eager oracle applies.
func projectivize(heads []int32) {
	for {
		d := shortestNonProjective(heads)
		if d < 0 {
			return
		}
		heads[d] = heads[heads[d]]
	}
}

// shortestNonProjective returns the dependent of the shortest arc that some
// word under it does not descend from, or -1.
func shortestNonProjective(heads []int32) int32 {
	best, bestLen := int32(-1), 1<<30
	for d := int32(1); int(d) < len(heads); d++ {
		h := heads[d]
		if h <= 0 {
			continue
		}
		lo, hi := min(h, d), max(h, d)
		if int(hi-lo) >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !descends(heads, k, h) {
				best, bestLen = d, int(hi-lo)
				break
			}
		}
	}
	return best
}

func descends(heads []int32, k, h int32) bool {
	for steps := 0; k > 0 && steps < len(heads); steps++ {
		k = heads[k]
		if k == h {
			return true
		}
	}
	return false
}

// rootRates returns, for each tag class, the share of its words that head
// their sentence.
func rootRates(sents []Sentence, tags [][]int32) []float32 {
	var roots, all []float32
	for k, s := range sents {
		for i, w := range s.Words {
			c := int(tags[k][i])
			for c >= len(all) {
				all, roots = append(all, 0), append(roots, 0)
			}
			all[c]++
			if w.Head == 0 {
				roots[c]++
			}
		}
	}
	for c := range roots {
		if all[c] > 0 {
			roots[c] /= all[c]
		}
	}
	return roots
}
