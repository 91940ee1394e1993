package graph

import (
	"sort"
	"strings"
)

// Route is one chain of entities between two, with every relation that
// links each pair along it: the shortest paths that differ only in which
// of two parallel edges they take are one route.
type Route struct {
	Nodes []string   `json:"nodes"`
	Hops  []RouteHop `json:"hops"`
	// Sources is the evidence of the weakest hop, the distinct documents
	// behind its edges: a chain is as well attested as its weakest link.
	Sources int `json:"sources"`
	// Total counts the distinct documents behind the whole route.
	Total int `json:"total_sources"`
}

// RouteHop is one step of a route: the edges between two entities, the
// best attested first, each with its evidence.
type RouteHop struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Edges   []Hop  `json:"edges"`
	Sources int    `json:"sources"` // distinct documents behind the edges
}

// Routes groups shortest paths by the entities they pass through and
// ranks the routes by evidence: the weakest hop's sources first, then the
// route's, then by name.
func Routes(paths []Path) []Route {
	var out []Route
	index := map[string]int{}
	for _, p := range paths {
		if len(p.Hops) == 0 {
			continue
		}
		nodes := []string{p.Hops[0].From}
		for _, h := range p.Hops {
			nodes = append(nodes, h.To)
		}
		key := strings.Join(nodes, "\x00")
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			r := Route{Nodes: nodes, Hops: make([]RouteHop, len(p.Hops))}
			for k, h := range p.Hops {
				r.Hops[k] = RouteHop{From: h.From, To: h.To}
			}
			out = append(out, r)
		}
		for k, h := range p.Hops {
			rh := &out[i].Hops[k]
			if !hasEdge(rh.Edges, h.Edge) {
				rh.Edges = append(rh.Edges, h)
			}
		}
	}
	for i := range out {
		r := &out[i]
		all := map[string]bool{}
		r.Sources = -1
		for k := range r.Hops {
			rh := &r.Hops[k]
			docs := map[string]bool{}
			for _, h := range rh.Edges {
				for _, d := range h.Edge.Sources {
					docs[d], all[d] = true, true
				}
			}
			rh.Sources = len(docs)
			sort.SliceStable(rh.Edges, func(a, b int) bool {
				ea, eb := rh.Edges[a].Edge, rh.Edges[b].Edge
				if len(ea.Sources) != len(eb.Sources) {
					return len(ea.Sources) > len(eb.Sources)
				}
				return ea.Predicate < eb.Predicate
			})
			if r.Sources < 0 || rh.Sources < r.Sources {
				r.Sources = rh.Sources
			}
		}
		r.Total = len(all)
	}
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := out[a], out[b]
		if ra.Sources != rb.Sources {
			return ra.Sources > rb.Sources
		}
		if ra.Total != rb.Total {
			return ra.Total > rb.Total
		}
		return strings.Join(ra.Nodes, "\x00") < strings.Join(rb.Nodes, "\x00")
	})
	return out
}

// Best is the route's best attested path: the first edge of each hop.
func (r Route) Best() Path {
	p := Path{Hops: make([]Hop, len(r.Hops))}
	for k, rh := range r.Hops {
		p.Hops[k] = rh.Edges[0]
	}
	return p
}

// RoutePaths is how many shortest paths a search for routes enumerates:
// enough for the parallel edges of a busy pair.
const RoutePaths = 500

func hasEdge(hops []Hop, e Edge) bool {
	for _, h := range hops {
		if h.Edge.Subject == e.Subject && h.Edge.Predicate == e.Predicate && h.Edge.Object == e.Object {
			return true
		}
	}
	return false
}
