package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// mention is a stretch of a sentence that names or stands for an entity.
type mention struct {
	entity     schema.Entity
	start, end int // tokens, end exclusive
	head       int // the word of the span the tree hangs it from
	kind       schema.NameKind
	known      bool   // a gazetteer name
	refer      string // a pronoun or description to resolve: "he", "it", "the company"
	generic    bool   // a common noun for a kind of thing ("troops")
	honorific  bool   // named with "Mr", "Mrs", "Dr": a person
	subject    bool   // the subject of its clause
	office     bool   // a bare office ("the minister") standing for its holder
	possessor  bool   // "Moscow's"
	place      bool   // the object of a preposition of place ("in Syria")
}

// adjective reports whether the mention is a demonym or adjective
// ("Turkish", "Kenyan").
func (m *mention) adjective() bool { return m.kind == schema.Adjective }

// honorifics come before a person's name and are not part of it.
var honorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame",
	"lord", "lady", "prof", "prof.", "professor", "sen", "sen.", "rep", "rep.", "gov", "gov.",
	"gen", "gen.", "lt", "lt.", "col", "col.", "maj", "maj.", "capt", "capt.", "sgt", "sgt.",
	"adm", "adm.", "rev", "rev.", "fr", "fr.", "sheikh", "sheik", "mullah", "imam", "rabbi",
	"judge", "justice", "president", "king", "queen", "prince", "princess", "emir", "sultan",
	"pope", "ayatollah", "chancellor", "premier", "senator", "governor", "mayor", "general",
	"admiral", "commander", "colonel", "captain", "sergeant", "lieutenant", "representative",
	"congressman", "congresswoman", "speaker", "secretary", "minister", "ambassador")

// personHonorifics make the name after them a person's.
var personHonorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir",
	"dame", "lord", "lady", "prof", "prof.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen",
	"gen.", "lt", "lt.", "col", "col.", "maj", "maj.", "capt", "capt.", "sgt", "sgt.", "adm", "adm.",
	"rev", "rev.", "sheikh", "sheik", "mullah", "rabbi")

// nameParticles join the parts of a name: "Lula da Silva", "Bank of
// England", "Procter & Gamble".
var nameParticles = setOf("da", "de", "do", "dos", "das", "del", "della", "di", "du", "van",
	"von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "bint", "abu", "y", "&", "und")

// orgCues make an unknown name an organisation; placeCues a place.
var orgCues = setOf("ministry", "department", "council", "agency", "party", "forces", "force",
	"army", "navy", "police", "bank", "company", "group", "organization", "organisation", "union",
	"committee", "court", "parliament", "assembly", "office", "institute", "university", "college",
	"school", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "co",
	"co.", "ag", "sa", "nv", "gmbh", "association", "alliance", "front", "movement", "brigade",
	"brigades", "guard", "service", "services", "commission", "authority", "fund", "foundation",
	"network", "forum", "programme", "program", "initiative", "mission", "embassy", "government",
	"administration", "cabinet", "senate", "federation", "league", "coalition", "bloc", "airlines",
	"airways", "air", "motors", "motor", "holdings", "holding", "industries", "industry",
	"technologies", "technology", "systems", "international", "enterprises", "partners", "capital",
	"securities", "investments", "energy", "oil", "petroleum", "gas", "media", "news", "times",
	"post", "journal", "television", "tv", "radio", "broadcasting", "club", "fc", "f.c.", "team",
	"board", "bureau", "church", "hospital", "museum", "centre", "center", "planetarium", "trust",
	"exchange", "reserve", "treasury", "secretariat", "congress", "house", "chamber", "electric",
	"pharmaceuticals", "telecom", "communications", "entertainment", "studios", "records", "press",
	"institution", "academy", "society", "laboratory", "laboratories", "labs", "consortium",
	"cooperative", "directorate", "command", "corps", "unit", "division", "agencies", "regiment",
	"battalion", "militia", "rebels", "insurgents", "ventures", "solutions", "software", "foods",
	"brewery", "mining", "steel", "chemicals", "railways", "railway", "shipping", "lines",
	"research", "consulting", "consultancy", "analytics", "associates", "advisors", "advisers",
	"insurance", "bancorp", "financial", "electronics", "semiconductor", "pharma", "networks",
	"hotels", "resorts", "stores", "brands", "mills", "magazine", "newspaper", "gazette", "herald",
	"tribune", "daily", "weekly", "chronicle", "observer", "telegraph", "guardian", "express",
	"convention", "conference", "caucus", "org", "united", "rovers", "athletic", "wanderers", "hotspur", "albion",
	// Parties named by their members: "Christian Democrats", "Social Democrats".
	"democrats", "republicans", "socialists", "communists", "liberals", "conservatives", "nationalists",
	"unionists", "greens", "progressives", "loyalists", "separatists")

var placeCues = setOf("province", "county", "region", "district", "city", "village", "town",
	"island", "islands", "mountains", "mountain", "river", "valley", "street", "square", "airport",
	"port", "bay", "gulf", "sea", "lake", "camp", "state", "territory", "peninsula", "coast",
	"desert", "strait", "canal", "road", "avenue", "park", "bridge", "border", "plain", "plains",
	"hills", "basin", "oblast", "prefecture", "governorate", "municipality", "neighbourhood",
	"neighborhood", "quarter", "oasis", "heights", "falls", "capital")

// namedKinds are the kinds of region written as part of the region's name
// ("Maban county"), unlike "state" ("Unity state" is Unity).
var namedKinds = setOf("county", "province", "district", "region", "governorate", "prefecture", "oblast", "municipality")

// notNames are capitalised words that do not begin a name.
var notNames = setOf("the", "a", "an", "this", "that", "these", "those", "he", "she", "it",
	"they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "mr", "mrs", "ms",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
	"sept.", "oct.", "nov.", "dec.", "today", "yesterday", "tomorrow", "no.", "nos.")

// recognize finds the mentions of one sentence.
func (lx *lexicon) recognize(s *sentence) []*mention {
	n := len(s.toks)
	keys := s.keys
	var out []*mention
	covered := make([]bool, n)
	shouted := allCaps(s)
	var titled []string
	if shouted {
		// "ITALIAN COALITION MEETS": the gazetteer writes names in title
		// case.
		titled = make([]string, n)
		for i, k := range keys {
			titled[i] = titleCase(k)
		}
	}
	for i := 0; i < n; {
		m, j := lx.nameRun(s, keys, i)
		if m != nil && shouted && !m.known {
			// A headline in capitals ("HK HOTELS SOARS") has every word
			// shaped as a name: only the names the gazetteer knows are.
			m = nil
		}
		if m == nil && shouted {
			// Only countries and their adjectives: a person's name in
			// capitals may be any capitalised word ("MAY", "BUSH").
			if names, k := lx.names.longest(titled, i); k > 0 && pick(names).Entity.Type == schema.Country {
				m, j = knownMention(pick(names), i, i+k), i+k
			}
		}
		if m == nil {
			i = max(j, i+1)
			continue
		}
		if !m.known && m.end < n && placeCues[s.toks[m.end].Text] {
			// "Pariang county", "Unity state": a place, named with its
			// kind when the kind is part of the name.
			m.entity.Type = schema.Place
			if namedKinds[s.toks[m.end].Text] {
				m.end++
				j = max(j, m.end)
				m.entity.Name = s.text(m.start, m.end)
			}
		}
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
		out = append(out, m)
		i = j
	}
	for i := 0; i < n; i++ {
		if covered[i] {
			continue
		}
		if m := lx.commonNoun(s, i); m != nil {
			out = append(out, m)
		}
	}
	for _, m := range out {
		m.head = spanHead(s, m.start, m.end)
	}
	return out
}

// nameRun returns the name mention starting at token i, if any, and the
// token after it.
func (lx *lexicon) nameRun(s *sentence, keys []string, i int) (*mention, int) {
	if sentenceInitial(s, i) && startsUpper(keys[i]) {
		// "Insurgents also launched ...": a lower-case name capitalised
		// to begin the sentence.
		low := append([]string(nil), keys...)
		low[i] = strings.ToLower(keys[i])
		if names, k := lx.names.longest(low, i); k > 0 && !startsUpper(pick(names).Entity.Name) {
			if _, k2 := lx.names.longest(keys, i); k2 == 0 {
				return knownMention(pick(names), i, i+k), i + k
			}
		}
	}
	if names, k := lx.names.longest(keys, i); k > 0 && !lowerCommon(s, i, k, names) {
		j := i + k
		// A longer proper name around a gazetteer name is its own name:
		// "Turkish Airlines", "Bank of England", "Kenya Airways".
		if end := lx.properRun(s, i); end > j && (hasCue(s, j, end, orgCues) || s.lower[j] == "of" && pick(names).Entity.Type.Actor() && pick(names).Entity.Type != schema.Country) {
			return lx.unknownName(s, i, end), end
		}
		return knownMention(pick(names), i, j), j
	}
	if !nameLike(s, i) {
		// "Civil Defense Authority director ...", "Homeland Security chief
		// ...": a capitalised first word the tagger took for an adjective
		// or noun begins the body's name after it.
		if sentenceInitial(s, i) && startsUpper(s.toks[i].Text) && i+1 < len(s.toks) && (s.upos(i) == "ADJ" || s.upos(i) == "NOUN") && nameLike(s, i+1) && !notNames[s.lower[i]] {
			if end := lx.properRun(s, i+1); hasCue(s, i+1, end, orgCues) {
				return lx.unknownName(s, i, end), end
			}
		}
		return nil, i
	}
	// Honorifics and titles before a name are not part of it, nor are
	// party tags after it ("R-Ky.").
	if k := lx.titleAt(s, i); k > 0 {
		return nil, i + k
	}
	if k := partyTagLen(s, i); k > 0 {
		return nil, i + k
	}
	end := lx.properRun(s, i)
	if end == i {
		return nil, i
	}
	// A word news writes in lower case, capitalised to begin the
	// sentence, is no name ("Good", "Talks").
	if end == i+1 && (s.common[i] || s.upos(i) == "NOUN") && sentenceInitial(s, i) {
		return nil, end // "Checkpoint shootings ... killed"
	}
	// A lone capitalised adjective or cue word is no name: "English
	// captain Harry Kane", "U.S. District Judge".
	if end == i+1 && (s.upos(i) == "ADJ" || (orgCues[s.lower[i]] || placeCues[s.lower[i]]) && end < len(s.toks) && lx.titleAt(s, end) > 0) && !isAcronym(s.toks[i].Text) {
		return nil, end
	}
	// An office is no name: "from a President whose", "the Secretary of
	// State", "Kuwait's Oil Minister".
	if last := strings.TrimSuffix(s.lower[end-1], "."); lx.roleHeads[last] && !hasCue(s, i, end, orgCues) || end == i+1 && honorifics[s.lower[i]] {
		return nil, end
	}
	if _, k := lx.roles.longest(s.lower, i); k == end-i {
		return nil, end
	}
	// "Deputy Secretary of Defense", "Minister of Education": a title of
	// the "ROLE of ..." form, not a name, unless a body's word is in it.
	for r := i; r+1 < end; r++ {
		if lx.roleHeads[strings.TrimSuffix(s.lower[r], ".")] && s.lower[r+1] == "of" && !hasCue(s, i, end, orgCues) {
			return nil, end
		}
	}
	// Capitalised words before a title are part of it ("Development" of
	// "Development Secretary Hilary Benn") unless they name a body.
	if end < len(s.toks) && lx.titleAt(s, end) > 0 && end-i <= 2 && !hasCue(s, i, end, orgCues) && !hasCue(s, i, end, placeCues) &&
		startsUpper(s.toks[end].Text) && !(end == i+1 && isAcronym(s.toks[i].Text)) {
		return nil, end
	}
	// "Islamist militants", "Shia clerics": a lone capitalised adjective
	// the tagger reads as modifying a common noun describes it; it names
	// no body.
	if end == i+1 && s.upos(i) == "ADJ" && s.hasRel(i, "amod") && s.head[i] > i && s.upos(s.head[i]) == "NOUN" && !isAcronym(s.toks[i].Text) {
		return nil, end
	}
	return lx.unknownName(s, i, end), end
}

// titleCase writes a word in capitals as a name: "ITALIAN" is "Italian".
func titleCase(w string) string {
	for i := range w {
		if i > 0 {
			return w[:i] + strings.ToLower(w[i:])
		}
	}
	return w
}

// allCaps reports whether a sentence is written in capitals, as wire
// headlines are: three or more words of letters, nearly all upper case.
func allCaps(s *sentence) bool {
	words, upper := 0, 0
	for _, t := range s.toks {
		letters := false
		lower := false
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters = true
				lower = lower || unicode.IsLower(r)
			}
		}
		if letters {
			words++
			if !lower {
				upper++
			}
		}
	}
	return words >= 3 && upper*10 >= words*9
}

// lowerCommon reports whether a gazetteer match is a common word written
// in lower case ("us", "turkey").
func lowerCommon(s *sentence, i, k int, names []schema.Name) bool {
	if k != 1 || startsUpper(s.toks[i].Text) {
		return false
	}
	return commonWords[s.lower[i]] || pick(names).Entity.Type != schema.Thing && s.upos(i) != "PROPN"
}

// pick prefers a name that is its own entity over an alias.
func pick(names []schema.Name) schema.Name {
	best := names[0]
	for _, n := range names[1:] {
		if n.Kind == schema.Canonical {
			best = n
		}
	}
	return best
}

func knownMention(n schema.Name, i, j int) *mention {
	return &mention{entity: n.Entity, start: i, end: j, kind: n.Kind, known: true, generic: n.Entity.Type == schema.Thing}
}

// nameLike reports whether token i can be part of a proper name.
func nameLike(s *sentence, i int) bool {
	t := s.toks[i].Text
	if notNames[s.lower[i]] || s.upos(i) == "PUNCT" {
		return false
	}
	if s.upos(i) == "PROPN" {
		return startsUpper(t) || startsDigit(t) || strings.ContainsAny(t, "0123456789")
	}
	if !startsUpper(t) || i == 0 && s.upos(i) != "PROPN" {
		return false
	}
	switch s.upos(i) {
	case "NOUN", "ADJ", "X", "NUM", "VERB":
		return true
	}
	return false
}

// partyTagLen returns the length of a party tag at token i ("R-Ky.",
// "D-N.Y.", "R-Texas"), or 0.
func partyTagLen(s *sentence, i int) int {
	if _, ok := partyTags[strings.TrimSuffix(s.lower[i], ".")]; !ok || i+2 >= len(s.toks) || !tight(s, i+1) || !startsUpper(s.toks[i].Text) {
		return 0
	}
	j := i + 3
	for j < len(s.toks) && s.toks[j].Start == s.toks[j-1].End && s.toks[j].Text == "." {
		j++
	}
	return j - i
}

// titleAt returns the length of the honorific or title at token i that a
// name follows ("Sen.", "Foreign Minister", "Secretary of State"), or 0.
func (lx *lexicon) titleAt(s *sentence, i int) int {
	k := 0
	if honorifics[s.lower[i]] {
		k = 1
	}
	if _, n := lx.roles.longest(s.lower, i); n > k && !(n == 1 && lx.givenName(s, i)) {
		k = n
	}
	if k > 0 && i+k < len(s.toks) && (nameLike(s, i+k) || lx.titleAt(s, i+k) > 0) {
		return k
	}
	return 0
}

// givenName reports whether a capitalised one-word title at i, inside the
// sentence, is a given name instead: the title list writes it only in lower
// case ("Dean McCarron" beside "Senator", "Mayor").
func (lx *lexicon) givenName(s *sentence, i int) bool {
	return startsUpper(s.toks[i].Text) && !sentenceInitial(s, i) && !lx.capitalTitles[s.lower[i]] && !honorifics[s.lower[i]]
}

// properRun returns the end of the run of name words from i, joined by
// particles ("da", "of" after a cue, "&") and tight hyphens. A title inside
// the run ends it: "New Jersey" of "New Jersey Gov. Chris Christie".
func (lx *lexicon) properRun(s *sentence, i int) int {
	j := i
	for j < len(s.toks) {
		if j > i && lx.titleAt(s, j) > 0 {
			return j
		}
		switch {
		case j > i+1 && orgCues[s.lower[j-1]] && personAfterBody(s, j):
			return j // "the Refugee Council Enver Solomon said": the body, then its officer
		case nameLike(s, j):
			j++
		case j > i && j+1 < len(s.toks) && tight(s, j) && nameLike(s, j+1):
			j++ // "Al-Qaeda", "Coca-Cola"
		case j > i && j+1 < len(s.toks) && nameParticles[s.lower[j]] && nameLike(s, j+1):
			j++
		case j > i && j+2 < len(s.toks) && nameParticles[s.lower[j]] && tight(s, j+1) && nameLike(s, j+2):
			j += 2 // "al-Sabah"
		case j > i && j+1 < len(s.toks) && s.lower[j] == "and" && (s.common[j-1] || orgCues[s.lower[j-1]]) && nameLike(s, j+1) && hasCue(s, j+1, lx.properRun(s, j+1), orgCues):
			j++ // "Oil and Natural Gas Corporation", "U.S. Securities and Exchange Commission", "UN Relief and Works Agency"
		case j > i && j+1 < len(s.toks) && (s.lower[j] == "of" || s.lower[j] == "on" || s.lower[j] == "for") && nameLike(s, j+1) && (orgCues[s.lower[j-1]] || placeCues[s.lower[j-1]] || ofNames[s.lower[j-1]] || hasCue(s, i, j, orgCues)):
			j++ // "Bank of England", "Council on Foreign Relations", "Province of Aceh", "Council for the Welfare of Immigrants"
		case j > i && j+2 < len(s.toks) && (s.lower[j] == "for" || s.lower[j] == "of") && s.lower[j+1] == "the" && nameLike(s, j+2) && orgCues[s.lower[j-1]] && j+2 < lx.properRun(s, j+2) && startsUpper(s.toks[j+2].Text):
			j += 2 // "Joint Council for the Welfare of Immigrants"
		default:
			return j
		}
	}
	return j
}

// personAfterBody reports whether the two name words at j, after a
// body's name, read as a person named on their own: neither is a cue, and
// no name word follows ("CEO of the Refugee Council Enver Solomon said").
func personAfterBody(s *sentence, j int) bool {
	if j+1 >= len(s.toks) || !nameLike(s, j) || !nameLike(s, j+1) || s.upos(j) != "PROPN" || s.upos(j+1) != "PROPN" {
		return false
	}
	if orgCues[s.lower[j]] || orgCues[s.lower[j+1]] || placeCues[s.lower[j]] || placeCues[s.lower[j+1]] || nameParticles[s.lower[j]] {
		return false
	}
	if j+2 < len(s.toks) && (nameLike(s, j+2) || tight(s, j+2)) {
		return false
	}
	return personWords(s, j, j+2) && !isAcronym(s.toks[j].Text)
}

// ofNames are words that begin names in "X of Y" beside the cue words.
var ofNames = setOf("republic", "kingdom", "house", "secretary", "minister", "office", "house",
	"bank", "university", "duke", "archbishop", "bishop", "emirate", "state", "people", "united")

// tight reports whether token j is a hyphen written without spaces.
func tight(s *sentence, j int) bool {
	t := s.toks[j]
	return (t.Text == "-" || t.Text == "\u2010" || t.Text == "\u2011") && j > 0 &&
		s.toks[j-1].End == t.Start && j+1 < len(s.toks) && s.toks[j+1].Start == t.End
}

func hasCue(s *sentence, i, j int, cues map[string]bool) bool {
	for k := i; k < j; k++ {
		if cues[s.lower[k]] {
			return true
		}
	}
	return false
}

// unknownName types a name the gazetteer does not hold by its words.
func (lx *lexicon) unknownName(s *sentence, i, j int) *mention {
	m := &mention{start: i, end: j, kind: schema.Canonical}
	name := s.text(i, j)
	typ := schema.Person
	honorific := i > 0 && (personHonorifics[s.lower[i-1]] || honorifics[s.lower[i-1]] && startsUpper(s.toks[i-1].Text))
	switch {
	case honorific && !hasCue(s, i, j, orgCues):
		typ, m.honorific = schema.Person, true
	case hasCue(s, i, j, orgCues) || j-i == 1 && isAcronym(s.toks[i].Text):
		typ = schema.Organization
	case hasCue(s, i, j, placeCues):
		typ = schema.Place
	case j-i == 1:
		typ = schema.Organization // a lone unknown name; references or context may say otherwise
	case nameWords(s, i, j) > 4 || !personWords(s, i, j):
		typ = schema.Organization
	}
	m.entity = schema.Entity{Name: name, Type: typ}
	return m
}

// nameWords counts the words of a name, not its particles and hyphens:
// "Abdel Fattah al-Burhan" has three.
func nameWords(s *sentence, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if !nameParticles[s.lower[k]] && !tight(s, k) {
			n++
		}
	}
	return n
}

// personWords reports whether tokens i..j read as a person's name:
// capitalised words of letters, with particles and hyphens.
func personWords(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		t := s.toks[k].Text
		if nameParticles[s.lower[k]] || tight(s, k) {
			continue
		}
		if isAcronym(t) && len(t) > 2 || strings.ContainsAny(t, "0123456789") || innerCapital(t) || companySuffix(s.lower[k]) {
			return false
		}
	}
	return true
}

// innerCapital reports whether a word is written with a capital inside it
// as brands are ("InfiniBand", "SeaMicro"), not as names of the Mc, Mac,
// O', De, La and Le kinds ("McCarron", "DeVito").
func innerCapital(w string) bool {
	for _, p := range []string{"Mc", "Mac", "O'", "O’", "De", "Di", "Da", "La", "Le", "Van", "Von", "Al-", "El-", "Ben"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) && !strings.ContainsRune("-'’", rune(w[i-1])) {
			return true
		}
	}
	return false
}

// companySuffix reports whether a word ends as the names of firms do and
// people's do not ("Microsystems", "Aeronautics", "Qlogic").
func companySuffix(w string) bool {
	for _, suf := range []string{"systems", "ics", "tronic", "ware", "soft", "tech", "logic", "corp", "works", "com", "net", "bank"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// spanHead returns the word of [i, j) whose head lies outside it.
func spanHead(s *sentence, i, j int) int {
	for k := j - 1; k >= i; k-- {
		if h := s.head[k]; h < i || h >= j {
			return k
		}
	}
	return j - 1
}

// pronouns that refer to an earlier entity.
var pronouns = setOf("he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
	"itself", "they", "them", "their", "theirs", "themselves")

// descriptions are nouns that, with "the", "this" or a possessive, refer to
// an entity named before ("the company", "the country").
var descriptions = map[string]schema.EntityType{
	"company": schema.Organization, "firm": schema.Organization, "group": schema.Organization,
	"bank": schema.Organization, "carrier": schema.Organization, "airline": schema.Organization,
	"carmaker": schema.Organization, "automaker": schema.Organization, "insurer": schema.Organization,
	"retailer": schema.Organization, "lender": schema.Organization, "operator": schema.Organization,
	"giant": schema.Organization, "conglomerate": schema.Organization, "corporation": schema.Organization,
	"club": schema.Organization, "party": schema.Organization, "organisation": schema.Organization,
	"organization": schema.Organization, "agency": schema.Organization, "alliance": schema.Organization,
	"bloc": schema.Organization, "union": schema.Organization, "newspaper": schema.Organization,
	"broadcaster": schema.Organization, "network": schema.Organization, "maker": schema.Organization,
	"producer": schema.Organization, "manufacturer": schema.Organization, "supplier": schema.Organization,
	"country": schema.Country, "nation": schema.Country, "kingdom": schema.Country, "republic": schema.Country,
	"city": schema.Place, "town": schema.Place, "capital": schema.Place, "region": schema.Place,
	"province": schema.Place, "state": schema.Place, "village": schema.Place,
}

// commonNoun returns the mention a common noun or pronoun makes, if any:
// a pronoun or a description to resolve. Kinds of things ("troops",
// "oil") are the gazetteer's.
func (lx *lexicon) commonNoun(s *sentence, i int) *mention {
	low := s.lower[i]
	switch s.upos(i) {
	case "PRON":
		if pronouns[low] && !expletive(s, i) {
			return &mention{start: i, end: i + 1, refer: low}
		}
		return nil
	case "NOUN":
	default:
		return nil
	}
	// "state-owned Rosneft", "state-run": the state is the country.
	if low == "state" && i+2 < len(s.toks) && tight(s, i+1) && stateVerbs[s.lower[i+2]] {
		return &mention{start: i, end: i + 1, refer: "the state", entity: schema.Entity{Type: schema.Country}}
	}
	if t, ok := descriptions[s.lemma(i)]; ok && definite(s, i) && !nameBefore(s, i) {
		return &mention{start: i, end: i + 1, refer: "the " + s.lemma(i), entity: schema.Entity{Type: t}}
	}
	// "the prime minister", "the company's chief executive": the person
	// who holds the office, named before.
	if lx.roleHeads[s.lemma(i)] && bareOffice(s, i) && !lx.namedWith(s, i) {
		return &mention{start: i, end: i + 1, refer: "the " + s.lemma(i), office: true, entity: schema.Entity{Type: schema.Person}}
	}
	return nil
}

// nameBefore reports whether noun i is modified by a name written before
// it ("the BMW group", "the Russian government"): the phrase names what it
// is of and takes up nothing said before.
func nameBefore(s *sentence, i int) bool {
	for _, k := range s.kids[i] {
		if k < i && s.hasRel(k, "compound", "amod") && startsUpper(s.toks[k].Text) && !sentenceInitial(s, k) {
			return true
		}
	}
	return false
}

// stateVerbs follow "state-" when a state owns what they describe.
var stateVerbs = setOf("owned", "run", "controlled", "held", "backed", "funded", "sponsored")

// bareOffice reports whether role noun i is an office said with "the" and
// nothing of whose it is: "the prime minister", "the minister".
func bareOffice(s *sentence, i int) bool {
	if s.xpos(i) == "NNS" || s.xpos(i) == "NNPS" {
		return false // "the ministers" are several
	}
	from, _ := s.subtree(i)
	for k := from; k < i; k++ {
		if startsUpper(s.toks[k].Text) && k > 0 {
			return false // "the three Israeli deputy prime ministers"
		}
	}
	the := false
	for _, k := range s.kids[i] {
		switch {
		case s.lower[k] == "the" || s.lower[k] == "this":
			the = true
		case s.hasRel(k, "nmod:poss", "nmod", "appos", "flat"):
			return false
		case s.hasRel(k, "compound", "amod") && startsUpper(s.toks[k].Text):
			return false // "the UK premier", "the Thai minister"
		}
	}
	return the
}

// namedWith reports whether role noun i has a name with it ("the
// president, William Ruto"), so that it refers to nobody else.
func (lx *lexicon) namedWith(s *sentence, i int) bool {
	for _, k := range s.kids[i] {
		if s.hasRel(k, "appos", "flat") || s.hasRel(k, "compound") && k > i {
			return true
		}
	}
	return s.hasRel(i, "appos") || s.hasRel(i, "compound") && s.upos(s.head[i]) == "PROPN"
}

// definite reports whether noun i is made definite by "the", "this", a
// possessive pronoun ("its", "his") or is plural "both".
func definite(s *sentence, i int) bool {
	for _, k := range s.kids[i] {
		switch s.lower[k] {
		case "the", "this", "that", "its", "his", "her", "their", "our":
			return true
		}
		if s.hasRel(k, "nmod:poss") {
			// "the country's president", not "Russia's largest lenders":
			// a named possessor says whose, and refers to nothing before.
			return s.upos(k) != "PROPN"
		}
	}
	return false
}

// expletive reports whether "it" at i stands for nothing: "It is unseemly
// to", "it seems that".
func expletive(s *sentence, i int) bool {
	if s.lower[i] != "it" {
		return false
	}
	if s.hasRel(i, "expl") {
		return true
	}
	h := s.head[i]
	return h >= 0 && s.hasRel(i, "nsubj") && (s.child(h, "csubj", "ccomp", "xcomp") >= 0 || s.child(h, "cop") >= 0 && s.upos(h) == "ADJ")
}

// sentenceInitial reports whether only punctuation comes before token i.
func sentenceInitial(s *sentence, i int) bool {
	for k := 0; k < i; k++ {
		if s.upos(k) != "PUNCT" {
			return false
		}
	}
	return true
}
