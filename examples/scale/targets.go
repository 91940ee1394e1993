package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

// targets are the entities the interactive commands ask about, chosen
// from the store's own CSV export.
type targets struct {
	busiest, typical string // the entity of most edges; one of median degree
	far              string // an entity as far from typical as a path goes (up to 4 hops)
	hops             int    // how far
	unknown          string // a misspelt name the graph does not hold
}

// pickTargets reads nodes.csv and relationships.csv in dir.
func pickTargets(dir string) (targets, error) {
	nodes, err := readCSV(filepath.Join(dir, "nodes.csv"))
	if err != nil {
		return targets{}, err
	}
	rels, err := readCSV(filepath.Join(dir, "relationships.csv"))
	if err != nil {
		return targets{}, err
	}
	if len(nodes) < 2 || len(rels) < 2 {
		return targets{}, fmt.Errorf("%s: the export has no edges", dir)
	}
	type node struct {
		name   string
		degree int
	}
	var ns []node
	for _, row := range nodes[1:] { // id:ID,name,:LABEL,degree:int,sources:int
		d, _ := strconv.Atoi(row[3])
		ns = append(ns, node{row[0], d})
	}
	sort.Slice(ns, func(i, j int) bool {
		return ns[i].degree > ns[j].degree || ns[i].degree == ns[j].degree && ns[i].name < ns[j].name
	})
	t := targets{busiest: ns[0].name, typical: ns[len(ns)/2].name}
	adj := map[string][]string{}
	for _, row := range rels[1:] { // :START_ID,:END_ID,...
		adj[row[0]] = append(adj[row[0]], row[1])
		adj[row[1]] = append(adj[row[1]], row[0])
	}
	t.far, t.hops = farthest(adj, t.typical, 4)
	t.unknown = misspell(t.typical)
	return t, nil
}

// farthest returns the first entity by name at the greatest distance from
// start, up to limit hops.
func farthest(adj map[string][]string, start string, limit int) (string, int) {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	best, hops := start, 0
	for d := 1; d <= limit && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			for _, m := range adj[n] {
				if _, ok := dist[m]; !ok {
					dist[m] = d
					next = append(next, m)
				}
			}
		}
		if len(next) > 0 {
			sort.Strings(next)
			best, hops = next[0], d
		}
		frontier = next
	}
	return best, hops
}

// misspell swaps two letters in the middle of a name.
func misspell(name string) string {
	r := []rune(name)
	if len(r) < 4 {
		return name + "x"
	}
	i := len(r) / 2
	r[i-1], r[i] = r[i], r[i-1]
	if string(r) == name {
		r = append(r[:i], append([]rune("q"), r[i:]...)...)
	}
	return string(r)
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return csv.NewReader(f).ReadAll()
}
