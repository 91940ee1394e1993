package claims

import (
	"strings"

	"github.com/claimgraph/claimgraph/ingest/syntax"
	"github.com/claimgraph/claimgraph/schema"
)

// lexicon is the schema's data compiled for reading parsed sentences: the
// gazetteer as a trie over tokens, the frames by trigger lemma, and the
// role nouns of offices.
type lexicon struct {
	vocab     *schema.Vocabulary
	names     *trie
	frames    map[string][]schema.Frame // by trigger lemma
	canonical map[string]schema.Entity  // canonical name -> entity
	surnames  map[string]schema.Entity  // folded last name of a known person
	// affiliations maps a known person to whose office they hold.
	affiliations map[string]string
	roles        *trie           // offices, lower case: "foreign minister", "spokesman"
	roleHeads    map[string]bool // the last words of offices: "minister"
	// capitalTitles are the one-word titles the title list writes with a
	// capital ("Senator", "Mayor"): written so before a name they are a
	// title; a word listed only in lower case ("dean", "analyst") that is
	// capitalised there is a given name ("Dean McCarron").
	capitalTitles map[string]bool
}

// trie maps token sequences to gazetteer names.
type trie struct {
	next map[string]*trie
	vals []schema.Name
}

func (t *trie) insert(keys []string, v schema.Name) {
	n := t
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*trie{}
		}
		c := n.next[k]
		if c == nil {
			c = &trie{}
			n.next[k] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
}

// longest returns the names of the longest key that starts at keys[i] and
// its length in tokens.
func (t *trie) longest(keys []string, i int) ([]schema.Name, int) {
	var best []schema.Name
	n, bestLen := t, 0
	for j := i; j < len(keys); j++ {
		n = n.next[keys[j]]
		if n == nil {
			break
		}
		if len(n.vals) > 0 {
			best, bestLen = n.vals, j-i+1
		}
	}
	return best, bestLen
}

// tokenKeys splits a name into the token keys a sentence is matched by.
func tokenKeys(form string) []string {
	var keys []string
	for _, t := range syntax.Tokenize(form, 0, len(form)) {
		keys = append(keys, plainPunct(t.Text))
	}
	return keys
}

func plainPunct(w string) string {
	if !strings.ContainsAny(w, "\u2019\u2018\u2010\u2011") {
		return w
	}
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2010", "-", "\u2011", "-").Replace(w)
}

// commonWords are names that are also ordinary English words, recognised
// only with their capitals.
var commonWords = setOf("turkey", "china", "chad", "jordan", "georgia", "guinea", "niger",
	"congress", "commonwealth", "west", "who", "us", "is", "it", "wagner", "victoria",
	"amnesty", "patriot", "patriots", "javelin", "stinger", "abrams", "kingston", "lima",
	"nice", "reading", "mobile", "bath", "split", "sofia", "santiago", "male", "praia", "hope",
	"typhoon", "arctic", "hormuz", "house", "senate", "assembly", "parliament", "government")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func newLexicon(vocab *schema.Vocabulary, gaz *schema.Gazetteer) *lexicon {
	lx := &lexicon{
		vocab:         vocab,
		names:         &trie{},
		frames:        map[string][]schema.Frame{},
		canonical:     map[string]schema.Entity{},
		surnames:      map[string]schema.Entity{},
		affiliations:  gaz.Affiliations,
		roles:         &trie{},
		roleHeads:     map[string]bool{},
		capitalTitles: map[string]bool{},
	}
	for _, n := range gaz.Names {
		lx.addName(n)
	}
	for _, p := range vocab.Predicates {
		for _, f := range p.Frames {
			for _, l := range f.Lemmas {
				lx.frames[l] = append(lx.frames[l], f)
			}
		}
	}
	for _, t := range gaz.Titles {
		words := hyphenated(strings.Fields(strings.ToLower(t)))
		lx.roles.insert(words, schema.Name{Form: t})
		if len(words) == 1 && startsUpper(t) {
			lx.capitalTitles[words[0]] = true
		}
		head := words[len(words)-1]
		for k, w := range words {
			if w == "of" && k > 0 {
				head = words[k-1] // "secretary" of "secretary of state"
				break
			}
		}
		lx.roleHeads[strings.TrimSuffix(head, ".")] = true
	}
	return lx
}

func (lx *lexicon) addName(n schema.Name) {
	if n.Kind == schema.Canonical {
		lx.canonical[n.Entity.Name] = n.Entity
	}
	form := strings.TrimPrefix(n.Form, "the ")
	lx.names.insert(tokenKeys(form), n)
	lower := strings.ToLower(form)
	switch {
	case n.Entity.Type == schema.Thing:
		// Kinds of things are common nouns: also match them capitalised.
		lx.names.insert(tokenKeys(strings.ToUpper(form[:1])+form[1:]), n)
	case n.Kind != schema.Adjective && len(lower) > 3 && !commonWords[lower] && lower != form:
		// "kyiv" and "ANKARA" are still Ukraine and Turkey.
		lx.names.insert(tokenKeys(lower), n)
		lx.names.insert(tokenKeys(strings.ToUpper(form)), n)
	}
	if n.Entity.Type == schema.Person && n.Kind == schema.Canonical {
		parts := strings.Fields(n.Entity.Name)
		lx.surnames[fold(parts[len(parts)-1])] = n.Entity
	}
}

// predicate returns the vocabulary's predicate named name.
func (lx *lexicon) predicate(name string) schema.Predicate {
	p, _ := lx.vocab.Lookup(name)
	return p
}

// verbTrigger reports whether word i, whatever its tag, is a verb some
// frame reads ("borders" tagged a noun).
func (lx *lexicon) verbTrigger(s *sentence, i int) bool {
	if s.upos(i) != "NOUN" || !strings.HasSuffix(s.lower[i], "s") {
		return false
	}
	for _, f := range lx.frames[s.lemma(i)] {
		if f.Kind == schema.VerbFrame {
			return true
		}
	}
	return false
}

// hyphenated splits words at their hyphens as the tokenizer does:
// "secretary-general" is "secretary", "-", "general".
func hyphenated(words []string) []string {
	var out []string
	for _, w := range words {
		parts := strings.Split(w, "-")
		for i, p := range parts {
			if i > 0 {
				out = append(out, "-")
			}
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
