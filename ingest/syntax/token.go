package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one syntactic word of a text with its byte offsets: a word,
// number, punctuation mark or clitic, split as the UD English treebanks
// split them ("do" "n't", "Turkey" "'s", "S" "-" "400", "e-mail").
type Token struct {
	Text       string // text[Start:End]
	Start, End int
}

// Tokenize splits text[start:end] into tokens whose offsets index text.
func Tokenize(text string, start, end int) []Token {
	return AppendTokens(nil, text, start, end)
}

// AppendTokens appends the tokens of text[start:end] to toks.
func AppendTokens(toks []Token, text string, start, end int) []Token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b':
			i += size
		case isWordRune(r) && scanLink(text, i, end) > i:
			j := scanLink(text, i, end)
			toks = append(toks, Token{text[i:j], i, j})
			i = j
		case isWordRune(r):
			j := scanWord(text, i, end)
			toks = appendWord(toks, text, i, j)
			i = j
		default:
			j := i + size
			// Runs of dots, dashes, and ! or ? stay one token ("...", "--", "?!").
			if r == '.' || r == '-' || r == '!' || r == '?' || r == '*' || r == '=' {
				for j < end && (text[j] == byte(r) || (r == '!' || r == '?') && (text[j] == '!' || text[j] == '?')) {
					j++
				}
			}
			toks = append(toks, Token{text[i:j], i, j})
			i = j
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// scanLink returns the end of a web address or e-mail address starting at
// i, or i if none starts there.
func scanLink(text string, i, end int) int {
	rest := text[i:end]
	if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")) {
		return i
	}
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == ')' || r == '\u201d' {
			break
		}
		j += size
	}
	for j > i && strings.ContainsRune(".,;:!?'", rune(text[j-1])) {
		j--
	}
	return j
}

// scanWord returns the end of the word starting at i: letters and digits
// joined by apostrophes, full stops of numbers, initials and abbreviations,
// commas of numbers, "@" and "." of e-mail addresses, and hyphens (split
// again later unless after a bound prefix).
func scanWord(text string, i, end int) int {
	j := i
	for {
		j = scanWordPart(text, i, j, end)
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
		r, size := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			j += size
			continue
		}
		if r == '-' || r == '.' || r == ',' || r == '/' || r == '@' || r == '&' || isApostrophe(r) || r == '\u2010' || r == '\u2011' {
			if j+size < end {
				next, _ := utf8.DecodeRuneInString(text[j+size : end])
				if isWordRune(next) && joins(text, i, j, r, next) {
					j += size
					continue
				}
			}
		}
		break
	}
	return j
}

// joins decides whether punctuation r between text[i:j] and the next rune
// glues one word.
func joins(text string, i, j int, r, next rune) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[i:j])
	switch r {
	case ',', '/':
		// 100,000 and 08/16/2000
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		return (unicode.IsDigit(prev) && unicode.IsDigit(next)) || isInitials(text[i:j]+".x") ||
			strings.Contains(text[i:j], "@")
	case '@':
		return !strings.Contains(text[i:j], "@")
	case '&':
		// AT&T, S&P: capitals on both sides
		return unicode.IsUpper(prev) && unicode.IsUpper(next) && j-i <= 3
	}
	return true
}

// isInitials reports whether w looks like "U.S" or "U.S.x".
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
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

// abbreviations end with a full stop that belongs to them.
var abbreviations = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
	"sgt", "adm", "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "no", "vs", "etc",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"inc", "corp", "ltd", "co", "dept", "approx", "est", "ft", "mt", "fig", "pres", "cmdr",
	"messrs", "mme", "bros", "ave", "blvd", "univ", "assn", "gov't", "e.g", "i.e", "u.s", "u.k")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// boundPrefixes are the prefixes after which UD keeps a hyphenated word
// whole ("e-mail", "non-profit", "re-elected"); every other hyphen between
// letters or digits is a token of its own.
var boundPrefixes = setOf("e", "non", "re", "anti", "co", "pre", "pro", "mid", "post", "cross",
	"over", "counter", "multi", "ex", "semi", "sub", "mini", "socio", "psycho", "neo", "un",
	"inter", "intra", "bi", "tri", "ultra", "micro", "macro", "mega", "quasi", "pseudo", "de")

// clitics split from the end of a word, longest first.
var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}

// appendWord appends the word text[i:j], split into its parts.
func appendWord(toks []Token, text string, i, j int) []Token {
	// Hyphens: split unless the first part is a bound prefix or the word is
	// a phone-number-like run of digit groups.
	if strings.Contains(text[i:j], "-") && !keepHyphens(text[i:j]) {
		k := i
		for p := i; p < j; p++ {
			if text[p] == '-' {
				toks = appendWordPart(toks, text, k, p)
				toks = append(toks, Token{"-", p, p + 1})
				k = p + 1
			}
		}
		return appendWordPart(toks, text, k, j)
	}
	return appendWordPart(toks, text, i, j)
}

func keepHyphens(w string) bool {
	first := strings.ToLower(w[:strings.IndexByte(w, '-')])
	if boundPrefixes[first] {
		return true
	}
	if strings.Count(w, "-") >= 2 {
		for _, r := range w {
			if r != '-' && !unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	return false
}

// appendWordPart splits clitics and fused forms off one part of a word.
func appendWordPart(toks []Token, text string, i, j int) []Token {
	if i >= j {
		return toks
	}
	w := text[i:j]
	low := strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
	if k := fusedSplit(low); k > 0 {
		return append(toks, Token{w[:k], i, i + k}, Token{w[k:], i + k, j})
	}
	for _, c := range clitics {
		if strings.HasSuffix(low, c) && len(low) > len(c) {
			k := j - cliticBytes(w, len(c))
			if c == "n't" {
				if low == "can't" || low == "won't" || low == "ain't" || low == "shan't" {
					k = i + 2 // "ca" "n't", "wo" "n't"
				}
			}
			return append(toks, Token{text[i:k], i, k}, Token{text[k:j], k, j})
		}
	}
	// The plural possessive: "countries'" is "countries" "'".
	if strings.HasSuffix(low, "s'") && len(low) > 2 {
		k := j - cliticBytes(w, 1)
		return append(toks, Token{text[i:k], i, k}, Token{text[k:j], k, j})
	}
	return append(toks, Token{w, i, j})
}

// cliticBytes returns the length in bytes of the last n runes of w.
func cliticBytes(w string, n int) int {
	k := len(w)
	for ; n > 0 && k > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:k])
		k -= size
	}
	return len(w) - k
}

// fusedSplit returns where a fused form splits ("cannot" is "can" "not",
// "gonna" is "gon" "na"), or 0.
func fusedSplit(low string) int {
	switch low {
	case "cannot":
		return 3
	case "gonna", "wanna", "gotta":
		return 3
	}
	return 0
}
