package ingest

// Sentence is one sentence of a document with its tokens.
type Sentence struct {
	Start, End int // byte offsets in the document text
	Tokens     []Token
}

// closers may follow a sentence's final mark and still belong to it.
var closers = setOf(")", "\u201d", "\u2019", "\u00bb")

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

// SplitSentences splits text into sentences. A line break always ends a
// sentence (the cleaner leaves one paragraph or headline a line); inside a
// line, a full stop, question or exclamation mark ends one when the next
// word starts with a capital, a digit or a quote. Abbreviations and
// initials never end one: the tokenizer has already made their full stops
// part of the word.
func SplitSentences(text string) []Sentence {
	var out []Sentence
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		out = splitLine(out, text, Tokenize(text, lineStart, lineEnd))
		lineStart = lineEnd + 1
	}
	return out
}

func splitLine(out []Sentence, text string, toks []Token) []Sentence {
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
		out = appendSentence(out, toks[begin:j])
		begin, i = j, j-1
	}
	return appendSentence(out, toks[begin:])
}

func isFinal(t string) bool { return t == "." || t == "?" || t == "!" }

func startsSentence(t Token) bool {
	if t.capitalized() || t.Lower == "\"" || t.Lower == "'" || t.Text == "(" {
		return true
	}
	r := t.Text[0]
	return r >= '0' && r <= '9'
}

func appendSentence(out []Sentence, toks []Token) []Sentence {
	if len(toks) == 0 {
		return out
	}
	return append(out, Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks})
}
