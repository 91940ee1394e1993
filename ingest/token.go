package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark with its byte offsets in
// the document text.
type Token struct {
	Text       string // as written
	Lower      string // lower case, with typographic apostrophes made plain
	Start, End int
}

// isWord reports whether the token begins with a letter or digit.
func (t Token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@'
}

// capitalized reports whether the token begins with an upper-case letter.
func (t Token) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
	"sgt", "adm", "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "no", "vs", "etc",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"inc", "corp", "ltd", "co", "dept", "approx", "est", "ft", "mt", "fig", "pres")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Tokenize splits text[start:end] into tokens whose offsets index text.
// Words keep inner hyphens, apostrophes and the full stops of initials and
// abbreviations ("U.S.", "Feb."); a possessive "'s" is a token of its own.
func Tokenize(text string, start, end int) []Token {
	var toks []Token
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '[' || r == ']' || r == '\u00a0':
			i += size
		case isWordRune(r) || r == '@':
			j := scanWord(text, i, end)
			toks = appendWord(toks, text, i, j)
			i = j
		default:
			toks = append(toks, makeToken(text, i, i+size))
			i += size
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord returns the end of the word starting at i: letters and digits,
// joined by hyphens, apostrophes, full stops and commas that have a word
// character on both sides ("S-400", "O'Brien", "1.5", "100,000", "U.S").
func scanWord(text string, i, end int) int {
	j := i
	for {
		j = scanWordPart(text, i, j, end)
		// The full stop of an initial or abbreviation belongs to the word,
		// which may go on after a hyphen ("U.S.-led").
		if j < end && text[j] == '.' && isAbbreviation(text[i:j]) {
			j++
			if j+1 < end && text[j] == '-' && isWordRune(rune(text[j+1])) {
				j++
				continue
			}
		}
		return j
	}
}

func scanWordPart(text string, i, j, end int) int {
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) || (r == '@' && j == i) {
			j += size
			continue
		}
		if r == '-' || r == '.' || r == ',' || isApostrophe(r) || r == '\u2010' || r == '\u2011' {
			next, _ := utf8.DecodeRuneInString(text[j+size:])
			if j+size < end && isWordRune(next) && joins(text, i, j, r, next) {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// joins decides whether punctuation r between text[i:j] and next glues one word.
func joins(text string, i, j int, r, next rune) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[i:j])
	switch r {
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		// decimals, and initials such as U.S or D.C
		return (unicode.IsDigit(prev) && unicode.IsDigit(next)) || isInitials(text[i:j]+".x")
	}
	return true
}

// isInitials reports whether w looks like "U.S" or "U.S.x": single letters
// separated by full stops.
func isInitials(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func isAbbreviation(w string) bool {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		w = w[k+1:]
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial: "Christi C. Elwood"
	}
	if strings.Contains(w, ".") && isInitials(w+".x") {
		return true // "U.S" of "U.S."
	}
	return abbreviations[strings.ToLower(w)]
}

// appendWord appends the word text[i:j], splitting off a possessive "'s".
func appendWord(toks []Token, text string, i, j int) []Token {
	w := text[i:j]
	for _, s := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			k := j - len(s)
			return append(toks, makeToken(text, i, k), makeToken(text, k, j))
		}
	}
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s\u2019") {
		k := j - len("'")
		if strings.HasSuffix(w, "\u2019") {
			k = j - len("\u2019")
		}
		return append(toks, makeToken(text, i, k), makeToken(text, k, j))
	}
	return append(toks, makeToken(text, i, j))
}

func makeToken(text string, i, j int) Token {
	t := text[i:j]
	return Token{Text: t, Lower: normalizeWord(t), Start: i, End: j}
}

// normalizeWord lower-cases w and makes typographic apostrophes, dashes and
// quotes plain, so that data files can spell them simply.
func normalizeWord(w string) string {
	return strings.ToLower(plainPunct.Replace(w))
}

var plainPunct = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2010", "-", "\u2011", "-",
	"\u201c", "\"", "\u201d", "\"")
