package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

var fuzzSeeds = []string{
	"Turkey\u2019s purchase of Russian S-400 systems angered the U.S. on Feb. 8.",
	"ANKARA, March 5 (Reuters) \u2013 \u201cWe agree.\u201d He left. 1.5 percent.",
	"<p>Poland bought <a href=x>tanks</a>.</p><script>x</script>",
	"St. Petersburg, Gen. Smith, Christi C. Elwood: U.S.-led A-B-C'd.",
	"", ".", "'s", "\u2019", "- -", "a.b.c.", "\n\n\n",
}

// FuzzExtract checks that extraction never panics and that every claim's
// offsets give its sentence.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ex := testExtractor.Extract(schema.Document{ID: "f", Text: text, Date: "2020-01-01"})
		for _, c := range ex.Claims {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Sentence {
				t.Fatalf("claim offsets %d-%d", c.Start, c.End)
			}
		}
	})
}

// FuzzClean checks that cleaning keeps only whole lines of its input.
func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := Clean(raw)
		if !utf8.ValidString(raw) {
			return
		}
		for _, line := range strings.Split(c.Text, "\n") {
			if line != "" && !strings.Contains(raw, strings.Fields(line)[0]) {
				t.Fatalf("cleaned line %q not from input", line)
			}
		}
	})
}

// FuzzParseHTML checks that no page makes the HTML reader fail or panic.
func FuzzParseHTML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if _, err := parseHTML(strings.NewReader(page)); err != nil {
			t.Fatal(err)
		}
	})
}
