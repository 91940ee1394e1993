package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"
)

// Issue 14's bounds, as ratios within one run.
const (
	exportBound      = 3.0 // an export of the whole store, against stats
	interactiveBound = 3.0 // a command, against --version plus a one-quad Gizmo lookup
	memoryBound      = 200 << 20
)

// measure times stats and every export format, then the interactive
// commands about entities picked from the CSV export, and prints the
// ratios.
func measure(m *meter, csvDir string) error {
	var st struct {
		Quads     int64 `json:"quads"`
		Documents int   `json:"documents"`
		Claims    int   `json:"claims"`
		Entities  int   `json:"entities"`
	}
	r, err := runCmd(m.bin, "--db", m.db, "stats", "--json")
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		return fmt.Errorf("stats --json: %v: %s", err, r.stderr)
	}
	fmt.Printf("\nstore %s: %d quads, %d documents, %d claims, %d entities, %d MB on disk; median of %d runs each\n\n",
		m.db, st.Quads, st.Documents, st.Claims, st.Entities, diskSize(m.db)>>20, m.runs)
	stats, err := m.time("stats", "stats")
	if err != nil {
		return err
	}
	exports := []figure{}
	for _, f := range []string{"graphml", "gexf", "dot", "cytoscape", "jsonld", "nquads", "csv"} {
		out := filepath.Join(filepath.Dir(m.db), "export."+f)
		if f == "csv" {
			out = csvDir
		}
		fig, err := m.time("export --format "+f, "export", "--format", f, "-o", out)
		if err != nil {
			return err
		}
		exports = append(exports, fig)
	}
	t, err := pickTargets(csvDir)
	if err != nil {
		return err
	}
	version, err := m.time("--version", "--version")
	if err != nil {
		return err
	}
	gizmo, err := m.time("query (one quad)", "query", fmt.Sprintf(`g.V(%q).Out("cg:type").All()`, t.busiest))
	if err != nil {
		return err
	}
	base := version.median + gizmo.median
	var cmds []figure
	for _, c := range [][]string{
		{"neighbors", t.busiest, "--hops", "1"},
		{"neighbors", t.typical, "--hops", "1"},
		{"ask", "Who sanctioned " + t.busiest + "?"},
		{"ask", "What do we know about " + t.typical + "?"},
		{"path", t.typical, t.far},
		{"path", t.busiest, t.far},
		{"ask", "Who met " + t.unknown + "?"},
	} {
		fig, err := m.time(fmt.Sprintf("%s %q", c[0], c[1:]), c...)
		if err != nil {
			return err
		}
		cmds = append(cmds, fig)
	}
	fmt.Printf("targets: busiest %q, typical %q, %q %d hops from it, unknown %q\n\n", t.busiest, t.typical, t.far, t.hops, t.unknown)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "command\tmedian\tfirst run\tpeak RSS\tratio\tbound")
	row := func(f figure, ratio float64, bound string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d MB\t%s\t%s\n", f.name, ms(f.median), ms(f.first), f.maxRSS>>20, ratioText(ratio), bound)
	}
	row(stats, 0, "")
	for _, f := range exports {
		row(f, float64(f.median)/float64(stats.median), verdict(float64(f.median)/float64(stats.median) <= exportBound, "≤ 3× stats"))
	}
	row(version, 0, "")
	row(gizmo, 0, "")
	fmt.Fprintf(tw, "baseline: --version + query\t%s\t\t\t\t\n", ms(base))
	for _, f := range cmds {
		ratio := float64(f.median) / float64(base)
		row(f, ratio, verdict(ratio <= interactiveBound && f.maxRSS < memoryBound, "≤ 3× baseline, < 200 MB"))
	}
	return tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d.Microseconds())/1000) }

func ratioText(r float64) string {
	if r == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", r)
}

func verdict(ok bool, bound string) string {
	if ok {
		return "ok (" + bound + ")"
	}
	return "OVER (" + bound + ")"
}

// diskSize sums the sizes of the files in a store directory.
func diskSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
