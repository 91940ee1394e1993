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
	subject    int // mention index standing at a "%" slot, or -1
}

// triggersAt returns the longest trigger phrases starting at token i, all
// of the same length, in vocabulary order.
func (f *frame) triggersAt(lx *lexicon, i int) []match {
	if f.cover[i] >= 0 {
		return nil
	}
	var best []match
	for _, tr := range lx.triggers[f.toks[i].Lower] {
		end, at, ok := f.matchSlots(tr.Slots, i, slotted{-1, -1})
		if !ok {
			continue
		}
		m := match{trig: tr, start: i, end: end, object: at.object, subject: at.subject}
		switch {
		case len(best) == 0 || end > best[0].end:
			best = []match{m}
		case end == best[0].end:
			best = append(best, m)
		}
	}
	return best
}

// slotted are the mentions standing at a phrase's "@" and "%" slots, or -1.
type slotted struct{ object, subject int }

// matchSlots matches slots from token j and returns the furthest end.
func (f *frame) matchSlots(slots []schema.Slot, j int, at slotted) (int, slotted, bool) {
	if len(slots) == 0 {
		return j, at, true
	}
	for j < len(f.toks) && quotes[f.toks[j].Text] && j > 0 {
		j++ // "remain in “close coordination”"
	}
	s, rest := slots[0], slots[1:]
	bestEnd, bestAt, found := -1, slotted{-1, -1}, false
	try := func(end int, a slotted, ok bool) {
		if ok && end > bestEnd {
			bestEnd, bestAt, found = end, a, true
		}
	}
	switch {
	case s.Object || s.Subject:
		if j < len(f.toks) && f.cover[j] >= 0 && !f.ments[f.cover[j]].Weak {
			k := f.cover[j]
			next := f.ments[k].End
			a := at
			if s.Object {
				a.object = k
				if next < len(f.toks) && f.toks[next].Lower == "'s" {
					next++
				}
			} else {
				a.subject = k
			}
			try(f.matchSlots(rest, next, a))
		}
	case s.Any:
		try(f.matchSlots(rest, j, at))
		for n := 1; n <= 4 && j+n <= len(f.toks); n++ {
			t := f.toks[j+n-1]
			if f.cover[j+n-1] >= 0 || boundaries[t.Text] || len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed") {
				break // names, punctuation and participles ("have hosted talks") end a wildcard
			}
			try(f.matchSlots(rest, j+n, at))
		}
	default:
		if s.Optional {
			try(f.matchSlots(rest, j, at))
		}
		if j < len(f.toks) && f.cover[j] < 0 && contains(s.Words, f.toks[j].Lower) {
			try(f.matchSlots(rest, j+1, at))
		}
	}
	return bestEnd, bestAt, found
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
