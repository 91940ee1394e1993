package syntax

// Span is one sentence of a text: its byte offsets and its tokens.
type Span struct {
	Start, End int
	Tokens     []Token
}

// closers may follow a sentence's final mark and still belong to it.
var closers = setOf(")", "\u201d", "\u2019", "\u00bb", "]")

// SplitSentences splits text into sentences. A line break always ends a
// sentence (a paragraph or headline is a line); inside a line, a full
// stop, question or exclamation mark ends one when the next word starts
// with a capital, a digit, a quote or a bracket. Abbreviations and initials
// never end one: the tokenizer has made their full stops part of the word.
func SplitSentences(text string) []Span {
	var out []Span
	var toks []Token
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		toks = AppendTokens(toks[:0], text, lineStart, lineEnd)
		out = splitLine(out, toks)
		lineStart = lineEnd + 1
	}
	return out
}

func splitLine(out []Span, toks []Token) []Span {
	begin := 0
	for i := 0; i < len(toks); i++ {
		if !isFinal(toks[i].Text) {
			continue
		}
		j := i + 1
		for j < len(toks) && (closes(toks, j) || isFinal(toks[j].Text)) {
			j++
		}
		if j < len(toks) && !startsSentence(toks[j]) {
			continue
		}
		out = appendSpan(out, toks[begin:j])
		begin, i = j, j-1
	}
	return appendSpan(out, toks[begin:])
}

// closes reports whether toks[j] closes the sentence whose final mark came
// before it: a closing quote or bracket, or a plain quote written tight
// against the mark.
func closes(toks []Token, j int) bool {
	t := toks[j]
	if closers[t.Text] {
		return true
	}
	return (t.Text == "\"" || t.Text == "'") && t.Start == toks[j-1].End
}

func isFinal(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c != '.' && c != '?' && c != '!' {
			return false
		}
	}
	return true
}

func startsSentence(t Token) bool {
	if startsUpper(t.Text) || t.Text == "\"" || t.Text == "'" || t.Text == "(" || t.Text == "\u201c" || t.Text == "\u2018" {
		return true
	}
	r := t.Text[0]
	return r >= '0' && r <= '9'
}

func appendSpan(out []Span, toks []Token) []Span {
	if len(toks) == 0 {
		return out
	}
	own := make([]Token, len(toks))
	copy(own, toks)
	return append(out, Span{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: own})
}
