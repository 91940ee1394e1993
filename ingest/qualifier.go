package ingest

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// qualifiers reads what follows a claim's object in its clause: where it
// happened ("in Ankara"), to whom a sale went ("to Kyiv"), and the reason
// given ("for the S-400s").
func (f *frame) qualifiers(pred string, end int) map[string]string {
	q := map[string]string{}
	for j := end; j+1 < len(f.toks); j++ {
		t := f.toks[j]
		if boundaries[t.Text] && t.Text != "-" || clauseEnds[t.Lower] {
			break
		}
		next := j + 1
		if determiners[f.toks[next].Lower] && next+1 < len(f.toks) {
			next++
		}
		k := f.cover[next]
		switch t.Lower {
		case "in", "at":
			if k >= 0 && (f.ments[k].Entity.Type == schema.Place || f.ments[k].Entity.Type == schema.Country) && q["location"] == "" {
				q["location"] = f.ments[k].Entity.Name
			}
		case "to":
			if k >= 0 && pred == "sold" && q["recipient"] == "" {
				q["recipient"] = f.ments[k].Entity.Name
			}
		case "for", "over":
			if q["reason"] == "" && pred != "met" {
				q["reason"] = f.phrase(j+1, 6)
			}
		}
	}
	return q
}

// phrase returns up to n words from token j, stopping at punctuation.
func (f *frame) phrase(j, n int) string {
	var words []string
	for ; j < len(f.toks) && len(words) < n; j++ {
		t := f.toks[j]
		if boundaries[t.Text] || clauseEnds[t.Lower] {
			break
		}
		words = append(words, t.Text)
	}
	return strings.Join(words, " ")
}

// clause returns the span of the clause holding tokens [at, end): from the
// punctuation or clause word before at to the one after end.
func (f *frame) clause(at, end int) (int, int) {
	from := at
	for from > 0 && !clauseMark(f.toks[from-1]) {
		from--
	}
	to := end
	for to < len(f.toks) && !clauseMark(f.toks[to]) {
		to++
	}
	return from, to
}

func clauseMark(t Token) bool {
	return t.Text == "," || t.Text == ";" || t.Text == ":" || relatives[t.Lower] || t.Lower == "where" || t.Lower == "while" || t.Lower == "but" || t.Lower == "after" || t.Lower == "before"
}
