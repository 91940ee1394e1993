package claims

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// article is what the reference pass knows of one document: the entities
// named so far, the mentions of recent sentences, and the country the
// article is about.
type article struct {
	lx       *lexicon
	entities []*docEntity
	recent   []*mention // resolved mentions, in order, of this and recent sentences
	sentOf   map[*mention]int
	country  schema.Entity   // the article's main country, when it has one
	names    map[string]bool // the known entities the article names anywhere
}

// docEntity is one entity of the article and the names it goes by.
type docEntity struct {
	entity schema.Entity
	words  []string // folded words of its full name
	person bool
}

func newArticle(lx *lexicon) *article {
	return &article{lx: lx, sentOf: map[*mention]int{}, names: map[string]bool{}}
}

// mainCountry finds the country an article names most often, at least
// twice, so that "President Ivan Duque" and "the country" can be placed.
func (a *article) mainCountry(all [][]*mention) {
	counts := map[string]int{}
	first := map[string]int{}
	var ents []schema.Entity
	k := 0
	for _, ms := range all {
		for _, m := range ms {
			if m.known {
				a.names[m.entity.Name] = true
			}
			if m.known && m.entity.Type == schema.Country {
				if counts[m.entity.Name] == 0 {
					first[m.entity.Name] = k
					ents = append(ents, m.entity)
				}
				counts[m.entity.Name]++
				k++
			}
		}
	}
	sort.SliceStable(ents, func(i, j int) bool {
		ci, cj := counts[ents[i].Name], counts[ents[j].Name]
		if ci != cj {
			return ci > cj
		}
		return first[ents[i].Name] < first[ents[j].Name]
	})
	if len(ents) > 0 && counts[ents[0].Name] >= 2 && (len(ents) == 1 || 2*counts[ents[0].Name] >= 3*counts[ents[1].Name]) {
		a.country = ents[0]
	}
}

// resolve gives the mentions of one sentence their entities: unknown names
// join the entity they are a short form of, pronouns and descriptions take
// the entity they stand for. Mentions left unresolved get no entity.
func (a *article) resolve(s *sentence, ms []*mention) {
	for _, m := range ms {
		switch {
		case m.refer != "":
			a.resolveReference(s, m)
		case !m.known && !m.generic:
			a.resolveName(s, m)
		case m.known && m.entity.Type == schema.Person:
			a.remember(m.entity)
		}
		if m.entity.Name != "" {
			a.sentOf[m] = s.index
			a.recent = append(a.recent, m)
		}
	}
	// Keep the mentions of the last four sentences.
	for len(a.recent) > 0 && a.sentOf[a.recent[0]] < s.index-3 {
		delete(a.sentOf, a.recent[0])
		a.recent = a.recent[1:]
	}
}

// resolveName joins an unknown name to the article's entity it is a short
// form of ("Kestrel" for "Kestrel Marine Holdings", "Smith" for "John
// Smith"), to a known person by surname, or makes it a new entity.
func (a *article) resolveName(s *sentence, m *mention) {
	words := foldedWords(m.entity.Name)
	if e := a.shortFormOf(words, m); e != nil {
		m.entity = e.entity
		return
	}
	if len(words) == 1 {
		if e, ok := a.lx.surnames[words[0]]; ok && (m.honorific || m.entity.Type == schema.Person || m.entity.Type == schema.Organization) {
			m.entity, m.known = e, true
			return
		}
	}
	if len(words) == 1 && m.entity.Type == schema.Organization && locative(s, m.head) {
		m.entity.Type = schema.Place
	}
	a.entities = append(a.entities, &docEntity{entity: m.entity, words: words, person: m.entity.Type == schema.Person})
}

// remember records a known person so that later surnames find them.
func (a *article) remember(e schema.Entity) {
	for _, d := range a.entities {
		if d.entity == e {
			return
		}
	}
	a.entities = append(a.entities, &docEntity{entity: e, words: foldedWords(e.Name), person: true})
}

// shortFormOf finds the entity whose full name the words shorten: a
// person's last name (or first and last), an organisation's first words.
func (a *article) shortFormOf(words []string, m *mention) *docEntity {
	for i := len(a.entities) - 1; i >= 0; i-- {
		d := a.entities[i]
		if len(words) >= len(d.words) {
			if equalWords(words, d.words) {
				return d
			}
			continue
		}
		if d.person {
			if hasSuffixWords(d.words, words) && (len(words) > 1 || m.entity.Type == schema.Person || m.honorific || len(words) == 1) {
				return d
			}
			continue
		}
		if m.honorific {
			continue
		}
		if hasPrefixWords(d.words, words) || acronymOf(words, d.words) {
			return d
		}
	}
	return nil
}

func foldedWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '.' }) {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasSuffixWords(full, part []string) bool {
	return len(part) <= len(full) && equalWords(full[len(full)-len(part):], part)
}

func hasPrefixWords(full, part []string) bool {
	return len(part) <= len(full) && equalWords(full[:len(part)], part)
}

// acronymOf reports whether a one-word name is the initials of a longer
// one ("HAL" of "Hindustan Aeronautics Limited").
func acronymOf(words, full []string) bool {
	if len(words) != 1 || len(full) < 2 || len(words[0]) != len(full) {
		return false
	}
	for i, w := range full {
		if w == "" || w[0] != words[0][i] {
			return false
		}
	}
	return true
}

// locative reports whether nominal i is the object of a preposition of
// place ("in Oxford", "near Kirkuk").
func locative(s *sentence, i int) bool {
	switch s.caseOf(i) {
	case "in", "at", "near", "outside", "from", "to", "into", "across", "inside", "around":
		return true
	}
	return false
}

// resolveReference finds what a pronoun or description stands for among
// the recent mentions: the nearest of a fitting type, preferring subjects.
func (a *article) resolveReference(s *sentence, m *mention) {
	want := referenceTypes(m)
	var best *mention
	bestScore := -1 << 30
	for k := len(a.recent) - 1; k >= 0; k-- {
		c := a.recent[k]
		if c.entity.Name == "" || c.generic || c.adjective() && want[schema.Person] {
			continue
		}
		if !want[c.entity.Type] {
			continue
		}
		if plural[m.refer] && c.entity.Type != schema.Group && !strings.HasSuffix(s2(c), "s") {
			continue // "they" stands for a group, or a body named in the plural
		}
		dist := s.index - a.sentOf[c]
		score := -10 * dist
		if c.subject {
			score += 3
		}
		if dist == 0 {
			score += c.start - m.start // nearer before it is better; after it is worse
			if c.start > m.start {
				continue
			}
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	switch {
	case best != nil:
		m.entity = best.entity
	case m.entity.Type == schema.Country && a.country.Name != "":
		m.entity = a.country
	default:
		m.entity = schema.Entity{}
	}
}

// plural pronouns.
var plural = setOf("they", "them", "their", "theirs", "themselves")

// s2 returns the last word of a mention's entity name, lower case.
func s2(m *mention) string {
	f := strings.Fields(strings.ToLower(m.entity.Name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// referenceTypes returns the entity types a pronoun or description can
// stand for.
func referenceTypes(m *mention) map[schema.EntityType]bool {
	switch m.refer {
	case "he", "him", "his", "himself", "she", "her", "hers", "herself":
		return map[schema.EntityType]bool{schema.Person: true}
	case "it", "its", "itself":
		return map[schema.EntityType]bool{schema.Country: true, schema.Organization: true, schema.Group: true}
	case "they", "them", "their", "theirs", "themselves":
		return map[schema.EntityType]bool{schema.Group: true, schema.Organization: true}
	}
	if m.entity.Type == schema.Country {
		return map[schema.EntityType]bool{schema.Country: true}
	}
	return map[schema.EntityType]bool{m.entity.Type: true}
}
