package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// examplesDB ingests the example articles into a bolt store for the test.
func examplesDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errw := runT(t, "", "--db", db, "ingest", articles); code != 0 {
		t.Fatalf("ingest: %s", errw)
	}
	return db
}

func TestAsk(t *testing.T) {
	db := examplesDB(t)
	tests := []struct {
		question string
		want     []string // in the output
	}{
		{"Who sanctioned Russia?", []string{"European Union", "United States", "imposed sanctions on Russia"}},
		{"Which countries invaded Ukraine?", []string{"Russia --invaded--> Ukraine"}},
		{"What did India buy?", []string{"S-400"}},
		{"Who did Modi host?", []string{"Vladimir Putin"}},
		{"Who met Wang Yi?", nil},
		{"How is Finland connected to Turkey?", []string{"Turkey \u2192 Finland: criticized (1 source)", "harbouring"}},
		{"Did the US sanction India?", []string{"no source in the graph says so", "1 claim(s) deny or negate it", "Washington has not sanctioned India"}},
		{"Did Russia invade Ukraine?", []string{"yes: 2 source(s)"}},
		{"When did ECOWAS sanction Niger?", []string{"on 2023-07-30"}},
		{"Tell me about Finland", []string{"member_of", "NATO"}},
		{"Which sources say Eritrea deployed troops?", []string{"ethiopia-tigray-2022"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			code, out, errw := runT(t, "", "--db", db, "ask", tt.question)
			if tt.want == nil {
				if code == 0 {
					t.Errorf("expected a failure, got:\n%s", out)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errw)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestAskErrorsHelp(t *testing.T) {
	db := examplesDB(t)
	code, _, errw := runT(t, "", "--db", db, "ask", "Who sanctioned Rusia?")
	if code != 1 || !strings.Contains(errw, `did you mean "Russia"`) {
		t.Errorf("misspelt name: exit %d: %s", code, errw)
	}
	code, _, errw = runT(t, "", "--db", db, "ask", "Why is the sky blue?")
	if code != 1 || !strings.Contains(errw, "What did Turkey buy?") {
		t.Errorf("unparsed question: exit %d: %s", code, errw)
	}
	code, out, _ := runT(t, "", "--db", db, "ask", "--json", "Who sanctioned Russia?")
	var ans struct {
		Items []struct {
			Entity   string
			Evidence []struct{ Sentence, Doc string }
		}
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil || code != 0 || len(ans.Items) != 2 || ans.Items[0].Evidence[0].Sentence == "" {
		t.Errorf("json: %v %s", err, out)
	}
}

func TestPathNeighborsTimeline(t *testing.T) {
	db := examplesDB(t)
	code, out, errw := runT(t, "", "--db", db, "path", "Helsinki", "Ankara")
	if code != 0 || !strings.Contains(out, "Turkey \u2192 Finland: criticized") || !strings.Contains(out, "\u201c") {
		t.Errorf("path: exit %d: %s %s", code, out, errw)
	}
	code, out, _ = runT(t, "", "--db", db, "path", "--json", "--all", "Finland", "Ukraine")
	var p struct {
		Paths []struct {
			Hops []struct{ Evidence []interface{} }
		}
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil || code != 0 || len(p.Paths) == 0 {
		t.Fatalf("path json: %v %s", err, out)
	}
	for _, path := range p.Paths {
		for _, h := range path.Hops {
			if len(h.Evidence) == 0 {
				t.Errorf("a hop without evidence: %s", out)
			}
		}
	}
	code, out, _ = runT(t, "", "--db", db, "neighbors", "--hops", "2", "Finland")
	if code != 0 || !strings.Contains(out, "HOPS") || !strings.Contains(out, "Sweden") {
		t.Errorf("neighbors: %s", out)
	}
	code, out, _ = runT(t, "", "--db", db, "timeline", "Russia")
	if code != 0 || !strings.Contains(out, "2022-02-25") || strings.Index(out, "2022-02-25") > strings.Index(out, "2023-04-04") {
		t.Errorf("timeline not in date order:\n%s", out)
	}
	code, out, _ = runT(t, "", "--db", db, "timeline", "--json", "India", "Russia")
	if code != 0 || !strings.Contains(out, "cooperates_with") {
		t.Errorf("timeline of two: %s", out)
	}
}
