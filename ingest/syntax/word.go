package syntax

import "strings"

// Word is one syntactic word of a sentence with its analysis. Heads count
// words from 1; 0 is the root.
type Word struct {
	Form  string // as written
	Lemma string // dictionary form: "be" for "was", "not" for "n't"
	UPOS  string // universal part of speech: NOUN, VERB, PROPN, ...
	XPOS  string // Penn Treebank tag: NN, VBD, NNP, ...
	Head  int    // index of the head word, 1-based; 0 for the root
	Rel   string // UD v2 relation with its subtype: nsubj:pass, obl:agent, ...
}

// BaseRel returns the relation without its subtype: "nsubj" for
// "nsubj:pass".
func (w Word) BaseRel() string { return baseRel(w.Rel) }

func baseRel(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
