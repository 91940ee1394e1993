package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v interface{}) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeEvidence prints evidence as quoted sentences with their source and
// date, indented.
func writeEvidence(w io.Writer, indent string, evs []graph.Evidence, most int) {
	for i, ev := range evs {
		if i == most {
			fmt.Fprintf(w, "%s(%d more)\n", indent, len(evs)-most)
			return
		}
		meta := ev.Doc
		if ev.Date != "" {
			meta += ", " + ev.Date
		}
		if ev.Modality != "" && ev.Modality != "asserted" {
			meta += ", " + ev.Modality
		}
		fmt.Fprintf(w, "%s\u201c%s\u201d\n%s  \u2014 %s\n", indent, shorten(ev.Sentence, 200), indent, meta)
	}
}

// edgeText writes an edge as "A --predicate--> B".
func edgeText(e graph.Edge) string {
	return fmt.Sprintf("%s --%s--> %s", e.Subject, e.Predicate, e.Object)
}

// sourcesText says how many documents assert an edge.
func sourcesText(n int) string {
	if n == 1 {
		return "1 source"
	}
	return fmt.Sprintf("%d sources", n)
}

// writeRoute prints a route: its entities, then a line a hop with every
// relation between the two, grouped by direction with their sources, and
// the evidence of the best attested.
func writeRoute(w io.Writer, r graph.Route, evidence int) {
	hops := "hops"
	if len(r.Hops) == 1 {
		hops = "hop"
	}
	fmt.Fprintf(w, "%s  (%d %s; weakest hop %s)\n", strings.Join(r.Nodes, " \u2014 "), len(r.Hops), hops, sourcesText(r.Sources))
	for _, rh := range r.Hops {
		var forward, backward []string
		for _, h := range rh.Edges {
			item := fmt.Sprintf("%s (%s)", h.Edge.Predicate, sourcesText(len(h.Edge.Sources)))
			if h.Edge.Subject == rh.From {
				forward = append(forward, item)
			} else {
				backward = append(backward, item)
			}
		}
		var parts []string
		if len(forward) > 0 {
			parts = append(parts, fmt.Sprintf("%s \u2192 %s: %s", rh.From, rh.To, strings.Join(forward, ", ")))
		}
		if len(backward) > 0 {
			parts = append(parts, fmt.Sprintf("%s \u2192 %s: %s", rh.To, rh.From, strings.Join(backward, ", ")))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(parts, "; "))
		writeEvidence(w, "      ", rh.Edges[0].Evidence, evidence)
	}
}

// writePath prints a path a hop a line, each with its direction and evidence.
func writePath(w io.Writer, p graph.Path, evidence int) {
	if len(p.Hops) == 0 {
		fmt.Fprintln(w, "(0 hops: the same entity)")
		return
	}
	names := []string{p.Hops[0].From}
	for _, h := range p.Hops {
		names = append(names, h.To)
	}
	hops := "hops"
	if len(p.Hops) == 1 {
		hops = "hop"
	}
	fmt.Fprintf(w, "%s  (%d %s)\n", strings.Join(names, " \u2014 "), len(p.Hops), hops)
	for _, h := range p.Hops {
		fmt.Fprintf(w, "  %s  (%s)\n", edgeText(h.Edge), sourcesText(len(h.Edge.Sources)))
		writeEvidence(w, "      ", h.Evidence, evidence)
	}
}
