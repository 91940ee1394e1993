package schema

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Predicates the extractor makes by construction rather than from trigger
// words; the rest of the vocabulary is data (data/predicates.txt).
const (
	OfficialOf = "official_of" // person X holds an office of Y; the office is the "role" qualifier
	MemberOf   = "member_of"   // X is a member of organisation Y
	MadeBy     = "made_by"     // item X is made by or comes from Y
	PartOf     = "part_of"     // X is part, branch or region of Y
)

// TriggerKind says how a trigger phrase finds its subject and object.
type TriggerKind string

// The trigger kinds, as documented at the top of data/predicates.txt.
const (
	Verb    TriggerKind = "verb"    // SUBJECT PHRASE OBJECT, or passive with "by"
	Pair    TriggerKind = "pair"    // coordinated subjects, no object
	Noun    TriggerKind = "noun"    // nominalisation: possessor/modifier PHRASE OBJECT
	Between TriggerKind = "between" // PHRASE between X and Y
	Member  TriggerKind = "member"  // ORG PHRASE: the names around are members
	// Relational is a noun that relates its holder to another: "China is
	// Brazil's largest trading partner", "Turkey, a close ally of Baku".
	Relational TriggerKind = "relational"
)

// Slot is one position of a trigger phrase.
type Slot struct {
	Words    []string // acceptable words, lower case; empty for a wildcard
	Optional bool     // the slot may be absent
	Any      bool     // a wildcard: up to three words that are not names
	Object   bool     // where the object's name stands inside the phrase
	Subject  bool     // where the subject's name stands inside the phrase
}

// Trigger is one way a predicate is said.
type Trigger struct {
	Predicate string
	Kind      TriggerKind
	Slots     []Slot
}

// Predicate is one relation of the vocabulary.
type Predicate struct {
	Name      string
	Symmetric bool // the same read in either direction; stored once
	Meaning   string
	Triggers  []Trigger
	// SubjectTypes and ObjectTypes, when set, are the only entity types
	// the predicate takes in those places.
	SubjectTypes []EntityType
	ObjectTypes  []EntityType
	Frames       []Frame
}

// Accepts reports whether the predicate takes an entity of type t in the
// subject (or else the object) place.
func (p Predicate) Accepts(t EntityType, subject bool) bool {
	types := p.ObjectTypes
	if subject {
		types = p.SubjectTypes
	}
	if len(types) == 0 {
		return true
	}
	for _, want := range types {
		if want == t {
			return true
		}
	}
	return false
}

// Vocabulary is the set of predicates claims may use.
type Vocabulary struct {
	Predicates []Predicate
	byName     map[string]int
}

// Lookup returns the predicate with the given name.
func (v *Vocabulary) Lookup(name string) (Predicate, bool) {
	i, ok := v.byName[name]
	if !ok {
		return Predicate{}, false
	}
	return v.Predicates[i], true
}

// Symmetric reports whether the named predicate reads the same both ways.
func (v *Vocabulary) Symmetric(name string) bool {
	p, ok := v.Lookup(name)
	return ok && p.Symmetric
}

// Triggers returns every trigger of every predicate.
func (v *Vocabulary) Triggers() []Trigger {
	var out []Trigger
	for _, p := range v.Predicates {
		out = append(out, p.Triggers...)
	}
	return out
}

// ParseVocabulary reads a vocabulary in the format of data/predicates.txt.
func ParseVocabulary(r io.Reader) (*Vocabulary, error) {
	v := &Vocabulary{byName: map[string]int{}}
	if err := eachLine(r, "predicates", v.parseLine); err != nil {
		return nil, err
	}
	return v, nil
}

// eachLine calls parse with each line of r that is neither blank nor a
// comment, and names the file and line of the first error.
func eachLine(r io.Reader, file string, parse func(string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := parse(line); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n, err)
		}
	}
	return sc.Err()
}

func (v *Vocabulary) parseLine(line string) error {
	fields := strings.Fields(line)
	if fields[0] == "=" {
		if len(fields) < 3 || (fields[2] != "symmetric" && fields[2] != "directed") {
			return fmt.Errorf("want \"= NAME symmetric|directed MEANING\", got %q", line)
		}
		v.byName[fields[1]] = len(v.Predicates)
		v.Predicates = append(v.Predicates, Predicate{
			Name:      fields[1],
			Symmetric: fields[2] == "symmetric",
			Meaning:   strings.Join(fields[3:], " "),
		})
		return nil
	}
	if len(v.Predicates) == 0 {
		return fmt.Errorf("trigger %q before any predicate", line)
	}
	p := &v.Predicates[len(v.Predicates)-1]
	if fields[0] == "subject" || fields[0] == "object" {
		var types []EntityType
		for _, f := range fields[1:] {
			types = append(types, EntityType(f))
		}
		if fields[0] == "subject" {
			p.SubjectTypes = types
		} else {
			p.ObjectTypes = types
		}
		return nil
	}
	kind := TriggerKind(fields[0])
	switch kind {
	case Verb, Pair, Noun, Between, Member, Relational:
	default:
		return fmt.Errorf("unknown trigger kind %q", fields[0])
	}
	if len(fields) < 2 {
		return fmt.Errorf("trigger %q has no phrase", line)
	}
	p.Triggers = append(p.Triggers, Trigger{Predicate: p.Name, Kind: kind, Slots: parseSlots(fields[1:])})
	return nil
}

func parseSlots(words []string) []Slot {
	slots := make([]Slot, 0, len(words))
	for _, w := range words {
		if w == "*" {
			slots = append(slots, Slot{Any: true, Optional: true})
			continue
		}
		if w == "@" {
			slots = append(slots, Slot{Object: true})
			continue
		}
		if w == "%" {
			slots = append(slots, Slot{Subject: true})
			continue
		}
		s := Slot{Optional: strings.HasSuffix(w, "?")}
		s.Words = strings.Split(strings.ToLower(strings.TrimSuffix(w, "?")), "|")
		slots = append(slots, s)
	}
	return slots
}

// ParseFrames reads a vocabulary in the format of data/frames.txt.
func ParseFrames(r io.Reader) (*Vocabulary, error) {
	v := &Vocabulary{byName: map[string]int{}}
	if err := eachLine(r, "frames", v.parseFrameLine); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *Vocabulary) parseFrameLine(line string) error {
	fields := strings.Fields(line)
	if fields[0] == "=" || fields[0] == "subject" || fields[0] == "object" {
		return v.parseLine(line)
	}
	if len(v.Predicates) == 0 {
		return fmt.Errorf("frame %q before any predicate", line)
	}
	p := &v.Predicates[len(v.Predicates)-1]
	f, err := parseFrame(p.Name, fields)
	if err != nil {
		return err
	}
	p.Frames = append(p.Frames, f)
	return nil
}
