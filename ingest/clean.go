package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Page furniture, as found on news sites of every kind. A line that matches
// furnitureLine is dropped; a line that matches sectionEnd ends the article
// (related and popular lists come after it).
var (
	// furnitureAnywhere and furniturePrefix mark a line as furniture when
	// its lower-cased text contains or starts with one of them.
	furnitureAnywhere = []string{"join now", "sign up", "subscribe", "newsletter", "cookie",
		"privacy policy", "terms of service", "terms of use", "all rights reserved",
		"comments are closed", "picture taken", "reuters/", "afp/", "/afp", "getty images",
		"/ap photo", "recaptcha", "keep up to date", "\u00a9"}
	furniturePrefix = []string{"advertisement", "reporting by", "editing by", "writing by",
		"additional reporting", "our standards", "click here", "photo:", "image:", "file photo",
		"credit:", "follow us", "share this", "share on", "copyright", "updated:", "updated ",
		"published:", "published ", "posted:", "posted ", "loading", "listen to this", "watch:",
		"video:", "sponsored", "support our journalism", "support independent journalism", "read more:",
		"also read", "see also:", "related:", "listen:", "image caption", "media caption", "image source",
		"caption:", "this story has been", "this article was", "sign in", "log in", "download the app"}
	published  = regexp.MustCompile(`(?i)^(published|updated|posted|date)\b`)
	byline     = regexp.MustCompile(`^by [a-z]+( [a-z.]+){0,3}$|^\d+ min(ute)? read`)
	sectionEnd = regexp.MustCompile(`(?i)^(most (popular|read|viewed)|recommended( for you| stories| articles)?|related( posts| articles| stories| news| coverage| content)?|read more|more (from|on|stories|news)\b.*|you may also like|you might also like|trending( now)?|latest( news| stories)?|editor'?s picks|top stories|also read|see also|more in [a-z]+)\s*:?$`)
	dateline   = regexp.MustCompile(`^[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ .'-]+(, [A-Z][a-z]+( [A-Z][a-z]+)?)?,? ?([A-Z][a-z]{2,8}\.? \d{1,2}(, \d{4})?)?,? ?(\([A-Za-z .]+\) )?[\x{2013}\x{2014}-] `)
	trailing   = regexp.MustCompile(`(?i)\s*(read more|continue reading|read the full story)\.?\s*$`)
	isoDate    = regexp.MustCompile(`\b(19|20)\d\d-[01]\d-[0-3]\d\b`)
	longDate   = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? ([0-3]?\d),? ((19|20)\d\d)\b`)
)

// cleaned is an article's text with the furniture removed: one paragraph a
// line. Title and Date are what the furniture said, when it said them.
type cleaned struct {
	Text, Title, Date string
}

// Clean removes page furniture from plain article text: captions, bylines,
// subscription and cookie notices, navigation and headline-only lines,
// repeated lines, and everything after a "related" or "most popular"
// heading or a headline repeated on consecutive lines after the article
// began (a teaser's link and image). Sentences kept are unchanged, so their
// offsets index the result.
func Clean(raw string) cleaned { return cleanText(raw, "") }

// cleanText cleans raw; a date already known is kept and not searched for.
func cleanText(raw, date string) cleaned {
	out := cleaned{Date: date}
	var kept, short []string
	titleLine := ""
	seen := map[string]bool{}
	prev := ""
	raw = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u200b", "", "\ufeff", "").Replace(raw)
	for n, line := range strings.Split(raw, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line == prev && len(kept) >= 2 {
			break // a headline twice in a row, link and image: related stories begin
		}
		prev = line
		if seen[line] {
			continue
		}
		seen[line] = true
		if len(line) < 40 && len(kept) >= 2 && sectionEnd.MatchString(line) {
			break
		}
		if out.Date == "" && n < 12 && (!isFurniture(line) || published.MatchString(line)) {
			out.Date = findArticleDate(line) // not from captions: their date is the photo's
		}
		if isFurniture(line) {
			continue
		}
		line = trailing.ReplaceAllString(dateline.ReplaceAllString(line, ""), "")
		if !isProse(line) {
			if out.Title == "" && len(kept) == 0 && wordCount(line) >= 4 {
				out.Title = strings.TrimSpace(isoDate.ReplaceAllString(strings.TrimPrefix(line, "date "), ""))
				titleLine = line
			} else if line != "" {
				short = append(short, line)
			}
			continue
		}
		kept = append(kept, line)
	}
	if len(kept) == 0 {
		// No line reads as prose: a short article ("Kenya sanctioned
		// Ethiopia.") or a table of figures. Its lines are the article;
		// furniture removal never empties one.
		kept = short
		if len(kept) == 0 && titleLine != "" {
			kept = []string{titleLine}
		}
	}
	out.Text = strings.Join(kept, "\n")
	return out
}

// isFurniture reports whether a line is page furniture by its words.
func isFurniture(line string) bool {
	lower := strings.TrimLeft(strings.ToLower(line), "([")
	for _, p := range furniturePrefix {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	for _, p := range furnitureAnywhere {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return byline.MatchString(lower)
}

// isProse reports whether a line reads as article prose: a sentence that
// ends with a full stop, or a long line. Headlines, menus, captions without
// stops and bylines are not.
func isProse(line string) bool {
	words := wordCount(line)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"'\u201d\u2019) "))
	ends := last == '.' || last == '?' || last == '!'
	return (ends && words >= 6) || words >= 25
}

func wordCount(s string) int { return len(strings.FieldsFunc(s, unicode.IsSpace)) }

// findArticleDate returns an ISO date written in a line, if any.
func findArticleDate(line string) string {
	if d := isoDate.FindString(line); d != "" {
		return d
	}
	if m := longDate.FindStringSubmatch(line); m != nil {
		if t, err := time.Parse("Jan 2 2006", m[1][:3]+" "+m[2]+" "+m[3]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
