package ingest

import (
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Elements that are never article text, and class or id names that mark
// page furniture on sites of every kind.
var (
	skipElements = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true,
		atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
		atom.Figure: true, atom.Figcaption: true, atom.Iframe: true, atom.Svg: true,
		atom.Button: true, atom.Select: true, atom.Template: true, atom.Object: true}
	furnitureClass = regexp.MustCompile(`(?i)(^|[-_ ])(nav|navbar|menu|footer|header|masthead|sidebar|side-bar|related|popular|trending|recommend\w*|newsletter|subscri\w*|cookie\w*|consent|share|sharing|social|comments?|advert\w*|ads?|promo\w*|byline|author|caption|credit|breadcrumbs?|tags|widget|banner|modal|popup|teaser|more-stories|read-more|outbrain|taboola)([-_ ]|$)`)
	blockElements  = map[atom.Atom]bool{atom.P: true, atom.H2: true, atom.H3: true, atom.H4: true,
		atom.Blockquote: true, atom.Li: true, atom.Pre: true}
)

// page is what an HTML page says about its article.
type page struct {
	Title, Date, URL string
	Body             string // the article's blocks, one a line
}

// parseHTML finds an HTML page's article by content density, as readability
// tools do: the element whose paragraphs hold the most prose, with links
// counted against it, after furniture elements are dropped.
func parseHTML(r io.Reader) (page, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return page{}, err
	}
	var p page
	readMeta(doc, &p)
	scores := map[*html.Node]float64{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if furniture(c) {
				continue
			}
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				score := paragraphScore(c)
				if c.Parent != nil {
					scores[c.Parent] += score
					if c.Parent.Parent != nil {
						scores[c.Parent.Parent] += score / 2
					}
				}
			}
			walk(c)
		}
	}
	walk(doc)
	var best *html.Node
	for n, s := range scores {
		if best == nil || s > scores[best] {
			best = n
		}
	}
	if best != nil {
		var lines []string
		collectBlocks(best, &lines)
		p.Body = strings.Join(lines, "\n")
	}
	return p, nil
}

// furniture reports whether a node is never article text.
func furniture(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if skipElements[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id" || a.Key == "role") && furnitureClass.MatchString(a.Val) {
			return true
		}
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// paragraphScore counts a paragraph's prose: its characters outside links,
// with a bonus for commas, as long sentences have them.
func paragraphScore(n *html.Node) float64 {
	all := textOf(n)
	if len(all) < 25 {
		return 0
	}
	links := 0
	forEach(n, func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links += len(textOf(c))
		}
	})
	return float64(len(all)-links) + 10*float64(strings.Count(all, ","))
}

// collectBlocks appends the text of each block element under n, one a line.
func collectBlocks(n *html.Node, lines *[]string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if furniture(c) {
			continue
		}
		if c.Type == html.ElementNode && blockElements[c.DataAtom] {
			if t := textOf(c); t != "" {
				*lines = append(*lines, t)
			}
			continue
		}
		collectBlocks(c, lines)
	}
}

// textOf returns the text under n with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	forEach(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// forEach calls fn on n and every node below it, skipping furniture.
func forEach(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !furniture(c) {
			forEach(c, fn)
		}
	}
}

// readMeta fills a page's title, date and URL from its head and markup.
func readMeta(n *html.Node, p *page) {
	if n.Type == html.ElementNode {
		attr := func(key string) string {
			for _, a := range n.Attr {
				if a.Key == key {
					return a.Val
				}
			}
			return ""
		}
		switch n.DataAtom {
		case atom.Title:
			if p.Title == "" {
				p.Title = textOf(n)
			}
		case atom.Meta:
			name := attr("property") + attr("name") + attr("itemprop")
			switch {
			case strings.Contains(name, "published_time") || name == "date" || name == "datePublished" || name == "pubdate":
				if p.Date == "" {
					p.Date = attr("content")
				}
			case name == "og:url" && p.URL == "":
				p.URL = attr("content")
			case name == "og:title":
				p.Title = attr("content")
			}
		case atom.Link:
			if attr("rel") == "canonical" && p.URL == "" {
				p.URL = attr("href")
			}
		case atom.Time:
			if p.Date == "" {
				p.Date = attr("datetime")
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		readMeta(c, p)
	}
}
