package ingest

import (
	"reflect"
	"testing"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range SplitSentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "The U.S. State Department spoke on Feb. 8 with Gen. Smith. He agreed.",
			[]string{"The U.S. State Department spoke on Feb. 8 with Gen. Smith.", "He agreed."}},
		{"initials", "Christi C. Elwood wrote it. Then it ran.",
			[]string{"Christi C. Elwood wrote it.", "Then it ran."}},
		{"decimals", "Growth was 1.5 percent. Prices rose.", []string{"Growth was 1.5 percent.", "Prices rose."}},
		{"quotes", "\u201cWe agree.\u201d He left. \u201cNo,\u201d she said.",
			[]string{"\u201cWe agree.\u201d", "He left.", "\u201cNo,\u201d she said."}},
		{"headline lines", "Turkey buys missiles\nAnkara said so.", []string{"Turkey buys missiles", "Ankara said so."}},
		{"lower case after stop", "It cost 5 p.m. prices. ok then", []string{"It cost 5 p.m. prices. ok then"}},
		{"question", "Will they meet? Nobody knows.", []string{"Will they meet?", "Nobody knows."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	text := "Turkey\u2019s S-400, the U.S.-Turkey pact and 100,000 troops."
	var got []string
	for _, tok := range Tokenize(text, 0, len(text)) {
		got = append(got, tok.Text)
	}
	want := []string{"Turkey", "\u2019s", "S-400", ",", "the", "U.S.-Turkey", "pact", "and", "100,000", "troops", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
