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
	bodies   []schema.Entity     // the organisations named so far, in order
	country  schema.Entity       // the article's main country, when it has one
	names    map[string]bool     // the known entities the article names anywhere
	titles   map[string][]string // the offices said of each person, by name
}

// docEntity is one entity of the article and the names it goes by.
type docEntity struct {
	entity schema.Entity
	words  []string // folded words of its full name
	person bool
}

func newArticle(lx *lexicon) *article {
	return &article{lx: lx, sentOf: map[*mention]int{}, names: map[string]bool{}, titles: map[string][]string{}}
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
	bracketed := bracketNames(s, ms)
	for i, m := range ms {
		if j, ok := bracketed[i]; ok && ms[j].known && !m.known {
			// "the UN Relief and Works Agency (UNRWA)": the name in
			// brackets is the one the article knows.
			m.entity, m.known = ms[j].entity, true
		}
		if k, ok := bracketed[-1-i]; ok && !m.known && ms[k].entity.Name != "" {
			// The short form defined in brackets, and so later on.
			a.entities = append(a.entities, &docEntity{entity: ms[k].entity, words: foldedWords(m.entity.Name)})
			m.entity = ms[k].entity
		}
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
			if m.entity.Type == schema.Organization && m.refer == "" && !m.generic {
				a.bodies = append(a.bodies, m.entity)
			}
		}
	}
	// Keep the mentions of the last four sentences.
	for len(a.recent) > 0 && a.sentOf[a.recent[0]] < s.index-3 {
		delete(a.sentOf, a.recent[0])
		a.recent = a.recent[1:]
	}
}

// bracketNames pairs an organisation's name with the short form written
// in brackets right after it ("Texas A&M University (TAMU)"): key i gives
// the short form of mention i, key -1-j the full name of short form j.
func bracketNames(s *sentence, ms []*mention) map[int]int {
	var out map[int]int
	for i := 0; i+1 < len(ms); i++ {
		m, n := ms[i], ms[i+1]
		if m.generic || n.generic || m.refer != "" || n.refer != "" || m.entity.Type != schema.Organization ||
			n.start != m.end+1 || n.end != n.start+1 || n.end >= len(s.toks) ||
			s.toks[m.end].Text != "(" || s.toks[n.end].Text != ")" || !isAcronym(s.toks[n.start].Text) {
			continue
		}
		if out == nil {
			out = map[int]int{}
		}
		out[i], out[-1-(i+1)] = i+1, i
	}
	return out
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
		if d := a.firstNameOf(words[0]); d != nil && !m.honorific {
			m.entity = d.entity // "Dzhokhar and his brother": the one Dzhokhar the article named in full
			return
		}
	}
	if len(words) == 1 && m.entity.Type == schema.Organization && (placeOnly(s, m.head) || regionOf(s, m.head) || a.placedIn(s, m)) && !isAcronym(s.toks[m.start].Text) {
		m.entity.Type = schema.Place
	}
	a.entities = append(a.entities, &docEntity{entity: m.entity, words: words, person: m.entity.Type == schema.Person})
}

// placedIn reports whether a name is written as a place within a country:
// "Aceh in Indonesia", "Sydney, Australia", as bodies seldom are.
func (a *article) placedIn(s *sentence, m *mention) bool {
	j := m.end
	if j+1 >= len(s.toks) || !(s.lower[j] == "in" || s.lower[j] == "within" || s.toks[j].Text == ",") || m.subject {
		return false
	}
	c, end := a.lx.nameRun(s, s.keys, j+1)
	if c == nil || !c.known || c.entity.Type != schema.Country || c.kind == schema.Seat || c.adjective() {
		return false
	}
	// The country ends the phrase: "Sydney, Australia," not "Ford,
	// Germany and Japan".
	return end >= len(s.toks) || s.upos(end) == "PUNCT" && s.toks[end].Text != "-" || s.upos(end) == "ADP"
}

// firstNameOf returns the one person of the article whose full name
// begins with the word, or nil when none or several do.
func (a *article) firstNameOf(w string) *docEntity {
	var found *docEntity
	for _, d := range a.entities {
		if d.person && len(d.words) >= 2 && d.words[0] == w {
			if found != nil && found.entity != d.entity {
				return nil
			}
			found = d
		}
	}
	return found
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
	if d := a.shortFormIn(words, m); d != nil {
		return d
	}
	if len(words) == 1 && !m.honorific {
		// "President Peña" of "Enrique Peña Nieto": the first of two
		// surnames, when no name ends with the word.
		for i := len(a.entities) - 1; i >= 0; i-- {
			if d := a.entities[i]; d.person && len(d.words) >= 3 && oneOf(words[0], d.words[1:len(d.words)-1]) {
				return d
			}
		}
	}
	return nil
}

func (a *article) shortFormIn(words []string, m *mention) *docEntity {
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

// placeOnly reports whether nominal i is the object of a preposition that
// takes places rather than bodies: "in Oxford", but "sold to Gazprom",
// "bought from Exxon", "an analyst at Ovum".
func placeOnly(s *sentence, i int) bool {
	switch s.caseOf(i) {
	case "in", "near", "outside", "into", "across", "inside", "around":
		return true
	}
	return false
}

// regionOf reports whether nominal i names what a word of geography is of:
// "the coast of Aceh", "the Russian republic of Dagestan", "the outskirts
// of Kirkuk".
func regionOf(s *sentence, i int) bool {
	if s.hasRel(i, "conj") && s.head[i] >= 0 {
		i = s.head[i] // "of Husseiniyah and Yarmouk"
	}
	h := s.head[i]
	return h >= 0 && s.caseOf(i) == "of" && s.upos(h) == "NOUN" && (regionNouns[s.lemma(h)] || placeCues[s.lemma(h)] || geoNouns[s.lemma(h)])
}

// geoNouns are the words of geography that take a place's name after "of".
var geoNouns = setOf("coast", "outskirts", "north", "south", "east", "west", "northeast", "northwest",
	"southeast", "southwest", "centre", "center", "heart", "shore", "shores", "waters", "streets",
	"suburbs", "neighborhoods", "neighbourhoods", "districts", "provinces", "regions", "villages", "towns")

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
	if m.office {
		a.resolveOffice(s, m)
		return
	}
	if m.refer == "the state" {
		// "Russia's state-owned Rosneft": the country its phrase names,
		// else, for "state-owned", the article's country.
		m.entity = schema.Entity{}
		for k := len(a.recent) - 1; k >= 0; k-- {
			if c := a.recent[k]; a.sentOf[c] == s.index && c.entity.Type == schema.Country && c.start < m.start && m.start-c.end <= 3 {
				m.entity = c.entity
				break
			}
		}
		if m.entity.Name == "" && a.country.Name != "" && m.start+2 < len(s.toks) && tight(s, m.start+1) && stateVerbs[s.lower[m.start+2]] {
			// "state-owned Hindustan Aeronautics" in an article about India.
			m.entity = a.country
		}
		return
	}
	want := referenceTypes(m)
	if c := a.clauseSubject(s, m, want); c != nil {
		m.entity = c.entity
		return
	}
	quoted := s.inQuote(m.start)
	thing, thingEnd := lastThing(s, m), -1
	if thing >= 0 {
		_, thingEnd = s.subtree(thing)
	}
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
		if dist > 0 && quoted && personal[m.refer] {
			continue // "He criticized America," Rubio said: a quote's "he" is not who spoke before
		}
		score := -10 * dist
		if c.subject {
			score += 3
		}
		if c.possessor {
			score += 2
		}
		if c.place {
			score -= 4 // "in Syria and Libya": places are rarely what "it" acts for
		}
		if words, ok := kindWords[strings.TrimPrefix(m.refer, "the ")]; ok {
			// "the club" is Manchester United F.C. rather than a firm or
			// a person's holding named nearer.
			if nameHasAny(c.entity.Name, words) {
				score += 6
			} else {
				score -= 6
			}
		}
		if dist == 0 {
			if c.start > m.start {
				continue
			}
			// Nearer before it is better. For a pronoun a name of its own
			// sentence comes before the sentences past; a description
			// ("the company") more often takes up the article's topic.
			score += max((c.start-m.start)/4, -8)
			if (strings.HasPrefix(m.refer, "the ") || !possessives[m.refer] && !s.hasRel(m.head, "nsubj", "nsubj:pass")) && (inClauseSubject(s, m.head, c.head) || a.subjectEntity(s, m.head, c.entity)) {
				// "it bought 20 pct of Hk Hotels from the firm's chairman",
				// "X, a unit of Y, will own the company", "Kenya left,
				// accusing it": a description, or a pronoun object, is
				// not its own clause's subject.
				score -= 8
			}
		}
		if thing >= 0 && (dist > 0 || c.start < thingEnd) {
			continue // "signed the accord with Peru and praised it": the accord
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if words, ok := kindWords[strings.TrimPrefix(m.refer, "the ")]; ok && (best == nil || !nameHasAny(best.entity.Name, words)) {
		// "the club", said of a club the article named sentences ago.
		for k := len(a.bodies) - 1; k >= 0; k-- {
			if nameHasAny(a.bodies[k].Name, words) {
				m.entity = a.bodies[k]
				return
			}
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

// inClauseSubject reports whether word c is inside the subject of the
// clause word w is in.
func inClauseSubject(s *sentence, w, c int) bool {
	return len(clauseSubjects(s, w, c)) > 0
}

// clauseSubjects returns the subjects of the clause word w is in whose
// phrase holds word c, or all of them when c is -1.
func clauseSubjects(s *sentence, w, c int) []int {
	var out []int
	h := s.head[w]
	for steps := 0; h >= 0 && !s.verbal(h) && steps < 4; steps++ {
		h = s.head[h]
	}
	if h < 0 {
		return nil
	}
	for _, k := range s.subjects(h) {
		if from, to := s.subtree(k); c < 0 || c >= from && c < to {
			out = append(out, k)
		}
	}
	return out
}

// subjectEntity reports whether e is the entity of the subject of the
// clause word w is in ("it bought 20 pct of Hk Hotels from the firm's
// chairman": the firm is not what "it" is).
func (a *article) subjectEntity(s *sentence, w int, e schema.Entity) bool {
	for _, k := range clauseSubjects(s, w, -1) {
		for _, c := range a.recent {
			if a.sentOf[c] == s.index && c.head == k && c.entity == e {
				return true
			}
		}
	}
	return false
}

// kindWords are the words in the names of the kinds of body a description
// can stand for.
var kindWords = map[string][]string{
	"club":    {"club", "fc", "f.c.", "united", "city", "athletic", "rovers", "wanderers"},
	"bank":    {"bank", "bancorp", "banco", "reserve"},
	"party":   {"party", "democrats", "republicans", "conservatives", "labour"},
	"airline": {"airlines", "airways", "air"},
	"carrier": {"airlines", "airways", "air"},
}

// nameHasAny reports whether a name holds one of the words.
func nameHasAny(name string, words []string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		for _, k := range words {
			if w == k {
				return true
			}
		}
	}
	return false
}

// possessives are the pronouns that say whose something is.
var possessives = setOf("its", "his", "her", "their")

// clauseSubject returns the subject of the clause a possessive pronoun is
// in, when it can be what the pronoun stands for: "Canada condemned Iran's
// actions and reaffirmed its support" (its = Canada's).
func (a *article) clauseSubject(s *sentence, m *mention, want map[schema.EntityType]bool) *mention {
	if !possessives[m.refer] {
		return nil
	}
	// "Moscow's policies in Syria, as well as its annexation of Crimea":
	// the possessor of the noun its own is coordinated with.
	if n := s.head[m.head]; n >= 0 && s.head[n] >= 0 {
		var partners []int
		switch {
		case s.hasRel(n, "conj"):
			partners = []int{s.head[n]}
		case s.child(n, "cc") >= 0:
			// The parser hung the second noun on the verb: its partner
			// is the verb's object before it.
			for _, o := range s.children(s.head[n], "obj") {
				if o < n {
					partners = append(partners, o)
				}
			}
		}
		for _, q := range partners {
			for _, p := range s.children(q, "nmod:poss") {
				for _, c := range a.recent {
					if a.sentOf[c] == s.index && c.head == p && c.refer == "" && c.entity.Name != "" && want[c.entity.Type] {
						return c
					}
				}
			}
		}
	}
	h := s.head[m.head]
	for steps := 0; h >= 0 && !s.verbal(h) && steps < 4; steps++ {
		h = s.head[h]
	}
	if h < 0 || !s.verbal(h) {
		return nil
	}
	subj := map[int]bool{}
	for _, k := range s.subjects(h) {
		subj[k] = true
	}
	for k := len(a.recent) - 1; k >= 0; k-- {
		c := a.recent[k]
		if a.sentOf[c] != s.index || c.start >= m.start || !subj[c.head] {
			continue
		}
		if c.entity.Name != "" && !c.generic && want[c.entity.Type] && (!plural[m.refer] || c.entity.Type == schema.Group || strings.HasSuffix(s2(c), "s")) {
			return c
		}
	}
	return nil
}

// lastThing returns the last singular thing named with an article before
// "it" in its sentence, the object or subject of a verb ("the accord"), or
// -1: "it" then stands for the thing rather than a name before it.
func lastThing(s *sentence, m *mention) int {
	if m.refer == "them" {
		// "supported the standards but no longer supports them".
		for k := m.start - 1; k >= 0; k-- {
			if s.upos(k) == "NOUN" && s.xpos(k) == "NNS" && s.hasRel(k, "obj") && s.child(k, "compound") < 0 {
				if d := s.child(k, "det"); d >= 0 && (s.lower[d] == "the" || s.lower[d] == "these" || s.lower[d] == "those") {
					return k
				}
			}
		}
		return -1
	}
	if m.refer != "it" {
		return -1
	}
	if h := s.head[m.head]; h > m.head && s.hasRel(m.head, "nsubj") && s.verbal(h) && s.child(h, "obj") >= 0 {
		return -1 // "... the fabric, and in July it acquired Fulcrum": a doer, not the thing
	}
	for k := m.start - 1; k >= 0; k-- {
		if s.upos(k) == "NOUN" && s.xpos(k) == "NN" && s.hasRel(k, "obj", "nsubj", "nsubj:pass") && s.child(k, "det") >= 0 && s.child(k, "compound") < 0 {
			d := s.lower[s.child(k, "det")]
			if d == "the" || d == "a" || d == "an" || d == "this" {
				return k
			}
		}
	}
	return -1
}

// personal are the pronouns of a person.
var personal = setOf("he", "him", "his", "himself", "she", "her", "hers", "herself")

// inQuote reports whether token i is inside quotation marks: after an
// opening mark of its sentence not yet closed, or, in a sentence that
// opens with a quotation mark and never closes it, anywhere.
func (s *sentence) inQuote(i int) bool {
	open := false
	for k := 0; k < i; k++ {
		switch s.toks[k].Text {
		case "\u201c":
			open = true
		case "\u201d":
			open = false
		case "\"":
			open = !open
		}
	}
	return open
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
	switch m.refer {
	case "the group", "the movement", "the organisation", "the organization", "the militia":
		return map[schema.EntityType]bool{schema.Organization: true, schema.Group: true}
	}
	return map[schema.EntityType]bool{m.entity.Type: true}
}

// resolveOffice finds who a bare office stands for: the person last said
// to hold it ("Tony Blair, the prime minister ... The prime minister
// said").
func (a *article) resolveOffice(s *sentence, m *mention) {
	role := s.lemma(m.head)
	for k := len(a.recent) - 1; k >= 0; k-- {
		c := a.recent[k]
		if c.entity.Type != schema.Person || c.refer != "" && !c.office {
			continue
		}
		for _, t := range a.titles[c.entity.Name] {
			if t == role || strings.HasSuffix(t, " "+role) {
				m.entity = c.entity
				return
			}
		}
	}
	// Nobody named holds it yet: the well-known politician named last, of
	// the article's country if it has one, or the only one named lately
	// ("Tony Blair ... The prime minister").
	m.entity = schema.Entity{}
	if !stateOffices[role] {
		return
	}
	var only *mention
	for k := len(a.recent) - 1; k >= 0; k-- {
		c := a.recent[k]
		if c.entity.Type != schema.Person || c.refer != "" || a.lx.affiliations[c.entity.Name] == "" {
			continue
		}
		if a.country.Name != "" && a.lx.affiliations[c.entity.Name] == a.country.Name {
			m.entity = c.entity
			return
		}
		if only != nil && only.entity != c.entity {
			return
		}
		only = c
	}
	if only != nil {
		m.entity = only.entity
	}
}

// holds records an office said of a person.
func (a *article) holds(person, title string) {
	for _, t := range a.titles[person] {
		if t == title {
			return
		}
	}
	a.titles[person] = append(a.titles[person], title)
}
