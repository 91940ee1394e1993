package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// frame is one sentence ready for claim extraction: its tokens, its
// resolved mentions and which mention covers each token.
type frame struct {
	toks  []Token
	ments []Mention
	cover []int // token index → index of the first mention covering it, or -1
	// verb marks the tokens where a trigger phrase starts: argument scans
	// do not cross another predicate.
	verb []bool
}

func newFrame(toks []Token, ments []Mention) *frame {
	f := &frame{toks: toks, ments: ments, cover: make([]int, len(toks)), verb: make([]bool, len(toks))}
	for i := range f.cover {
		f.cover[i] = -1
	}
	for k := len(ments) - 1; k >= 0; k-- {
		for j := ments[k].Start; j < ments[k].End && j < len(toks); j++ {
			f.cover[j] = k
		}
	}
	return f
}

// group returns the mentions sharing mention k's span: one, or the members
// of a plural reference such as "the two countries".
func (f *frame) group(k int) []Mention {
	var out []Mention
	for _, m := range f.ments {
		if m.Start == f.ments[k].Start && m.End == f.ments[k].End {
			out = append(out, m)
		}
	}
	return out
}

// Word classes used by the frames.
var (
	boundaries = setOf(",", ".", ";", ":", "?", "!", "\"", "(", ")", "\u2013", "\u2014", "-", "'")
	clauseEnds = setOf(";", ":", "\"", "(", ")", "\u2013", "\u2014", "that", "but", "because",
		"while", "whereas", "although", "though", "if", "when", "after", "before", "since", "as",
		"said", "says", "saying", "told", "according", "where", "so", "until", "unless",
		"whether", "stated", "noted", "added", "adding", "noting")
	prepositions = setOf("in", "on", "at", "for", "from", "to", "with", "of", "by", "about",
		"against", "over", "under", "between", "among", "into", "toward", "towards", "during",
		"after", "before", "since", "through", "via", "regarding", "including", "like", "amid",
		"despite", "near", "across", "within", "than", "without", "upon", "onto", "behind",
		"beyond", "around", "following", "alongside", "amongst", "per")
	// conjunctions are prepositions that also open clauses: "after Russian
	// forces invaded" has a subject after "after".
	conjunctions = setOf("after", "before", "since", "until", "following")
	determiners  = setOf("the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
		"these", "those", "some", "any", "all", "both", "each")
	possessivePronouns = setOf("its", "his", "her", "their")
	beForms            = setOf("is", "are", "was", "were", "be", "been", "being")
	relatives          = setOf("which", "who", "that")
	// actorHeads after an adjective make the adjective's country the actor:
	// "Turkish officials said", "Russian forces attacked".
	actorHeads = setOf("officials", "official", "forces", "troops", "government", "army",
		"military", "navy", "authorities", "ministry", "leaders", "leader", "diplomats",
		"embassy", "administration", "side", "delegation", "parliament", "president",
		"prosecutors", "police", "intelligence", "jets", "warplanes", "drones", "missiles",
		"soldiers", "navy", "state", "regime", "envoy", "counterpart", "foreign", "defense",
		"defence", "authorities", "lawmakers", "negotiators")
	// parts after an adjective name a part of something else, not the
	// adjective's country: "the Syrian branch of the PKK".
	parts = setOf("branch", "wing", "arm", "affiliate", "offshoot", "faction", "unit", "units", "division", "chapter", "cell", "cells")
	// openers start a parenthetical between commas: "Turkey, a NATO member,".
	openers = setOf("which", "who", "whose", "a", "an", "the", "one", "including", "like",
		"itself", "especially", "particularly", "where", "whom", "once", "then", "now", "also",
		"both", "all", "each", "home")
)

// isVerb reports whether a verb or pair trigger starts at token i and the
// word is not used as a noun ("the sanctions", "Russia's attacks").
func (f *frame) isVerb(lx *lexicon, i int) bool {
	if i > 0 {
		if w := f.toks[i-1].Lower; determiners[w] || w == "'s" || w == "'" || isNumber(f.toks[i-1]) {
			return false
		}
	}
	for _, m := range f.triggersAt(lx, i) {
		if m.trig.Kind == schema.Verb || m.trig.Kind == schema.Pair {
			return true
		}
	}
	return false
}

// actor returns the mention that acts for mention k: itself, or for
// "Russian forces" and "Ethiopia's army" the adjective or possessor before
// the thing named. ok is false when neither can act.
func (f *frame) actor(k int) (int, bool) {
	m := f.ments[k]
	if m.Entity.Type != schema.Thing && m.Entity.Type != schema.Weapon {
		return k, true
	}
	j := m.Start - 1
	if j >= 0 && (f.toks[j].Lower == "'s" || f.toks[j].Lower == "'") {
		j--
	}
	if j >= 0 && f.cover[j] >= 0 && f.ments[f.cover[j]].Entity.Type.Actor() {
		return f.cover[j], true
	}
	return k, false
}

// prepositional reports whether mention k stands after a preposition,
// directly or by coordination with one that does.
func (f *frame) prepositional(k int) bool {
	for ; k >= 0; k-- {
		j := f.ments[k].Start - 1
		for j >= 0 && (determiners[f.toks[j].Lower] || isNumber(f.toks[j])) {
			j--
		}
		if j < 0 {
			return false
		}
		w := f.toks[j].Lower
		if prepositions[w] && !conjunctions[w] {
			return true
		}
		if (w == "and" || w == "or" || w == "," && f.listItem(k)) && j > 0 && f.cover[j-1] >= 0 {
			k = f.cover[j-1] + 1 // continue with the coordinated mention
			continue
		}
		return false
	}
	return false
}

// listItem reports whether mention k is followed by more of a list.
func (f *frame) listItem(k int) bool {
	e := f.ments[k].End
	return e < len(f.toks) && (f.toks[e].Text == "," || f.toks[e].Lower == "and" || f.toks[e].Lower == "or")
}

// headOf reports whether mention k names whose government, forces or
// leaders act: "the government of Turkey condemned", "forces of Russia".
func (f *frame) headOf(k int) bool {
	j := f.ments[k].Start - 1
	if j >= 0 && f.toks[j].Lower == "the" {
		j--
	}
	return j >= 1 && f.toks[j].Lower == "of" && actorHeads[f.toks[j-1].Lower]
}

func isNumber(t Token) bool { return t.Text[0] >= '0' && t.Text[0] <= '9' }

// subjectFit reports whether mention k can be the subject of a verb.
func (f *frame) subjectFit(k int) bool {
	m := f.ments[k]
	if m.Weak || f.prepositional(k) && !f.headOf(k) {
		return false
	}
	if m.adjectival() {
		return m.End < len(f.toks) && actorHeads[f.toks[m.End].Lower]
	}
	if m.Entity.Type == schema.Thing || m.Entity.Type == schema.Weapon {
		return false // "troops", "drones": their owner acts, named before them
	}
	return !(m.Pronoun && possessivePronouns[f.toks[m.Start].Lower] && m.End == m.Start+1 && !m.Possessive)
}

// subjectsLeft finds the subject of a predicate starting at token start:
// the nearest fitting mention to the left in the same clause, stepping over
// parentheticals ("Turkey, a NATO member, maintains") and following relative
// pronouns to their antecedent ("Ukraine, which wants to join").
func (f *frame) subjectsLeft(start int) []Mention {
	for j := start - 1; j >= 0; j-- {
		if k := f.cover[j]; k >= 0 {
			if a, ok := f.actor(k); ok && a != k {
				k = a // "Russian forces invaded": Russia did
			}
			if f.subjectFit(k) {
				return f.coordinatedLeft(k)
			}
			j = f.ments[k].Start
			continue
		}
		t := f.toks[j]
		switch {
		case f.verb[j]:
			return nil
		case (t.Lower == "and" || t.Lower == "but") && j > 0 && f.cover[j-1] < 0 && onlyAdverbs(f.toks[j+1:start]):
			// "Beijing rejected the statement and accused Washington":
			// the subject of the verb before the "and".
			for v := j - 1; v >= 0; v-- {
				if f.verb[v] {
					return f.subjectsLeft(v)
				}
			}
			return f.firstSubject(j) // "Russia is one of its creditors and has sold ..."
		case t.Text == ",":
			if k := f.appositionBefore(j); k >= 0 {
				if f.subjectFit(k) {
					return f.coordinatedLeft(k) // "Hakan Fidan, Turkey's foreign minister, visited"
				}
				return nil
			}
			open := f.parentheticalOpen(j)
			if open < 0 {
				return nil
			}
			j = open
		case relatives[t.Lower]:
			return f.antecedentOf(j)
		case clauseEnds[t.Lower]:
			return nil
		}
	}
	return nil
}

// adverbs may stand between a subject and its verb.
var adverbs = setOf("also", "then", "later", "since", "again", "further", "still", "quickly", "swiftly",
	"publicly", "repeatedly", "formally", "officially", "reportedly", "allegedly", "recently", "already",
	"has", "have", "had", "will", "would", "not", "never")

func onlyAdverbs(toks []Token) bool {
	for _, t := range toks {
		if !adverbs[t.Lower] {
			return false
		}
	}
	return true
}

// appositionBefore returns the person whose office in apposition ends at
// the comma at j, or -1.
func (f *frame) appositionBefore(j int) int {
	for k, m := range f.ments {
		if m.AppositionEnd == j && j > 0 {
			return k
		}
	}
	return -1
}

// groupHeads follow a name to make the body it names: "the Houthi
// movement, which", "the Baath party, which".
var groupHeads = setOf("movement", "group", "militia", "party", "government", "coalition", "alliance",
	"bloc", "rebels", "militants", "fighters", "administration", "regime", "junta")

// antecedentOf returns the mention a relative pronoun at j refers to.
func (f *frame) antecedentOf(j int) []Mention {
	j--
	if j >= 0 && f.toks[j].Text == "," {
		j--
	}
	if j > 0 && groupHeads[f.toks[j].Lower] && f.cover[j] < 0 {
		j-- // "the Houthi movement, which"
	}
	if j >= 0 && f.cover[j] >= 0 && !f.ments[f.cover[j]].Weak {
		return f.coordinatedLeft(f.cover[j])
	}
	return nil
}

// parentheticalOpen returns the comma that opens the parenthetical closed
// by the comma at j, or -1 if the comma at j closes none.
func (f *frame) parentheticalOpen(j int) int {
	for p := j - 1; p >= 0; p-- {
		switch f.toks[p].Text {
		case ",":
			if w := f.toks[p+1].Lower; p+1 < j && (openers[w] || strings.HasSuffix(w, "ed") && prepositions[f.toks[min(p+2, j)].Lower]) {
				return p
			}
			return -1
		case ".", ";", ":":
			return -1
		}
	}
	return -1
}

// coordinatedLeft returns mention k with the mentions joined to it on its
// left by "and" or commas: "Turkey and the United States".
func (f *frame) coordinatedLeft(k int) []Mention {
	out := f.group(k)
	sure := len(out) // mentions joined by "and" (a bare comma list may be an apposition)
	and := false     // an "and" to the right makes the commas before it a list: "A, B and C"
	j := f.ments[k].Start - 1
	for j >= 1 {
		if determiners[f.toks[j].Lower] {
			j-- // "Turkey and the United States"
		}
		w := f.toks[j].Lower
		if w != "and" && w != "," && w != "or" {
			break
		}
		i := j - 1
		if determiners[f.toks[i].Lower] && i > 0 {
			i--
		}
		prev := f.cover[i]
		if prev >= 0 {
			if a, ok := f.actor(prev); ok {
				prev = a // "Ethiopian forces and the TPLF"
			}
		}
		if prev < 0 || f.ments[prev].Weak || f.prepositional(prev) || !f.ments[prev].Entity.Type.Actor() && f.ments[k].Entity.Type.Actor() {
			break
		}
		out = append(f.group(prev), out...)
		and = and || w != ","
		if and {
			sure = len(out)
		}
		j = f.ments[prev].Start - 1
	}
	return out[len(out)-sure:]
}

// coordinatedRight returns mention k with the mentions joined to it on its
// right: "with Ukraine and Russia", "Moscow and the Western Defense Alliance".
func (f *frame) coordinatedRight(k int) []Mention {
	out := f.group(k)
	j := f.ments[k].End
	if f.ments[k].Possessive {
		return out // "Ankara's offer": the noun after it ends the phrase
	}
	sure := len(out) // mentions joined by "and" (a bare comma list may be an apposition)
	for j+1 < len(f.toks) {
		w := f.toks[j].Lower
		if w != "and" && w != "," && w != "or" {
			break
		}
		i := j + 1
		if f.toks[i].Lower == "and" || f.toks[i].Lower == "or" {
			w = "and"
			if i+1 < len(f.toks) {
				i++
			}
		}
		if determiners[f.toks[i].Lower] && i+1 < len(f.toks) {
			i++
		}
		next := f.cover[i]
		if next < 0 || f.ments[next].Weak {
			break
		}
		if e := f.ments[next].End; w == "and" && e < len(f.toks) && f.verb[e] {
			break // "talks with Sisi, and the two countries signed": a new clause's subject
		}
		out = append(out, f.group(next)...)
		if w != "," {
			sure = len(out)
		}
		j = f.ments[next].End
		if f.ments[next].Possessive {
			break
		}
	}
	return out[:sure]
}

// objectsRight finds the object of a predicate ending before token end: the
// first mention after it in the same phrase, with those coordinated to it.
func (f *frame) objectsRight(end int) []Mention {
	for j, skipped := end, 0; j < len(f.toks) && skipped <= 6; {
		if k := f.cover[j]; k >= 0 {
			m := f.ments[k]
			switch {
			case m.Pronoun && possessivePronouns[f.toks[m.Start].Lower] && m.End == m.Start+1:
				j = m.End // "its troops": a determiner
			case m.adjectival() && m.End < len(f.toks) && (f.cover[m.End] >= 0 || parts[f.toks[m.End].Lower]):
				j = m.End // "Russian S-400": the thing, not its maker; "the Syrian branch of"
			case m.Possessive && m.End+1 < len(f.toks) && f.cover[m.End+1] >= 0:
				j = m.End + 1 // "annexed Ukraine's Crimean Peninsula": the peninsula
			case m.Weak:
				return nil
			default:
				return f.coordinatedRight(k)
			}
			continue
		}
		t := f.toks[j]
		approx := j+1 < len(f.toks) && isNumber(f.toks[j+1]) // "about 1,500 troops"
		if boundaries[t.Text] || clauseEnds[t.Lower] || prepositions[t.Lower] && !approx || relatives[t.Lower] || f.verb[j] {
			return nil
		}
		skipped++
		j++
	}
	return nil
}

// employer helpers for claims about people's offices.
func officeClaims(m Mention) (schema.Entity, schema.Entity, string, bool) {
	if m.Employer == nil || m.Pronoun {
		return schema.Entity{}, schema.Entity{}, "", false
	}
	return m.Entity, *m.Employer, m.Role, true
}
