package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// match is a trigger phrase found in a sentence.
type match struct {
	trig       schema.Trigger
	start, end int // token span of the phrase
	object     int // mention index standing at an "@" slot, or -1
}

// triggersAt returns the longest trigger phrases starting at token i, all
// of the same length, in vocabulary order.
func (f *frame) triggersAt(lx *lexicon, i int) []match {
	if f.cover[i] >= 0 {
		return nil
	}
	var best []match
	for _, tr := range lx.triggers[f.toks[i].Lower] {
		end, obj, ok := f.matchSlots(tr.Slots, i, -1)
		if !ok {
			continue
		}
		m := match{trig: tr, start: i, end: end, object: obj}
		switch {
		case len(best) == 0 || end > best[0].end:
			best = []match{m}
		case end == best[0].end:
			best = append(best, m)
		}
	}
	return best
}

// matchSlots matches slots from token j and returns the furthest end.
func (f *frame) matchSlots(slots []schema.Slot, j, obj int) (int, int, bool) {
	if len(slots) == 0 {
		return j, obj, true
	}
	for j < len(f.toks) && quotes[f.toks[j].Text] && j > 0 {
		j++ // "remain in “close coordination”"
	}
	s, rest := slots[0], slots[1:]
	bestEnd, bestObj, found := -1, -1, false
	try := func(end, o int, ok bool) {
		if ok && end > bestEnd {
			bestEnd, bestObj, found = end, o, true
		}
	}
	switch {
	case s.Object:
		if j < len(f.toks) && f.cover[j] >= 0 {
			k := f.cover[j]
			next := f.ments[k].End
			if next < len(f.toks) && f.toks[next].Lower == "'s" {
				next++
			}
			try(f.matchSlots(rest, next, k))
		}
	case s.Any:
		try(f.matchSlots(rest, j, obj))
		for n := 1; n <= 4 && j+n <= len(f.toks); n++ {
			t := f.toks[j+n-1]
			if f.cover[j+n-1] >= 0 || boundaries[t.Text] || len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed") {
				break // names, punctuation and participles ("have hosted talks") end a wildcard
			}
			try(f.matchSlots(rest, j+n, obj))
		}
	default:
		if s.Optional {
			try(f.matchSlots(rest, j, obj))
		}
		if j < len(f.toks) && f.cover[j] < 0 && contains(s.Words, f.toks[j].Lower) {
			try(f.matchSlots(rest, j+1, obj))
		}
	}
	return bestEnd, bestObj, found
}

// quotes are quotation marks, which a phrase may be quoted inside.
var quotes = setOf("\"", "\u201c", "\u201d", "'", "\u2018", "\u2019")

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
