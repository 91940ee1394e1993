package graph_test

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// Store a document's claims, then ask the graph with Gizmo and with Go.
func ExampleStore() {
	ctx := context.Background()
	store, err := graph.Open(ctx, "memory", graph.Options{})
	if err != nil {
		panic(err)
	}
	defer store.Close()
	claim := schema.Claim{Doc: "a.txt", Subject: "United States", SubjectType: schema.Country,
		Predicate: "sanctioned", Object: "Turkey", ObjectType: schema.Country, Modality: schema.Asserted,
		Sentence: "Washington imposed sanctions on Ankara in December 2020.", End: 56, Date: "2020-12", Confidence: 0.85}
	_, err = store.WriteDocument(ctx, schema.Extraction{
		Document: schema.Document{ID: "a.txt", Hash: "h1", Date: "2022-03-05"},
		Claims:   []schema.Claim{claim},
		Entities: []schema.Entity{{Name: "United States", Type: schema.Country}, {Name: "Turkey", Type: schema.Country}},
	})
	if err != nil {
		panic(err)
	}
	res, _ := store.Query(ctx, `g.V("Turkey").In("sanctioned").All()`, 10)
	fmt.Println(res)
	evs, _ := store.Evidence(ctx, "United States", "sanctioned", "Turkey", false)
	fmt.Println(evs[0].Sentence, evs[0].Doc, evs[0].Date)
	// Output:
	// [map[id:United States]]
	// Washington imposed sanctions on Ankara in December 2020. a.txt 2020-12
}
