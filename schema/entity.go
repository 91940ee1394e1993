package schema

// EntityType is the kind of thing an entity is.
type EntityType string

// The entity types. Unknown names found in text are typed by cues (titles,
// organisational words, prepositions of place) as person, organization,
// place or thing.
const (
	Country      EntityType = "country"      // a state or territory
	Organization EntityType = "organization" // an international body, institution or company
	Group        EntityType = "group"        // an armed or political group
	Person       EntityType = "person"
	Place        EntityType = "place"  // a region, city, sea or strait
	Weapon       EntityType = "weapon" // a named weapons system or programme
	Thing        EntityType = "thing"  // a kind of thing: troops, drones, civilians
)

// Actor reports whether entities of this type can act: sanction, meet, urge.
func (t EntityType) Actor() bool {
	switch t {
	case Country, Organization, Group, Person:
		return true
	}
	return false
}

// Entity is a named thing with its canonical name.
type Entity struct {
	Name string     `json:"name"`
	Type EntityType `json:"type"`
}
