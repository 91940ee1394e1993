package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// determiners and modifiers that may stand between a possessive or
// determiner and an office: "his new US counterpart", "the then president".
var officeFillers = setOf("the", "a", "an", "his", "her", "its", "their", "new", "former",
	"then", "top", "senior", "current", "acting", "incoming", "outgoing", "chief", "deputy", "own")

// composeOffices finds "MODIFIERS TITLE NAME" and "NAME, the MODIFIERS TITLE"
// in a sentence and turns them into one person mention that carries its role
// and employer. Modifier mentions are absorbed so that "Turkish" in "Turkish
// Foreign Minister Mevlüt Çavuşoğlu" does not act on its own.
func (lx *lexicon) composeOffices(toks []Token, ments []Mention) []Mention {
	for i := 0; i < len(toks); i++ {
		titles, n := lx.titles.longest(toks, i, lowerKey)
		if n == 0 {
			continue
		}
		title := tokenText(toks, i, i+n)
		_ = titles
		if p := personAt(ments, toks, i+n); p >= 0 {
			ments = lx.absorbModifiers(toks, ments, p, i, title)
		} else if p := personBefore(ments, toks, i); p >= 0 {
			ments = lx.apposition(toks, ments, p, i, i+n, title)
		}
		i += n - 1
	}
	return ments
}

// personAt returns the index of the mention that starts at token j (after
// an optional comma) and can be a person.
func personAt(ments []Mention, toks []Token, j int) int {
	if j < len(toks) && toks[j].Text == "," {
		j++
	}
	for k, m := range ments {
		if m.Start == j && (m.Entity.Type == schema.Person || m.Weak) {
			return k
		}
	}
	return -1
}

// personBefore returns the person mention followed by ", the ... TITLE".
func personBefore(ments []Mention, toks []Token, title int) int {
	j := title - 1
	for j >= 0 && (officeFillers[toks[j].Lower] || toks[j].Lower == "'s" || mentionAt(ments, j) >= 0 && ments[mentionAt(ments, j)].Entity.Type != schema.Person) {
		j--
	}
	if j < 1 || toks[j].Text != "," {
		return -1
	}
	k := mentionAt(ments, j-1)
	if k < 0 || ments[k].Entity.Type != schema.Person || ments[k].End != j {
		return -1
	}
	return k
}

// mentionAt returns the index of the mention covering token j, or -1.
func mentionAt(ments []Mention, j int) int {
	for k, m := range ments {
		if m.Start <= j && j < m.End {
			return k
		}
	}
	return -1
}

// absorbModifiers makes ments[p] a person holding title, employed by the
// nearest modifier before the title, and drops the modifiers it absorbs.
func (lx *lexicon) absorbModifiers(toks []Token, ments []Mention, p, title int, role string) []Mention {
	person := &ments[p]
	person.Entity.Type = schema.Person
	person.Weak = false
	start := title
	var employer *schema.Entity
	var sub []string // a ministry or department named between country and title
	for j := title - 1; j >= 0; j-- {
		if toks[j].Lower == "'s" || officeFillers[toks[j].Lower] {
			if officeFillers[toks[j].Lower] && mentionAt(ments, j) < 0 {
				start = j // "his US counterpart Antony Blinken" is one mention
			}
			continue
		}
		k := mentionAt(ments, j)
		if k < 0 || ments[k].Pronoun {
			break
		}
		m := ments[k]
		if e := lx.employerOf(m); e != nil {
			if employer == nil || employer.Type != schema.Country {
				if employer != nil {
					sub = append([]string{employer.Name}, sub...)
				}
				employer = e
			}
		}
		start, j = m.Start, m.Start
	}
	if employer == nil {
		employer = lx.employerAfter(toks, ments, person.End) // "President Emmanuel Macron of France"
	}
	if employer == nil {
		if a, ok := lx.affiliation(person.Entity.Name); ok {
			employer = &a
		}
	}
	person.Role = strings.TrimSpace(strings.Join(append(sub, role), " "))
	person.Employer = employer
	person.Start = start
	if start < title {
		ments = dropCovered(ments, start, title)
	}
	return ments
}

// employerAfter reads "of Y" right after a titled name.
func (lx *lexicon) employerAfter(toks []Token, ments []Mention, end int) *schema.Entity {
	if end+1 >= len(toks) || toks[end].Lower != "of" {
		return nil
	}
	j := end + 1
	if toks[j].Lower == "the" && j+1 < len(toks) {
		j++
	}
	if k := mentionAt(ments, j); k >= 0 && ments[k].Start == j {
		return lx.employerOf(ments[k])
	}
	return nil
}

// apposition handles "NAME, the MODIFIERS TITLE [of|to X]".
func (lx *lexicon) apposition(toks []Token, ments []Mention, p, titleStart, titleEnd int, role string) []Mention {
	person := &ments[p]
	var employer *schema.Entity
	for j := titleStart - 1; j > person.End; j-- {
		if k := mentionAt(ments, j); k >= 0 {
			employer = lx.employerOf(ments[k])
			break
		}
	}
	if employer == nil && titleEnd+1 < len(toks) && toks[titleEnd].Lower == "of" {
		if k := possessedOrg(toks, ments, mentionAt(ments, titleEnd+1)); k >= 0 {
			employer = lx.employerOf(ments[k])
		}
	}
	if employer == nil {
		return ments
	}
	person.Role, person.Employer = role, employer
	end := titleEnd
	if end+1 < len(toks) && (toks[end].Lower == "to" || toks[end].Lower == "of") {
		if k := possessedOrg(toks, ments, mentionAt(ments, end+1)); k >= 0 {
			end = ments[k].End
		}
	}
	person.AppositionEnd = end
	return dropCovered(ments, person.End, end)
}

// possessedOrg returns, for a possessor k ("the leader of Sudan's
// paramilitary Rapid Support Forces"), the armed group it possesses, named
// within three words, whose office it is; else k. A country's
// organisations ("Russia's Security Council") are the country's own.
func possessedOrg(toks []Token, ments []Mention, k int) int {
	if k < 0 || ments[k].End >= len(toks) || toks[ments[k].End].Lower != "'s" {
		return k
	}
	for j := ments[k].End + 1; j < len(toks) && j <= ments[k].End+4; j++ {
		if o := mentionAt(ments, j); o >= 0 {
			if ments[o].Start == j && ments[o].Entity.Type == schema.Group {
				return o
			}
			return k
		}
		if !toks[j].isWord() || toks[j].capitalized() {
			return k
		}
	}
	return k
}

// employerOf returns the entity whose office a modifier names: a country,
// organisation, group or place; a person's own affiliation.
func (lx *lexicon) employerOf(m Mention) *schema.Entity {
	switch m.Entity.Type {
	case schema.Country, schema.Organization, schema.Group, schema.Place:
		e := m.Entity
		return &e
	case schema.Person:
		if a, ok := lx.affiliation(m.Entity.Name); ok {
			return &a
		}
	}
	return nil
}

func (lx *lexicon) affiliation(person string) (schema.Entity, bool) {
	name, ok := lx.affiliations[person]
	if !ok {
		return schema.Entity{}, false
	}
	e, ok := lx.canonical[name]
	return e, ok
}

// dropCovered removes the mentions that lie wholly inside tokens [from, to).
func dropCovered(ments []Mention, from, to int) []Mention {
	out := ments[:0]
	for _, m := range ments {
		if m.Start >= from && m.End <= to {
			continue
		}
		out = append(out, m)
	}
	return out
}

func tokenText(toks []Token, i, j int) string {
	words := make([]string, 0, j-i)
	for _, t := range toks[i:j] {
		words = append(words, t.Text)
	}
	return strings.Join(words, " ")
}
