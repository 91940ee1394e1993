package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// testMainEnv holds, one a line, the arguments of a claimgraph run by
// TestMain instead of the tests.
const testMainEnv = "CLAIMGRAPH_TEST_MAIN"

// TestMain runs claimgraph itself when testMainEnv is set: tests start the
// explorer in a process of its own this way, so that it holds the store's
// lock as `claimgraph serve` does.
func TestMain(m *testing.M) {
	if args := os.Getenv(testMainEnv); args != "" {
		graph.LogTo(io.Discard)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// explorerProcess is `claimgraph serve` running in a process of its own.
type explorerProcess struct {
	cmd     *exec.Cmd
	base    string // http://ADDR
	stderr  strings.Builder
	done    chan error
	stopped bool
}

// startExplorer serves db from another process and waits until it
// listens; cleanup stops it.
func startExplorer(t *testing.T, db string) *explorerProcess {
	t.Helper()
	p := &explorerProcess{cmd: exec.Command(os.Args[0]), done: make(chan error, 1)}
	p.cmd.Env = append(os.Environ(), testMainEnv+"="+strings.Join([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, "\n"))
	p.cmd.Stderr = &p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.stop(t) })
	first := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		first <- line
		io.Copy(io.Discard, out)
		p.done <- p.cmd.Wait()
	}()
	select {
	case line := <-first:
		addr, ok := strings.CutPrefix(line, "claimgraph explorer on http://")
		if i := strings.Index(addr, "/"); ok && i > 0 {
			p.base = "http://" + addr[:i]
			return p
		}
		t.Fatalf("the explorer did not start: %q %s", line, p.stderr.String())
	case <-time.After(time.Minute): // a guard, not a measure
		t.Fatal("the explorer did not start within a minute")
	}
	return nil
}

// stop ends the explorer as Ctrl-C would and waits for it.
func (p *explorerProcess) stop(t *testing.T) {
	t.Helper()
	if p.stopped {
		return
	}
	p.stopped = true
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("explorer: %v: %s", err, p.stderr.String())
		}
	case <-time.After(time.Minute):
		p.cmd.Process.Kill()
		<-p.done
		t.Error("the explorer did not stop within a minute of SIGTERM")
	}
}

// get reads one of the explorer's own API answers.
func (p *explorerProcess) get(t *testing.T, path string) string {
	t.Helper()
	resp, err := http.Get(p.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// viaExplorer is what a command says on stderr when the explorer answers it.
const viaExplorer = "claimgraph: answered by the explorer running at http://"

// runVia runs a command that the explorer must answer: its stderr says so
// once, and the rest is returned.
func runVia(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	code, out, errw := runT(t, stdin, args...)
	var rest []string
	notes := 0
	for _, line := range strings.SplitAfter(errw, "\n") {
		if strings.HasPrefix(line, viaExplorer) {
			notes++
			continue
		}
		rest = append(rest, line)
	}
	if notes != 1 {
		t.Errorf("%v: said %d times that the explorer answered:\n%s", args, notes, errw)
	}
	return code, out, strings.Join(rest, "")
}

// TestCommandsShareStoreWithExplorer runs commands on a bolt store that an
// explorer in another process holds: each prints what it prints on the
// store alone, and two ingests and the readers run side by side, their
// claims visible to the commands and to the explorer's own API.
func TestCommandsShareStoreWithExplorer(t *testing.T) {
	db := examplesDB(t)
	commands := []struct {
		name string
		args []string
	}{
		{"stats", []string{"stats"}},
		{"stats json", []string{"stats", "--json"}},
		{"ask", []string{"ask", "Who sanctioned Russia?"}},
		{"ask json", []string{"ask", "--json", "Tell me about Finland"}},
		{"ask unknown name", []string{"ask", "--json", "Who sanctioned Narnia?"}},
		{"ask no form", []string{"ask", "Why is the sky blue?"}},
		{"neighbors", []string{"neighbors", "--json", "--hops", "2", "Finland"}},
		{"path", []string{"path", "Helsinki", "Ankara"}},
		{"path bad predicate", []string{"path", "--predicates", "sanctionedd", "Finland", "Turkey"}},
		{"timeline", []string{"timeline", "--all", "Turkey"}},
		{"export", []string{"export", "--format", "nquads", "--around", "Turkey"}},
		{"export bad date", []string{"export", "--since", "yesterday"}},
		{"query", []string{"query", `g.V("Russia").In("sanctioned").Unique().All()`}},
		{"query timeout", []string{"query", "--timeout", "300ms", "while (true) {}"}},
	}
	type result struct {
		code      int
		out, errw string
	}
	alone := map[string]result{}
	for _, c := range commands {
		code, out, errw := runT(t, "", append([]string{"--db", db}, c.args...)...)
		alone[c.name] = result{code, out, errw}
	}
	ex := startExplorer(t, db)
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			code, out, errw := runVia(t, "", append([]string{"--db", db}, c.args...)...)
			if got, want := (result{code, out, errw}), alone[c.name]; got != want {
				t.Errorf("through the explorer: exit %d\n%s%s\nalone: exit %d\n%s%s", got.code, got.out, got.errw, want.code, want.out, want.errw)
			}
		})
	}
	if strings.Contains(ex.get(t, "/api/search?q=keny"), "Kenya") {
		t.Fatal("Kenya is in the graph before its ingest")
	}

	// Two ingests and readers at once: one of many documents, one
	// transaction each, one from standard input; reads go on until the
	// long ingest is done.
	corpus := filepath.Join(t.TempDir(), "wire.jsonl")
	var lines []string
	for i := range 120 {
		lines = append(lines, fmt.Sprintf(`{"id": "wire-%03d", "date": "2021-05-01", "text": "Kenya sanctioned Ethiopia in %d, officials said on Monday."}`, i, 1900+i))
	}
	os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	var wg sync.WaitGroup
	start, long := make(chan struct{}), make(chan struct{})
	var longOut, shortOut string
	var longCode, shortCode, reads int
	wg.Add(3)
	go func() {
		defer wg.Done()
		defer close(long)
		<-start
		longCode, longOut, _ = runVia(t, "", "--db", db, "ingest", "--json", "--batch", "1", corpus)
	}()
	go func() {
		defer wg.Done()
		<-start
		shortCode, shortOut, _ = runVia(t, "Chile bought F-16 fighter jets from the Netherlands in 2005, officials said on Monday.",
			"--db", db, "ingest", "--id", "chile.txt", "-")
	}()
	go func() {
		defer wg.Done()
		<-start
		for done := false; !done; reads++ {
			select {
			case <-long:
				done = true
			default:
			}
			for _, args := range [][]string{{"stats", "--json"}, {"query", `g.V("Kenya").Out("sanctioned").All()`}, {"ask", "Who sanctioned Russia?"}} {
				if code, _, errw := runVia(t, "", append([]string{"--db", db}, args...)...); code != 0 {
					t.Errorf("%v during the ingests: exit %d: %s", args, code, errw)
				}
			}
		}
	}()
	close(start)
	wg.Wait()
	var sum ingestSummary
	if err := json.Unmarshal([]byte(longOut), &sum); err != nil || longCode != 0 || sum.Read != 120 || sum.Added == 0 {
		t.Errorf("the long ingest: exit %d, %+v %v", longCode, sum, err)
	}
	if shortCode != 0 || !strings.Contains(shortOut, "Chile") {
		t.Errorf("the ingest from standard input: exit %d\n%s", shortCode, shortOut)
	}
	t.Logf("%d rounds of reads during the ingests", reads)

	// The claims are in the one store: the commands and the explorer see them.
	var before, after graph.Stats
	json.Unmarshal([]byte(alone["stats json"].out), &before)
	_, out, _ := runVia(t, "", "--db", db, "stats", "--json")
	if err := json.Unmarshal([]byte(out), &after); err != nil || after.Documents != before.Documents+121 {
		t.Errorf("documents %d, want %d (%v)", after.Documents, before.Documents+121, err)
	}
	if _, out, _ := runVia(t, "", "--db", db, "ask", "Who sanctioned Ethiopia?"); !strings.Contains(out, "Kenya") {
		t.Errorf("ask after the ingest:\n%s", out)
	}
	for path, want := range map[string]string{"/api/search?q=keny": "Kenya",
		"/api/evidence?subject=Chile&predicate=bought&object=F-16": "chile.txt"} {
		if got := ex.get(t, path); !strings.Contains(got, want) {
			t.Errorf("the explorer's %s lacks %q: %s", path, want, got)
		}
	}
	if code, _, errw := runT(t, "", "--db", db, "verify"); code != 1 || !strings.Contains(errw, "needs the store to itself") {
		t.Errorf("verify while the explorer runs: exit %d: %s", code, errw)
	}

	// Once the explorer stops, commands open the store themselves.
	ex.stop(t)
	if _, err := os.Stat(filepath.Join(db, explorerFile)); !os.IsNotExist(err) {
		t.Errorf("%s left behind: %v", explorerFile, err)
	}
	code, alone2, errw := runT(t, "", "--db", db, "stats", "--json")
	if code != 0 || alone2 != out || strings.Contains(errw, viaExplorer) {
		t.Errorf("stats alone after the explorer: exit %d %s\n%s\nwant\n%s", code, errw, alone2, out)
	}
}

// TestStaleExplorerFileIgnored leaves an explorer file whose process is
// gone, and one whose process lives but is no explorer: commands open the
// store themselves.
func TestStaleExplorerFileIgnored(t *testing.T) {
	db := examplesDB(t)
	gone := exec.Command(os.Args[0])
	gone.Env = append(os.Environ(), testMainEnv+"=--version")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	for name, pid := range map[string]int{"dead process": gone.Process.Pid, "not an explorer": os.Getpid()} {
		t.Run(name, func(t *testing.T) {
			info, _ := json.Marshal(explorerInfo{Addr: "127.0.0.1:1", PID: pid, Token: "stale"})
			os.WriteFile(filepath.Join(db, explorerFile), info, 0o600)
			code, out, errw := runT(t, "", "--db", db, "stats")
			if code != 0 || !strings.Contains(out, "documents") || strings.Contains(errw, viaExplorer) {
				t.Errorf("exit %d: %s%s", code, out, errw)
			}
		})
	}
}
