package claims

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Offices, memberships, parts and holdings said inside noun phrases rather
// than by verbs: "Kenyan President William Ruto", "Peter Mandelson, the EU
// trade commissioner", "a spokesman for the Taliban, Zabihullah Mujahid",
// "X is the chief executive of Y", "NATO member Turkey", "Crimea, part of
// Ukraine", "Yukos's subsidiary Yugansk".

// stateOffices are the offices that, without an employer named, belong to
// the country the article is about ("President Ivan Duque").
var stateOffices = setOf("president", "prime minister", "premier", "chancellor", "king", "queen",
	"emir", "sultan", "vice president", "foreign minister", "defence minister", "defense minister",
	"finance minister", "interior minister", "minister", "home secretary", "foreign secretary",
	"secretary of state", "defense secretary", "treasury secretary", "attorney general",
	"crown prince", "supreme leader", "president-elect", "secretary", "chancellor of the exchequer",
	"deputy prime minister", "under-secretary", "undersecretary")

// personalHonorifics name a person without naming an office.
var personalHonorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir",
	"dame", "lord", "lady", "prof", "prof.", "professor", "rev", "rev.", "fr", "fr.")

// privateRoles are jobs rather than offices: a country's adjective before
// them says where the person is from, not whom they serve.
var privateRoles = setOf("professor", "academic", "analyst", "economist", "specialist", "lawyer",
	"attorney", "founder", "co-founder", "owner", "manager", "partner", "executive", "strategist",
	"businessman", "businesswoman", "tycoon", "billionaire", "banker", "broker", "trader", "investor",
	"scientist", "researcher", "expert", "consultant", "journalist", "writer", "author")

// partyOffices are the offices a party has: a party named with others is
// only its members' party.
var partyOffices = setOf("chairman", "chairwoman", "chair", "leader", "boss", "spokesman",
	"spokeswoman", "spokesperson", "secretary", "treasurer", "president", "head", "whip",
	"director", "official")

// usOffices are the offices that are the United States' when an article
// about it names no other employer ("Sen. Lindsey Graham").
var usOffices = setOf("senator", "sen", "rep", "representative", "congressman", "congresswoman",
	"speaker", "attorney general", "secretary of state", "vice president", "majority leader",
	"minority leader", "house speaker", "senate majority leader", "senate minority leader",
	"defense secretary", "secretary of defense", "treasury secretary", "secretary of the treasury",
	"homeland security secretary", "national security adviser", "national security advisor",
	"deputy attorney general", "commerce secretary", "energy secretary", "agriculture secretary",
	"special counsel")

// american reports whether the article is about the United States: it
// names the country, its Congress or either chamber, or its two parties.
func (a *article) american() bool {
	for _, n := range []string{"United States", "United States Congress", "United States Senate",
		"United States House of Representatives", "Republican Party", "Democratic Party"} {
		if a.names[n] {
			return true
		}
	}
	return false
}

// usChambers are the chambers of Congress whose seats the legislators'
// titles name.
var usChambers = map[string]string{
	"senator": "United States Senate", "sen": "United States Senate",
	"rep": "United States House of Representatives", "representative": "United States House of Representatives",
	"congressman": "United States House of Representatives", "congresswoman": "United States House of Representatives",
	"speaker": "United States House of Representatives", "house speaker": "United States House of Representatives",
}

// roleWord reports whether word i heads an office or role.
func (lx *lexicon) roleWord(s *sentence, i int) bool {
	if u := s.upos(i); u != "NOUN" && u != "PROPN" {
		return false
	}
	return lx.roleHeads[strings.TrimSuffix(s.lemma(i), ".")] || lx.roleHeads[strings.TrimSuffix(s.lower[i], ".")]
}

// office is one office said of a person in a sentence: its head word,
// its title and whose it is, when the sentence says.
type office struct {
	role      int
	title     string
	employers []schema.Entity
}

// officesOf finds the official_of claims of a sentence. Each person's
// offices are gathered from every way the sentence can say them — a title
// before the name, an apposition, a copula — and only a person the
// sentence gives no employer at all takes one by default: the employer of
// the person they are listed with, their own well-known affiliation, or
// the article's country.
func (x *Extractor) officesOf(s *sentence, ms []*mention, at []int, art *article) []found {
	byPerson := map[int][]office{}
	var people []int
	say := func(p, role int, title string, emps []schema.Entity) {
		if title == "" {
			title = strings.TrimSuffix(x.lx.roleText(s, role, at, ms), ".")
		}
		if _, ok := byPerson[p]; !ok {
			people = append(people, p)
		}
		byPerson[p] = append(byPerson[p], office{role: role, title: title, employers: emps})
	}
	for _, m := range ms {
		if m.office && m.entity.Name != "" {
			// "the UK premier", "the prime minister": an office of its
			// holder, named before.
			say(m.head, m.head, "", x.employers(s, m.head, -1, at, ms, -1))
			continue
		}
		if m.entity.Type != schema.Person || m.refer != "" {
			continue
		}
		p := m.head
		// "Kenyan President William Ruto", "Kremlin spokesman Dmitry Peskov".
		if role, title, emps, ok := x.titleBefore(s, m, at, ms); ok {
			say(p, role, title, emps)
		} else if role := x.lx.roleBefore(s, m); role >= 0 {
			say(p, role, "", x.employers(s, role, p, at, ms, m.start))
		}
		// "William Ruto, the Kenyan president"; "the president, William Ruto".
		apposed := false
		for _, r := range s.appositions(p) {
			if x.lx.roleWord(s, r) && commaBetween(s, m, r) {
				say(p, r, "", x.employers(s, r, p, at, ms, -1))
				apposed = true
			}
		}
		// The same read as written, when the parser hung the apposition
		// elsewhere: "..., Thomas Dawson, an IMF director, said".
		if r := x.apposedRole(s, m, at, ms); !apposed && r >= 0 {
			say(p, r, "", x.employers(s, r, p, at, ms, -1))
		}
	}
	// "Julian Assange of WikiLeaks", "Brad Adams, from Human Rights Watch":
	// a body named right after a person is theirs.
	for _, m := range ms {
		if m.entity.Type != schema.Person || m.refer != "" || m.end+1 >= len(s.toks) {
			continue
		}
		j := m.end
		if s.toks[j].Text == "," && j+2 < len(s.toks) && s.lower[j+1] == "from" {
			j++
		} else if s.lower[j] != "of" {
			continue
		}
		k := j + 1
		if s.lower[k] == "the" && k+1 < len(s.toks) {
			k++
		}
		if i := at[k]; i >= 0 && ms[i].start == k && ms[i].entity.Type == schema.Organization && !ms[i].generic && ms[i].refer == "" && !isParty(ms[i].entity) &&
			(ms[i].end >= len(s.toks) || s.toks[ms[i].end].Text == "," || s.upos(ms[i].end) == "VERB" || s.upos(ms[i].end) == "AUX" || s.upos(ms[i].end) == "PUNCT") {
			say(m.head, m.head, "", []schema.Entity{ms[i].entity})
		}
	}
	// "X is the chief executive of Y", "X became chairman of Y", "X, who
	// is the head of Y".
	for r := range s.words {
		if !x.lx.roleWord(s, r) || at[r] >= 0 && ms[at[r]].entity.Type == schema.Person && !ms[at[r]].generic {
			continue
		}
		for _, p := range s.predicatedOf(r) {
			if k := at[p]; k >= 0 && ms[k].entity.Type == schema.Person {
				say(p, r, "", x.employers(s, r, p, at, ms, -1))
			}
		}
	}
	var out []found
	seen := map[[2]string]bool{}
	emit := func(p int, o office, e schema.Entity) {
		key := [2]string{ms[at[p]].entity.Name, e.Name}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, found{pred: schema.OfficialOf, subj: p, obj: -1, objEntity: &e, trigger: o.role, clause: o.role, role: o.title, recipient: -1, phrase: true})
	}
	employed := map[int][]schema.Entity{}
	for _, p := range people {
		for _, o := range byPerson[p] {
			for _, e := range o.employers {
				emit(p, o, e)
				employed[p] = append(employed[p], e)
			}
		}
	}
	for _, p := range people {
		if len(employed[p]) > 0 {
			continue
		}
		o := byPerson[p][0]
		if e, ok := x.lx.affiliation(ms[at[p]].entity.Name); ok {
			emit(p, o, e)
			continue
		}
		// "British Chancellor Nigel Lawson, Foreign Secretary Geoffrey Howe".
		if q := s.listedWith(p, employed); q >= 0 || x.listedBefore(s, ms, at, p, byPerson[p][0], employed) >= 0 {
			if q < 0 {
				q = x.listedBefore(s, ms, at, p, byPerson[p][0], employed)
			}
			for _, e := range employed[q] {
				emit(p, o, e)
			}
			continue
		}
		if hasEmployerPhrase(s, o.role, at) {
			continue // "a representative for the LA Sheriff's office": whose it is, said in words we do not know
		}
		if e, ok := x.defaultEmployer(ms[at[p]], o.title, strings.TrimSuffix(s.lemma(o.role), "."), art); ok {
			emit(p, o, e)
		}
	}
	return out
}

// addressed reports whether word b is a verb whose object is who was told
// ("told Reuters", "informed the BBC").
func addressed(s *sentence, b int) bool {
	return b >= 0 && s.verbal(b) && oneOf(s.lemma(b), []string{"tell", "inform", "brief", "assure"})
}

// apposedRole returns the role noun of a phrase set off by a comma right
// after person m ("Thomas Dawson, an IMF director,", "X, an analyst with
// Y"), or -1.
func (x *Extractor) apposedRole(s *sentence, m *mention, at []int, ms []*mention) int {
	j := m.end
	if j+2 >= len(s.toks) || s.toks[j].Text != "," {
		return -1
	}
	j++
	if u := s.upos(j); u == "DET" {
		j++
	}
	r := -1
	for k := j; k < len(s.toks) && k < j+6; k++ {
		switch {
		case s.toks[k].Text == "," || s.upos(k) == "PUNCT":
			if r == k-1 {
				return r
			}
			return -1
		case x.lx.roleWord(s, k):
			r = k
		case r == k-1 && oneOf(s.lower[k], []string{"of", "at", "with", "for"}):
			return r // "Dean McCarron, principal analyst at Mercury Research"
		case r == k-1 && at[k] >= 0 && ms[at[k]].start == k && ms[at[k]].entity.Type == schema.Organization:
			return r // "Dinesh Keskar, senior vice president Boeing"
		case !phraseWord(s, k):
			return -1
		}
	}
	return -1
}

// commaBetween reports whether an apposition r of mention m is set off by
// a comma, bracket or dash, as appositions are: the parser takes names
// listed with "and" for appositions too.
func commaBetween(s *sentence, m *mention, r int) bool {
	sep := func(j int) bool {
		if j < 0 || j >= len(s.toks) {
			return false
		}
		switch s.toks[j].Text {
		case ",", "(", "-", "\u2013", "\u2014", ":":
			return true
		}
		return false
	}
	if r >= m.end {
		return sep(m.end)
	}
	j := m.start - 1
	for j > r && (honorifics[s.lower[j]] || personalHonorifics[s.lower[j]]) {
		j-- // "Oil Minister, Sheikh Ali al-Sabah"
	}
	return sep(j)
}

// listedBefore reads as written a person listed right before p's title
// ("Nigel Lawson, Foreign Secretary Geoffrey Howe"), who has an employer,
// or -1: the parser often breaks such lists up.
func (x *Extractor) listedBefore(s *sentence, ms []*mention, at []int, p int, o office, employed map[int][]schema.Entity) int {
	if o.role < 0 || o.role >= p {
		return -1
	}
	j := o.role
	for j > 0 && (startsUpper(s.toks[j-1].Text) && at[j-1] < 0 || s.lower[j-1] == "of" || s.lower[j-1] == "the") {
		j-- // "Foreign", "Chancellor of the"
	}
	if j < 2 || s.toks[j-1].Text != "," && s.lower[j-1] != "and" {
		return -1
	}
	if q := at[j-2]; q >= 0 && ms[q].entity.Type == schema.Person && ms[q].end == j-1 && len(employed[ms[q].head]) > 0 {
		return ms[q].head
	}
	return -1
}

// listedWith returns a person with an employer whom p is coordinated with,
// or -1.
func (s *sentence) listedWith(p int, employed map[int][]schema.Entity) int {
	for _, c := range s.conjuncts(p) {
		if c != p && len(employed[c]) > 0 {
			return c
		}
	}
	if s.hasRel(p, "conj") {
		if h := s.head[p]; len(employed[h]) > 0 {
			return h
		}
	}
	return -1
}

// hasEmployerPhrase reports whether role r has an "of", "for", "at" or
// "with" phrase, which says whose office it is.
func hasEmployerPhrase(s *sentence, r int, at []int) bool {
	if r < 0 {
		return false
	}
	for _, k := range s.kids[r] {
		if s.hasRel(k, "nmod") && oneOf(s.caseOf(k), []string{"of", "for", "at", "with"}) && !(s.caseOf(k) == "of" && startsUpper(s.toks[k].Text) && at[k] < 0) {
			return true // not the title's own words: "Secretary of Defense"
		}
	}
	return false
}

// defaultEmployer returns whose office an office named without an
// employer is: a well-known person's own, the United States' for its
// offices in an article that names it, or the article's country for the
// offices of a state.
func (x *Extractor) defaultEmployer(m *mention, role, lemma string, art *article) (schema.Entity, bool) {
	if !stateOffices[role] && !stateOffices[lemma] && !usOffices[role] && !usOffices[lemma] {
		return schema.Entity{}, false
	}
	if e, ok := x.lx.affiliation(m.entity.Name); ok {
		return e, true
	}
	if (usOffices[role] || usOffices[lemma]) && art.american() {
		// "Sen. Lindsey Graham", "Rep. Adam Schiff", "Speaker Paul Ryan":
		// a legislator holds a seat of the chamber.
		for _, k := range []string{role, lemma} {
			if chamber, ok := usChambers[k]; ok {
				if e, ok := x.lx.canonical[chamber]; ok {
					return e, true
				}
			}
		}
		return x.lx.canonical["United States"], true
	}
	if art.country.Name != "" {
		return art.country, true
	}
	return schema.Entity{}, false
}

// titleBefore reads the words written right before a person's name as a
// title and its employer: "UK Prime Minister", "India's petroleum
// minister Mr", "Oil and Natural Gas Corporation chairman". It returns the
// title's head word, the employers, and whether there was a title. The
// words are read as written because names run together ("UK Prime
// Minister Tony Blair and South African President Thabo Mbeki") are what
// the parser gets wrong most.
func (x *Extractor) titleBefore(s *sentence, m *mention, at []int, ms []*mention) (int, string, []schema.Entity, bool) {
	role := -1
	j := m.start - 1
	var ofEmp []schema.Entity
	ofTitle := ""
	if r, emp, t, ok := x.ofTitle(s, m, at, ms); ok {
		role, j, ofTitle = r, r-1, t
		if emp != nil {
			ofEmp = append(ofEmp, *emp)
		}
	}
	for ; j >= 0; j-- {
		if i := at[j]; i >= 0 && !ms[i].generic && !(role >= 0 && s.common[j] && !ms[i].known) {
			break
		}
		low := strings.TrimSuffix(s.lower[j], ".")
		switch {
		case personalHonorifics[s.lower[j]] && role < 0:
			continue // "Mr", "Dr": a person, not an office
		case x.lx.roleHeads[low] || honorifics[s.lower[j]]:
			if role < 0 || !honorifics[s.lower[role]] && honorifics[s.lower[j]] {
				if role < 0 {
					role = j
				}
			}
			if role >= 0 && honorifics[s.lower[role]] && x.lx.roleHeads[low] && !honorifics[s.lower[j]] {
				if _, n := x.lx.roles.longest(s.lower, j); n < role-j+1 {
					role = j // "minister Mr Aiyar": the office is the minister's, but "Attorney General" is one title
				}
			}
			continue
		case role >= 0 && (s.upos(j) == "NOUN" || s.upos(j) == "ADJ" || s.upos(j) == "PROPN" && startsUpper(s.toks[j].Text) && (at[j] < 0 || s.common[j])):
			continue // "petroleum", "Prime", "chief", "Oil"
		case role >= 0 && s.lower[j] == "and" && j > 0 && (s.upos(j-1) == "ADJ" || s.upos(j-1) == "NOUN" || x.lx.roleHeads[s.lower[j-1]]):
			continue // "interior and overseas minister", "chairman and chief executive"
		}
		break
	}
	if role < 0 {
		return -1, "", nil, false
	}
	var words []string
	for k := j + 1; k <= role; k++ {
		if !honorifics[s.lower[k]] || x.lx.roleHeads[strings.TrimSuffix(s.lower[k], ".")] {
			words = append(words, strings.TrimSuffix(s.lower[k], "."))
		}
	}
	if ofTitle != "" {
		words = append(words, ofTitle)
	}
	title := strings.Join(words, " ")
	out := ofEmp
	for k := 0; k < 2 && j >= 0; k++ {
		if s.lower[j] == "'s" || s.lower[j] == "'" {
			j--
			continue
		}
		i := at[j]
		if i < 0 || ms[i].generic || ms[i].entity.Name == "" {
			break
		}
		if h := s.head[ms[i].head]; h >= 0 && h < ms[i].start && s.verbal(h) && s.hasRel(ms[i].head, "obj", "iobj") {
			break // "told Reuters Finance Secretary Jaime Ongpin": not in the name's phrase
		}
		if b := ms[i].start - 1; b >= 0 && ms[i].entity.Type != schema.Country && (addressed(s, b) || s.lower[b] == "the" && addressed(s, b-1)) {
			// The same, however the parser hung it: a body told something
			// is no employer ("told US President Biden" still is).
			break
		}
		e := ms[i].entity
		if e.Type == schema.Person {
			var ok bool
			if e, ok = x.lx.affiliation(e.Name); !ok {
				break
			}
		}
		if e.Type == schema.Thing || isParty(e) && !partyOffices[strings.TrimSuffix(s.lemma(role), ".")] {
			break
		}
		if ms[i].adjective() && e.Type == schema.Country && privateRoles[strings.TrimSuffix(s.lemma(role), ".")] {
			break // "American professor Marc Lamont Hill" is American, not the state's
		}
		out = append(out, e)
		j = ms[i].start - 1
	}
	return role, title, out, true
}

// ofTitle reads a title of the form "ROLE of ..." written right before a
// person's name: "Secretary of State John Kerry", "Minister of Education
// Stefania Giannini", "Governor of the Bank of England Robin
// Leigh-Pemberton", "Chancellor of the Exchequer Nigel Lawson". It returns
// the role word, the employer the "of" phrase names (or nil when its words
// are the title's own, "of State"), and those title words.
func (x *Extractor) ofTitle(s *sentence, m *mention, at []int, ms []*mention) (int, *schema.Entity, string, bool) {
	for o := m.start - 2; o >= 1 && o >= m.start-7; o-- {
		if s.lower[o] != "of" {
			continue
		}
		r := o - 1
		if !x.lx.roleHeads[strings.TrimSuffix(s.lower[r], ".")] || !startsUpper(s.toks[r].Text) {
			continue // the "of" of a body's name: "Governor of the Bank of England"
		}
		k := o + 1
		if s.lower[k] == "the" {
			k++
		}
		if i := at[k]; i >= 0 && ms[i].end == m.start && !ms[i].generic && ms[i].entity.Name != "" && ms[i].entity.Type != schema.Person && ms[i].entity.Type != schema.Thing {
			e := ms[i].entity
			if ms[i].kind == schema.Seat {
				// "Governor of Washington": the place itself, not the
				// state it is the seat of.
				e = schema.Entity{Name: s.text(ms[i].start, ms[i].end), Type: schema.Place}
			}
			return r, &e, "", true
		}
		var words []string
		for t := o; t < m.start; t++ {
			if at[t] >= 0 || !(s.common[t] || startsUpper(s.toks[t].Text) || s.lower[t] == "of" || s.lower[t] == "for" || s.lower[t] == "the" || s.lower[t] == "and") {
				return -1, nil, "", false
			}
			words = append(words, s.lower[t])
		}
		return r, nil, strings.Join(words, " "), true
	}
	return -1, nil, "", false
}

// roleBefore finds the office named before a person's name in its noun
// phrase: a role noun among the name's modifiers, or the name's own first
// words' head ("President" of "President Obama").
func (lx *lexicon) roleBefore(s *sentence, m *mention) int {
	for _, k := range s.kids[m.head] {
		if k < m.start && s.hasRel(k, "compound", "amod", "nmod", "flat", "appos", "nmod:poss") && lx.roleWord(s, k) {
			return k
		}
	}
	// A role the parser hung elsewhere but written right before the name.
	if j := m.start - 1; j >= 0 && lx.roleWord(s, j) && (s.head[j] == m.head || s.head[m.head] == j) {
		return j
	}
	return -1
}

// appositions returns the nominals in apposition with p, either way.
func (s *sentence) appositions(p int) []int {
	out := s.children(p, "appos")
	if s.hasRel(p, "appos") && s.head[p] >= 0 {
		out = append(out, s.head[p])
	}
	return out
}

// predicatedOf returns who a role noun is said of: the subject of its
// copula ("X is the CEO"), of the verb it completes ("X became CEO", "X
// was named chairman"), or the noun a relative clause around it describes.
func (s *sentence) predicatedOf(r int) []int {
	var out []int
	if s.child(r, "cop") >= 0 {
		for _, k := range s.children(r, "nsubj") {
			if s.upos(k) == "PRON" && relatives[s.lower[k]] && s.hasRel(r, "acl:relcl") {
				out = append(out, s.antecedent(r))
			} else {
				out = append(out, s.conjuncts(k)...)
			}
		}
	}
	if s.hasRel(r, "xcomp") && s.head[r] >= 0 {
		switch s.lemma(s.head[r]) {
		case "become", "remain", "name", "appoint", "elect", "make", "serve", "stay", "install", "nominate", "choose", "select", "confirm":
			h := s.head[r]
			if o := s.children(h, "obj"); len(o) > 0 {
				out = append(out, o...)
			} else {
				out = append(out, s.subjects(h)...)
			}
		}
	}
	if s.hasRel(r, "obl") && s.caseOf(r) == "as" && s.head[r] >= 0 {
		out = append(out, s.subjects(s.head[r])...) // "X, who served as CEO of Y"
	}
	return out
}

// employers returns whose office role r is: its possessor, a name or
// adjective before it, or its "of", "for", "at" or "with" phrase, and
// before nameStart (when not -1) the modifiers of the name p itself.
func (x *Extractor) employers(s *sentence, r, p int, at []int, ms []*mention, nameStart int) []schema.Entity {
	var out []schema.Entity
	consider := func(k int) {
		i := at[k]
		if k == p || i < 0 {
			return
		}
		if s.lemma(r) == "counterpart" && (ms[i].entity.Type == schema.Person || ms[i].refer != "") {
			return // "his Russian counterpart": the counterpart of his office, not its holder's
		}
		m := ms[i]
		if hyphenModifier(s, m.end) >= 0 {
			return // "director of Sheffield-based MEPS" works for MEPS
		}
		e := m.entity
		if e.Type == schema.Person {
			// "President Obama's adviser" works for Obama's country.
			var ok bool
			if e, ok = x.lx.affiliation(e.Name); !ok {
				return
			}
		}
		if m.generic || e.Name == "" || e.Type == schema.Thing {
			return
		}
		if isParty(e) && !partyOffices[s.lemma(r)] {
			return // "Republican Sen. John Thune" is a member of his party, not its official
		}
		for _, o := range out {
			if o == e {
				return
			}
		}
		out = append(out, e)
	}
	var walk func(k int, depth int)
	walk = func(k int, depth int) {
		for _, c := range s.kids[k] {
			switch {
			case c == p:
			case depth == 0 && s.hasRel(c, "conj") && x.lx.roleWord(s, c):
				// "chairman and chief executive of AMD": the body named
				// after the last office is every office's.
				walk(c, depth+1)
			case s.hasRel(c, "nmod:poss", "compound", "amod", "flat"):
				consider(c)
				if depth < 2 {
					walk(c, depth+1)
				}
			case s.hasRel(c, "nmod") && oneOf(s.caseOf(c), []string{"of", "for", "at", "with", "in"}):
				if s.caseOf(c) == "in" && at[c] >= 0 && ms[at[c]].entity.Type != schema.Organization {
					continue // "the ambassador in Ankara" is posted, not employed
				}
				if named := s.namedBy(c, at, ms); named >= 0 {
					consider(named) // "leader of Gaza's militant group Hamas" is Hamas's
					continue
				}
				consider(c)
				// "head of UK equities": the words of what the office is
				// over are not its employer; a body's name goes on.
				if depth < 2 && (at[c] >= 0 && !ms[at[c]].generic || orgCues[s.lower[c]] || placeCues[s.lower[c]] || standIns[s.lower[c]] || x.lx.roleWord(s, c)) {
					walk(c, depth+1)
				} else if at[c] < 0 {
					// "head of UK equities for Standard Life Investments":
					// the body the office is held at, hung on its domain.
					for _, g := range s.kids[c] {
						if s.hasRel(g, "nmod") && oneOf(s.caseOf(g), []string{"for", "at", "with"}) && at[g] >= 0 && ms[at[g]].entity.Type == schema.Organization {
							consider(g)
						}
					}
				}
			}
		}
	}
	walk(r, 0)
	if len(out) == 0 {
		if k := x.workplaceAfter(s, r, at, ms); k >= 0 {
			consider(k)
		}
	}
	// Modifiers of the name itself: "US Secretary of State Mike Pompeo".
	if nameStart >= 0 {
		for _, c := range s.kids[p] {
			if c < nameStart && c != r && s.hasRel(c, "compound", "amod", "nmod:poss") {
				consider(c)
			}
		}
	}
	return out
}

// workplaceAfter reads, as written, the body a role's phrase ends with
// when the parser hung it elsewhere: "group vice president for enterprise
// platform research at IDC", "senior vice-president for consumer products
// at ATI". It returns the body's word, or -1.
func (x *Extractor) workplaceAfter(s *sentence, r int, at []int, ms []*mention) int {
	sawOf := false // past the "of" phrase of what the office is over
	for k := r + 1; k+1 < len(s.toks) && k <= r+8; k++ {
		switch {
		case s.lower[k] == "at" || s.lower[k] == "with" || s.lower[k] == "for" && sawOf:
			// "head of UK equities for Standard Life Investments": after
			// what the office is over, whom it is held for.
			j := k + 1
			for j < len(s.toks) && (s.upos(j) == "DET" || at[j] < 0 && s.upos(j) == "NOUN") {
				j++ // "at research firm IDC Canada"
			}
			if j < len(s.toks) && at[j] >= 0 && ms[at[j]].entity.Type == schema.Organization && !ms[at[j]].generic && ms[at[j]].refer == "" {
				return ms[at[j]].head
			}
			k = j - 1 // "editor at large at the Saudi Gazette": read on
		case k == r+1 && at[k] >= 0 && ms[at[k]].start == k && ms[at[k]].entity.Type == schema.Organization && !ms[at[k]].generic && ms[at[k]].refer == "":
			return ms[at[k]].head // "senior vice president Boeing"
		case s.lower[k] == "of":
			sawOf = true
		case sawOf && at[k] >= 0 && ms[at[k]].entity.Type != schema.Organization:
		case s.lower[k] == "for" || s.lower[k] == "and" || phraseWord(s, k) && at[k] < 0:
		default:
			return -1
		}
	}
	return -1
}

// namedBy returns the name a common noun is given right after it ("group
// Hamas", "the agency UNRWA"), or -1.
func (s *sentence) namedBy(c int, at []int, ms []*mention) int {
	if at[c] >= 0 && !ms[at[c]].generic && ms[at[c]].refer == "" {
		return -1
	}
	for _, k := range s.kids[c] {
		if k > c && s.hasRel(k, "flat", "compound", "appos") && at[k] >= 0 && !ms[at[k]].generic && ms[at[k]].entity.Name != "" {
			return k
		}
	}
	return -1
}

// roleText writes the office: the role noun with the plain words before
// it in its phrase ("foreign minister", "chief technology officer").
func (lx *lexicon) roleText(s *sentence, r int, at []int, ms []*mention) string {
	words := []string{s.lower[r]}
	for k := r - 1; k >= 0; k-- {
		if s.head[k] != r && !(s.head[k] >= 0 && s.head[s.head[k]] == r) {
			break
		}
		if at[k] >= 0 && !ms[at[k]].generic || s.upos(k) == "DET" || s.upos(k) == "PUNCT" || s.upos(k) == "PRON" || s.upos(k) == "AUX" ||
			s.upos(k) == "VERB" || s.upos(k) == "PART" || s.possessive(k) || s.lower[k] == "'s" {
			break
		}
		words = append([]string{s.lower[k]}, words...)
	}
	return strings.Join(words, " ")
}

// affiliation returns whose office a well-known person holds.
func (lx *lexicon) affiliation(person string) (schema.Entity, bool) {
	name, ok := lx.affiliations[person]
	if !ok {
		return schema.Entity{}, false
	}
	e, ok := lx.canonical[name]
	return e, ok
}

// isParty reports whether an entity is a political party.
func isParty(e schema.Entity) bool {
	return e.Type == schema.Organization && (strings.HasSuffix(e.Name, " Party") || e.Name == "Liberal Democrats")
}

// partyTags are the letters after a legislator's name: "R-Texas", "(D)".
var partyTags = map[string]string{"r": "Republican Party", "d": "Democratic Party"}

// membershipsOf finds the parties the people of a sentence belong to:
// "Republican Sen. John Thune", "Rep. Steve Stivers, Republican of Ohio",
// "his Democratic opponent, Hillary Clinton", "Sen. Elizabeth Warren,
// D-Mass.".
func (x *Extractor) membershipsOf(s *sentence, ms []*mention, at []int) []found {
	var out []found
	seen := map[string]bool{}
	add := func(person int, party schema.Entity) {
		if seen[party.Name+"\x00"+ms[at[person]].entity.Name] {
			return
		}
		seen[party.Name+"\x00"+ms[at[person]].entity.Name] = true
		out = append(out, found{pred: schema.MemberOf, subj: person, obj: -1, objEntity: &party, trigger: person, clause: person, recipient: -1, phrase: true})
	}
	partiesIn := func(from, to int, fn func(schema.Entity)) {
		for k := from; k < to; k++ {
			if i := at[k]; i >= 0 && (k == ms[i].start) && isParty(ms[i].entity) {
				fn(ms[i].entity)
			}
		}
	}
	for _, m := range ms {
		if m.entity.Type != schema.Person || m.refer != "" {
			continue
		}
		p := m.head
		person := func(e schema.Entity) { add(p, e) }
		partyRole := false // "Liberal Democrat leader Charles Kennedy" holds a party office: official_of says it
		for j := m.start - 1; j >= 0 && j >= m.start-4 && phraseWord(s, j); j-- {
			if partyOffices[strings.TrimSuffix(s.lemma(j), ".")] {
				partyRole = true
			}
		}
		// Modifiers before the name.
		for _, k := range s.kids[p] {
			if partyRole {
				break
			}
			if k < m.start && !s.hasRel(k, "acl", "acl:relcl", "det") {
				from, to := s.subtree(k)
				partiesIn(from, min(to, m.start), person)
			}
		}
		// Appositions: "Republican of Ohio", "the Texas Republican".
		for _, a := range s.appositions(p) {
			from, to := s.subtree(a)
			if a < p {
				to = min(to, m.start)
			}
			for _, k := range s.kids[a] {
				if s.hasRel(k, "acl:relcl") {
					kf, _ := s.subtree(k)
					to = min(to, kf)
				}
			}
			partiesIn(max(from, a-4), to, person)
		}
		// Read as written, since the parser hangs party words anywhere:
		// "Republican presidential candidate Mitt Romney", "Democrat John
		// Kerry" before the name; ", Republican of Wisconsin", ", the Texas
		// Republican", ", a Democrat" right after it.
		for j := m.start - 1; j >= 0 && j >= m.start-4 && phraseWord(s, j); j-- {
			if i := at[j]; i >= 0 && ms[i].start == j && isParty(ms[i].entity) && !partyRole {
				person(ms[i].entity)
			}
		}
		if j := m.end; j+1 < len(s.toks) && s.toks[j].Text == "," {
			j++
			if s.lower[j] == "the" || s.lower[j] == "a" || s.lower[j] == "an" {
				j++
			}
			for k := j; k < len(s.toks) && k < j+4 && phraseWord(s, k); k++ {
				if i := at[k]; i >= 0 && ms[i].start == k && isParty(ms[i].entity) {
					person(ms[i].entity)
					break
				}
			}
		}
		// Tags after the name: "R-Ky.", "(D)".
		if e, ok := x.partyTag(s, m.end); ok {
			person(e)
		}
	}
	return out
}

// phraseWord reports whether token j can be inside a name's descriptive
// phrase: a noun, adjective or name, not a verb, pronoun or punctuation.
func phraseWord(s *sentence, j int) bool {
	switch s.upos(j) {
	case "NOUN", "PROPN", "ADJ", "NUM":
		return true
	}
	return false
}

// partyTag reads "R-Ky.", ", D-N.Y." or "(R)" at token j.
func (x *Extractor) partyTag(s *sentence, j int) (schema.Entity, bool) {
	if j < len(s.toks) && (s.toks[j].Text == "," || s.toks[j].Text == "(") {
		j++
	}
	if j >= len(s.toks) {
		return schema.Entity{}, false
	}
	name, ok := partyTags[strings.TrimSuffix(s.lower[j], ".")]
	if !ok || !startsUpper(s.toks[j].Text) || j+1 >= len(s.toks) {
		return schema.Entity{}, false
	}
	next := s.toks[j+1].Text
	if next == ")" || next == "-" && s.toks[j+1].Start == s.toks[j].End {
		e, ok := x.lx.canonical[name]
		return e, ok
	}
	return schema.Entity{}, false
}
