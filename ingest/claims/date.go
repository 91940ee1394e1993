package claims

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// months maps month names and their abbreviations to their numbers.
var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7,
	"jul": 7, "jul.": 7, "august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9,
	"sept": 9, "sept.": 9, "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11,
	"nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// dateExpr is a date said in a sentence, resolved to ISO 8601 (a year, a
// month or a day).
type dateExpr struct {
	start, end int    // tokens
	value      string // "2020", "2020-12" or "2020-12-05"
	since      bool   // "since 2014": a start, not a point
}

// findDates finds the dates a sentence names, resolving relative ones
// ("on Monday", "last month") against the article's date when it is known.
func findDates(toks []dtok, article time.Time) []dateExpr {
	var out []dateExpr
	for i := 0; i < len(toks); i++ {
		if d, ok := dateAt(toks, i, article); ok {
			if i > 0 && toks[i-1].Lower == "since" {
				d.since = true
			}
			out = append(out, d)
			i = d.end - 1
		}
	}
	return out
}

func dateAt(toks []dtok, i int, article time.Time) (dateExpr, bool) {
	w := toks[i].Lower
	if m, ok := months[w]; ok && (w != "may" || toks[i].capitalized) && (w != "march" || toks[i].capitalized) {
		return monthDate(toks, i, m, article)
	}
	if day, ok := dayNumber(toks[i]); ok && i+1 < len(toks) {
		if m, ok := months[toks[i+1].Lower]; ok && toks[i+1].capitalized {
			if y, ok := yearAt(toks, i+2); ok {
				return dateExpr{start: i, end: i + 3, value: fmt.Sprintf("%04d-%02d-%02d", y, m, day)}, true
			}
			if !article.IsZero() {
				return dateExpr{start: i, end: i + 2, value: fmt.Sprintf("%04d-%02d-%02d", guessYear(article, m), m, day)}, true
			}
		}
	}
	if y, ok := yearAt(toks, i); ok && (i == 0 || !strings.HasPrefix(toks[i-1].Lower, "$")) {
		return dateExpr{start: i, end: i + 1, value: fmt.Sprintf("%04d", y)}, true
	}
	if article.IsZero() {
		return dateExpr{}, false
	}
	if wd, ok := weekdays[w]; ok {
		d := article
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, -1)
		}
		return dateExpr{start: i, end: i + 1, value: d.Format("2006-01-02")}, true
	}
	return relativeDate(toks, i, article)
}

// monthDate reads "December 2020", "Feb. 8", "March 5, 2022", "March 11-13".
func monthDate(toks []dtok, i int, m time.Month, article time.Time) (dateExpr, bool) {
	if y, ok := yearAt(toks, i+1); ok {
		return dateExpr{start: i, end: i + 2, value: fmt.Sprintf("%04d-%02d", y, m)}, true
	}
	if i+1 < len(toks) {
		if day, ok := dayNumber(toks[i+1]); ok {
			end := i + 2
			if end < len(toks) && toks[end].Text == "," {
				end++
			}
			if y, ok := yearAt(toks, end); ok {
				return dateExpr{start: i, end: end + 1, value: fmt.Sprintf("%04d-%02d-%02d", y, m, day)}, true
			}
			if !article.IsZero() {
				return dateExpr{start: i, end: i + 2, value: fmt.Sprintf("%04d-%02d-%02d", guessYear(article, m), m, day)}, true
			}
		}
	}
	if !article.IsZero() && i > 0 && (toks[i-1].Lower == "in" || toks[i-1].Lower == "since") {
		return dateExpr{start: i, end: i + 1, value: fmt.Sprintf("%04d-%02d", guessYear(article, m), m)}, true
	}
	return dateExpr{}, false
}

// guessYear places a month without a year in the year before the
// article's date rather than after it: news reports the past.
func guessYear(article time.Time, m time.Month) int {
	if m > article.Month()+1 {
		return article.Year() - 1
	}
	return article.Year()
}

var dayRE = regexp.MustCompile(`^([0-9]{1,2})(st|nd|rd|th)?(-[0-9]{1,2})?$`)

func dayNumber(t dtok) (int, bool) {
	m := dayRE.FindStringSubmatch(t.Lower)
	if m == nil {
		return 0, false
	}
	d, _ := strconv.Atoi(m[1])
	return d, d >= 1 && d <= 31
}

func yearAt(toks []dtok, i int) (int, bool) {
	if i >= len(toks) || len(toks[i].Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(toks[i].Text)
	return y, err == nil && y >= 1900 && y <= 2100
}

// relativeDate reads "last month", "next week", "yesterday", "earlier this year".
func relativeDate(toks []dtok, i int, article time.Time) (dateExpr, bool) {
	w := toks[i].Lower
	switch w {
	case "yesterday":
		return dateExpr{start: i, end: i + 1, value: article.AddDate(0, 0, -1).Format("2006-01-02")}, true
	case "today":
		return dateExpr{start: i, end: i + 1, value: article.Format("2006-01-02")}, true
	case "tomorrow":
		return dateExpr{start: i, end: i + 1, value: article.AddDate(0, 0, 1).Format("2006-01-02")}, true
	case "last", "next", "this":
		if i+1 >= len(toks) {
			return dateExpr{}, false
		}
		step := map[string]int{"last": -1, "next": 1, "this": 0}[w]
		var d time.Time
		layout := "2006-01"
		switch toks[i+1].Lower {
		case "week":
			d, layout = article.AddDate(0, 0, 7*step), "2006-01-02"
		case "month":
			d = article.AddDate(0, step, 0)
		case "year":
			d, layout = article.AddDate(step, 0, 0), "2006"
		default:
			return dateExpr{}, false
		}
		return dateExpr{start: i, end: i + 2, value: d.Format(layout)}, true
	}
	return dateExpr{}, false
}

// nearestDate picks the date said nearest to a claim's trigger within the
// clause [from, to).
func nearestDate(dates []dateExpr, at, from, to int) (dateExpr, bool) {
	best, bestDist := dateExpr{}, -1
	for _, d := range dates {
		if d.start < from || d.end > to {
			continue
		}
		dist := at - d.end
		if d.start > at {
			dist = d.start - at
		}
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, bestDist >= 0
}

// dtok is a token as the date reader sees it.
type dtok struct {
	Text, Lower string
	capitalized bool
}

func dateTokens(s *sentence) []dtok {
	out := make([]dtok, len(s.toks))
	for i, t := range s.toks {
		out[i] = dtok{Text: t.Text, Lower: s.lower[i], capitalized: startsUpper(t.Text)}
	}
	return out
}
