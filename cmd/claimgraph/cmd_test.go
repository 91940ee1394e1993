package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

const articles = "../../examples/articles"

// runT runs claimgraph with args and returns its exit status and output.
func runT(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

func TestExtractJSONL(t *testing.T) {
	code, out, errw := runT(t, "", "extract", "--format", "jsonl", articles)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errw)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 20 {
		t.Fatalf("%d claims", len(lines))
	}
	for _, line := range lines {
		var c map[string]interface{}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for _, field := range []string{"doc", "subject", "subject_type", "predicate", "object", "object_type",
			"negated", "modality", "sentence", "start", "end", "date", "qualifiers", "confidence"} {
			if _, ok := c[field]; !ok {
				t.Errorf("claim lacks %q: %s", field, line)
			}
		}
	}
}

func TestExtractTableFromStdin(t *testing.T) {
	code, out, _ := runT(t, "Russia invaded Ukraine in February 2022, officials said.", "extract", "-")
	if code != 0 || !strings.Contains(out, "invaded") || !strings.Contains(out, "SUBJECT") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// TestExtractExplain checks that --explain says how each claim was read,
// in the table and in JSONL, and that the plain JSONL carries no
// explanation.
func TestExtractExplain(t *testing.T) {
	text := "The European Union will not impose new sanctions on Turkey this year, officials in Brussels said on Tuesday."
	code, out, errw := runT(t, text, "extract", "--explain", "--all", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errw)
	}
	for _, want := range []string{"European Union --sanctioned--> Turkey", "trigger   impose (impose)",
		"frame     verb impose obj=sanction", "subject   Union (nsubj of impose)", `marked by "on"`, `negated: "impose" is negated`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	_, out, _ = runT(t, text, "extract", "--explain", "--format", "jsonl", "-")
	var c struct {
		Explain *struct{ Trigger, Frame, Subject, Object, Modality string }
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &c); err != nil || c.Explain == nil || c.Explain.Trigger == "" || c.Explain.Modality == "" {
		t.Fatalf("explain in JSONL: %v %+v\n%s", err, c.Explain, out)
	}
	_, out, _ = runT(t, text, "extract", "--format", "jsonl", "-")
	if strings.Contains(out, `"explain"`) {
		t.Errorf("explanation without --explain: %s", out)
	}
}

func TestIngestQueryStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	code, out, errw := runT(t, "", "--db", db, "ingest", articles)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errw)
	}
	if !strings.Contains(out, "documents read") || !strings.Contains(out, "Sample claims") {
		t.Errorf("summary:\n%s", out)
	}
	code, out, errw = runT(t, "", "--db", db, "query", `g.V("Russia").In("sanctioned").Unique().All()`)
	if code != 0 || !strings.Contains(out, `"United States"`) || !strings.Contains(out, `"European Union"`) {
		t.Fatalf("query exit %d: %s %s", code, out, errw)
	}
	var res struct{ Result []map[string]interface{} }
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Result) != 2 {
		t.Fatalf("want {\"result\": [2 results]}, got %s (%v)", out, err)
	}
	_, before, _ := runT(t, "", "--db", db, "stats", "--json")
	code, out, _ = runT(t, "", "--db", db, "ingest", "--json", articles)
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != 0 || sum.Added != 0 || sum.Unchanged != sum.Read {
		t.Fatalf("re-ingest exit %d: %+v %v", code, sum, err)
	}
	_, after, _ := runT(t, "", "--db", db, "stats", "--json")
	if before != after {
		t.Errorf("stats changed on re-ingest:\n%s\n%s", before, after)
	}
	// A re-ingest of what is stored already says so, and shows no claims
	// as if they were new.
	code, out, _ = runT(t, "", "--db", db, "ingest", articles)
	if code != 0 || !strings.HasPrefix(out, "Nothing new in ") || strings.Contains(out, "Sample claims") {
		t.Errorf("re-ingest summary:\n%s", out)
	}
	// An export to a file says what it wrote, on standard error.
	file := filepath.Join(t.TempDir(), "g.graphml")
	code, out, errw = runT(t, "", "--db", db, "export", "--format", "graphml", "-o", file)
	if code != 0 || out != "" || !strings.HasPrefix(errw, "wrote "+file+" (graphml): ") || !strings.Contains(errw, " edges") {
		t.Errorf("export -o: exit %d, out %q, err %q", code, out, errw)
	}
	// A path from an entity to itself names it.
	code, out, _ = runT(t, "", "--db", db, "path", "Russia", "Moscow")
	if code != 0 || !strings.Contains(out, "Russia and Russia are the same entity") {
		t.Errorf("path to itself: exit %d\n%s", code, out)
	}
	code, out, _ = runT(t, "", "--db", db, "stats")
	if code != 0 || !strings.Contains(out, "Relations by predicate") {
		t.Errorf("stats:\n%s", out)
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"binary.txt": "\x00\x01\x02\x03 not text",
		"latin1.txt": "caf\xe9 au lait",
		"empty.txt":  "",
		"notes.png":  "\x89PNG",
		"broken.jsonl": `{"id": "ok-1", "text": "Russia invaded Ukraine in February 2022, officials said on Monday."}` + "\n" +
			`{"id": "broken", "text": ` + "\n",
		"good.txt": "Turkey bought S-400 systems from Russia in 2019, officials said on Monday.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "g.db")
	code, out, errw := runT(t, "", "--db", db, "ingest", "--json", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"binary.txt: binary", "latin1.txt: invalid UTF-8", "empty.txt: empty", "broken.jsonl:2: malformed JSON"} {
		if !strings.Contains(errw, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errw)
		}
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Read != 2 || sum.Failed != 4 || sum.Skipped != 1 {
		t.Errorf("summary %+v", sum)
	}
	_, out, _ = runT(t, "", "--db", db, "query", `g.V("Turkey").Out("bought").All()`)
	if !strings.Contains(out, "S-400") {
		t.Errorf("good document did not land: %s", out)
	}
}

func TestIngestLockedStoreFailsFast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	s, err := graph.Open(context.Background(), db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, _, errw := runT(t, "", "--db", db, "ingest", articles)
	if code != 1 || !strings.Contains(errw, "in use by another claimgraph process") {
		t.Fatalf("exit %d: %s", code, errw)
	}
	if time.Since(start) > time.Minute {
		t.Errorf("took %s", time.Since(start))
	}
}

func TestQueryTimeoutAndSources(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errw := runT(t, "Kenya sanctioned Ethiopia.", "--db", db, "ingest", "-"); code != 0 {
		t.Fatalf("ingest: %s", errw)
	}
	code, _, errw := runT(t, "", "--db", db, "query", "--timeout", "300ms", "while (true) {}")
	if code != 1 || !strings.Contains(errw, "timed out") {
		t.Fatalf("endless script: exit %d: %s", code, errw)
	}
	script := filepath.Join(t.TempDir(), "q.js")
	os.WriteFile(script, []byte(`g.V("nobody").All()`), 0o644)
	for _, args := range [][]string{{"query", "-f", script}, {"query", "-"}} {
		code, out, errw := runT(t, `g.V("nobody").All()`, append([]string{"--db", db}, args...)...)
		if code != 0 || !strings.Contains(out, `"result": []`) {
			t.Errorf("%v: exit %d: %s %s", args, code, out, errw)
		}
	}
	code, _, errw = runT(t, "", "--db", db, "query", "g.V(")
	if code != 1 || !strings.Contains(errw, "the query") {
		t.Errorf("syntax error: exit %d: %s", code, errw)
	}
}

// TestParallelIngestMatchesSequential ingests the examples with one worker
// and with several and expects the same stats and the same N-Quads export.
func TestParallelIngestMatchesSequential(t *testing.T) {
	var stats, nquads []string
	for _, workers := range []string{"1", "4"} {
		db := filepath.Join(t.TempDir(), "g.db")
		if code, _, errw := runT(t, "", "--db", db, "ingest", "--workers", workers, "--batch", "3", articles); code != 0 {
			t.Fatalf("ingest: %s", errw)
		}
		_, st, _ := runT(t, "", "--db", db, "stats", "--json")
		_, nq, _ := runT(t, "", "--db", db, "export", "--format", "nquads")
		stats, nquads = append(stats, st), append(nquads, nq)
	}
	if stats[0] != stats[1] {
		t.Errorf("stats differ:\n%s\n%s", stats[0], stats[1])
	}
	if nquads[0] != nquads[1] || len(nquads[0]) < 1000 {
		t.Errorf("exports differ (%d and %d bytes)", len(nquads[0]), len(nquads[1]))
	}
}

// TestIngestSummaryHidesPassword checks that a database password never
// reaches the ingest summary.
func TestIngestSummaryHidesPassword(t *testing.T) {
	var buf bytes.Buffer
	writeIngestSummary(&buf, ingestSummary{Store: graph.Redact("postgres://claimgraph:s3cret@127.0.0.1/cg")})
	if strings.Contains(buf.String(), "s3cret") || !strings.Contains(buf.String(), "claimgraph:xxxxx@") {
		t.Errorf("summary shows the password or no store:\n%s", buf.String())
	}
}

// TestStdinIngestsDoNotReplaceEachOther checks that two articles piped in
// are two documents, and that --id names one so that it can be replaced.
func TestStdinIngestsDoNotReplaceEachOther(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, text := range []string{"Kenya sanctioned Ethiopia on Monday.", "Chile and Peru signed a trade deal."} {
		if code, _, errw := runT(t, text, "--db", db, "ingest", "-"); code != 0 {
			t.Fatalf("ingest: %s", errw)
		}
	}
	for range 2 {
		if code, _, errw := runT(t, "Chile met Peru in Lima.", "--db", db, "ingest", "--id", "note-1", "-"); code != 0 {
			t.Fatalf("ingest --id: %s", errw)
		}
	}
	_, out, _ := runT(t, "", "--db", db, "stats", "--json")
	var st struct {
		Documents int `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Documents != 3 {
		t.Fatalf("want 3 documents, got %s (%v)", out, err)
	}
}

// TestReadersNeedAStore checks that a command that only reads fails on a
// store that is not there, saying what to do, and creates none; and that
// ingest of nothing that exists leaves no empty store behind.
func TestReadersNeedAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"stats"}, {"ask", "Who sanctioned Russia?"}, {"neighbors", "Russia"}, {"export", "--format", "dot"}, {"query", "g.V().All()"}} {
		code, _, errw := runT(t, "", append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(errw, "no claimgraph store at") || !strings.Contains(errw, "ingest") {
			t.Errorf("%v: exit %d: %s", args, code, errw)
		}
	}
	if code, _, _ := runT(t, "", "--db", db, "ingest", filepath.Join(t.TempDir(), "missing.txt")); code == 0 {
		t.Error("ingest of a missing file exited 0")
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a store was created at %s (%v)", db, err)
	}
}

// TestIngestDates checks that the summary counts undated documents and
// that --date dates them, and that a --date that is no date is refused.
func TestIngestDates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	var sum ingestSummary
	_, out, _ := runT(t, "Kenya sanctioned Ethiopia.", "--db", db, "ingest", "--json", "-")
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Undated != 1 {
		t.Fatalf("undated: %s (%v)", out, err)
	}
	_, out, _ = runT(t, "Chile met Peru in Lima.", "--db", db, "ingest", "--json", "--date", "2023-03-01", "-")
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Undated != 0 {
		t.Fatalf("with --date: %s (%v)", out, err)
	}
	if code, _, errw := runT(t, "Chile met Peru.", "--db", db, "ingest", "--date", "yesterday", "-"); code == 0 || !strings.Contains(errw, "2023-03-01") {
		t.Errorf("--date yesterday: exit %d: %s", code, errw)
	}
}

// TestShortenOnWords checks that long text is cut between words.
func TestShortenOnWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"Ties between Turkey and the United States have been strained", 30, "Ties between Turkey and the…"},
		{"Senate Intelligence Committee", 28, "Senate Intelligence…"},
		{"Supercalifragilisticexpialidocious", 10, "Supercali…"},
	} {
		if got := shorten(tc.in, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
