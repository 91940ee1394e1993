package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenExamples pins what the extractor makes of each example article,
// so a change in behaviour shows as a readable diff. After a deliberate
// change: go test ./ingest -run TestGoldenExamples -update
func TestGoldenExamples(t *testing.T) {
	docs, _ := corpus(t)
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for _, c := range testExtractor.Extract(d).Claims {
				c.Sentence = "" // the offsets say where; keep the diff readable
				if err := enc.Encode(c); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join("testdata", "golden", d.ID+".jsonl")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("claims differ from %s (run with -update after a deliberate change):\ngot:\n%s\nwant:\n%s", path, buf.Bytes(), want)
			}
		})
	}
}

// TestExamplesAgainstGold scores the examples against their hand-made gold
// annotation with the shared scorer's rules.
func TestExamplesAgainstGold(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "examples", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	var claims []schema.Claim
	r := &Reader{}
	r.Read(context.Background(), []string{filepath.Join("..", "examples", "articles")}, func(d schema.Document) error {
		claims = append(claims, testExtractor.Extract(d).Claims...)
		return nil
	}, func(err error) { t.Error(err) })
	rep := gold.Score(claims)
	if rep.Precision < 0.9 || rep.Recall < 0.8 || rep.Forbidden > 0 {
		t.Errorf("precision %.3f recall %.3f forbidden %d; missed %v; wrong %v",
			rep.Precision, rep.Recall, rep.Forbidden, rep.Missed, rep.WrongClaims)
	}
}

func TestScoreRules(t *testing.T) {
	gold, err := ReadGold(bytes.NewReader([]byte(`{"entity":"United States","aliases":["Washington"]}
{"doc":"a.txt","s":"United States","p":"sanctioned","o":"Turkey","must":true}
{"doc":"a.txt","s":["Turkey"],"p":"borders","o":"Greece","must":true}
{"doc":"a.txt","s":"Russia","p":"invaded","o":"Turkey","forbidden":true}
`)))
	if err != nil {
		t.Fatal(err)
	}
	rep := gold.Score([]schema.Claim{
		{Doc: "dir/a.txt", Subject: "Washington", Predicate: "sanctioned", Object: "the Turkey's"},
		{Doc: "a.txt", Subject: "Greece", Predicate: "borders", Object: "Turkey"},
		{Doc: "a.txt", Subject: "Russia", Predicate: "invaded", Object: "Turkey"},
		{Doc: "a.txt", Subject: "Russia", Predicate: "invaded", Object: "Greece", Modality: schema.Hypothetical},
		{Doc: "a.txt", Subject: "Russia", Predicate: "not_core", Object: "Greece"},
	})
	if rep.Right != 2 || rep.Wrong != 1 || rep.Forbidden != 1 || rep.NotAsserted != 1 || rep.Recall != 1 {
		t.Errorf("report %+v", rep)
	}
}
