package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexical holds the per-word hashes a sentence's features are built from,
// computed once per sentence and reused by the tagger and the parser.
type lexical struct {
	form   []uint64 // as written
	lower  []uint64 // lower case
	shape  []uint64 // "Xxxx", "dd.d", "X.X."
	pre    [][3]uint64
	suf    [][4]uint64
	lowers []string
	caps   []bool   // begins with an upper-case letter
	punct  []bool   // punctuation only
	fine   []uint64 // word cluster, or noCluster
	coarse []uint64
	capr   []uint64 // how often plain text capitalises the word, in buckets
}

// clusterMap gives the fine and coarse cluster of a lower-case word hash,
// and how often plain text capitalises it inside a sentence.
type clusterMap map[uint64]wordClass

type wordClass struct {
	fine, coarse uint16
	caps         uint8 // 0 unknown, 1..5 from never to always
}

const noCluster = 0x6d8fa1c3

func (lx *lexical) reset(forms []string, cl clusterMap) {
	n := len(forms)
	lx.fine = grow(lx.fine, n)
	lx.coarse = grow(lx.coarse, n)
	lx.capr = grow(lx.capr, n)
	lx.form = grow(lx.form, n)
	lx.lower = grow(lx.lower, n)
	lx.shape = grow(lx.shape, n)
	if cap(lx.pre) < n {
		lx.pre = make([][3]uint64, n)
		lx.suf = make([][4]uint64, n)
		lx.lowers = make([]string, n)
		lx.caps = make([]bool, n)
		lx.punct = make([]bool, n)
	}
	lx.pre, lx.suf, lx.lowers, lx.caps, lx.punct = lx.pre[:n], lx.suf[:n], lx.lowers[:n], lx.caps[:n], lx.punct[:n]
	for i, f := range forms {
		low := lowerWord(f)
		lx.lowers[i] = low
		lx.form[i] = hashString(f)
		lx.lower[i] = hashString(low)
		lx.shape[i] = shapeHash(f)
		r, _ := utf8.DecodeRuneInString(f)
		lx.caps[i] = unicode.IsUpper(r)
		lx.punct[i] = isPunct(f)
		affixes(low, &lx.pre[i], &lx.suf[i])
		lx.fine[i], lx.coarse[i], lx.capr[i] = noCluster, noCluster, 0
		if c, ok := cl[lx.lower[i]]; ok {
			lx.fine[i], lx.coarse[i], lx.capr[i] = uint64(c.fine)+1, uint64(c.coarse)+1, uint64(c.caps)
		}
	}
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

// lowerWord lower-cases a word and makes typographic quotes and apostrophes
// plain, allocating only when something changes.
func lowerWord(f string) string {
	plain := true
	for i := 0; i < len(f); i++ {
		if c := f[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return f
	}
	f = strings.ToLower(f)
	if strings.ContainsAny(f, "\u2018\u2019\u201c\u201d") {
		f = quoteFolder.Replace(f)
	}
	return f
}

var quoteFolder = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"")

// affixes hashes the first three and last four prefixes and suffixes of w,
// counted in runes; a word shorter than the affix gives the whole word.
func affixes(w string, pre *[3]uint64, suf *[4]uint64) {
	h := uint64(fnvOffset)
	k := 0
	for i := 0; i < len(w) && k < 3; {
		_, size := utf8.DecodeRuneInString(w[i:])
		for j := i; j < i+size; j++ {
			h ^= uint64(w[j])
			h *= fnvPrime
		}
		i += size
		pre[k] = h
		k++
	}
	for ; k < 3; k++ {
		pre[k] = h
	}
	end := len(w)
	for k = 0; k < 4; k++ {
		if end > 0 {
			_, size := utf8.DecodeLastRuneInString(w[:end])
			end -= size
		}
		suf[k] = hashString(w[end:]) + uint64(k)
	}
}

// shapeHash hashes the shape of a word: upper case as X, lower case as x,
// digits as d, other characters as themselves, with runs cut at three.
func shapeHash(f string) uint64 {
	h := uint64(fnvOffset)
	var last rune
	run := 0
	for _, r := range f {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 3 {
				continue
			}
		} else {
			last, run = c, 0
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// isPunct reports whether w is made of punctuation only.
func isPunct(w string) bool {
	for _, r := range w {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return w != ""
}
