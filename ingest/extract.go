package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// found is a claim found in a sentence before it is given its provenance.
type found struct {
	subj, obj  Mention
	pred       string
	at         int // token where its trigger starts, for dates and qualifiers
	end        int // token after its trigger and object
	mod        schema.Modality
	negated    bool
	confidence float64
	quals      map[string]string
	// agentless marks a passive without "by" ("sanctions were applied to
	// Turkey"): its subject comes from context, or the claim is dropped.
	agentless bool
}

// Confidence of each frame, before penalties for resolved references.
const (
	confOffice  = 0.9
	confVerb    = 0.85
	confNoun    = 0.8
	confPair    = 0.75
	confMember  = 0.8
	confMadeBy  = 0.7
	refPenalty  = 0.1 // an argument that was a pronoun or reference
	weakPenalty = 0.1 // an argument typed only by capitals and context
)

// claimsOf extracts the claims of one analysed sentence.
func (lx *lexicon) claimsOf(f *frame) []found {
	var out []found
	out = append(out, f.offices()...)
	out = append(out, f.madeBy()...)
	for i := range f.toks {
		f.verb[i] = f.isVerb(lx, i)
	}
	for i := 0; i < len(f.toks); i++ {
		matches := f.triggersAt(lx, i)
		for _, m := range matches {
			if claims := lx.apply(f, m); len(claims) > 0 {
				out = append(out, claims...)
				break
			}
		}
		if len(matches) > 0 {
			i = matches[0].end - 1
		}
	}
	return out
}

// apply runs the frame of a trigger's kind and keeps the claims its
// predicate accepts.
func (lx *lexicon) apply(f *frame, m match) []found {
	pred, _ := lx.vocab.Lookup(m.trig.Predicate)
	var subjs, objs []Mention
	conf := confVerb
	modFrom := -1
	switch m.trig.Kind {
	case schema.Verb:
		subjs, objs = f.verbArgs(m)
		objs = f.secondObject(pred, objs) // "sold Caracas fighter jets"
		if pred.Symmetric && len(objs) == 0 && len(subjs) > 1 {
			return lx.pairs(f, pred, subjs, m, confPair) // "Azerbaijan and Armenia fought"
		}
	case schema.Pair:
		subjs, conf = f.subjectsLeft(m.start), confPair
		return lx.pairs(f, pred, subjs, m, conf)
	case schema.Noun:
		subjs, objs, conf = f.nounArgs(m), f.objectsRight(m.end), confNoun
		if len(subjs) == 0 {
			subjs = f.lightVerbSubject(m.start) // "Fidan is on a visit to Washington"
		}
		if len(objs) > 0 {
			if by := f.agentAfter(objs[len(objs)-1].End); len(by) > 0 && len(subjs) == 0 {
				subjs = by
			}
		}
	case schema.Between:
		if m.end >= len(f.toks) || f.toks[m.end].Lower != "between" {
			return nil
		}
		return lx.pairs(f, pred, f.objectsRight(m.end+1), m, confPair)
	case schema.Member:
		subjs, objs = f.memberArgs(m), f.orgBefore(m.start)
		conf = confMember
	case schema.Relational:
		subjs, objs = f.relationalArgs(m)
		conf = confMember
	}
	if len(subjs) > 0 {
		modFrom = subjs[len(subjs)-1].End
	} else {
		modFrom = m.start
	}
	for j := m.start - 1; j > modFrom; j-- {
		if f.toks[j].Text == "," {
			modFrom = j // a parenthetical's words are not the claim's
			break
		}
	}
	mod, neg := f.modality(modFrom, m.start)
	var out []found
	if len(subjs) == 0 && m.trig.Kind == schema.Verb && f.passive(m.start) {
		for _, o := range objs {
			if !o.Weak && pred.Accepts(o.Entity.Type, false) {
				out = append(out, found{obj: o, pred: pred.Name, at: m.start, end: m.end, mod: mod, negated: neg,
					confidence: conf - refPenalty, quals: f.qualifiers(pred.Name, m.end), agentless: true})
			}
		}
		return out
	}
	for _, s := range subjs {
		for _, o := range objs {
			if c, ok := lx.claim(f, pred, s, o, m, conf); ok {
				c.mod, c.negated = mod, neg
				out = append(out, c)
			}
		}
	}
	return out
}

// claim checks a subject and object against the predicate and scores it.
func (lx *lexicon) claim(f *frame, pred schema.Predicate, s, o Mention, m match, conf float64) (found, bool) {
	if !pred.Accepts(o.Entity.Type, false) && o.Start < len(f.cover) && f.cover[o.Start] >= 0 {
		// "fighting Israeli troops", "attacked Russia's forces": a thing the
		// predicate does not take stands for its owner.
		if a, ok := f.actor(f.cover[o.Start]); ok && f.ments[a].Entity != o.Entity {
			o = f.ments[a]
		}
	}
	if s.Entity == o.Entity || s.Weak || o.Weak {
		return found{}, false
	}
	if !pred.Accepts(s.Entity.Type, true) || !pred.Accepts(o.Entity.Type, false) {
		return found{}, false
	}
	for _, x := range []Mention{s, o} {
		if x.Pronoun {
			conf -= refPenalty
		}
	}
	end := m.end
	if o.End > end {
		end = o.End
	}
	return found{subj: s, obj: o, pred: pred.Name, at: m.start, end: end, confidence: conf, quals: f.qualifiers(pred.Name, end)}, true
}

// pairs makes a symmetric claim between each two of the given actors.
func (lx *lexicon) pairs(f *frame, pred schema.Predicate, actors []Mention, m match, conf float64) []found {
	mod, neg := f.modality(m.start-1, m.start)
	if len(actors) > 0 {
		mod, neg = f.modality(actors[len(actors)-1].End, m.start)
	}
	var out []found
	for a := 0; a < len(actors); a++ {
		for b := a + 1; b < len(actors); b++ {
			if c, ok := lx.claim(f, pred, actors[a], actors[b], m, conf); ok {
				c.mod, c.negated = mod, neg
				out = append(out, c)
			}
		}
	}
	return out
}

// verbArgs finds a verb's subjects and objects, in the active or the
// passive voice, and for participle clauses ("While forging ties with
// Russia, Turkey ...") takes the subject of the main clause.
func (f *frame) verbArgs(m match) (subjs, objs []Mention) {
	if f.passive(m.start) {
		if m.end < len(f.toks) && f.toks[m.end].Lower == "by" {
			return f.agentAfter(m.end), f.subjectsLeft(m.start)
		}
		return nil, f.subjectsLeft(m.start) // agentless: see fromContext
	}
	if m.object >= 0 {
		objs = f.group(m.object)
	} else {
		objs = f.objectsRight(m.end)
	}
	if m.subject >= 0 {
		return f.coordinatedRight(m.subject), objs // "the sanctions Washington imposed on Moscow"
	}
	subjs = f.subjectsLeft(m.start)
	if len(subjs) == 0 {
		subjs = f.participleSubject(m)
	}
	if len(objs) == 0 && len(subjs) > 0 {
		objs = f.relativeObject(subjs[0].Start) // "the Houthis, whom Tehran supports"
	}
	return subjs, objs
}

// relativeObject returns the object of a verb in an object relative
// clause whose subject starts at token start: the antecedent of "whom",
// "which" or "that" ("the Houthis, whom Tehran supports"), or a thing
// named just before the subject ("the S-400 systems it bought").
func (f *frame) relativeObject(start int) []Mention {
	j := start - 1
	if j < 0 {
		return nil
	}
	if w := f.toks[j].Lower; w == "whom" || w == "which" || w == "that" {
		return f.antecedentOf(j)
	}
	for n := 0; j >= 0 && n <= 3; n, j = n+1, j-1 {
		if k := f.cover[j]; k >= 0 {
			if t := f.ments[k].Entity.Type; t == schema.Weapon || t == schema.Thing {
				return f.group(k) // "the S-400 air defence systems it bought"
			}
			return nil
		}
		t := f.toks[j]
		if boundaries[t.Text] || f.verb[j] || prepositions[t.Lower] || determiners[t.Lower] || t.capitalized() {
			return nil
		}
	}
	return nil
}

// secondObject handles a double object ("Russia sold Caracas fighter
// jets"): when the first object does not fit the predicate and a name that
// does follows it at once, that name is the object.
func (f *frame) secondObject(pred schema.Predicate, objs []Mention) []Mention {
	if len(objs) == 0 {
		return objs
	}
	for _, o := range objs {
		if pred.Accepts(o.Entity.Type, false) {
			return objs
		}
	}
	j := objs[len(objs)-1].End
	for j < len(f.toks) && (determiners[f.toks[j].Lower] || isNumber(f.toks[j])) {
		j++
	}
	if j < len(f.toks) && f.cover[j] >= 0 {
		if next := f.coordinatedRight(f.cover[j]); len(next) > 0 && pred.Accepts(next[0].Entity.Type, false) {
			return next
		}
	}
	return objs
}

// passive reports whether a be-verb stands before the trigger at start.
func (f *frame) passive(start int) bool {
	if strings.HasSuffix(f.toks[start].Lower, "ing") {
		return false // "has been fighting": progressive, active
	}
	for j := start - 1; j >= 0 && j >= start-3; j-- {
		w := f.toks[j].Lower
		if beForms[w] {
			return true
		}
		if w != "also" && w != "not" && w != "reportedly" && w != "already" && w != "being" && w != "recently" {
			return false
		}
	}
	return false
}

// agentAfter returns the mentions of "by X" at token j.
func (f *frame) agentAfter(j int) []Mention {
	if j < len(f.toks) && f.toks[j].Lower == "by" && j+1 < len(f.toks) {
		i := j + 1
		if determiners[f.toks[i].Lower] && i+1 < len(f.toks) {
			i++
		}
		if k := f.cover[i]; k >= 0 && !f.ments[k].Weak {
			return f.coordinatedRight(k)
		}
	}
	return nil
}

// participleSubject gives a participle that has no subject of its own
// ("While forging close ties with Russia, Turkey has sold drones",
// "He forged cooperation with Russia while opposing its annexation") the
// subject of the clause it hangs from.
func (f *frame) participleSubject(m match) []Mention {
	j := m.start - 1
	if j > 0 && f.toks[j].Text == "," && strings.HasSuffix(f.toks[m.start].Lower, "ing") {
		return f.firstSubject(j) // "Turkey delayed it, accusing Helsinki of ..."
	}
	if j < 0 || !subordinators[f.toks[j].Lower] {
		return nil
	}
	for k := 0; k < j; k++ {
		if f.cover[k] >= 0 || f.toks[k].Text == "," {
			return f.subjectsLeft(j) // after the main clause: its subject
		}
	}
	for k := m.end; k < len(f.toks); k++ { // before it: the subject after the comma
		if f.toks[k].Text != "," {
			continue
		}
		for i := k + 1; i < len(f.toks); i++ {
			if c := f.cover[i]; c >= 0 && f.subjectFit(c) {
				return f.coordinatedRight(c)
			}
		}
		return nil
	}
	return nil
}

// firstSubject returns the subject of the sentence's first clause: its
// first mention that can be a subject, before token end.
func (f *frame) firstSubject(end int) []Mention {
	for j := 0; j < end; j++ {
		if k := f.cover[j]; k >= 0 {
			if f.subjectFit(k) && f.ments[k].Entity.Type.Actor() {
				return f.coordinatedRight(k)
			}
			j = f.ments[k].End - 1
		}
	}
	return nil
}

var subordinators = setOf("while", "after", "before", "by", "despite", "since", "though", "although", "when", "without", "in")

// nounArgs finds who does what a nominalisation names: a possessor
// ("Turkey's purchase", "its 2014 annexation") or a modifier ("US
// sanctions", "the Russian invasion") just before it.
func (f *frame) nounArgs(m match) []Mention {
	for j, skipped := m.start-1, 0; j >= 0 && skipped <= 3; j-- {
		if k := f.cover[j]; k >= 0 {
			if f.ments[k].Weak {
				return nil
			}
			return f.group(k)
		}
		t := f.toks[j]
		if t.Lower == "'s" || t.Lower == "'" {
			continue
		}
		if boundaries[t.Text] || determiners[t.Lower] || prepositions[t.Lower] || clauseEnds[t.Lower] || t.capitalized() ||
			auxiliaries[t.Lower] || f.verb[j] || strings.HasSuffix(t.Lower, "ed") {
			return nil
		}
		skipped++
	}
	return nil
}

// auxiliaries are the verbs that carry tense, mood and voice.
var auxiliaries = setOf("has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
	"will", "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did")

// lightVerbs say no more than that their subject does what the noun after
// them names: "made a visit", "is on a trip", "held talks".
var lightVerbs = setOf("made", "makes", "make", "paid", "pays", "pay", "began", "begins", "begin",
	"started", "starts", "concluded", "concludes", "launched", "launches", "is", "are", "was",
	"were", "currently", "on", "a", "an", "the", "his", "her", "its", "their", "first", "official",
	"state", "diplomatic", "surprise", "rare", "historic", "two-day", "three-day", "one-day",
	"week-long", "brief", "also", "now", "already", "recently", "will", "be", "has", "have", "had",
	"been", "further")

// lightVerbSubject returns the subject of a nominalisation that follows a
// light verb or copula, when only such words stand between them.
func (f *frame) lightVerbSubject(start int) []Mention {
	for j := start - 1; j >= 0; j-- {
		if k := f.cover[j]; k >= 0 {
			if f.subjectFit(k) {
				return f.coordinatedLeft(k)
			}
			return nil
		}
		if !lightVerbs[f.toks[j].Lower] {
			return nil
		}
	}
	return nil
}

// memberArgs finds the members an organisation's "member" or "allies"
// names: those after it ("NATO allies Ankara and Washington"), or the name
// it is said of ("Turkey, a NATO member,", "Turkey is a NATO member").
func (f *frame) memberArgs(m match) []Mention {
	if m.end < len(f.toks) {
		if k := f.cover[m.end]; k >= 0 && !f.ments[k].Weak {
			return f.coordinatedRight(k)
		}
	}
	org := f.orgBefore(m.start)
	if len(org) == 0 {
		return nil
	}
	j := org[0].Start - 1
	for j >= 0 && (f.toks[j].Lower == "a" || f.toks[j].Lower == "an" || f.toks[j].Lower == "fellow") {
		j--
	}
	if j < 0 {
		return nil
	}
	switch w := f.toks[j].Lower; {
	case w == "," && j > 0 && f.cover[j-1] >= 0 && !f.ments[f.cover[j-1]].Weak:
		return f.group(f.cover[j-1])
	case beForms[w] || w == "became" || w == "becomes" || w == "remains":
		return f.subjectsLeft(j)
	}
	return nil
}

// relationalFillers may stand between a possessor and a relational noun.
var relationalFillers = setOf("largest", "biggest", "main", "key", "close", "closest", "strategic",
	"second", "third", "fourth", "fifth", "second-largest", "third-largest", "second-biggest", "leading",
	"top", "second-largest", "major", "important", "most", "important", "longtime", "long-standing", "old", "staunch", "traditional", "a", "an", "the")

// relationalArgs finds who a relational noun relates: the holder it is
// said of (by a copula or an apposition) and the possessor before it or
// the name after "of".
func (f *frame) relationalArgs(m match) (holder, other []Mention) {
	j := m.start - 1
	for j >= 0 && relationalFillers[f.toks[j].Lower] {
		j--
	}
	switch {
	case j >= 0 && f.toks[j].Lower == "'s" && j > 0 && f.cover[j-1] >= 0:
		k := f.cover[j-1]
		other, j = f.group(k), f.ments[k].Start-1
		for j >= 0 && relationalFillers[f.toks[j].Lower] {
			j--
		}
	case m.end+1 < len(f.toks) && f.toks[m.end].Lower == "of":
		i := m.end + 1
		if determiners[f.toks[i].Lower] && i+1 < len(f.toks) {
			i++
		}
		if f.cover[i] < 0 {
			return nil, nil
		}
		other = f.coordinatedRight(f.cover[i])
	default:
		return nil, nil
	}
	if j < 0 {
		return nil, other
	}
	switch w := f.toks[j].Lower; {
	case beForms[w] || w == "remains" || w == "became" || w == "becomes":
		holder = f.subjectsLeft(j)
	case w == "," && j > 0 && f.cover[j-1] >= 0 && !f.ments[f.cover[j-1]].Weak:
		holder = f.group(f.cover[j-1])
	}
	return holder, other
}

// orgBefore returns the organisation named just before token j.
func (f *frame) orgBefore(j int) []Mention {
	if j == 0 || f.cover[j-1] < 0 {
		return nil
	}
	m := f.ments[f.cover[j-1]]
	if m.Entity.Type != schema.Organization {
		return nil
	}
	return []Mention{m}
}

// offices turns the people named with a title into official_of claims.
func (f *frame) offices() []found {
	var out []found
	for _, m := range f.ments {
		person, employer, role, ok := officeClaims(m)
		if !ok {
			continue
		}
		out = append(out, found{
			subj:       Mention{Entity: person, Start: m.Start, End: m.End},
			obj:        Mention{Entity: employer},
			pred:       schema.OfficialOf,
			at:         m.Start,
			end:        m.End,
			mod:        schema.Asserted,
			confidence: confOffice,
			quals:      map[string]string{"role": role},
		})
	}
	return out
}

// madeBy finds "Russian S-400" and "US-made F-35": a country adjective
// just before a weapon names its maker.
func (f *frame) madeBy() []found {
	var out []found
	for k, m := range f.ments {
		if !m.adjectival() || m.Entity.Type != schema.Country || k+1 >= len(f.ments) {
			continue
		}
		w := f.ments[k+1]
		if w.Entity.Type != schema.Weapon || (w.Start != m.End && w.Start != m.Start) {
			continue
		}
		out = append(out, found{subj: w, obj: m, pred: schema.MadeBy, at: m.Start, end: w.End,
			mod: schema.Asserted, confidence: confMadeBy})
	}
	return out
}
