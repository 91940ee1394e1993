package ingest

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// resolver carries what an article has named so far, so that later
// sentences can refer back: surnames to people named in full, "the
// minister" to the last minister, "it" and "he" to the last actor of their
// kind, "the two countries" to the last pair.
type resolver struct {
	lx     *lexicon
	people map[string]schema.Entity // folded full name and surname → person
	roles  []Mention                // people named with a title, latest last
	person *schema.Entity           // the last person named
	actor  *schema.Entity           // the last country or organisation acting
	// sentence counts sentences; personAt and actorAt are the sentences
	// where person and actor were last named: a pronoun reaches back two.
	sentence, personAt, actorAt, pairAt int
	pair                                []schema.Entity // the last two actors named together
	recent                              []seen          // entities named lately, latest last
}

// seen is an entity and the sentence it was named in.
type seen struct {
	entity schema.Entity
	at     int
}

func newResolver(lx *lexicon) *resolver {
	return &resolver{lx: lx, people: map[string]schema.Entity{}}
}

// plural phrases that stand for the last pair of actors named together.
var pairPhrases = [][]string{
	{"the", "two", "countries"}, {"both", "countries"}, {"the", "two", "nations"},
	{"both", "nations"}, {"both", "sides"}, {"the", "two", "sides"}, {"the", "two", "leaders"},
	{"the", "two", "ministers"}, {"both", "parties"}, {"the", "two", "presidents"},
	{"the", "allies"}, {"the", "two", "allies"}, {"the", "two", "men"}, {"the", "two"},
	{"they"}, {"their"}, {"them"},
}

// pairBefore returns the two actors named earlier in the same sentence
// that an explicit plural ("the two countries", "both leaders") stands for,
// when there are exactly two: "Kishida held talks with Marcos, and the two
// countries signed a pact" are Japan and the Philippines, whatever pair the
// sentence before named. Only a phrase that opens a clause of its own after
// "and" or "but" counts: in "Iraq and Oman hosted talks between the two
// countries" the two are others. People stand for their countries when the
// phrase says countries or nations. Bare "they" and "their" are left to the
// pair named together last: they often mean something else.
func pairBefore(phrase []string, toks []Token, i int, before []Mention) []schema.Entity {
	if i == 0 || toks[i-1].Lower != "and" && toks[i-1].Lower != "but" {
		return nil
	}
	explicit, countries := false, false
	for _, w := range phrase {
		explicit = explicit || w == "two" || w == "both"
		countries = countries || w == "countries" || w == "nations"
	}
	if !explicit {
		return nil
	}
	var out []schema.Entity
	for _, m := range before {
		if m.Weak || m.Pronoun || m.adjectival() || !m.Entity.Type.Actor() {
			continue
		}
		e := m.Entity
		if e.Type == schema.Person && countries {
			if m.Employer == nil || m.Employer.Type != schema.Country {
				continue
			}
			e = *m.Employer
		}
		if countries && e.Type != schema.Country {
			continue
		}
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// kindNouns are definite descriptions that stand for the last entity of a
// type named: "the group" for Hezbollah, "the bloc" for the EU.
var kindNouns = map[string][]schema.EntityType{
	"group": {schema.Group}, "militia": {schema.Group}, "militants": {schema.Group}, "rebels": {schema.Group},
	"bloc": {schema.Organization}, "alliance": {schema.Organization}, "organisation": {schema.Organization},
	"organization": {schema.Organization}, "agency": {schema.Organization},
}

// resolve rewrites a sentence's mentions: weak single words become the
// person they are the surname of, and pronouns and references become the
// entity they stand for. It then remembers what the sentence named.
func (r *resolver) resolve(toks []Token, ments []Mention) []Mention {
	for k := range ments {
		r.resolveName(&ments[k])
	}
	ments = r.addReferences(toks, ments)
	r.remember(toks, ments)
	return ments
}

// resolveName maps a name to a person named earlier in full.
func (r *resolver) resolveName(m *Mention) {
	if m.Entity.Type != schema.Person && !m.Weak {
		return
	}
	key := fold(m.Entity.Name)
	if e, ok := r.people[key]; ok {
		m.Entity, m.Weak = e, false
		return
	}
	if !strings.Contains(key, " ") {
		if e, ok := r.lx.surnames[key]; ok {
			m.Entity, m.Weak = e, false
		}
	}
}

// addReferences adds mentions for pronouns and referring phrases.
func (r *resolver) addReferences(toks []Token, ments []Mention) []Mention {
	var out []Mention
	next := 0
	for i := 0; i < len(toks); i++ {
		for next < len(ments) && ments[next].Start <= i {
			out = append(out, ments[next])
			i = max(i, ments[next].End-1)
			next++
		}
		if i >= len(toks) || mentionAt(ments, i) >= 0 {
			continue
		}
		if refs, n := r.reference(toks, i, out); n > 0 {
			out = append(out, refs...)
			i += n - 1
		}
	}
	return append(out, ments[next:]...)
}

// reference resolves the referring expression at toks[i], if any, to its
// mentions (several for a pair) and its length in tokens.
func (r *resolver) reference(toks []Token, i int, before []Mention) ([]Mention, int) {
	for _, phrase := range pairPhrases {
		if !hasWords(toks, i, phrase) {
			continue
		}
		pair := r.pair
		if len(r.pair) != 2 || r.sentence-r.pairAt > 1 {
			pair = nil
		}
		if p := pairBefore(phrase, toks, i, before); p != nil {
			pair = p
		}
		if pair != nil {
			var out []Mention
			for _, e := range pair {
				out = append(out, Mention{Entity: e, Start: i, End: i + len(phrase), Kind: schema.Alias, Pronoun: true})
			}
			return out, len(phrase)
		}
	}
	w := toks[i].Lower
	if w == "the" && i+1 < len(toks) {
		if types, ok := kindNouns[toks[i+1].Lower]; ok {
			if e := r.lastOfType(types, before); e != nil {
				return []Mention{{Entity: *e, Start: i, End: i + 2, Kind: schema.Alias, Pronoun: true}}, 2
			}
		}
	}
	if typ, ok := pronouns[w]; ok {
		if e := r.antecedent(typ, toks, i, before); e != nil {
			return []Mention{{Entity: *e, Start: i, End: i + 1, Kind: schema.Alias, Pronoun: true}}, 1
		}
		return nil, 0
	}
	if w == "the" && i+1 < len(toks) {
		if _, n := r.lx.titles.longest(toks, i+1, lowerKey); n > 0 {
			if e := r.holder(tokenText(toks, i+1, i+1+n)); e != nil && personAt(before, toks, i+1+n) < 0 {
				return []Mention{{Entity: *e, Start: i, End: i + 1 + n, Kind: schema.Alias, Pronoun: true}}, 1 + n
			}
		}
	}
	return nil, 0
}

func hasWords(toks []Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Lower != w {
			return false
		}
	}
	return true
}

// antecedent finds what the pronoun at toks[i] stands for. A subject
// pronoun ("it opposes", "as it blames") and a possessive after a verb
// ("reaffirmed its support") stand for the sentence's subject: its first
// fitting mention. Other possessives ("as well as its annexation", "due to
// its acquisition") stand for the nearest fitting mention, a possessor
// first. Failing those, the last one named in the two sentences before.
func (r *resolver) antecedent(typ schema.EntityType, toks []Token, i int, before []Mention) *schema.Entity {
	wantPerson := typ == schema.Person
	var fits []Mention
	for k, m := range before {
		if m.adjectival() || m.Weak || (m.Entity.Type == schema.Person) != wantPerson {
			continue
		}
		if !wantPerson && (!m.Entity.Type.Actor() || locative(toks, before, k)) {
			continue
		}
		fits = append(fits, m)
	}
	// "condemned it" is a verb and its object; "the sanctions it imposed",
	// with a determiner, a noun and the subject of a relative clause.
	object := toks[i].Lower == "it" && i > 0 && r.verbLike(toks[i-1]) && !(i > 1 && determiners[toks[i-2].Lower])
	if object && !actsNext(toks, i+1) {
		return nil // "condemned it": an object "it" is mostly a thing, not an actor
	}
	if len(fits) > 0 && (object || toks[i].Lower == "it" && thingBefore(before, i)) {
		// An acting object ("accused ECOWAS of ..., urging it to") is not
		// the clause's subject, named first, but the actor named last; so
		// is the subject of a relative clause on a thing ("urged Belgrade
		// to withdraw troops it has massed", "the S-400s it bought").
		e := fits[len(fits)-1].Entity
		return &e
	}
	if len(fits) > 0 {
		pick := fits[0]
		if possessivePronouns[toks[i].Lower] && i > 0 && !r.verbLike(toks[i-1]) {
			pick = fits[len(fits)-1]
			for _, m := range fits {
				if m.Possessive {
					pick = m
				}
			}
		}
		e := pick.Entity
		return &e
	}
	if wantPerson && r.sentence-r.personAt <= 1 {
		return r.person
	}
	if !wantPerson && r.sentence-r.actorAt <= 1 {
		return r.actor
	}
	return nil
}

// thingBefore reports whether a thing or weapon is named just before token
// i: "the troops it", "the S-400 systems it".
func thingBefore(before []Mention, i int) bool {
	for _, m := range before {
		if m.End == i && (m.Entity.Type == schema.Thing || m.Entity.Type == schema.Weapon) {
			return true
		}
	}
	return false
}

// actsNext reports whether the words at j make the object before them an
// actor: an infinitive ("urged it to withdraw") or what it is accused or
// warned of ("accused it of violating", "of aggression").
func actsNext(toks []Token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	next := toks[j+1]
	switch toks[j].Lower {
	case "to":
		return next.Text == next.Lower && !determiners[next.Lower] && !isNumber(next)
	case "of":
		return next.Text == next.Lower // "accused it of violating", "of aggression"
	}
	return false
}

// verbLike reports whether a word is a verb that can take an object:
// a trigger word, or a word in -ed.
func (r *resolver) verbLike(t Token) bool {
	return len(r.lx.triggers[t.Lower]) > 0 || strings.HasSuffix(t.Lower, "ed") && !prepositions[t.Lower]
}

// lastOfType returns the last entity of one of the types named in this
// sentence or the two before.
func (r *resolver) lastOfType(types []schema.EntityType, before []Mention) *schema.Entity {
	fits := func(t schema.EntityType) bool {
		for _, want := range types {
			if t == want {
				return true
			}
		}
		return false
	}
	for k := len(before) - 1; k >= 0; k-- {
		if m := before[k]; !m.adjectival() && fits(m.Entity.Type) {
			e := m.Entity
			return &e
		}
	}
	for k := len(r.recent) - 1; k >= 0; k-- {
		if e := r.recent[k]; fits(e.entity.Type) && r.sentence-e.at <= 1 {
			return &e.entity
		}
	}
	return nil
}

// holder returns the last person named with a title like this one.
func (r *resolver) holder(title string) *schema.Entity {
	head := strings.ToLower(title)
	if f := strings.Fields(head); len(f) > 0 {
		head = f[len(f)-1]
	}
	for k := len(r.roles) - 1; k >= 0; k-- {
		if strings.Contains(strings.ToLower(r.roles[k].Role), head) {
			e := r.roles[k].Entity
			return &e
		}
	}
	return nil
}

// locative reports whether mention k stands in a phrase of place ("in
// Syria and Libya"), directly or by coordination.
func locative(toks []Token, ments []Mention, k int) bool {
	for ; k >= 0; k-- {
		j := ments[k].Start - 1
		for j >= 0 && (toks[j].Lower == "the" || toks[j].Lower == "eastern" || toks[j].Lower == "northern" || toks[j].Lower == "southern" || toks[j].Lower == "western") {
			j--
		}
		if j < 0 {
			return false
		}
		switch toks[j].Lower {
		case "in", "at", "near", "across", "inside", "within", "throughout", "from", "into", "toward", "towards", "over":
			return true
		case "and", ",", "or":
			continue
		}
		return false
	}
	return false
}

// remember records the people, offices, actors and pairs a sentence named.
func (r *resolver) remember(toks []Token, ments []Mention) {
	r.sentence++
	for k, m := range ments {
		e := m.Entity
		if m.Weak || m.adjectival() {
			continue
		}
		if e.Type == schema.Person {
			r.person, r.personAt = &e, r.sentence
			if !m.Pronoun && strings.Contains(e.Name, " ") {
				r.people[fold(e.Name)] = e
				parts := strings.Fields(e.Name)
				r.people[fold(parts[len(parts)-1])] = e
			}
			if m.Role != "" {
				r.roles = append(r.roles, m)
			}
			continue
		}
		if e.Type.Actor() && !locative(toks, ments, k) {
			r.actor, r.actorAt = &e, r.sentence
		}
		if !m.Pronoun {
			r.recent = append(r.recent, seen{e, r.sentence})
			if len(r.recent) > 32 {
				r.recent = r.recent[1:]
			}
		}
	}
	if pair := coordinatedPair(toks, ments); pair != nil {
		r.pair, r.pairAt = pair, r.sentence
	}
}

// coordinatedPair returns the first two actors joined by "and" in a
// sentence ("Turkey and the United States", "Çavuşoğlu and Blinken").
func coordinatedPair(toks []Token, ments []Mention) []schema.Entity {
	for k := 0; k+1 < len(ments); k++ {
		a, b := ments[k], ments[k+1]
		if a.Weak || b.Weak || a.Entity == b.Entity || !a.Entity.Type.Actor() || !b.Entity.Type.Actor() {
			continue
		}
		if b.Start-a.End > 4 || (a.Entity.Type == schema.Person) != (b.Entity.Type == schema.Person) {
			continue
		}
		if p := a.Start - 1; p >= 0 && (prepositions[toks[p].Lower] || p > 0 && determiners[toks[p].Lower] && prepositions[toks[p-1].Lower]) {
			continue // "tensions between X and Y" are not a pair that acts
		}
		for j := a.End; j < b.Start; j++ {
			if toks[j].Lower == "and" {
				return []schema.Entity{a.Entity, b.Entity}
			}
		}
	}
	return nil
}
