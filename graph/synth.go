package graph

import (
	"fmt"
	"math/rand"

	"github.com/claimgraph/claimgraph/schema"
)

// SynthOptions shapes a synthetic claim graph.
type SynthOptions struct {
	Seed         int64
	Entities     int // distinct entities
	Documents    int
	ClaimsPerDoc int
}

// synthPredicates are the relations synthetic claims use, with how often.
var synthPredicates = []string{"met", "met", "met", "criticized", "criticized", "urged", "warned",
	"supports", "opposes", "cooperates_with", "cooperates_with", "sanctioned", "visited", "invited",
	"praised", "attacked", "fought", "bought", "sold", "member_of", "official_of", "borders"}

var synthTypes = []schema.EntityType{schema.Country, schema.Country, schema.Person, schema.Person,
	schema.Person, schema.Organization, schema.Group, schema.Place, schema.Weapon}

// Synthesize makes a deterministic corpus of extractions that looks like
// news: entity degrees follow a power law (a few actors, like the great
// powers, are in many claims), each document makes several claims with
// provenance, about one in ten claims is not asserted, and some relations
// are corroborated by several documents. It feeds the benchmarks.
func Synthesize(opt SynthOptions) []schema.Extraction {
	r := rand.New(rand.NewSource(opt.Seed))
	zipf := rand.NewZipf(r, 1.3, 4, uint64(opt.Entities-1))
	ents := make([]schema.Entity, opt.Entities)
	for i := range ents {
		ents[i] = schema.Entity{Name: fmt.Sprintf("Entity %05d", i), Type: synthTypes[(i*7)%len(synthTypes)]}
	}
	out := make([]schema.Extraction, opt.Documents)
	for d := range out {
		id := fmt.Sprintf("synth-%06d.txt", d)
		date := fmt.Sprintf("%04d-%02d-%02d", 2015+d%10, 1+d%12, 1+d%28)
		doc := schema.Document{ID: id, Title: "Synthetic report " + id, Date: date, Source: "synth/" + id,
			Hash: fmt.Sprintf("%x", r.Int63())}
		ex := schema.Extraction{Document: doc}
		seen := map[schema.Entity]bool{}
		offset := 0
		for c := 0; c < opt.ClaimsPerDoc; c++ {
			s, o := ents[zipf.Uint64()], ents[r.Intn(opt.Entities)]
			if r.Intn(3) == 0 {
				o = ents[zipf.Uint64()]
			}
			if s == o {
				continue
			}
			pred := synthPredicates[r.Intn(len(synthPredicates))]
			mod := schema.Asserted
			switch r.Intn(20) {
			case 0:
				mod = schema.Hypothetical
			case 1:
				mod = schema.Denied
			case 2, 3:
				mod = schema.Reported
			}
			sentence := fmt.Sprintf("%s %s %s, the report said in paragraph %d.", s.Name, pred, o.Name, c)
			ex.Claims = append(ex.Claims, schema.Claim{Doc: id, Subject: s.Name, SubjectType: s.Type, Predicate: pred,
				Object: o.Name, ObjectType: o.Type, Modality: mod, Sentence: sentence, Start: offset,
				End: offset + len(sentence), Date: date, Qualifiers: map[string]string{}, Confidence: 0.8,
				Extractor: "synthetic"})
			offset += len(sentence) + 1
			for _, e := range []schema.Entity{s, o} {
				if !seen[e] {
					seen[e] = true
					ex.Entities = append(ex.Entities, e)
				}
			}
		}
		ex.Sentences = len(ex.Claims)
		out[d] = ex
	}
	return out
}
