package claims

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// phrasesOf finds the claims noun phrases make without a verb:
// memberships ("NATO member Turkey", "X, a member of Y"), parts ("Crimea,
// part of Ukraine", "South Sudan's Upper Nile state"), holdings ("Yukos's
// subsidiary Yugansk") and makers ("US-made Humvees").
func (x *Extractor) phrasesOf(s *sentence, ms []*mention, at []int) []found {
	var out []found
	add := func(pred string, a, b, trigger int) {
		out = append(out, found{pred: pred, subj: a, obj: b, trigger: trigger, clause: trigger, recipient: -1, phrase: true})
	}
	out = append(out, s.placesOf(ms, at)...)
	out = append(out, s.stateHoldings(ms, at)...)
	// "Russian S-400 systems", "US-made Humvees": a weapon and its maker.
	for i, m := range ms {
		if m.entity.Type != schema.Weapon || !m.known || i == 0 {
			continue
		}
		prev := ms[i-1]
		switch {
		case prev.end == m.start && prev.adjective() && prev.entity.Type == schema.Country:
			add(schema.MadeBy, m.head, prev.head, m.head)
		case prev.end+2 == m.start && tight(s, prev.end) && prev.entity.Type == schema.Country &&
			(s.lower[prev.end+1] == "made" || s.lower[prev.end+1] == "built"):
			add(schema.MadeBy, m.head, prev.head, m.head)
		}
	}
	for w := range s.words {
		switch s.lemma(w) {
		case "member", "ally", "signatory":
			if s.lemma(w) == "ally" && !s.hasRel(w, "compound") && s.child(w, "compound") < 0 {
				break
			}
			orgs := s.modifiers(w, at, ms, "of")
			for _, m := range s.describedBy(w) {
				for _, o := range orgs {
					add(schema.MemberOf, m, o, w)
				}
			}
		case "part":
			for _, o := range s.ofPhrase(w) {
				for _, m := range s.describedBy(w) {
					add(schema.PartOf, m, o, w)
				}
			}
		case "subsidiary", "unit", "arm", "affiliate", "division", "offshoot":
			owners := s.modifiers(w, at, ms, "of")
			units := s.describedBy(w)
			if s.child(w, "nmod:poss") >= 0 {
				// "its Stant division": with a possessor, the name before
				// the noun is the unit's own, not its owner's.
				for _, k := range s.kids[w] {
					if k < w && s.hasRel(k, "compound") && s.upos(k) == "PROPN" && at[k] >= 0 && len(s.toks[k].Text) > 1 && s.lower[k+1] != "and" {
						units = append(units, k)
						owners = removeWord(owners, k)
					}
				}
			}
			for _, m := range units {
				for _, o := range owners {
					add("owns", o, m, w)
				}
			}
		}
		// "South Sudan's Upper Nile state", "the Maidan Wardak province of
		// Afghanistan": a named region of a place or country.
		if placeCues[s.lower[w]] && s.upos(w) == "NOUN" {
			var names []int
			for _, k := range s.kids[w] {
				if s.hasRel(k, "compound", "flat") && at[k] >= 0 && !ms[at[k]].generic {
					names = append(names, k)
				}
			}
			for _, o := range s.modifiers(w, at, ms, "of") {
				for _, n := range names {
					if at[n] != at[o] {
						add(schema.PartOf, n, o, w)
					}
				}
			}
		}
		// "the Russian republic of Dagestan", "the Baghdad neighborhoods of
		// Husseiniyah and Yarmouk": the region's kind after its owner, its
		// name in the "of" phrase.
		if regionNouns[s.lemma(w)] && s.upos(w) == "NOUN" && !namedKid(s, w, at, ms) {
			var owners []int
			for _, k := range s.kids[w] {
				if k < w && at[k] >= 0 && !ms[at[k]].generic && ms[at[k]].refer == "" && s.hasRel(k, "amod", "compound", "nmod:poss") &&
					(ms[at[k]].entity.Type == schema.Country || ms[at[k]].entity.Type == schema.Place) {
					owners = append(owners, k)
				}
			}
			for _, n := range s.ofPhrase(w) {
				if at[n] < 0 || ms[at[n]].generic || ms[at[n]].refer != "" || ms[at[n]].entity.Type != schema.Place {
					continue
				}
				for _, o := range owners {
					om := ms[at[o]]
					if om.kind == schema.Seat {
						// "the Baghdad neighborhoods": the city, not the
						// state it stands for elsewhere.
						city := schema.Entity{Name: s.text(om.start, om.end), Type: schema.Place}
						out = append(out, found{pred: schema.PartOf, subj: n, obj: -1, objEntity: &city, trigger: w, clause: w, recipient: -1, phrase: true})
						continue
					}
					if ms[at[n]].entity != om.entity {
						add(schema.PartOf, n, o, w)
					}
				}
			}
		}
	}
	return out
}

// regionNouns are the kinds of region a country or place has.
var regionNouns = setOf("republic", "province", "region", "state", "district", "county", "city",
	"town", "village", "neighborhood", "neighbourhood", "suburb", "enclave", "territory", "oblast",
	"prefecture", "governorate", "municipality", "island", "port", "area")

// namedKid reports whether noun w has a name among its compounds ("the
// Upper Nile state"): it is then the region's name, not its kind.
func namedKid(s *sentence, w int, at []int, ms []*mention) bool {
	for _, k := range s.kids[w] {
		if s.hasRel(k, "compound", "flat") && at[k] >= 0 && !ms[at[k]].generic && ms[at[k]].entity.Type == schema.Place {
			return true
		}
	}
	return false
}

// describedBy returns what noun w is said of: the name it is in apposition
// with, the subject of its copula, the name it modifies ("NATO member
// Turkey") and the names coordinated after it ("NATO members X and Y").
func (s *sentence) describedBy(w int) []int {
	var out []int
	switch {
	case s.hasRel(w, "appos") && s.head[w] >= 0:
		out = append(out, s.conjuncts(s.head[w])...)
	case s.child(w, "cop") >= 0:
		for _, k := range s.children(w, "nsubj") {
			out = append(out, s.conjuncts(k)...)
		}
	case s.hasRel(w, "compound", "amod") && s.head[w] >= 0:
		out = append(out, s.conjuncts(s.head[w])...)
	case s.hasRel(w, "obl", "advcl") && s.caseOf(w) == "as" && s.head[w] >= 0 && s.verbal(s.head[w]):
		out = append(out, s.subjects(s.head[w])...) // "Rubio, as a member of the committee, said"
	}
	for _, k := range s.kids[w] {
		if s.hasRel(k, "appos") && !s.mistaggedVerbIn(k) || s.hasRel(k, "flat", "compound") && k > w && s.upos(k) == "PROPN" {
			out = append(out, s.conjuncts(k)...)
		}
	}
	if len(out) == 0 {
		if k := s.writtenAppos(w); k >= 0 {
			out = append(out, k)
		}
	}
	return out
}

// writtenAppos returns the name set off by commas right after noun w,
// read as written when the parser did not make it w's apposition
// ("Yukos' main production arm, Yugansk, last year"), or -1.
func (s *sentence) writtenAppos(w int) int {
	k := w + 2
	if k >= len(s.toks) || s.toks[w+1].Text != "," || s.upos(k) != "PROPN" || s.hasRel(k, "nsubj", "nsubj:pass") {
		return -1
	}
	e := k + 1
	for e < len(s.toks) && s.upos(e) == "PROPN" {
		e++
	}
	if e < len(s.toks) && s.toks[e].Text != "," && s.upos(e) != "PUNCT" {
		return -1
	}
	return k
}

// modifiers returns the names that modify noun w: before it ("NATO
// member"), its possessor ("Yukos's subsidiary") or marked by prep ("a
// member of NATO").
func (s *sentence) modifiers(w int, at []int, ms []*mention, prep string) []int {
	var out []int
	for _, k := range s.kids[w] {
		named := at[k] >= 0 && !ms[at[k]].generic
		switch {
		case s.hasRel(k, "compound", "nmod:poss") && k < w && named:
			out = append(out, k)
		case s.hasRel(k, "amod") && k < w && named && ms[at[k]].adjective():
			out = append(out, k)
		case s.hasRel(k, "nmod") && !s.hasRel(k, "nmod:poss") && s.caseOf(k) == prep:
			out = append(out, s.conjuncts(k)...)
		}
	}
	return out
}

// ofPhrase returns the "of" phrases of w, with their conjuncts.
func (s *sentence) ofPhrase(w int) []int {
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod") && s.caseOf(k) == "of" {
			return s.conjuncts(k)
		}
	}
	return nil
}

// unitCues end the names of bodies that are parts of a state or an
// organisation ("the IMF's European Department", "Saudi Arabia's Civil
// Defense Authority").
var unitCues = setOf("department", "authority", "agency", "ministry", "directorate", "bureau",
	"division", "museum", "committee", "commission", "office", "service", "command")

// placesOf finds the parts that places and bodies are said to be of by
// how they are written: "Aceh in Indonesia",
// "Sudan's Nuba Mountains", "the IMF's European Department".
func (s *sentence) placesOf(ms []*mention, at []int) []found {
	var out []found
	add := func(a, b int) {
		out = append(out, found{pred: schema.PartOf, subj: a, obj: b, trigger: a, clause: a, recipient: -1, phrase: true})
	}
	region := func(m *mention) bool {
		return m.entity.Type == schema.Place && !m.generic && m.entity.Name != "" && m.refer == ""
	}
	for _, m := range ms {
		// "Aceh in Indonesia", "Pariang county in Unity state", "Chali
		// within Blue Nile state".
		if region(m) && m.end+1 < len(s.toks) && (s.lower[m.end] == "in" || s.lower[m.end] == "within") {
			if k := at[m.end+1]; k >= 0 && ms[k].start == m.end+1 && (ms[k].entity.Type == schema.Country && !ms[k].adjective() && ms[k].kind != schema.Seat || region(ms[k]) && ms[k].end < len(s.toks) && placeCues[s.lower[ms[k].end]]) &&
				ms[k].refer == "" && (ms[k].end >= len(s.toks) || s.lower[ms[k].end] != "and") {
				add(m.head, ms[k].head)
			}
		}
		// "Mecca, Saudi Arabia", "the coast of Aceh, Indonesia": a place
		// and its country after a comma, not a list ("Iraq, Syria and
		// Iran") and not a new clause ("Kabul, Pakistan said").
		if region(m) && m.end+1 < len(s.toks) && s.toks[m.end].Text == "," && (m.start == 0 || s.toks[m.start-1].Text != ",") {
			if k := at[m.end+1]; k >= 0 && ms[k].start == m.end+1 && ms[k].entity.Type == schema.Country && !ms[k].adjective() && ms[k].kind != schema.Seat && ms[k].refer == "" &&
				!s.hasRel(ms[k].head, "nsubj", "nsubj:pass") && (ms[k].end >= len(s.toks) || !oneOf(s.lower[ms[k].end], []string{"and", "or", "'s", "'"})) {
				add(m.head, ms[k].head)
			}
		}
		// "Sudan's Nuba Mountains", "the IMF's European Department".
		if m.end < len(s.toks) && (s.lower[m.end] == "'s" || s.lower[m.end] == "'") && m.refer == "" && m.entity.Name != "" && !m.generic {
			if k := at[min(m.end+1, len(s.toks)-1)]; k >= 0 && ms[k].start == m.end+1 && ms[k].refer == "" && !ms[k].generic && ms[k].entity.Name != "" {
				n := ms[k]
				last := strings.ToLower(s.toks[n.end-1].Text)
				switch {
				case region(n) && (n.known || placeCues[last]) && (m.entity.Type == schema.Country || region(m)):
					add(n.head, m.head)
				case n.entity.Type == schema.Organization && !n.known && unitCues[last] && (m.entity.Type == schema.Country || m.entity.Type == schema.Organization):
					add(n.head, m.head)
				}
			}
		}
	}
	return out
}

// mistaggedVerbIn reports whether a plural noun hangs as a compound from
// name k, as a verb the tagger called a noun does ("a NATO member,
// borders Russia"): k is then the verb's object, not an apposition.
func (s *sentence) mistaggedVerbIn(k int) bool {
	for _, c := range s.kids[k] {
		if c < k && s.hasRel(c, "compound") && s.xpos(c) == "NNS" && s.upos(k) == "PROPN" {
			return true
		}
	}
	return false
}

// stateHoldings finds the bodies a state is said to own by the word
// "state" in their description: "Sonatrach, the Algerian state petroleum
// agency", "Russia's state oil company Rosneft". The owner is the country
// that modifies the description; the body is the name the description is
// given, in apposition or right after it.
func (s *sentence) stateHoldings(ms []*mention, at []int) []found {
	var out []found
	body := func(k int) bool {
		return k >= 0 && at[k] >= 0 && !ms[at[k]].generic && ms[at[k]].refer == "" && ms[at[k]].entity.Type == schema.Organization
	}
	for w := range s.words {
		if s.lower[w] != "state" || s.upos(w) != "NOUN" || !s.hasRel(w, "compound", "amod") {
			continue
		}
		n := s.head[w]
		if n < 0 || n < w || at[n] >= 0 || s.upos(n) != "NOUN" || !orgCues[s.lower[n]] && descriptions[s.lemma(n)] != schema.Organization {
			continue
		}
		owner := -1
		for _, k := range s.kids[n] {
			if k < n && at[k] >= 0 && ms[at[k]].entity.Type == schema.Country && ms[at[k]].refer == "" && s.hasRel(k, "amod", "nmod:poss", "compound") {
				owner = k
			}
		}
		if owner < 0 {
			continue
		}
		owned := -1
		switch h := s.head[n]; {
		case s.hasRel(n, "appos") && body(h) && h < n:
			owned = h // "Sonatrach, the Algerian state petroleum agency"
		case s.hasRel(n, "compound") && body(h) && h > n:
			owned = h // "Algeria's state oil company Sonatrach"
		default:
			for _, k := range s.kids[n] {
				if k > n && s.hasRel(k, "appos", "flat", "compound") && body(k) {
					owned = k
				}
			}
		}
		if owned < 0 {
			// Read as written, however the parser hung it: the name right
			// after the description, or the name before the comma that
			// opens it.
			from, _ := s.subtree(n)
			for from < n && (s.upos(from) == "PUNCT" || s.upos(from) == "DET") && s.toks[from].Text != "," {
				from++
			}
			if from < n && s.toks[from].Text == "," {
				from++ // the comma hangs from the description or not, as the parser has it
			}
			switch {
			case n+1 < len(s.toks) && body(n+1) && ms[at[n+1]].start == n+1:
				owned = ms[at[n+1]].head
			case from >= 2 && s.toks[from-1].Text == "," && body(from-2):
				owned = ms[at[from-2]].head
			}
		}
		if owned >= 0 {
			out = append(out, found{pred: "owns", subj: owner, obj: owned, trigger: w, clause: w, recipient: -1, phrase: true})
		}
	}
	return out
}
