package syntax

import (
	"math/rand/v2"
	"strings"
)

// tagger assigns each word a pair of tags, universal (UPOS) and Penn
// Treebank (XPOS), as one class, with averaged perceptrons over the word,
// its affixes, shape and cluster, its neighbours and the tags around it.
// It reads a sentence twice: the first pass goes left to right knowing
// only the tags before each word; the second goes again knowing the first
// pass's tags after it too. Each pass chooses the UPOS first and then the
// pair among those of that UPOS, so that a word costs the weights of 17
// classes and a few, not of all 107 pairs. Frequent words that always take
// one tag are looked up.
type tagger struct {
	tags          *tagSet
	clusters      clusterMap
	dict          map[uint64]int32
	first, second *passModel
}

// passModel is one pass of the tagger: a model over UPOS and one over the
// pairs of each UPOS.
type passModel struct {
	coarse, fine *sparse
}

// fineKey is the key of feature f in the fine model of UPOS u.
func fineKey(f uint64, u int32) uint64 { return fmix(f ^ uint64(u+1)*0x9E3779B97F4A7C15) }

// tagSet numbers the (UPOS, XPOS) pairs seen in training, and the UPOS.
type tagSet struct {
	upos, xpos []string
	index      map[[2]string]int32
	coarse     []string  // the UPOS
	coarseOf   []int32   // each pair's UPOS
	members    [][]int32 // the pairs of each UPOS
}

func newTagSet(sents []Sentence) *tagSet {
	ts := &tagSet{index: map[[2]string]int32{}}
	for _, s := range sents {
		for _, w := range s.Words {
			ts.class(w.UPOS, w.XPOS)
		}
	}
	ts.group()
	return ts
}

// group finds the UPOS of the pairs.
func (ts *tagSet) group() {
	ts.coarse, ts.coarseOf, ts.members = nil, make([]int32, len(ts.upos)), nil
	ids := map[string]int32{}
	for c, u := range ts.upos {
		id, ok := ids[u]
		if !ok {
			id = int32(len(ts.coarse))
			ids[u] = id
			ts.coarse = append(ts.coarse, u)
			ts.members = append(ts.members, nil)
		}
		ts.coarseOf[c] = id
		ts.members[id] = append(ts.members[id], int32(c))
	}
}

func (ts *tagSet) class(upos, xpos string) int32 {
	key := [2]string{upos, xpos}
	c, ok := ts.index[key]
	if !ok {
		c = int32(len(ts.upos))
		ts.index[key] = c
		ts.upos = append(ts.upos, upos)
		ts.xpos = append(ts.xpos, xpos)
	}
	return c
}

func (ts *tagSet) gold(sents []Sentence) [][]int32 {
	out := make([][]int32, len(sents))
	for k, s := range sents {
		out[k] = make([]int32, len(s.Words))
		for i, w := range s.Words {
			out[k][i] = ts.class(w.UPOS, w.XPOS)
		}
	}
	return out
}

// Tagger feature templates.
const (
	tgBias = iota
	tgLower
	tgForm
	tgSuf1
	tgSuf2
	tgSuf3
	tgSuf4
	tgPre1
	tgPre2
	tgPre3
	tgShape
	tgPrev1
	tgPrev2
	tgNext1
	tgNext2
	tgPrevSuf
	tgNextSuf
	tgPrevShape
	tgNextShape
	tgTag1
	tgTag2
	tgTag12
	tgTag1Word
	tgPrevWord
	tgWordNext
	tgFirstShape
	tgTag1Suf
	tgTag1Next
	tgFine
	tgCoarse
	tgPrevFine
	tgNextFine
	tgNextCoarse
	tgTag1Fine
	tgPrevNextCoarse
	tgCapRatio
	tgCapRatioShape
	// The second pass's: the first pass's tags after the word.
	tgRight1
	tgRight2
	tgRight12
	tgTag1Right1
	tgRight1Word
	tgRight1Suf
)

// boundary stands for the word or tag before the first and after the last.
const boundary = 0x5bd1e995

// tagFeatures appends the features of word i given the classes of the two
// words before it (-1 before the sentence) and, in the second pass, the
// first pass's classes of all words.
func tagFeatures(feats []uint64, lx *lexical, i int, t1, t2 int32, right []int32) []uint64 {
	n := len(lx.lower)
	at := func(s []uint64, j int) uint64 {
		if j < 0 || j >= n {
			return boundary + uint64(j-i)
		}
		return s[j]
	}
	suf3 := func(j int) uint64 {
		if j < 0 || j >= n {
			return boundary + uint64(j-i)
		}
		return lx.suf[j][2]
	}
	w := lx.lower[i]
	p1, p2 := uint64(t1+2), uint64(t2+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	feats = append(feats,
		f1(tgBias, 0),
		f1(tgLower, w),
		f1(tgForm, lx.form[i]),
		f1(tgSuf1, lx.suf[i][0]),
		f1(tgSuf2, lx.suf[i][1]),
		f1(tgSuf3, lx.suf[i][2]),
		f1(tgSuf4, lx.suf[i][3]),
		f1(tgPre1, lx.pre[i][0]),
		f1(tgPre2, lx.pre[i][1]),
		f1(tgPre3, lx.pre[i][2]),
		f1(tgShape, lx.shape[i]),
		f1(tgPrev1, at(lx.lower, i-1)),
		f1(tgPrev2, at(lx.lower, i-2)),
		f1(tgNext1, at(lx.lower, i+1)),
		f1(tgNext2, at(lx.lower, i+2)),
		f1(tgPrevSuf, suf3(i-1)),
		f1(tgNextSuf, suf3(i+1)),
		f1(tgPrevShape, at(lx.shape, i-1)),
		f1(tgNextShape, at(lx.shape, i+1)),
		f1(tgTag1, p1),
		f1(tgTag2, p2),
		f2(tgTag12, p1, p2),
		f2(tgTag1Word, p1, w),
		f2(tgPrevWord, at(lx.lower, i-1), w),
		f2(tgWordNext, w, at(lx.lower, i+1)),
		f2(tgFirstShape, first, lx.shape[i]),
		f2(tgTag1Suf, p1, lx.suf[i][2]),
		f2(tgTag1Next, p1, at(lx.lower, i+1)),
		f1(tgFine, lx.fine[i]),
		f1(tgCoarse, lx.coarse[i]),
		f1(tgPrevFine, at(lx.fine, i-1)),
		f1(tgNextFine, at(lx.fine, i+1)),
		f1(tgNextCoarse, at(lx.coarse, i+1)),
		f2(tgTag1Fine, p1, lx.fine[i]),
		f2(tgPrevNextCoarse, at(lx.coarse, i-1), at(lx.coarse, i+1)),
		f3(tgCapRatio, lx.capr[i], b2u(lx.caps[i]), first),
		f2(tgCapRatioShape, lx.capr[i], lx.shape[i]),
	)
	if right == nil {
		return feats
	}
	r1, r2 := uint64(boundary), uint64(boundary+1)
	if i+1 < n {
		r1 = uint64(right[i+1] + 2)
	}
	if i+2 < n {
		r2 = uint64(right[i+2] + 2)
	}
	return append(feats,
		f1(tgRight1, r1),
		f1(tgRight2, r2),
		f2(tgRight12, r1, r2),
		f2(tgTag1Right1, p1, r1),
		f2(tgRight1Word, r1, w),
		f2(tgRight1Suf, r1, lx.suf[i][2]),
	)
}

// tagScratch is the reusable working memory of the tagger.
type tagScratch struct {
	feats  []uint64
	fine   []uint64
	scores []int32
	first  []int32
}

// tag sets out[i] to the tagging of every word.
func (t *tagger) tag(lx *lexical, out []int32, sc *tagScratch) {
	if len(sc.scores) < len(t.tags.upos) {
		sc.scores = make([]int32, len(t.tags.upos))
	}
	if t.second == nil {
		t.pass(t.first, lx, out, nil, sc)
		return
	}
	if cap(sc.first) < len(out) {
		sc.first = make([]int32, len(out))
	}
	first := sc.first[:len(out)]
	t.pass(t.first, lx, first, nil, sc)
	t.pass(t.second, lx, out, first, sc)
}

func (t *tagger) pass(m *passModel, lx *lexical, out, right []int32, sc *tagScratch) {
	t1, t2 := int32(-1), int32(-1)
	ts := t.tags
	for i := range lx.lower {
		c, ok := t.dict[lx.form[i]]
		if !ok {
			sc.feats = tagFeatures(sc.feats[:0], lx, i, t1, t2, right)
			scores := sc.scores[:len(ts.coarse)]
			m.coarse.score(sc.feats, scores)
			u := argmax(scores)
			c = ts.members[u][0]
			if len(ts.members[u]) > 1 {
				sc.fine = fineKeys(sc.fine[:0], sc.feats, u)
				m.fine.score(sc.fine, sc.scores)
				c = bestOf(sc.scores, ts.members[u])
			}
		}
		out[i] = c
		t1, t2 = c, t1
	}
}

// fineFeatures is how many of a word's features, from the first, the
// fine model reads: the word's own, its neighbours' and the tags before
// it, which tell NN from NNS and VBD from VBN.
const fineFeatures = 23

func fineKeys(out, feats []uint64, u int32) []uint64 {
	for _, f := range feats[:min(len(feats), fineFeatures)] {
		out = append(out, fineKey(f, u))
	}
	return out
}

// bestOf returns the best scoring of classes.
func bestOf[S int32 | float32](scores []S, classes []int32) int32 {
	best := classes[0]
	for _, c := range classes[1:] {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

func argmax(scores []int32) int32 {
	best := 0
	for c, s := range scores {
		if s > scores[best] {
			best = c
		}
	}
	return int32(best)
}

// taggerConfig sets how the tagger is trained.
type taggerConfig struct {
	Epochs int
	Seed   uint64
	// DictMin and DictShare decide which words are looked up instead of
	// tagged: seen at least DictMin times, DictShare of them with one tag.
	DictMin   int
	DictShare float64
}

// trainPass trains one pass of the tagger on sents with gold classes;
// right, for the second pass, holds the first pass's classes.
func trainPass(sents []Sentence, gold, right [][]int32, ts *tagSet, cl clusterMap, dict map[uint64]int32, cfg taggerConfig) (*passModel, error) {
	coarse := newTrainer(len(ts.coarse))
	fine := newTrainer(len(ts.upos))
	rng := rand.New(rand.NewPCG(cfg.Seed, 1))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var lx lexical
	var feats, fk []uint64
	cscores := make([]float32, len(ts.coarse))
	fscores := make([]float32, len(ts.upos))
	// choose returns the pair the fine model prefers within UPOS u.
	choose := func(u int32) int32 {
		if len(ts.members[u]) == 1 {
			return ts.members[u][0]
		}
		fk = fineKeys(fk[:0], feats, u)
		fine.score(fk, fscores)
		return bestOf(fscores, ts.members[u])
	}
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			s := sents[k]
			lx.reset(forms(s.Words), cl)
			var r []int32
			if right != nil {
				r = right[k]
			}
			t1, t2 := int32(-1), int32(-1)
			for i := range s.Words {
				c, ok := dict[lx.form[i]]
				if !ok {
					feats = tagFeatures(feats[:0], &lx, i, t1, t2, r)
					coarse.score(feats, cscores)
					u := argmaxF(cscores)
					g := gold[k][i]
					gu := ts.coarseOf[g]
					coarse.tick()
					coarse.update(feats, int(gu), int(u))
					c = choose(gu)
					if len(ts.members[gu]) > 1 {
						fine.tick()
						fine.update(fk, int(g), int(c))
					}
					if u != gu {
						c = choose(u)
					}
				}
				t1, t2 = c, t1
			}
		}
	}
	cm, err := compileSparse(len(ts.coarse), coarse.averaged())
	if err != nil {
		return nil, err
	}
	fm, err := compileSparse(len(ts.upos), fine.averaged())
	if err != nil {
		return nil, err
	}
	return &passModel{coarse: cm, fine: fm}, nil
}

func argmaxF(scores []float32) int32 {
	best := 0
	for c, s := range scores {
		if s > scores[best] {
			best = c
		}
	}
	return int32(best)
}

func forms(words []Word) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.Form
	}
	return out
}

// tagDictionary finds the words frequent and unambiguous enough to look up.
func tagDictionary(sents []Sentence, gold [][]int32, cfg taggerConfig) map[uint64]int32 {
	counts := map[string]map[int32]int{}
	for k, s := range sents {
		for i, w := range s.Words {
			m := counts[w.Form]
			if m == nil {
				m = map[int32]int{}
				counts[w.Form] = m
			}
			m[gold[k][i]]++
		}
	}
	dict := map[uint64]int32{}
	for form, m := range counts {
		total, best, bestN := 0, int32(0), 0
		for c, n := range m {
			total += n
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if total >= cfg.DictMin && float64(bestN) >= cfg.DictShare*float64(total) {
			dict[hashString(form)] = best
		}
	}
	return dict
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// finite repairs the verbs a news sentence must have where the tagger
// left them out (see Analyzer.Finite):
//   - the first past participle after a noun or name (adverbs and an
//     apposition's closing comma between) and before its object, with no
//     finite verb, auxiliary or relative pronoun before it, is a past
//     tense ("The Economic Community of West African States imposed
//     sanctions on Niger", "X, an adviser, sharply criticized Y");
//   - a plural noun after a relative pronoun and before a name or
//     determiner is a present tense ("Belarus, which borders Ukraine");
//   - in a sentence with no verb at all, a plural noun between two names
//     is a present tense ("Niger borders Nigeria").
func (ts *tagSet) finite(tags []int32, lowers []string) {
	vbd, vbz := ts.find("VERB", "VBD"), ts.find("VERB", "VBZ")
	if vbd < 0 || vbz < 0 {
		return
	}
	object := func(i int) bool {
		switch ts.upos[tags[i]] {
		case "DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ":
			return true
		}
		return false
	}
	// "are today meeting Lawson": an -ing noun after a form of "be" and
	// before a name, pronoun or determiner is the progressive.
	if vbg := ts.find("VERB", "VBG"); vbg >= 0 {
		for i := 1; i+1 < len(tags); i++ {
			if ts.xpos[tags[i]] != "NN" || !strings.HasSuffix(lowers[i], "ing") {
				continue
			}
			next := ts.upos[tags[i+1]]
			if next == "ADJ" && i+2 < len(tags) {
				next = ts.upos[tags[i+2]] // "meeting British Chancellor ..."
			}
			if next != "DET" && next != "PROPN" && next != "PRON" {
				continue
			}
			b := i - 1
			for b > 0 && (ts.upos[tags[b]] == "ADV" || lowers[b] == "today" || lowers[b] == "now") {
				b--
			}
			if progressiveBe[lowers[b]] {
				tags[i] = vbg
			}
		}
	}
	verbs := 0
	for i, t := range tags {
		if ts.upos[t] == "VERB" || ts.upos[t] == "AUX" {
			verbs++
		}
		if ts.xpos[t] == "NNS" && i >= 2 && i+1 < len(tags) && (lowers[i-1] == "which" || lowers[i-1] == "who" || lowers[i-1] == "that") &&
			(ts.upos[tags[i-2]] == "PUNCT" || ts.upos[tags[i-2]] == "PROPN") && (ts.upos[tags[i+1]] == "PROPN" || ts.upos[tags[i+1]] == "DET") {
			tags[i] = vbz
			verbs++
		}
	}
	if verbs == 0 {
		for i := 1; i+1 < len(tags); i++ {
			if ts.xpos[tags[i]] == "NNS" && ts.upos[tags[i-1]] == "PROPN" && ts.upos[tags[i+1]] == "PROPN" {
				tags[i] = vbz
				return
			}
		}
	}
	for i := 1; i+1 < len(tags); i++ {
		switch ts.xpos[tags[i]] {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
		if ts.upos[tags[i]] == "AUX" || ts.xpos[tags[i]] == "WDT" || ts.xpos[tags[i]] == "WP" || ts.xpos[tags[i]] == "IN" && i < 3 {
			return
		}
		if ts.xpos[tags[i]] != "VBN" {
			continue
		}
		// Adverbs and the comma closing an apposition may come between
		// ("Susan Rice, Obama's adviser, sharply criticized Netanyahu").
		b := i - 1
		for b > 0 && ts.upos[tags[b]] == "ADV" {
			b--
		}
		if b > 0 && lowers[b] == "," {
			b--
		}
		before := ts.upos[tags[b]]
		if (before == "NOUN" || before == "PROPN") && object(i+1) {
			tags[i] = vbd
			return
		}
	}
}

// progressiveBe are the forms of "be" a progressive follows.
var progressiveBe = map[string]bool{"is": true, "are": true, "was": true, "were": true, "am": true, "'re": true, "been": true, "be": true}

// find returns the tag with the given UPOS and XPOS, or -1.
func (ts *tagSet) find(upos, xpos string) int32 {
	for i := range ts.xpos {
		if ts.xpos[i] == xpos && ts.upos[i] == upos {
			return int32(i)
		}
	}
	return -1
}
