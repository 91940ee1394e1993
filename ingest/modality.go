package ingest

import "github.com/claimgraph/claimgraph/schema"

// Words that change how a claim is put forward when they stand between its
// subject and its trigger.
var (
	negators   = setOf("not", "n't", "never", "no", "neither", "nor", "without", "nothing")
	deniers    = setOf("deny", "denies", "denied", "denying", "dismissed")
	hedges     = setOf("may", "might", "could", "would", "should", "can", "plan", "plans", "planning", "planned", "threaten", "threatens", "threatened", "threatening", "consider", "considers", "considering", "considered", "prevent", "prevents", "stop", "stops", "possible", "possibly", "likely", "unlikely", "seek", "seeks", "hope", "hopes", "want", "wants", "wish", "wishes", "intend", "intends", "propose", "proposes", "proposed", "ready", "willing", "expected", "offered", "offer", "offers", "aims", "aim", "allegedly", "reportedly", "potential", "potentially")
	futures    = setOf("will", "shall", "to", "'ll")
	conditions = setOf("if", "unless", "whether")
	// achieved before "to" make what follows happen: "managed to maintain".
	achieved  = setOf("managed", "manages", "continued", "continues", "continue", "began", "begun", "begins", "started", "starts", "used", "went", "proceeded", "moved")
	reporters = setOf("said", "says", "told", "stated", "noted", "added", "according", "announced", "reported", "confirmed", "claimed", "quoted")
)

// modality decides how the claim whose subject ends at token from and whose
// trigger starts at token to is put forward, and whether it is negated.
func (f *frame) modality(from, to int) (schema.Modality, bool) {
	if from < 0 {
		from = 0
	}
	mod, negated := schema.Asserted, false
	for j := from; j < to; j++ {
		w := f.toks[j].Lower
		switch {
		case deniers[w]:
			return schema.Denied, false
		case negators[w]:
			negated = true
		case hedges[w]:
			mod = schema.Hypothetical
		case futures[w] && mod == schema.Asserted:
			mod = schema.Planned
		}
	}
	if negated {
		return schema.Negated, true
	}
	if to > 1 && f.toks[to-1].Lower == "to" && !achieved[f.toks[to-2].Lower] {
		mod = schema.Hypothetical // "wants to prevent them joining", "attempts to hold"
	}
	if mod == schema.Asserted && f.conditional(to) {
		mod = schema.Hypothetical
	}
	if mod == schema.Asserted && len(f.toks) > 0 && f.toks[len(f.toks)-1].Text == "?" {
		mod = schema.Hypothetical
	}
	if mod == schema.Asserted && f.reported() {
		mod = schema.Reported
	}
	return mod, false
}

// conditional reports whether the trigger at token to stands inside an
// "if" or "unless" clause not yet closed by a comma.
func (f *frame) conditional(to int) bool {
	for j := to - 1; j >= 0; j-- {
		w := f.toks[j].Lower
		if w == "," || w == ";" {
			return false
		}
		if conditions[w] {
			return true
		}
	}
	return false
}

// reported reports whether the sentence attributes what it says.
func (f *frame) reported() bool {
	for _, t := range f.toks {
		if reporters[t.Lower] || t.Text == "\u201c" || t.Text == "\"" {
			return true
		}
	}
	return false
}

// source returns the mention a reported sentence is attributed to: the
// subject of its "said", or what follows "according to".
func (f *frame) source() string {
	for j, t := range f.toks {
		switch {
		case t.Lower == "according" && j+2 < len(f.toks) && f.toks[j+1].Lower == "to":
			if k := f.cover[j+2]; k >= 0 {
				return f.ments[k].Entity.Name
			}
		case reporters[t.Lower] && t.Lower != "according":
			if s := f.subjectsLeft(j); len(s) > 0 {
				return s[0].Entity.Name
			}
		}
	}
	return ""
}
