package schema

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Predicates the extractor makes by construction rather than from frames;
// the rest of the vocabulary is data (data/frames.txt).
const (
	OfficialOf = "official_of" // person X holds an office of Y; the office is the "role" qualifier
	MemberOf   = "member_of"   // X is a member of organisation Y
	MadeBy     = "made_by"     // item X is made by or comes from Y
	PartOf     = "part_of"     // X is part, branch or region of Y
)

// Predicate is one relation of the vocabulary.
type Predicate struct {
	Name      string
	Symmetric bool // the same read in either direction; stored once
	Meaning   string
	// SubjectTypes and ObjectTypes, when set, are the only entity types
	// the predicate takes in those places.
	SubjectTypes []EntityType
	ObjectTypes  []EntityType
	Frames       []Frame // the ways news text says it
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

// ParseFrames reads a vocabulary in the format of data/frames.txt.
func ParseFrames(r io.Reader) (*Vocabulary, error) {
	v := &Vocabulary{byName: map[string]int{}}
	if err := eachLine(r, "frames", v.parseLine); err != nil {
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

// parseLine reads one line of data/frames.txt: a predicate's "=" line, its
// "subject" or "object" types, or one of its frames.
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
		return fmt.Errorf("%q before any predicate", line)
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
	f, err := parseFrame(p.Name, fields)
	if err != nil {
		return err
	}
	p.Frames = append(p.Frames, f)
	return nil
}
