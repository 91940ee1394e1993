package ingest

import (
	"strings"
	"testing"
)

func TestParseHTMLFindsArticle(t *testing.T) {
	src := `<html><head><title>Deal done | Site</title>
<meta property="article:published_time" content="2023-05-02T10:00:00Z">
<link rel="canonical" href="https://example.org/deal"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="main"><article>
<h1>Deal done</h1>
<p class="byline">By A. Writer</p>
<p>Poland bought new Patriot systems from the United States on Monday, the defence ministry said.</p>
<figure><img src="x.jpg"><figcaption>Soldiers, in a photo. REUTERS</figcaption></figure>
<p>The purchase, worth billions, strengthens NATO's eastern flank, officials in Warsaw said.</p>
</article></div>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Russia invades again, say rumours and more words here</a></li></ul></aside>
<div class="newsletter-signup"><p>Sign up for our newsletter, it is free and good for you.</p></div>
</body></html>`
	p, err := parseHTML(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "Poland bought new Patriot systems from the United States on Monday, the defence ministry said.\n" +
		"The purchase, worth billions, strengthens NATO's eastern flank, officials in Warsaw said."
	if p.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", p.Body, want)
	}
	if p.Date != "2023-05-02T10:00:00Z" || p.URL != "https://example.org/deal" || p.Title != "Deal done | Site" {
		t.Errorf("meta: %+v", p)
	}
}
