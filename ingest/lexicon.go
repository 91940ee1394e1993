package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// lexicon is the schema's data compiled for matching token sequences: the
// gazetteer, the titles and the trigger phrases, keyed by token text.
type lexicon struct {
	names    *trie[schema.Name]
	titles   *trie[string]
	triggers map[string][]schema.Trigger // by lower-case first word
	vocab    *schema.Vocabulary
	surnames map[string]schema.Entity // folded last name of a known person
	// canonical maps a canonical name to its entity; affiliations a known
	// person to the name of the country or organisation they serve.
	canonical    map[string]schema.Entity
	affiliations map[string]string
}

// trie maps token sequences to values.
type trie[V any] struct {
	next map[string]*trie[V]
	vals []V
}

func (t *trie[V]) insert(keys []string, v V) {
	n := t
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*trie[V]{}
		}
		c := n.next[k]
		if c == nil {
			c = &trie[V]{}
			n.next[k] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
}

// longest returns the values of the longest key that is a prefix of the
// tokens from i, and its length in tokens; key says how a token is keyed.
func (t *trie[V]) longest(toks []Token, i int, key func(Token) string) ([]V, int) {
	var best []V
	n, bestLen := t, 0
	for j := i; j < len(toks); j++ {
		n = n.next[key(toks[j])]
		if n == nil {
			break
		}
		if len(n.vals) > 0 {
			best, bestLen = n.vals, j-i+1
		}
	}
	return best, bestLen
}

// exactKey keys a token by its text with plain punctuation, keeping case.
func exactKey(t Token) string { return plainPunct.Replace(t.Text) }

// lowerKey keys a token by its lower-case text.
func lowerKey(t Token) string { return t.Lower }

// commonWords are names that are also ordinary English words, so they are
// only recognised when written with their capitals.
var commonWords = setOf("turkey", "china", "chad", "jordan", "georgia", "guinea", "niger",
	"congress", "commonwealth", "west", "who", "us", "is", "it", "wagner", "victoria",
	"amnesty", "patriot", "patriots", "javelin", "stinger", "abrams", "kingston", "lima",
	"nice", "reading", "mobile", "bath", "split", "sofia", "santiago", "male", "praia", "hope",
	"typhoon", "arctic", "hormuz")

func newLexicon(vocab *schema.Vocabulary, gaz *schema.Gazetteer) *lexicon {
	lx := &lexicon{
		names:        &trie[schema.Name]{},
		titles:       &trie[string]{},
		triggers:     map[string][]schema.Trigger{},
		vocab:        vocab,
		surnames:     map[string]schema.Entity{},
		canonical:    map[string]schema.Entity{},
		affiliations: gaz.Affiliations,
	}
	for _, n := range gaz.Names {
		lx.addName(n)
	}
	for _, t := range gaz.Titles {
		lx.titles.insert(wordsOf(t, lowerKey), t)
	}
	for _, tr := range vocab.Triggers() {
		for _, w := range tr.Slots[0].Words {
			lx.triggers[w] = append(lx.triggers[w], tr)
		}
	}
	return lx
}

func (lx *lexicon) addName(n schema.Name) {
	if n.Kind == schema.Canonical {
		lx.canonical[n.Entity.Name] = n.Entity
	}
	form := strings.TrimPrefix(n.Form, "the ")
	keys := wordsOf(form, exactKey)
	lx.names.insert(keys, n)
	lower := strings.ToLower(form)
	switch {
	case n.Entity.Type == schema.Thing:
		// Kinds of things are common nouns: also match them capitalised.
		lx.names.insert(wordsOf(strings.ToUpper(form[:1])+form[1:], exactKey), n)
	case n.Kind != schema.Adjective && len(lower) > 3 && !commonWords[lower] && lower != form:
		// "kyiv" and "ANKARA" are still Ukraine and Turkey.
		lx.names.insert(wordsOf(lower, exactKey), n)
		lx.names.insert(wordsOf(strings.ToUpper(form), exactKey), n)
	}
	if n.Entity.Type == schema.Person && n.Kind == schema.Canonical {
		parts := strings.Fields(n.Entity.Name)
		lx.surnames[fold(parts[len(parts)-1])] = n.Entity
	}
}

// wordsOf tokenizes a data phrase and keys its tokens.
func wordsOf(phrase string, key func(Token) string) []string {
	toks := Tokenize(phrase, 0, len(phrase))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = key(t)
	}
	return out
}
