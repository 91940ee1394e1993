package schema

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// NameKind says how a surface form refers to its entity.
type NameKind string

// The kinds of name a gazetteer entry can have.
const (
	Canonical NameKind = "canonical" // the entity's own name
	Alias     NameKind = "alias"     // another name or short form ("US", "Türkiye")
	Seat      NameKind = "seat"      // a capital or seat of power acting for it ("Ankara", "the Kremlin")
	Adjective NameKind = "adjective" // an adjective or demonym ("Turkish", "Russians")
)

// Name is one surface form of an entity.
type Name struct {
	Form   string // as written, with its capitals
	Entity Entity // what it refers to
	Kind   NameKind
}

// Gazetteer holds every known name of every known entity.
type Gazetteer struct {
	Names []Name
	// Titles are offices and roles ("Foreign Minister", "spokesman").
	Titles []string
	// Affiliations maps a well-known person to the country or organisation
	// whose office they hold, so that "President Erdoğan" is Turkey's.
	Affiliations map[string]string
}

// Add records the names of one entity: its canonical name, then each other
// form of the given kind. Empty forms are ignored.
func (g *Gazetteer) Add(e Entity, kind NameKind, forms ...string) {
	for _, f := range forms {
		if f = strings.TrimSpace(f); f != "" {
			g.Names = append(g.Names, Name{Form: f, Entity: e, Kind: kind})
		}
	}
}

// parseTable calls row with the tab-separated fields of each line of a
// table, skipping blank lines and # comments, and names the line in errors.
func parseTable(name string, r io.Reader, minFields int, row func([]string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < minFields {
			return fmt.Errorf("%s line %d: want %d tab-separated fields, got %d", name, n, minFields, len(fields))
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("%s line %d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func list(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, ";")
}

func field(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}

// addCountries reads data/countries.tsv: name, iso2, iso3, seats,
// adjectives, other names.
func (g *Gazetteer) addCountries(r io.Reader) error {
	return parseTable("countries.tsv", r, 4, func(f []string) error {
		e := Entity{Name: f[0], Type: Country}
		g.Add(e, Canonical, f[0])
		g.Add(e, Seat, list(field(f, 3))...)
		g.Add(e, Adjective, list(field(f, 4))...)
		g.Add(e, Alias, list(field(f, 5))...)
		return nil
	})
}

// addEntities reads data/entities.tsv: type, name, other names, adjectives.
func (g *Gazetteer) addEntities(r io.Reader) error {
	return parseTable("entities.tsv", r, 2, func(f []string) error {
		t := EntityType(f[0])
		switch t {
		case Organization, Group, Place, Weapon, Thing, Person:
		default:
			return fmt.Errorf("unknown entity type %q", f[0])
		}
		e := Entity{Name: f[1], Type: t}
		g.Add(e, Canonical, f[1])
		g.Add(e, Alias, list(field(f, 2))...)
		g.Add(e, Adjective, list(field(f, 3))...)
		return nil
	})
}

// addPeople reads data/people.tsv: name, other spellings, affiliation.
func (g *Gazetteer) addPeople(r io.Reader) error {
	if g.Affiliations == nil {
		g.Affiliations = map[string]string{}
	}
	return parseTable("people.tsv", r, 1, func(f []string) error {
		e := Entity{Name: f[0], Type: Person}
		g.Add(e, Canonical, f[0])
		g.Add(e, Alias, list(field(f, 1))...)
		if a := field(f, 2); a != "" {
			g.Affiliations[f[0]] = a
		}
		return nil
	})
}

// addTitles reads data/titles.txt: one office a line.
func (g *Gazetteer) addTitles(r io.Reader) error {
	return parseTable("titles.txt", r, 1, func(f []string) error {
		g.Titles = append(g.Titles, strings.TrimSpace(f[0]))
		return nil
	})
}
