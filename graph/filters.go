package graph

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// FilterError says which filter value is not one claimgraph knows, what
// is allowed and, when one is close, what was probably meant.
type FilterError struct {
	Filter  string // "--predicates", "--types", "--since", "--until"
	Value   string
	Allowed string
	Nearest string
}

func (e *FilterError) Error() string {
	msg := fmt.Sprintf("%s: %q is not %s", e.Filter, e.Value, e.Allowed)
	if e.Nearest != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", e.Nearest)
	}
	return msg
}

// isoDate is a date as claims carry it: a year, a month or a day.
var isoDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// checkPredicates returns the predicates in their vocabulary spelling, or
// a FilterError for the first that is not one.
func checkPredicates(preds []string) ([]string, error) {
	if len(preds) == 0 {
		return nil, nil
	}
	vocab, _, err := schema.Default()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range vocab.Predicates {
		names = append(names, p.Name)
	}
	out := make([]string, 0, len(preds))
	for _, p := range preds {
		p = strings.ToLower(strings.TrimSpace(p))
		if _, ok := vocab.Lookup(p); !ok {
			return nil, &FilterError{Filter: "--predicates", Value: p, Allowed: "a predicate of the vocabulary", Nearest: nearestWord(p, names)}
		}
		out = append(out, p)
	}
	return out, nil
}

// checkTypes returns the types in lower case, or a FilterError.
func checkTypes(types []schema.EntityType) ([]schema.EntityType, error) {
	var names []string
	for _, t := range entityTypes {
		names = append(names, string(t))
	}
	out := make([]schema.EntityType, 0, len(types))
	for _, t := range types {
		low := schema.EntityType(strings.ToLower(strings.TrimSpace(string(t))))
		found := false
		for _, k := range entityTypes {
			found = found || k == low
		}
		if !found {
			return nil, &FilterError{Filter: "--types", Value: string(t), Allowed: "one of " + strings.Join(names, ", "), Nearest: nearestWord(string(low), names)}
		}
		out = append(out, low)
	}
	return out, nil
}

// ValidDate reports whether d is a date as claims carry it: 2022,
// 2022-03 or 2022-03-05.
func ValidDate(d string) bool { return isoDate.MatchString(d) }

// checkDate returns an error unless d is empty or an ISO date prefix.
func checkDate(filter, d string) error {
	if d == "" || ValidDate(d) {
		return nil
	}
	return &FilterError{Filter: filter, Value: d, Allowed: "a date: 2022, 2022-03 or 2022-03-05"}
}

// nearestWord returns the word of words nearest w, if it is close.
func nearestWord(w string, words []string) string {
	best, bestD := "", 1<<30
	for _, k := range words {
		if d := editDistance(w, k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= max(2, len(w)/3) {
		return best
	}
	return ""
}

// check validates and normalises the export filters.
func (o *ExportOptions) check() error {
	var err error
	if o.Predicates, err = checkPredicates(o.Predicates); err != nil {
		return err
	}
	if o.Types, err = checkTypes(o.Types); err != nil {
		return err
	}
	if err := checkDate("--since", o.Since); err != nil {
		return err
	}
	return checkDate("--until", o.Until)
}

// check validates and normalises the path filters.
func (o *PathOptions) check() error {
	var err error
	o.Predicates, err = checkPredicates(o.Predicates)
	return err
}
