package claims

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold reduces a name to a key that ignores case and diacritics, so that
// "Erdogan" finds "Erdoğan".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ReplaceAll(s, "\u0131", "i")) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
