// Every entity of one type: entities carry their type with cg:type
// (country, person, organization, group, place, weapon, thing).
g.V("country").In("cg:type").Unique().All()
