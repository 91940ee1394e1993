package syntax

import (
	"math"
	"sort"
)

// Word clusters give the tagger and parser a word's distributional class,
// so that a word rare or absent in the treebanks is still recognised by the
// company it keeps in plain text. They are induced from unlabelled text by
// the predictive exchange algorithm (Uszkoreit and Brants 2008): words are
// moved between classes to maximise the likelihood of a class bigram model
// P(w | v) = P(w | c(w)) P(c(w) | v). A second, coarser level clusters the
// fine classes the same way.

// clusterConfig sets how clusters are induced.
type clusterConfig struct {
	Fine, Coarse int // numbers of classes
	MinCount     int // words seen fewer times get no class
	Iterations   int
}

// clustering is the result: each word's fine and coarse class, and how
// often the text capitalises it inside a sentence.
type clustering struct {
	words  []string
	fine   []int32
	coarse []int32
	caps   []uint8 // 0 never seen inside a sentence, 1..5 from never to always capitalised
}

// induceClusters clusters the words of text, a list of token sequences
// (sentences or paragraphs), lower-cased.
func induceClusters(text [][]string, cfg clusterConfig) clustering {
	counts := map[string]int{}
	caps := map[string][2]int{} // capitalised, all: inside a sentence
	corpus := make([][]string, len(text))
	for k, s := range text {
		low := make([]string, len(s))
		for i, w := range s {
			low[i] = lowerWord(w)
			counts[low[i]]++
			if i > 0 && !sentenceStart(s[i-1]) {
				c := caps[low[i]]
				c[0] += b2i(startsUpper(w))
				c[1]++
				caps[low[i]] = c
			}
		}
		corpus[k] = low
	}
	var words []string
	for w, n := range counts {
		if n >= cfg.MinCount {
			words = append(words, w)
		}
	}
	// Most frequent first, ties by spelling, so the result is reproducible.
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i)
	}
	// Word 0..V-1 are the vocabulary, V stands for every rarer word and V+1
	// for the sentence boundary.
	V := len(words)
	unk, bos := int32(V), int32(V+1)
	bigrams := map[[2]int32]int32{}
	for _, s := range corpus {
		prev := bos
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = unk
			}
			bigrams[[2]int32{prev, cur}]++
			prev = cur
		}
		bigrams[[2]int32{prev, bos}]++
	}
	ex := newExchange(V+2, bigrams)
	fine := ex.run(cfg.Fine, cfg.Iterations, V)
	// The coarse level: the fine classes clustered by their own bigrams.
	cb := map[[2]int32]int32{}
	for k, n := range bigrams {
		a, b := k[0], k[1]
		if a < int32(V) && b < int32(V) {
			cb[[2]int32{fine[a], fine[b]}] += n
		}
	}
	cex := newExchange(cfg.Fine, cb)
	coarseOfFine := cex.run(cfg.Coarse, cfg.Iterations, cfg.Fine)
	out := clustering{words: words, fine: fine[:V], coarse: make([]int32, V), caps: make([]uint8, V)}
	for i, w := range words {
		out.coarse[i] = coarseOfFine[fine[i]]
		out.caps[i] = capsBucket(caps[w])
	}
	return out
}

// sentenceStart reports whether a word after prev may be capitalised for
// starting a sentence.
func sentenceStart(prev string) bool {
	switch prev {
	case ".", "?", "!", "\"", ":", "\u201c", "``", "-", "--", "(":
		return true
	}
	return false
}

// capsBucket sorts a word by how often it is capitalised inside sentences.
func capsBucket(c [2]int) uint8 {
	if c[1] == 0 {
		return 0
	}
	r := float64(c[0]) / float64(c[1])
	switch {
	case r >= 0.95:
		return 5
	case r >= 0.7:
		return 4
	case r >= 0.3:
		return 3
	case r >= 0.05:
		return 2
	}
	return 1
}

// exchange holds the statistics of the exchange algorithm over n items.
type exchange struct {
	n     int
	pred  [][]pairCount // pred[w]: the items before w, with counts
	count []int64       // occurrences of each item as the second of a pair
}

type pairCount struct {
	v int32
	n int32
}

func newExchange(n int, bigrams map[[2]int32]int32) *exchange {
	ex := &exchange{n: n, pred: make([][]pairCount, n), count: make([]int64, n)}
	keys := make([][2]int32, 0, len(bigrams))
	for k := range bigrams {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][1] != keys[j][1] {
			return keys[i][1] < keys[j][1]
		}
		return keys[i][0] < keys[j][0]
	})
	for _, k := range keys {
		c := bigrams[k]
		ex.pred[k[1]] = append(ex.pred[k[1]], pairCount{k[0], c})
		ex.count[k[1]] += int64(c)
	}
	return ex
}

func xlogx(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}

// run clusters the first movable items into k classes and returns the
// class of every item; items past movable (rare words, the boundary) stay
// in class 0 and count only as contexts.
func (ex *exchange) run(k, iterations, movable int) []int32 {
	class := make([]int32, ex.n)
	for w := range class {
		if w < movable {
			class[w] = int32(w % k)
		}
	}
	// nvc[v*k+c]: how often v is followed by a word of class c.
	nvc := make([]int64, ex.n*k)
	nc := make([]int64, k)
	for w := 0; w < ex.n; w++ {
		if w >= movable {
			continue
		}
		c := class[w]
		nc[c] += ex.count[w]
		for _, p := range ex.pred[w] {
			nvc[int(p.v)*k+int(c)] += int64(p.n)
		}
	}
	gain := make([]float64, k)
	for it := 0; it < iterations; it++ {
		moved := 0
		for w := 0; w < movable; w++ {
			old := class[w]
			nw := float64(ex.count[w])
			// Take w out of its class.
			nc[old] -= ex.count[w]
			for _, p := range ex.pred[w] {
				nvc[int(p.v)*k+int(old)] -= int64(p.n)
			}
			// The likelihood gained by putting it in each class.
			for c := range gain {
				x := float64(nc[c])
				gain[c] = -(xlogx(x+nw) - xlogx(x))
			}
			for _, p := range ex.pred[w] {
				row := nvc[int(p.v)*k : int(p.v+1)*k]
				n := float64(p.n)
				for c, x := range row {
					if x != 0 {
						fx := float64(x)
						gain[c] += xlogx(fx+n) - xlogx(fx) - xlogx(n)
					}
				}
			}
			best := old
			for c := range gain {
				if gain[c] > gain[best]+1e-9 {
					best = int32(c)
				}
			}
			if best != old {
				moved++
			}
			class[w] = best
			nc[best] += ex.count[w]
			for _, p := range ex.pred[w] {
				nvc[int(p.v)*k+int(best)] += int64(p.n)
			}
		}
		if moved == 0 {
			break
		}
	}
	return class
}

// index maps each clustered word's hash to its classes.
func (c clustering) index() clusterMap {
	m := make(clusterMap, len(c.words))
	for i, w := range c.words {
		m[hashString(w)] = wordClass{fine: uint16(c.fine[i]), coarse: uint16(c.coarse[i]), caps: c.caps[i]}
	}
	return m
}
