package claims

import "github.com/claimgraph/claimgraph/schema"

// phrasesOf finds the claims noun phrases make without a verb:
// memberships ("NATO member Turkey", "X, a member of Y"), parts ("Crimea,
// part of Ukraine", "South Sudan's Upper Nile state"), holdings ("Yukos's
// subsidiary Yugansk") and makers ("US-made Humvees").
func (x *Extractor) phrasesOf(s *sentence, ms []*mention, at []int) []found {
	var out []found
	add := func(pred string, a, b, trigger int) {
		out = append(out, found{pred: pred, subj: a, obj: b, trigger: trigger, clause: trigger, recipient: -1, phrase: true})
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
			for _, m := range s.describedBy(w) {
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
	}
	return out
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
	}
	for _, k := range s.kids[w] {
		if s.hasRel(k, "appos") || s.hasRel(k, "flat", "compound") && k > w && s.upos(k) == "PROPN" {
			out = append(out, s.conjuncts(k)...)
		}
	}
	return out
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
