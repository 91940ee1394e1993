package graph

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// maxFiller is how many words may stand between a verb and the object its
// frame needs: "signed a new deal with", "imposed fresh EU sanctions on".
const maxFiller = 3

// verbPhrase is one way a question says a predicate, read off a verb or
// pair frame: the verb in one inflection, then what the frame needs.
type verbPhrase struct {
	pred  string
	order int      // the frame's place in the vocabulary, for ties
	first bool     // the verb is the frame's first lemma
	verb  []string // the verb's words: "sanctioned"; "took over"; "wants to join"
	obj   map[string]bool
	xcomp map[string]bool
	preps [][]string // each preposition's words: "on"; "out at"
}

// verbMatch is a phrase found at a word of a question.
type verbMatch struct {
	phrase *verbPhrase
	n      int  // the words it takes
	tail   bool // its complement is still to come, at the end ("took Smith hostage")
}

// span is the most words a phrase can take.
func (ph *verbPhrase) span() int {
	n := len(ph.verb) + 1 + maxFiller + 1 // the verb, a complement, fillers, the object
	longest := 0
	for _, prep := range ph.preps {
		longest = max(longest, len(prep))
	}
	return n + longest
}

// verbPhrases returns every phrase of the vocabulary's verb and pair
// frames, by the first word of the verb.
func verbPhrases(vocab *schema.Vocabulary) map[string][]*verbPhrase {
	out := map[string][]*verbPhrase{}
	order := 0
	for _, p := range vocab.Predicates {
		for _, f := range p.Frames {
			order++
			if f.Kind != schema.VerbFrame && f.Kind != schema.PairFrame {
				continue
			}
			base := verbPhrase{pred: p.Name, order: order, obj: nounSet(f.Obj), xcomp: set(f.Xcomp)}
			for _, prep := range f.Preps {
				base.preps = append(base.preps, strings.Fields(prep))
			}
			for i, lemma := range f.Lemmas {
				for _, verb := range verbWords(f, lemma) {
					ph := base
					ph.first, ph.verb = i == 0, verb
					out[verb[0]] = append(out[verb[0]], &ph)
				}
			}
		}
	}
	return out
}

// verbWords returns the ways a frame's lemma is said, as words: every
// inflection, with the frame's particle, after "WANT to" when the frame
// must complement a verb.
func verbWords(f schema.Frame, lemma string) [][]string {
	var out [][]string
	for _, form := range schema.VerbForms(lemma) {
		words := strings.Fields(form)
		if f.Particle != "" {
			words = append(words, f.Particle)
		}
		if len(f.Under) == 0 {
			out = append(out, words)
			continue
		}
		for _, under := range f.Under {
			for _, u := range schema.VerbForms(under) {
				out = append(out, append(append(strings.Fields(u), "to"), words...))
			}
		}
	}
	return out
}

func nounSet(nouns []string) map[string]bool {
	var forms []string
	for _, n := range nouns {
		forms = append(forms, schema.NounForms(n)...)
	}
	return set(forms)
}

func set(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	s := map[string]bool{}
	for _, w := range words {
		s[w] = true
	}
	return s
}

// matchesAt returns the phrases said at words[i], the preferred first:
// the longest, then one said with its frame's first lemma, then the
// vocabulary's order. It reads no further than the longest phrase, so
// that a long question costs time in proportion to its length.
func (p *Parser) matchesAt(words []string, i int) []verbMatch {
	low := make([]string, 0, p.span)
	for _, w := range words[i:min(len(words), i+p.span)] {
		low = append(low, strings.ToLower(w))
	}
	var out []verbMatch
	for _, ph := range p.verbs[low[0]] {
		out = ph.match(out, low, 0)
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.length() != y.length() {
			return x.length() > y.length()
		}
		if x.phrase.first != y.phrase.first {
			return x.phrase.first
		}
		return x.phrase.order < y.phrase.order
	})
	return out
}

// length counts a complement still to come as one word.
func (m verbMatch) length() int {
	if m.tail {
		return m.n + 1
	}
	return m.n
}

// match appends the ways the phrase reads words from i: its verb, the
// complement now or at the end, the object it needs after up to maxFiller
// words, and one of its prepositions if one follows.
func (ph *verbPhrase) match(out []verbMatch, words []string, i int) []verbMatch {
	j, ok := wordsAt(words, i, ph.verb)
	if !ok {
		return out
	}
	tail := false
	if ph.xcomp != nil {
		if j < len(words) && ph.xcomp[words[j]] {
			j++
		} else {
			tail = true
		}
	}
	if ph.obj != nil {
		k := j
		for k < len(words) && k <= j+maxFiller && !ph.objectWord(words[k]) {
			k++
		}
		if k >= len(words) || k > j+maxFiller {
			return out
		}
		j = k + 1
	}
	for _, prep := range ph.preps {
		if end, ok := wordsAt(words, j, prep); ok {
			return append(out, verbMatch{phrase: ph, n: end - i, tail: tail})
		}
	}
	return append(out, verbMatch{phrase: ph, n: j - i, tail: tail})
}

// objectWord reports whether w is the object the phrase needs; "%" is
// any figure of per cent ("51%").
func (ph *verbPhrase) objectWord(w string) bool {
	return ph.obj[w] || ph.obj["%"] && len(w) > 1 && strings.HasSuffix(w, "%")
}

// wordsAt reports whether want stands at words[i], and where it ends.
func wordsAt(words []string, i int, want []string) (int, bool) {
	if i+len(want) > len(words) {
		return 0, false
	}
	for k, w := range want {
		if words[i+k] != w {
			return 0, false
		}
	}
	return i + len(want), true
}

// verbAt finds the predicate a question says at words[i] and returns it
// with the words of the object after it, without a complement at the end.
// With object false the phrase must end the question ("What did Turkey
// buy?"); else something must follow it ("Who sanctioned Turkey?").
func (p *Parser) verbAt(words []string, i int, object bool) (string, []string, bool) {
	for _, m := range p.matchesAt(words, i) {
		rest := words[i+m.n:]
		if m.tail {
			if len(rest) == 0 || !m.phrase.xcomp[strings.ToLower(rest[len(rest)-1])] {
				continue
			}
			rest = rest[:len(rest)-1]
		}
		if object == (len(rest) > 0) {
			return m.phrase.pred, rest, true
		}
	}
	return "", nil, false
}
