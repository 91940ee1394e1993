package claims

import (
	"strings"

	"github.com/claimgraph/claimgraph/ingest/syntax"
)

// sentence is one analysed sentence: its tokens, their analysis and the
// tree as lists of dependents. Word indexes are 0-based here; a head of -1
// is the root.
type sentence struct {
	index      int // in the document
	start, end int // byte offsets in the document text
	toks       []syntax.Token
	words      []syntax.Word
	lower      []string // lower-case token text, plain apostrophes
	keys       []string // token text with plain punctuation, as the gazetteer is looked up
	head       []int
	kids       [][]int
	question   bool   // ends with a question mark
	common     []bool // a word news writes in lower case, whatever its case here
}

func newSentence(index int, span syntax.Span, words []syntax.Word) *sentence {
	n := len(words)
	s := &sentence{index: index, start: span.Start, end: span.End, toks: span.Tokens, words: words,
		lower: make([]string, n), keys: make([]string, n), head: make([]int, n), kids: make([][]int, n)}
	for i, w := range words {
		s.lower[i] = plainLower(w.Form)
		s.keys[i] = plainPunct(span.Tokens[i].Text)
		s.head[i] = w.Head - 1
		if h := s.head[i]; h >= 0 {
			s.kids[h] = append(s.kids[h], i)
		}
	}
	for i := n - 1; i >= 0; i-- {
		if s.words[i].UPOS != "PUNCT" {
			break
		}
		if strings.Contains(s.words[i].Form, "?") {
			s.question = true
		}
	}
	return s
}

// plainLower lower-cases a word and makes typographic quotes plain.
func plainLower(w string) string {
	return strings.ToLower(strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"").Replace(w))
}

func (s *sentence) base(i int) string    { return s.words[i].BaseRel() }
func (s *sentence) lemma(i int) string   { return strings.ToLower(s.words[i].Lemma) }
func (s *sentence) upos(i int) string    { return s.words[i].UPOS }
func (s *sentence) xpos(i int) string    { return s.words[i].XPOS }
func (s *sentence) text(i, j int) string { return joinTokens(s.toks[i:j]) }

// joinTokens writes tokens as the text wrote them: a space only where the
// text had one.
func joinTokens(toks []syntax.Token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// child returns the first dependent of i with relation rel (or, for a
// relation without subtype, any subtype of it), or -1.
func (s *sentence) child(i int, rels ...string) int {
	for _, k := range s.kids[i] {
		if s.hasRel(k, rels...) {
			return k
		}
	}
	return -1
}

// children returns the dependents of i with one of the relations.
func (s *sentence) children(i int, rels ...string) []int {
	var out []int
	for _, k := range s.kids[i] {
		if s.hasRel(k, rels...) {
			out = append(out, k)
		}
	}
	return out
}

// hasRel reports whether word k's relation is one of rels; a rel without a
// subtype matches every subtype ("obl" matches "obl:agent") unless it is
// written with a trailing colon ("obl:" matches "obl" alone).
func (s *sentence) hasRel(k int, rels ...string) bool {
	r := s.words[k].Rel
	for _, want := range rels {
		switch {
		case r == want:
			return true
		case strings.HasSuffix(want, ":"):
		case !strings.Contains(want, ":") && strings.HasPrefix(r, want+":"):
			return true
		}
	}
	return false
}

// caseOf returns the lemma of the preposition marking nominal i ("on" of
// "on Turkey"), with a multiword preposition joined by spaces ("because
// of"), or "".
func (s *sentence) caseOf(i int) string {
	for _, k := range s.kids[i] {
		if s.base(k) == "case" && s.upos(k) != "PART" {
			if f := s.child(k, "fixed"); f >= 0 {
				return s.lower[k] + " " + s.lower[f]
			}
			return s.lower[k]
		}
	}
	return ""
}

// possessive reports whether nominal i is marked by a possessive "'s".
func (s *sentence) possessive(i int) bool {
	for _, k := range s.kids[i] {
		if s.base(k) == "case" && (s.lower[k] == "'s" || s.lower[k] == "'") {
			return true
		}
	}
	return false
}

// conjuncts returns i and the words coordinated with it ("Chile, Peru and
// Bolivia": all three), in order.
func (s *sentence) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out); k++ {
		closed := false // an "and" before a conjunct ends the list, as in "X and Y, the ministry said"
		for _, c := range s.kids[out[k]] {
			if s.base(c) != "conj" || s.nominal(c) != s.nominal(i) {
				continue
			}
			hasCC := s.child(c, "cc") >= 0
			if closed && !hasCC {
				break
			}
			out = append(out, c)
			closed = closed || hasCC
		}
	}
	return out
}

// nominal reports whether word i heads a noun phrase.
func (s *sentence) nominal(i int) bool {
	switch s.upos(i) {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	}
	return false
}

// verbal reports whether word i is a verb or an auxiliary.
func (s *sentence) verbal(i int) bool { u := s.upos(i); return u == "VERB" || u == "AUX" }

// passive reports whether verb i is in the passive voice.
func (s *sentence) passive(i int) bool {
	return s.child(i, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 ||
		(s.xpos(i) == "VBN" && (s.base(i) == "acl" || s.base(i) == "amod") && s.child(i, "aux") < 0 && s.child(i, "obj") < 0)
}

// subtree returns the span [from, to) of word i and everything under it.
func (s *sentence) subtree(i int) (int, int) {
	from, to := i, i+1
	var walk func(k int)
	walk = func(k int) {
		from, to = min(from, k), max(to, k+1)
		for _, c := range s.kids[k] {
			walk(c)
		}
	}
	walk(i)
	return from, to
}

// hasVerb reports whether the sentence has a verb: one without says
// nothing of anyone ("Braverman with France's interior minister Gérald
// Darmanin in Paris on November 14, 2022.", a caption).
func (s *sentence) hasVerb(lx *lexicon) bool {
	for i := range s.words {
		if s.verbal(i) || s.nounAsVerb(i) || lx.verbTrigger(s, i) {
			return true
		}
	}
	return false
}
