package ingest

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	raw := strings.Join([]string{
		"Turkey buys new air defence systems",
		"",
		"Turkey buys new air defence systems",
		"By Jane Doe",
		"The flags are seen in this picture. REUTERS/Someone/Illustration",
		"ANKARA, March 5 (Reuters) \u2013 Turkey bought more systems from Russia on Monday, officials said.",
		"Sign up for our newsletter to get the news.",
		"The deal angered Washington, which imposed sanctions. Read more",
		"Most popular",
		"Russia invades somewhere else entirely in a long teaser sentence that is furniture.",
	}, "\n")
	got := Clean(raw)
	want := "Turkey bought more systems from Russia on Monday, officials said.\nThe deal angered Washington, which imposed sanctions."
	if got.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", got.Text, want)
	}
	if got.Title != "Turkey buys new air defence systems" {
		t.Errorf("title %q", got.Title)
	}
}

func TestCleanStripsDatelines(t *testing.T) {
	for _, line := range []string{
		"ANKARA, March 5 (Reuters) \u2013 Turkey and the United States agreed on a plan today.",
		"BRUSSELS, Feb. 25, 2022 - Turkey and the United States agreed on a plan today.",
		"CAMP DAVID, Maryland - Turkey and the United States agreed on a plan today.",
	} {
		if got := Clean(line).Text; got != "Turkey and the United States agreed on a plan today." {
			t.Errorf("%q cleaned to %q", line, got)
		}
	}
}

func TestCleanStopsAtTeasers(t *testing.T) {
	raw := "Chile and Peru agreed on a new border treaty on Monday, officials said.\n" +
		"The treaty settles a dispute that began in 2008, the ministers added.\n" +
		"Brazil sanctions Venezuelan officials\n\nBrazil sanctions Venezuelan officials\n\n" +
		"Brazil imposed sanctions on five Venezuelan officials on Tuesday in a long teaser sentence.\n"
	if got := Clean(raw).Text; strings.Contains(got, "Brazil") {
		t.Errorf("teaser kept:\n%s", got)
	}
}

func TestCleanDropsFurnitureLines(t *testing.T) {
	for _, line := range []string{
		"(Reporting by Jane Doe; Editing by John Roe)",
		"Read more: Turkey buys new drones from a local maker, officials say in a statement.",
		"Image caption, Soldiers at the border on Monday, where they were deployed last week.",
		"Also read: Russia and China hold talks in Beijing about trade and energy deals.",
	} {
		if got := Clean("Poland bought tanks from South Korea in 2022, officials said.\n" + line).Text; got != "Poland bought tanks from South Korea in 2022, officials said." {
			t.Errorf("%q kept: %q", line, got)
		}
	}
}

func TestCleanFindsDate(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{" date 2022-02-09 Turkish officials meet", "2022-02-09"},
		{"February 09 2022 11:27:57", "2022-02-09"},
		{"Published March 5, 2022", "2022-03-05"},
		{"BRUSSELS, Feb. 25, 2022 - The EU acted.", "2022-02-25"},
	} {
		if got := Clean(tt.line).Date; got != tt.want {
			t.Errorf("%q: date %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestCleanKeepsShortArticles checks that an article with no line of
// prose, a sentence or a table of figures, is kept whole rather than
// emptied as furniture.
func TestCleanKeepsShortArticles(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"Kenya sanctioned Ethiopia.", "Kenya sanctioned Ethiopia."},
		{"Oper shr 38 cts vs 32 cts\n\nRevs 169.1 mln vs 139.4 mln\n\nNet 5.4 mln vs 4.7 mln", "Revs 169.1 mln vs 139.4 mln\nNet 5.4 mln vs 4.7 mln"}, // the first line is the title
		{"Subscribe to our newsletter\nKenya sanctioned Ethiopia.", "Kenya sanctioned Ethiopia."},
	} {
		if got := Clean(tt.raw).Text; got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
