package syntax

import "testing"

// FuzzTokenize checks that tokens are the text's own bytes, in order, and
// that sentences hold them.
func FuzzTokenize(f *testing.F) {
	f.Add("They don't know it's Kenya's S-400, see https://x.org/a.")
	f.Add("\u2019s \u201cquoted\u201d U.S.-led 1,000.5 a/b")
	f.Add("\xff\xfe\x00 ... !!! -- e-mail")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, tok := range Tokenize(text, 0, len(text)) {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(text) || text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v after offset %d in %q", tok, last, text)
			}
			last = tok.End
		}
		for _, s := range SplitSentences(text) {
			if s.Start > s.End || len(s.Tokens) == 0 {
				t.Fatalf("bad sentence %+v", s)
			}
		}
	})
}
