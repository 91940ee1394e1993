package claims

import (
	"fmt"

	"github.com/claimgraph/claimgraph/schema"
)

// The verbs whose complement a claim may be, by what they make of it.
var (
	denials  = setOf("deny", "refute", "dispute", "reject")
	reports  = setOf("say", "tell", "report", "state", "add", "announce", "insist", "confirm", "argue", "assert", "note", "explain", "write", "testify", "acknowledge", "admit", "reveal", "disclose", "show", "find", "tweet", "declare", "stress", "emphasize", "emphasise", "point", "indicate", "tell", "inform", "warn", "recall", "say", "believe", "know", "learn", "hear", "see", "conclude", "estimate", "think", "suggest")
	plans    = setOf("plan", "intend", "aim", "prepare", "schedule", "expect", "set", "due", "arrange", "scheduled")
	hopes    = setOf("want", "hope", "seek", "try", "attempt", "offer", "propose", "consider", "threaten", "demand", "urge", "call", "ask", "wish", "push", "press", "fear", "worry", "need", "would", "could", "like", "prefer", "mull", "weigh", "explore", "suspect", "allege", "accuse", "claim", "rumor", "rumour", "speculate", "discuss", "debate", "bid", "plot", "vow", "pledge", "promise", "encourage", "invite", "advise", "recommend", "require", "expect", "order", "tell", "permit", "allow", "authorize", "authorise", "approve", "oppose", "resist", "avoid", "prevent", "stop", "warn", "deter", "dare", "urge", "question", "doubt", "wonder")
	promises = setOf("pledge", "promise", "offer", "propose", "plan")
	refusals = setOf("refuse", "decline", "fail", "cease", "abandon", "halt", "forgo")
	modals   = map[string]schema.Modality{"may": schema.Hypothetical, "might": schema.Hypothetical,
		"could": schema.Hypothetical, "would": schema.Hypothetical, "should": schema.Hypothetical,
		"can": schema.Hypothetical, "must": schema.Hypothetical, "ought": schema.Hypothetical,
		"will": schema.Planned, "shall": schema.Planned, "'ll": schema.Planned, "wo": schema.Planned}
	conditions   = setOf("if", "unless", "whether", "lest")
	hedgeAdverbs = setOf("possibly", "perhaps", "maybe", "probably", "allegedly", "supposedly", "conceivably", "potentially")
	hedges       = setOf("planned", "proposed", "possible", "potential", "alleged", "suspected", "rumoured", "rumored", "would-be", "prospective", "expected", "intended", "mooted")
)

// modality says how the clause of word w puts what it says: asserted,
// reported, planned, hypothetical, denied or negated. It reads w's own
// negation, modal auxiliaries and conditional marker, then climbs the
// verbs and nouns w is the complement of: "denied that", "said that",
// "plans to", "wants to", "refused to"; a question is hypothetical. The
// strongest reading wins. source is the subject of the nearest reporting
// verb, for attribution; why says, in words, what decided it.
func (s *sentence) modality(w int) (m schema.Modality, negated bool, source int, why string) {
	m, source = schema.Asserted, -1
	raise := func(to schema.Modality, k int, because string) {
		if strength(to) > strength(m) {
			m = to
			why = fmt.Sprintf("%s: %s %q", to, because, s.words[k].Form)
		}
	}
	var negWhy string
	if s.negated(w) {
		negated, negWhy = true, fmt.Sprintf("negated: %q is negated", s.words[w].Form)
	}
	k, via := w, ""
	for steps := 0; k >= 0 && steps < 12; steps++ {
		for _, c := range s.kids[k] {
			switch {
			case s.hasRel(c, "aux") && !s.hasRel(c, "aux:pass"):
				if to, ok := modals[s.lower[c]]; ok {
					raise(to, c, "the modal")
				}
				if s.lower[c] == "going" || s.lemma(c) == "go" && s.xpos(c) == "VBG" {
					raise(schema.Planned, c, "going to")
				}
			case s.hasRel(c, "advmod") && hedgeAdverbs[s.lower[c]]:
				raise(schema.Hypothetical, c, "the hedge")
			case s.hasRel(c, "mark") && conditions[s.lower[c]]:
				raise(schema.Hypothetical, c, "the condition")
			case s.hasRel(c, "amod") && hedges[s.lower[c]] && s.nominal(k):
				raise(schema.Hypothetical, c, "the hedge")
			case s.hasRel(c, "obl", "nmod") && s.caseOf(c) == "according to":
				raise(schema.Reported, c, "according to")
				if source < 0 {
					source = c
				}
			}
		}
		if k != w && s.negated(k) && via != "" {
			raise(schema.Hypothetical, k, "the complement of negated") // "did not say that", "did not want to"
		}
		h := s.head[k]
		if h < 0 {
			break
		}
		lem := s.lemma(h)
		rel := s.words[k].Rel
		via = ""
		switch {
		case s.hasRel(k, "obj") && promises[lem] && s.nominal(k):
			raise(schema.Planned, h, "the object of the promise") // "pledged aid to Ukraine": promised, not yet given
		case s.hasRel(k, "conj", "appos", "list", "flat", "compound", "fixed", "case", "nmod", "obl", "obj", "nsubj", "iobj", "amod", "det", "nmod:poss", "advmod", "punct", "dep"):
			// Coordination and arguments inherit their head's clause, but
			// a nominal argument's own modals were its own.
			if !s.hasRel(k, "conj") && !s.hasRel(k, "appos") {
				k = h
				continue
			}
		case denials[lem] && s.verbal(h):
			raise(schema.Denied, h, "the complement of the denial")
		case refusals[lem]:
			negated, negWhy = true, fmt.Sprintf("negated: the complement of the refusal %q", s.words[h].Form)
		case (rel == "ccomp" || rel == "parataxis") && s.adverbialMark(k):
			// "warning Israel it was destroying its image, while Israeli
			// forces killed 40 people": a "while" clause is no part of what
			// was said, however the parser hung it.
		case rel == "ccomp" || rel == "parataxis":
			via = rel
			if reports[lem] || s.nominal(h) {
				raise(schema.Reported, h, "what is reported by")
				if source < 0 {
					source = s.child(h, "nsubj")
				}
			} else if hopes[lem] || plans[lem] {
				raise(schema.Hypothetical, h, "the complement of")
			}
		case rel == "xcomp" || rel == "acl" || rel == "advcl":
			if rel == "xcomp" {
				via = rel
			}
			switch {
			case s.adverbialMark(k):
				// "warning Israel ..., while Israeli forces killed 40 people":
				// the clause says when, not what is wanted.
			case plans[lem]:
				raise(schema.Planned, h, "the plan")
			case hopes[lem]:
				raise(schema.Hypothetical, h, "the complement of")
			}
			if s.hasRel(k, "advcl") && s.child(k, "mark") >= 0 && conditions[s.lower[s.child(k, "mark")]] {
				raise(schema.Hypothetical, s.child(k, "mark"), "the condition")
			}
		}
		k = h
	}
	if s.question && s.inMainClause(w) {
		raise(schema.Hypothetical, w, "the question around")
	}
	if why == "" {
		why = fmt.Sprintf("asserted: no negation, modal, condition or reporting verb governs %q", s.words[w].Form)
	}
	if negated {
		why = negWhy + "; " + why
	}
	return m, negated, source, why
}

// adverbialMarks open clauses that say what else happened, why or despite
// what: never what was said or wanted ("before" and "when" can be
// conditions).
var adverbialMarks = setOf("while", "whereas", "although", "though", "because", "since", "after", "as")

// adverbialMark reports whether clause k is opened by an adverbial marker.
func (s *sentence) adverbialMark(k int) bool {
	for _, c := range s.kids[k] {
		if c < k && s.hasRel(c, "mark") && adverbialMarks[s.lower[c]] {
			return true
		}
	}
	return false
}

// strength orders modalities by how far they take a claim from fact.
func strength(m schema.Modality) int {
	switch m {
	case schema.Reported:
		return 1
	case schema.Planned:
		return 2
	case schema.Hypothetical:
		return 3
	case schema.Denied:
		return 4
	}
	return 0
}

// negated reports whether word w is negated: "not", "never", "n't", or a
// "no" on its object ("signed no deal").
func (s *sentence) negated(w int) bool {
	for _, c := range s.kids[w] {
		switch s.lower[c] {
		case "not", "n't", "never", "no", "neither", "nor", "without":
			if s.hasRel(c, "advmod", "det", "cc", "mark", "case") {
				return true
			}
		}
	}
	return false
}

// inMainClause reports whether w is in the sentence's main clause, not a
// clause it reports or relates.
func (s *sentence) inMainClause(w int) bool {
	for k, steps := w, 0; k >= 0 && steps < 12; k, steps = s.head[k], steps+1 {
		if s.hasRel(k, "ccomp", "acl:relcl", "advcl", "parataxis") {
			return false
		}
	}
	return true
}
