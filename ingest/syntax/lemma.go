package syntax

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lemmatizer gives a word's lemma from its form and tag: from the forms
// the treebanks lemmatise, and for other words from the most frequent edit
// ("strip 3, add y": "studies" → "study") among words of the same tag that
// end the same way, the longest ending that has one.
type lemmatizer struct {
	forms map[lemmaKey]string // exact form and tag class
	lower map[lemmaKey]string // lower-case form and tag class
	rules map[ruleKey]lemmaRule
	max   int // longest suffix a rule is keyed on, in runes
}

type lemmaKey struct {
	form  string
	class int32
}

type ruleKey struct {
	suffix string
	class  int32
	caps   bool // the word begins with a capital
}

// lemmaRule turns a form into its lemma: optionally lower-case it, strip
// Strip bytes from its end and append Add.
type lemmaRule struct {
	Lower bool
	Strip int
	Add   string
}

func (r lemmaRule) apply(form string) (string, bool) {
	if r.Lower {
		form = strings.ToLower(form)
	}
	if r.Strip > len(form) || !utf8.ValidString(form[:len(form)-r.Strip]) {
		return "", false
	}
	return form[:len(form)-r.Strip] + r.Add, true
}

// ruleFor finds the shortest edit from form to lemma.
func ruleFor(form, lemma string) lemmaRule {
	if form == lemma {
		return lemmaRule{}
	}
	keep := edit(form, lemma)
	low := edit(strings.ToLower(form), lemma)
	low.Lower = true
	if low.Strip+len(low.Add) < keep.Strip+len(keep.Add) {
		return low
	}
	return keep
}

func edit(form, lemma string) lemmaRule {
	n := 0
	for n < len(form) && n < len(lemma) && form[n] == lemma[n] {
		n++
	}
	for n > 0 && n < len(form) && !utf8.RuneStart(form[n]) {
		n--
	}
	return lemmaRule{Strip: len(form) - n, Add: lemma[n:]}
}

// lemmaConfig sets how rules are learned.
type lemmaConfig struct {
	MaxSuffix int // longest suffix a rule is keyed on, in runes
}

func trainLemmatizer(sents []Sentence, ts *tagSet, cfg lemmaConfig) *lemmatizer {
	type formCount map[string]int
	forms := map[lemmaKey]formCount{}
	lower := map[lemmaKey]formCount{}
	rules := map[ruleKey]map[lemmaRule]int{}
	count := func(m map[lemmaKey]formCount, k lemmaKey, lemma string) {
		if m[k] == nil {
			m[k] = formCount{}
		}
		m[k][lemma]++
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" && w.Form != "_" {
				continue
			}
			c := ts.class(w.UPOS, w.XPOS)
			count(forms, lemmaKey{w.Form, c}, w.Lemma)
			low := lowerWord(w.Form)
			count(lower, lemmaKey{low, c}, w.Lemma)
			r := ruleFor(w.Form, w.Lemma)
			for _, suf := range suffixes(low, cfg.MaxSuffix) {
				k := ruleKey{suf, c, startsUpper(w.Form)}
				if rules[k] == nil {
					rules[k] = map[lemmaRule]int{}
				}
				rules[k][r]++
			}
		}
	}
	l := &lemmatizer{forms: map[lemmaKey]string{}, lower: map[lemmaKey]string{}, rules: map[ruleKey]lemmaRule{}, max: cfg.MaxSuffix}
	for k, m := range forms {
		l.forms[k] = mostFrequent(m)
	}
	for k, m := range lower {
		l.lower[k] = mostFrequent(m)
	}
	for k, m := range rules {
		best, bestN := lemmaRule{}, -1
		for r, n := range m {
			if n > bestN || n == bestN && lessRule(r, best) {
				best, bestN = r, n
			}
		}
		l.rules[k] = best
	}
	return l
}

func lessRule(a, b lemmaRule) bool {
	if a.Strip != b.Strip {
		return a.Strip < b.Strip
	}
	if a.Add != b.Add {
		return a.Add < b.Add
	}
	return !a.Lower && b.Lower
}

func mostFrequent(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, bestN := "", -1
	for _, k := range keys {
		if m[k] > bestN {
			best, bestN = k, m[k]
		}
	}
	return best
}

// suffixes returns the suffixes of w from the longest (at most max runes,
// or the whole word) to the empty one.
func suffixes(w string, max int) []string {
	var out []string
	end, n := len(w), 0
	starts := []int{len(w)}
	for end > 0 && n < max {
		_, size := utf8.DecodeLastRuneInString(w[:end])
		end -= size
		n++
		starts = append(starts, end)
	}
	for i := len(starts) - 1; i >= 0; i-- {
		out = append(out, w[starts[i]:])
	}
	return out
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lemma returns the lemma of form with tag class c; low is its lower case.
func (l *lemmatizer) lemma(form, low string, c int32) string {
	if v, ok := l.forms[lemmaKey{form, c}]; ok {
		return v
	}
	if v, ok := l.lower[lemmaKey{low, c}]; ok {
		return v
	}
	caps := startsUpper(form)
	end, n := len(low), 0
	for end > 0 && n < l.max {
		_, size := utf8.DecodeLastRuneInString(low[:end])
		end -= size
		n++
	}
	// From the longest suffix to the empty one.
	for start := end; start <= len(low); {
		if r, ok := l.rules[ruleKey{low[start:], c, caps}]; ok {
			if v, ok := r.apply(form); ok && v != "" {
				return v
			}
		}
		if start == len(low) {
			break
		}
		_, size := utf8.DecodeRuneInString(low[start:])
		start += size
	}
	return form
}
