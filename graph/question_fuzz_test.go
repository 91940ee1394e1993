package graph

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// FuzzParseQuestion feeds the question parser arbitrary text: it must
// never panic, and a question it understands has a form and the names that
// form needs.
func FuzzParseQuestion(f *testing.F) {
	vocab, _, err := schema.Default()
	if err != nil {
		f.Fatal(err)
	}
	p := NewParser(vocab)
	for _, form := range Forms {
		for _, q := range strings.Split(form, "  ") {
			f.Add(q)
		}
	}
	for _, q := range []string{"", "?", "who", "Who did?", "How is  connected to ?", "Did İstanbul invade ß?",
		"what links and", "Which sources say that", "WHO SANCTIONED \u0130STANBUL", "who \xff\xfe sanctioned x"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q, err := p.Parse(text)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: an error that is not a ParseError: %v", text, err)
			}
			return
		}
		if q.Kind == "" {
			t.Fatalf("%q: understood, but of no form: %+v", text, q)
		}
		if (q.Kind == AskPath || q.Kind == AskAbout) && q.Subject == "" {
			t.Fatalf("%q: a %s question without its entity: %+v", text, q.Kind, q)
		}
		if utf8.ValidString(text) && (!utf8.ValidString(q.Subject) || !utf8.ValidString(q.Object)) {
			t.Fatalf("%q: names cut inside a character: %+v", text, q)
		}
	})
}
