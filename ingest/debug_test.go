package ingest

import (
	"fmt"
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// TestDebugSentence prints how a sentence is analysed: run with
// CLAIMGRAPH_DEBUG="sentence" go test -run TestDebugSentence -v ./ingest
func TestDebugSentence(t *testing.T) {
	text := os.Getenv("CLAIMGRAPH_DEBUG")
	if file := os.Getenv("CLAIMGRAPH_DEBUG_FILE"); file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text = Clean(string(b)).Text
	}
	if text == "" {
		t.Skip("set CLAIMGRAPH_DEBUG to a sentence or CLAIMGRAPH_DEBUG_FILE to a file")
	}
	vocab, gaz, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(vocab, gaz)
	res := newResolver(x.lx)
	for _, s := range SplitSentences(text) {
		fmt.Printf("%s\n", text[s.Start:s.End])
		ments := x.lx.recognize(s.Tokens)
		ments = x.lx.composeOffices(s.Tokens, ments)
		ments = res.resolve(s.Tokens, ments)
		for _, m := range ments {
			fmt.Printf("  [%d,%d) %q %s %s poss=%v pron=%v weak=%v role=%q\n", m.Start, m.End, tokenText(s.Tokens, m.Start, m.End), m.Entity.Name, m.Entity.Type, m.Possessive, m.Pronoun, m.Weak, m.Role)
		}
		f := newFrame(s.Tokens, ments)
		for i := range s.Tokens {
			for _, m := range f.triggersAt(x.lx, i) {
				fmt.Printf("  trigger %s %s [%d,%d)\n", m.trig.Predicate, m.trig.Kind, m.start, m.end)
			}
		}
		for _, c := range x.lx.claimsOf(f) {
			fmt.Printf("  => %s %s %s (%s)\n", c.subj.Entity.Name, c.pred, c.obj.Entity.Name, c.mod)
		}
	}
}
