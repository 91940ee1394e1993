package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// benchSizes are the synthetic corpora the benchmarks run on: documents of
// ten claims; 940 documents make about 100k quads.
var benchSizes = []struct {
	name      string
	documents int
	entities  int
}{
	{"100k", 940, 2350},
	{"1M", 9400, 23500},
}

type benchStore struct {
	store *Store
	quads int64
	pairs [][2]string // entities four hops apart
	names []string    // entities to ask about, by degree
}

var (
	benchMu     sync.Mutex
	benchStores = map[string]*benchStore{}
)

// loadBench builds (once per process) a store of a synthetic corpus.
func loadBench(b *testing.B, backend string, size int) *benchStore {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprintf("%s/%d", backend, size)
	if bs, ok := benchStores[key]; ok {
		return bs
	}
	sz := benchSizes[size]
	dsn := "memory"
	switch backend {
	case "bolt":
		dir, err := os.MkdirTemp("", "claimgraph-bench-")
		if err != nil {
			b.Fatal(err)
		}
		dsn = filepath.Join(dir, "g.db")
	case "postgres":
		dsn = benchPostgres(b, os.Getenv("CLAIMGRAPH_TEST_POSTGRES"), "cgbench_"+strings.ToLower(sz.name))
	}
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		b.Fatal(err)
	}
	exs := Synthesize(SynthOptions{Seed: 1, Entities: sz.entities, Documents: sz.documents, ClaimsPerDoc: 10})
	start := time.Now()
	bs := &benchStore{store: s}
	for i := 0; i < len(exs); i += 64 {
		res, err := s.WriteBatch(context.Background(), exs[i:min(i+64, len(exs))])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			bs.quads += int64(r.Added)
		}
	}
	b.Logf("%s: %d quads written in %s", key, bs.quads, time.Since(start).Round(time.Millisecond))
	bs.pairs, bs.names = benchTargets(exs)
	benchStores[key] = bs
	return bs
}

// benchPostgres makes an empty database for a benchmark store that lives
// as long as the test process (benchmarks run their body several times),
// and returns its URL.
func benchPostgres(b *testing.B, dsn, name string) string {
	b.Helper()
	admin, err := sql.Open("postgres", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// benchTargets finds pairs of entities exactly four hops apart over
// asserted relations, and entities to ask about, busiest first.
func benchTargets(exs []schema.Extraction) ([][2]string, []string) {
	adj := map[string]map[string]bool{}
	degree := map[string]int{}
	for _, ex := range exs {
		for _, c := range ex.Claims {
			if !c.Asserted() {
				continue
			}
			for _, p := range [][2]string{{c.Subject, c.Object}, {c.Object, c.Subject}} {
				if adj[p[0]] == nil {
					adj[p[0]] = map[string]bool{}
				}
				adj[p[0]][p[1]] = true
			}
			degree[c.Object]++
		}
	}
	var names []string
	for n := range degree {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return degree[names[i]] > degree[names[j]] || degree[names[i]] == degree[names[j]] && names[i] < names[j]
	})
	var pairs [][2]string
	for _, from := range names {
		if len(pairs) == 50 {
			break
		}
		dist := map[string]int{from: 0}
		frontier := []string{from}
		for d := 1; d <= 4 && len(frontier) > 0; d++ {
			var next []string
			for _, n := range frontier {
				var outs []string
				for m := range adj[n] {
					outs = append(outs, m)
				}
				sort.Strings(outs)
				for _, m := range outs {
					if _, ok := dist[m]; !ok {
						dist[m] = d
						next = append(next, m)
					}
				}
			}
			frontier = next
		}
		if len(frontier) > 0 {
			sort.Strings(frontier)
			pairs = append(pairs, [2]string{from, frontier[len(pairs)%len(frontier)]})
		}
	}
	return pairs, names
}

// runBench runs fn over the targets and reports the median latency.
func runBench(b *testing.B, fn func(i int)) {
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		fn(i)
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "ms-median")
}

// forEachBench runs a benchmark on memory and bolt, and on PostgreSQL when
// CLAIMGRAPH_TEST_POSTGRES names a server.
func forEachBench(b *testing.B, fn func(b *testing.B, bs *benchStore)) {
	backends := []string{"memory", "bolt"}
	if os.Getenv("CLAIMGRAPH_TEST_POSTGRES") != "" {
		backends = append(backends, "postgres")
	}
	for _, backend := range backends {
		for i, sz := range benchSizes {
			b.Run(backend+"/"+sz.name, func(b *testing.B) {
				fn(b, loadBench(b, backend, i))
			})
		}
	}
}

// BenchmarkPath finds the shortest path between entities four hops apart.
func BenchmarkPath(b *testing.B) {
	forEachBench(b, func(b *testing.B, bs *benchStore) {
		if len(bs.pairs) == 0 {
			b.Skip("no pairs four hops apart")
		}
		runBench(b, func(i int) {
			p := bs.pairs[i%len(bs.pairs)]
			paths, err := bs.store.Paths(context.Background(), p[0], p[1], PathOptions{})
			if err != nil || len(paths) == 0 {
				b.Fatalf("%v: %v %v", p, paths, err)
			}
		})
	})
}

// BenchmarkAsk answers "Who criticized X?" for entities of every degree.
func BenchmarkAsk(b *testing.B) {
	vocab, gaz, err := schema.Default()
	if err != nil {
		b.Fatal(err)
	}
	forEachBench(b, func(b *testing.B, bs *benchStore) {
		a := NewAsker(bs.store, vocab, gaz)
		runBench(b, func(i int) {
			name := bs.names[(i*7919)%len(bs.names)]
			if _, err := a.Ask(context.Background(), "Who criticized "+name+"?"); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkNeighbors lists the one-hop neighbourhood of entities of every
// degree.
func BenchmarkNeighbors(b *testing.B) {
	forEachBench(b, func(b *testing.B, bs *benchStore) {
		runBench(b, func(i int) {
			name := bs.names[(i*7919)%len(bs.names)]
			if _, err := bs.store.Neighbors(context.Background(), name, 1, PathOptions{}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkWriteBatch writes synthetic documents 64 to a transaction and
// reports quads per second, on memory and bolt, and on PostgreSQL (with
// COPY and with Cayley's own writer) and MySQL when the test servers are
// named by CLAIMGRAPH_TEST_POSTGRES and CLAIMGRAPH_TEST_MYSQL.
func BenchmarkWriteBatch(b *testing.B) {
	exs := Synthesize(SynthOptions{Seed: 2, Entities: 2000, Documents: 640, ClaimsPerDoc: 10})
	targets := []struct {
		name string
		dsn  func(b *testing.B) string
		opt  Options
	}{
		{"memory", func(*testing.B) string { return "memory" }, Options{}},
		{"bolt", func(b *testing.B) string { return filepath.Join(b.TempDir(), "g.db") }, Options{}},
	}
	if pg := os.Getenv("CLAIMGRAPH_TEST_POSTGRES"); pg != "" {
		targets = append(targets,
			struct {
				name string
				dsn  func(b *testing.B) string
				opt  Options
			}{"postgres-copy", func(b *testing.B) string { return freshPostgres(b, pg) }, Options{}},
			struct {
				name string
				dsn  func(b *testing.B) string
				opt  Options
			}{"postgres-cayley", func(b *testing.B) string { return freshPostgres(b, pg) }, Options{NoCopy: true}})
	}
	if my := os.Getenv("CLAIMGRAPH_TEST_MYSQL"); my != "" {
		targets = append(targets, struct {
			name string
			dsn  func(b *testing.B) string
			opt  Options
		}{"mysql", func(b *testing.B) string { return freshMySQL(b, my) }, Options{}})
	}
	for _, tg := range targets {
		b.Run(tg.name, func(b *testing.B) {
			var quads int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(context.Background(), tg.dsn(b), tg.opt)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for j := 0; j < len(exs); j += 64 {
					if _, err := s.WriteBatch(context.Background(), exs[j:j+64]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				st, _ := s.Stats(context.Background())
				quads += st.Quads
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// BenchmarkWriteOverhead writes the same documents to bolt through
// WriteBatch (quads built and written on one goroutine), through Write
// (quads prepared beforehand, as ingest prepares them off the writer) and as
// raw Cayley ApplyDeltas of the same quads in the same transactions; the
// differences are claimgraph's own cost.
func BenchmarkWriteOverhead(b *testing.B) {
	exs := Synthesize(SynthOptions{Seed: 2, Entities: 2000, Documents: 640, ClaimsPerDoc: 10})
	const per = 64 // documents a transaction
	// run times write, called with each batch number on a fresh bolt store.
	run := func(b *testing.B, write func(s *Store, batch int) error) {
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s, err := Open(context.Background(), filepath.Join(b.TempDir(), "g.db"), Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			for j := 0; j < len(exs)/per; j++ {
				if err := write(s, j); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	}
	b.Run("WriteBatch", func(b *testing.B) {
		run(b, func(s *Store, j int) error {
			_, err := s.WriteBatch(context.Background(), exs[j*per:(j+1)*per])
			return err
		})
	})
	b.Run("Write", func(b *testing.B) { // prepared off the timer, as ingest prepares off the writer
		var batches []*Batch
		for j := 0; j < len(exs)/per; j++ {
			batches = append(batches, Prepare(exs[j*per:(j+1)*per]))
		}
		run(b, func(s *Store, j int) error {
			_, err := s.Write(context.Background(), batches[j])
			return err
		})
	})
	b.Run("ApplyDeltas", func(b *testing.B) {
		var batches [][]cgraph.Delta
		for j := 0; j < len(exs)/per; j++ {
			var ds []cgraph.Delta
			seen := map[quad.Quad]bool{} // entity types repeat across documents
			for _, qs := range Prepare(exs[j*per : (j+1)*per]).quads {
				for _, q := range qs {
					if !seen[q] {
						seen[q] = true
						ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Add})
					}
				}
			}
			batches = append(batches, ds)
		}
		run(b, func(s *Store, j int) error {
			return s.qs.ApplyDeltas(batches[j], cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
		})
	})
}
