package syntax

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sharedUD is where the UD treebanks live beside a checkout.
var sharedUD = filepath.Join("..", "..", "..", "shared", "ud")

func readFile(t testing.TB, path string) []Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"clitics", "They don't know it's Kenya's.", "They do n't know it 's Kenya 's ."},
		{"can't and won't", "We can't and won't.", "We ca n't and wo n't ."},
		{"cannot", "Officials cannot say.", "Officials can not say ."},
		{"plural possessive", "the countries' leaders", "the countries ' leaders"},
		{"typographic apostrophe", "Ghana\u2019s gold", "Ghana \u2019s gold"},
		{"hyphens split", "the S-400 month-long talks", "the S - 400 month - long talks"},
		{"bound prefixes kept", "non-profit co-operation e-mail", "non-profit co-operation e-mail"},
		{"abbreviations", "Mr. Smith of the U.S. met Gen. Lee.", "Mr. Smith of the U.S. met Gen. Lee ."},
		{"numbers", "$1,500.50 and 10% on 08/16/2000", "$ 1,500.50 and 10 % on 08/16/2000"},
		{"links", "see https://example.org/a?b=1, now", "see https://example.org/a?b=1 , now"},
		{"dots and dashes", "Wait... no -- yes?!", "Wait ... no -- yes ?!"},
		{"initials", "J.R.R. Tolkien", "J.R.R. Tolkien"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tt.text, 0, len(tt.text)) {
				if tt.text[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q does not match its offsets %d:%d", tok.Text, tok.Start, tok.End)
				}
				got = append(got, tok.Text)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, g, tt.want)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Mr. Ruto met Dr. Abiy in Nairobi. They signed a deal.\n\"We agree,\" he said. Talks end on Jan. 5 in the U.S. Capital"
	var got []string
	for _, s := range SplitSentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Mr. Ruto met Dr. Abiy in Nairobi.", "They signed a deal.", "\"We agree,\" he said.",
		"Talks end on Jan. 5 in the U.S. Capital"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitSentences:\n got %q\nwant %q", got, want)
	}
}

func TestCoNLLURoundTrip(t *testing.T) {
	sents := readFile(t, filepath.Join("testdata", "small.conllu"))
	if len(sents) != 3 {
		t.Fatalf("read %d sentences, want 3", len(sents))
	}
	if got := len(sents[1].Words); got != 10 {
		t.Errorf("sentence 2 has %d words, want 10 (the multiword token line is not a word)", got)
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := WriteCoNLLU(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	again, err := ReadCoNLLU(&buf, "written")
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents {
		if !reflect.DeepEqual(sents[i].Words, again[i].Words) || sents[i].Text != again[i].Text {
			t.Errorf("sentence %d changed in a round trip", i+1)
		}
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
	}{
		{"columns", "# text = x\n1\tx\tx\n", 2},
		{"id", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", 2},
		{"head", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t7\tdep\t_\t_\n\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tt.text), "bad.conllu")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || pe.File != "bad.conllu" {
				t.Errorf("error at %s:%d, want bad.conllu:%d (%v)", pe.File, pe.Line, tt.line, err)
			}
		})
	}
}

// TestOracle checks the dynamic oracle: always taking a zero-cost
// transition rebuilds the gold tree.
func TestOracle(t *testing.T) {
	sents := readFile(t, filepath.Join("testdata", "small.conllu"))
	if ud := filepath.Join(sharedUD, "en_ewt-ud-dev.conllu"); fileExists(ud) {
		sents = append(sents, readFile(t, ud)...)
	}
	for _, s := range sents {
		gold := make([]int32, len(s.Words)+1)
		gold[0] = -1
		for i, w := range s.Words {
			gold[i+1] = int32(w.Head)
		}
		projectivize(gold)
		var st state
		st.reset(len(s.Words))
		for !st.done() {
			next := -1
			for c := 0; c < nTransitions && next < 0; c++ {
				if st.legal(c) && st.cost(c, gold) == 0 {
					next = c
				}
			}
			if next < 0 {
				t.Fatalf("%s: no zero-cost transition", s.ID)
			}
			st.apply(next, 0)
		}
		for d := 1; d < len(gold); d++ {
			if st.head[d] < 0 {
				st.head[d] = 0 // the word left without a head is the root
			}
			if st.head[d] != gold[d] {
				t.Fatalf("%s: word %d got head %d, gold %d", s.ID, d, st.head[d], gold[d])
			}
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
