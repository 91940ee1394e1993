package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// Mention is a stretch of a sentence's tokens that names an entity.
type Mention struct {
	Entity     schema.Entity
	Start, End int             // token indexes, End exclusive
	Kind       schema.NameKind // how it was named: adjective, seat, alias...
	Possessive bool            // followed by "'s"
	Pronoun    bool            // a pronoun or a phrase such as "the minister"
	Weak       bool            // a lone capitalised word of unknown kind: never an argument
	Role       string          // the office, when named with a title
	Employer   *schema.Entity  // whose office it is, when said
	// AppositionEnd is the token after an office in apposition ("Hakan
	// Fidan, Turkey's foreign minister,"), or 0.
	AppositionEnd int
}

// adjectival reports whether the mention is an adjective ("Turkish").
func (m Mention) adjectival() bool { return m.Kind == schema.Adjective }

// Words that start sentences or are capitalised for other reasons but are
// not names.
var notNames = setOf("the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "while",
	"after", "before", "during", "since", "however", "he", "she", "it", "they", "we", "i",
	"you", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
	"last", "next", "earlier", "later", "meanwhile", "also", "according", "despite", "amid",
	"with", "without", "as", "if", "when", "where", "what", "who", "why", "how", "both", "most",
	"more", "some", "many", "any", "other", "further", "previously", "additionally", "recently",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
	"sept.", "oct.", "nov.", "dec.", "mr.", "mrs.", "ms.", "dr.", "there", "here", "then",
	"now", "today", "yesterday", "tomorrow", "one", "two", "three", "all", "no", "not", "yes",
	"so", "because", "although", "though", "under", "over", "by", "from", "to", "of", "into",
	"about", "between", "against", "among", "within", "instead", "such", "each", "every",
	"neither", "either", "nor", "not", "still", "even", "just", "only", "again", "thus",
	"therefore", "moreover", "furthermore", "nevertheless", "nonetheless", "indeed", "once",
	"until", "unless", "whether", "whose", "which", "them", "him", "us", "me", "do", "does",
	"did", "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would",
	"could", "should", "can", "may", "might", "must", "shall", "let", "like", "read", "home",
	"news", "world", "europe", "politics", "business", "diplomacy", "opinion", "analysis",
	"video", "photo", "live", "update", "breaking", "exclusive", "sports", "economy", "share",
	"comment", "comments", "advertisement", "good", "new", "first", "second", "third", "its")

// orgWords make an unknown name an organisation; placeWords make it a place.
var orgWords = setOf("ministry", "department", "council", "agency", "party", "forces", "army",
	"bank", "company", "group", "organization", "organisation", "union", "committee", "court",
	"parliament", "assembly", "office", "institute", "university", "corp", "corporation",
	"inc", "ltd", "association", "alliance", "front", "movement", "brigade", "brigades",
	"guard", "navy", "service", "commission", "authority", "fund", "foundation", "network",
	"forum", "programme", "program", "initiative", "mission", "embassy", "government",
	"administration", "cabinet", "senate", "federation", "league", "coalition", "bloc",
	"corps", "militia", "police", "tribunal", "secretariat", "board", "agency", "command",
	"club", "industries", "airlines", "group's")
var placeWords = setOf("sea", "strait", "straits", "river", "mountains", "island", "islands",
	"province", "region", "gulf", "bay", "lake", "valley", "peninsula", "desert", "ocean",
	"canal", "square", "city", "airport", "port", "oblast", "district", "county", "state",
	"coast", "border", "highlands", "plateau", "basin", "corridor")

// connectors may join the words of a longer name ("Bank of England").
var connectors = setOf("of", "for", "al", "al-", "bin", "ibn", "de", "da", "von", "van", "der", "la", "el", "du", "le")

// pronouns stand for an entity named before.
var pronouns = map[string]schema.EntityType{
	"he": schema.Person, "him": schema.Person, "his": schema.Person,
	"she": schema.Person, "her": schema.Person,
	"it": schema.Country, "its": schema.Country,
}

// recognize finds the mentions of a sentence's tokens, left to right,
// longest first: gazetteer names, titles followed by names, then runs of
// capitalised words. It does not resolve references; see resolver.
func (lx *lexicon) recognize(toks []Token) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		if m, ok := lx.nameAt(toks, i); ok {
			if compassCompound(toks, m) {
				// "West African", "East Asian": another name than "the West".
				out = append(out, Mention{Entity: schema.Entity{Name: tokenText(toks, i, i+2), Type: schema.Place},
					Start: i, End: i + 2, Kind: schema.Canonical, Weak: true})
				i += 2
				continue
			}
			out = append(out, m)
			i = m.End
			continue
		}
		if _, n := lx.titles.longest(toks, i, lowerKey); n > 0 {
			i += n
			continue
		}
		if m, ok := lx.compoundAt(toks, i); ok {
			out = append(out, m...)
			i++
			continue
		}
		if n := lx.nameRun(toks, i); n > 0 {
			out = append(out, unknownName(toks, i, i+n))
			i += n
			continue
		}
		i++
	}
	for k := range out {
		if e := out[k].End; e < len(toks) && (toks[e].Lower == "'s" || toks[e].Lower == "'") {
			out[k].Possessive = true
		}
	}
	return out
}

// compass are the words that make a name of a region with the capitalised
// word after them.
var compass = setOf("west", "east", "north", "south")

// compassCompound reports whether the one-word name m is a compass word
// that begins a longer name the gazetteer does not hold: "West African",
// "East Asian". Longer names it holds ("West Bank", "North Korea") match
// whole before this is asked.
func compassCompound(toks []Token, m Mention) bool {
	e := m.End
	return m.End-m.Start == 1 && compass[toks[m.Start].Lower] && e < len(toks) && toks[e].isWord() && toks[e].capitalized()
}

// nameAt matches a gazetteer name at toks[i].
func (lx *lexicon) nameAt(toks []Token, i int) (Mention, bool) {
	names, n := lx.names.longest(toks, i, exactKey)
	if n == 0 {
		return Mention{}, false
	}
	best := names[0]
	for _, nm := range names[1:] {
		if nm.Kind == schema.Canonical { // a name that is its own entity beats an alias
			best = nm
		}
	}
	return Mention{Entity: best.Entity, Start: i, End: i + n, Kind: best.Kind}, true
}

// compoundAt splits a hyphenated word whose parts are names: "Russia-Ukraine"
// (both, as modifiers), "U.S.-Turkey", "Kremlin-backed".
func (lx *lexicon) compoundAt(toks []Token, i int) ([]Mention, bool) {
	if !strings.Contains(toks[i].Text, "-") {
		return nil, false
	}
	var out []Mention
	for _, part := range strings.Split(toks[i].Text, "-") {
		sub := Tokenize(part, 0, len(part))
		if len(sub) == 0 {
			continue
		}
		if m, ok := lx.nameAt(sub, 0); ok && m.End == len(sub) {
			out = append(out, Mention{Entity: m.Entity, Start: i, End: i + 1, Kind: schema.Adjective})
		}
	}
	return out, len(out) > 0
}

// nameRun returns how many tokens from i form a name not in the gazetteer:
// capitalised words, possibly joined by connectors, not titles.
func (lx *lexicon) nameRun(toks []Token, i int) int {
	j := i
	for j < len(toks) {
		t := toks[j]
		if j > i && connectors[t.Lower] && j+1 < len(toks) && toks[j+1].capitalized() {
			j++
			continue
		}
		if j > i && particleName(t.Text) {
			j++ // "Abdel Fattah al-Burhan", "Bashar al-Assad"
			continue
		}
		if !t.isWord() || !t.capitalized() || notNames[t.Lower] || j > i && lx.startsSomething(toks, j) {
			break
		}
		if j == 0 && len(lx.triggers[t.Lower]) > 0 {
			break // "Talks between ...", "Fighting between ...": a capitalised first word
		}
		j++
	}
	return j - i
}

// startsSomething reports whether a gazetteer name or a title starts at j.
func (lx *lexicon) startsSomething(toks []Token, j int) bool {
	if _, n := lx.names.longest(toks, j, exactKey); n > 0 {
		return true
	}
	_, n := lx.titles.longest(toks, j, lowerKey)
	return n > 0
}

// particleName reports whether a word is a surname with a lower-case
// particle: "al-Burhan", "el-Sisi", "bin-Zayed", "ad-Din".
func particleName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "an-", "bin-", "ibn-", "abu-", "d'"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// unknownName types a run of capitalised words by the words in it and
// around it.
func unknownName(toks []Token, i, j int) Mention {
	words := make([]string, 0, j-i)
	typ := schema.Person
	for _, t := range toks[i:j] {
		words = append(words, t.Text)
		switch {
		case orgWords[t.Lower]:
			typ = schema.Organization
		case placeWords[t.Lower] && typ != schema.Organization:
			typ = schema.Place
		}
	}
	m := Mention{Entity: schema.Entity{Name: strings.Join(words, " "), Type: typ}, Start: i, End: j, Kind: schema.Canonical}
	if j-i == 1 && typ == schema.Person {
		w := toks[i].Text
		switch {
		case len(w) > 1 && strings.ToUpper(w) == w:
			m.Entity.Type = schema.Organization // an acronym
		default:
			m.Weak = true // a lone word: a surname, or something unknown
		}
	}
	if i > 0 && m.Entity.Type == schema.Person && j-i > 1 {
		if p := toks[i-1].Lower; p == "in" || p == "near" || p == "at" {
			m.Entity.Type = schema.Place
		}
	}
	return m
}
