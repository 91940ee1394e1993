package ingest

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|` + "`" + `)([^*_` + "`" + `]+)(\*\*|__|\*|_|` + "`" + `)`)
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	mdList     = regexp.MustCompile(`^\s*([-*+]|\d+\.)\s+`)
)

// stripMarkdown turns Markdown into plain text: links keep their text,
// emphasis marks go, headings and list items become plain lines.
func stripMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		line = mdHeading.ReplaceAllString(line, "")
		line = mdList.ReplaceAllString(line, "")
		line = strings.TrimPrefix(strings.TrimSpace(line), "> ")
		line = mdLink.ReplaceAllString(line, "$1")
		lines[i] = mdEmphasis.ReplaceAllString(line, "$2")
	}
	return strings.Join(lines, "\n")
}
