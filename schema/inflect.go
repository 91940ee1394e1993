package schema

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
)

// VerbForms returns the forms of a verb lemma, each once: the lemma, its
// third person singular, past, past participle and -ing form, British and
// American where they differ ("travelled", "traveled"). A lemma of several
// words inflects its first ("carry out", "carried out").
func VerbForms(lemma string) []string {
	head, rest, _ := strings.Cut(lemma, " ")
	if rest != "" {
		rest = " " + rest
	}
	var forms []string
	for _, group := range [][]string{{head, thirdPerson(head)}, past(head), participle(head), gerund(head)} {
		for _, f := range group {
			forms = appendNew(forms, f+rest)
		}
	}
	return forms
}

// NounForms returns a noun and its plurals, each once. A noun of several
// words inflects its last ("air strike", "air strikes"); a word that does
// not end in a letter ("%") has no plural.
func NounForms(noun string) []string {
	forms := []string{noun}
	i := strings.LastIndexByte(noun, ' ') + 1
	for _, p := range plural(noun[i:]) {
		forms = appendNew(forms, noun[:i]+p)
	}
	return forms
}

func appendNew(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

func thirdPerson(w string) string {
	if f, ok := irregulars().third[w]; ok {
		return f
	}
	switch {
	case sibilant(w) || consonantBefore(w, 'o'):
		return w + "es"
	case consonantBefore(w, 'y'):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func past(w string) []string {
	if f, ok := irregulars().past[w]; ok {
		return f
	}
	return suffixed(w, "ed")
}

func participle(w string) []string {
	if f, ok := irregulars().participle[w]; ok {
		return f
	}
	return suffixed(w, "ed")
}

func gerund(w string) []string { return suffixed(w, "ing") }

func plural(w string) []string {
	if f, ok := irregulars().plural[w]; ok {
		return f
	}
	if w == "" || !unicode.IsLetter(rune(w[len(w)-1])) {
		return nil
	}
	switch {
	case sibilant(w) || consonantBefore(w, 'o'):
		return []string{w + "es"}
	case consonantBefore(w, 'y'):
		return []string{w[:len(w)-1] + "ies"}
	}
	return []string{w + "s"}
}

// suffixed adds "ed" or "ing" to a regular verb with English spelling:
// "agreed", "agreeing", "tying", "suing", "supplied", "panicked", "banned",
// and both "labelled" and "labeled".
func suffixed(w, suffix string) []string {
	n := len(w)
	switch {
	case suffix == "ed" && strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case suffix == "ing" && strings.HasSuffix(w, "ie"):
		return []string{w[:n-2] + "ying"}
	case suffix == "ing" && strings.HasSuffix(w, "e") && n > 2 && strings.IndexByte("eoy", w[n-2]) < 0:
		return []string{w[:n-1] + "ing"}
	case suffix == "ed" && consonantBefore(w, 'y'):
		return []string{w[:n-1] + "ied"}
	case strings.HasSuffix(w, "ic"):
		return []string{w + "k" + suffix}
	case irregulars().double[w] || syllables(w) == 1 && endsCVC(w):
		return []string{w + w[n-1:] + suffix}
	case strings.HasSuffix(w, "l") && syllables(w) > 1 && endsCVC(w):
		return []string{w + "l" + suffix, w + suffix}
	}
	return []string{w + suffix}
}

// vowel reports whether w[i] is a vowel letter; the "u" of "qu" is not.
func vowel(w string, i int) bool {
	if i < 0 || i >= len(w) {
		return false
	}
	if w[i] == 'u' && i > 0 && w[i-1] == 'q' {
		return false
	}
	return strings.IndexByte("aeiou", w[i]) >= 0
}

// endsCVC reports whether w ends in consonant, one vowel, consonant, the
// last not w, x or y: the words that double it before a vowel ("ship").
func endsCVC(w string) bool {
	n := len(w)
	return n >= 3 && !vowel(w, n-1) && strings.IndexByte("wxy", w[n-1]) < 0 &&
		unicode.IsLetter(rune(w[n-1])) && vowel(w, n-2) && !vowel(w, n-3)
}

// syllables counts the groups of vowel letters of w.
func syllables(w string) int {
	n := 0
	for i := range w {
		if vowel(w, i) && !vowel(w, i-1) {
			n++
		}
	}
	return n
}

func sibilant(w string) bool {
	for _, end := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// consonantBefore reports whether w ends in last after a consonant
// ("supply", "veto"; not "stay", "radio").
func consonantBefore(w string, last byte) bool {
	n := len(w)
	return n >= 2 && w[n-1] == last && !vowel(w, n-2) && unicode.IsLetter(rune(w[n-2]))
}

// irregularWords are the words of data/irregular.txt.
type irregularWords struct {
	past, participle, plural map[string][]string
	third                    map[string]string
	double                   map[string]bool
}

var (
	irregularOnce sync.Once
	irregular     *irregularWords
)

// irregulars returns data/irregular.txt, parsed once. The file is built
// into the program, so a malformed one is a bug the tests catch, and it
// panics like regexp.MustCompile.
func irregulars() *irregularWords {
	irregularOnce.Do(func() {
		w := &irregularWords{past: map[string][]string{}, participle: map[string][]string{},
			plural: map[string][]string{}, third: map[string]string{}, double: map[string]bool{}}
		err := withFile("irregular.txt", func(r io.Reader) error { return eachLine(r, "irregular", w.parseLine) })
		if err != nil {
			panic(err)
		}
		irregular = w
	})
	return irregular
}

func (w *irregularWords) parseLine(line string) error {
	f := strings.Fields(line)
	switch {
	case f[0] == "verb" && len(f) == 4:
		w.past[f[1]], w.participle[f[1]] = strings.Split(f[2], "|"), strings.Split(f[3], "|")
	case f[0] == "third" && len(f) == 3:
		w.third[f[1]] = f[2]
	case f[0] == "noun" && len(f) == 3:
		w.plural[f[1]] = strings.Split(f[2], "|")
	case f[0] == "double":
		for _, v := range f[1:] {
			w.double[v] = true
		}
	default:
		return fmt.Errorf("want \"verb LEMMA PAST PARTICIPLE\", \"third LEMMA FORM\", \"noun SINGULAR PLURAL\" or \"double WORD...\", got %q", line)
	}
	return nil
}
