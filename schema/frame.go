package schema

import (
	"fmt"
	"strings"
)

// FrameKind says how a frame's trigger finds its subject and object in a
// sentence's dependency tree.
type FrameKind string

// The frame kinds, as documented at the top of data/frames.txt.
const (
	// VerbFrame: the subject is the verb's subject (or its "by" agent in
	// the passive), the object its direct object (or its passive subject),
	// or the phrase marked by one of Preps.
	VerbFrame FrameKind = "verb"
	// PairFrame: coordinated subjects do it together ("X and Y met").
	PairFrame FrameKind = "pair"
	// NounFrame: a noun whose subject is its possessor, a name or adjective
	// before it or a "by" phrase, and whose object is marked by Preps
	// ("Turkey's purchase of S-400", "US sanctions on Iran").
	NounFrame FrameKind = "noun"
	// BetweenFrame: a noun with "between X and Y" ("talks between").
	BetweenFrame FrameKind = "between"
	// RelationalFrame: a noun said of the subject whose object is its
	// possessor or "of" phrase ("X is Y's ally", "X, a critic of Y").
	RelationalFrame FrameKind = "relational"
)

// Frame is one way a predicate is said: a trigger lemma and what its
// frame requires.
type Frame struct {
	Predicate string
	Kind      FrameKind
	Lemmas    []string // the trigger's lemmas
	Particle  string   // a particle the verb takes ("over" of "take over")
	Obj       []string // lemmas the trigger's direct object must have ("impose" obj=sanction)
	Xcomp     []string // lemmas of a complement it must have ("shoot" xcomp=dead)
	Under     []string // lemmas of the word the trigger must complement ("join" under=want)
	Preps     []string // prepositions that mark the object ("on", "against")
}

// parseFrame reads "KIND LEMMAS [obj=L] [xcomp=L] [under=L] [prep=P]".
func parseFrame(pred string, fields []string) (Frame, error) {
	f := Frame{Predicate: pred, Kind: FrameKind(fields[0])}
	switch f.Kind {
	case VerbFrame, PairFrame, NounFrame, BetweenFrame, RelationalFrame:
	default:
		return f, fmt.Errorf("unknown frame kind %q", fields[0])
	}
	if len(fields) < 2 {
		return f, fmt.Errorf("frame %q has no lemma", strings.Join(fields, " "))
	}
	lemmas := fields[1]
	if i := strings.IndexByte(lemmas, '+'); i >= 0 {
		lemmas, f.Particle = lemmas[:i], lemmas[i+1:]
	}
	f.Lemmas = alternatives(lemmas)
	for _, opt := range fields[2:] {
		key, val, ok := strings.Cut(opt, "=")
		if !ok || val == "" {
			return f, fmt.Errorf("want KEY=WORDS, got %q", opt)
		}
		switch key {
		case "obj":
			f.Obj = alternatives(val)
		case "xcomp":
			f.Xcomp = alternatives(val)
		case "under":
			f.Under = alternatives(val)
		case "prep":
			f.Preps = alternatives(val)
		default:
			return f, fmt.Errorf("unknown frame option %q (obj, xcomp, under or prep)", key)
		}
	}
	return f, nil
}

func alternatives(s string) []string {
	out := strings.Split(strings.ToLower(s), "|")
	for i, w := range out {
		out[i] = strings.ReplaceAll(w, "_", " ")
	}
	return out
}

// Phrases returns the ways the frame is written, for people and for
// question matching: "impose sanction on|against", "X and Y meet".
func (f Frame) Phrases() string {
	verb := strings.Join(f.Lemmas, "|")
	if f.Particle != "" {
		verb += " " + f.Particle
	}
	parts := []string{verb}
	if len(f.Obj) > 0 {
		parts = append(parts, strings.Join(f.Obj, "|"))
	}
	if len(f.Xcomp) > 0 {
		parts = append(parts, strings.Join(f.Xcomp, "|"))
	}
	if len(f.Preps) > 0 {
		parts = append(parts, strings.Join(f.Preps, "|"))
	}
	s := strings.Join(parts, " ")
	switch f.Kind {
	case PairFrame:
		return "X and Y " + s
	case BetweenFrame:
		return s + " between X and Y"
	case RelationalFrame:
		return "X, a " + s + " of Y"
	}
	if len(f.Under) > 0 {
		s = strings.Join(f.Under, "|") + " to " + s
	}
	return s
}
