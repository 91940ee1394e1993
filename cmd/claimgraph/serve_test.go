package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServer serves a store of the example articles and returns its base
// URL.
func startServer(t *testing.T, db string, allowIngest bool) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	opts := &serveOptions{db: db, addr: "127.0.0.1:0", allowIngest: allowIngest, limit: 100,
		timeout: 2 * time.Second, out: io.Discard, ready: ready}
	go func() { done <- runServe(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

func TestServeGizmoLikeCayley(t *testing.T) {
	base := startServer(t, examplesDB(t), false)
	resp, err := http.Post(base+"/api/v1/query/gizmo", "application/javascript",
		strings.NewReader(`g.V("Russia").In("sanctioned").Unique().All()`))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Result []map[string]string `json:"result"`
	}
	json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body.Result) != 2 || body.Result[0]["id"] == "" {
		t.Errorf("status %d, body %+v", resp.StatusCode, body)
	}
	resp, _ = http.Post(base+"/api/v1/query/gizmo", "", strings.NewReader(`while (true) {}`))
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 400 || !strings.Contains(string(b), `"error"`) || !strings.Contains(string(b), "timed out") {
		t.Errorf("endless query: %d %s", resp.StatusCode, b)
	}
	resp, _ = http.Post(base+"/api/v1/ingest", "text/plain", strings.NewReader("Russia invaded Ukraine in 2022, officials said."))
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("ingest on a read-only server: %d", resp.StatusCode)
	}
	big := bytes.Repeat([]byte("x"), maxQueryBytes+10)
	resp, _ = http.Post(base+"/api/v1/query/gizmo", "", bytes.NewReader(big))
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized query: %d", resp.StatusCode)
	}
	for _, path := range []string{"/api/search?q=fin", "/api/neighbors?entity=Finland", "/api/evidence?subject=Finland&predicate=member_of&object=NATO",
		"/api/path?from=Finland&to=Turkey", "/api/ask?q=Who+sanctioned+Russia%3F", "/api/export?format=graphml&around=Finland", "/"} {
		resp, err := http.Get(base + path)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("%s: %v %v", path, resp.Status, err)
		}
	}
}

func TestServeIngestWhenAllowed(t *testing.T) {
	base := startServer(t, filepath.Join(t.TempDir(), "g.db"), true)
	resp, err := http.Post(base+"/api/v1/ingest?id=note.txt", "text/plain",
		strings.NewReader("Chile bought F-16 fighter jets from the Netherlands in 2005, officials said on Monday."))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp.Status, err)
	}
	resp, _ = http.Get(base + "/api/evidence?subject=Chile&predicate=bought&object=F-16")
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "note.txt") {
		t.Errorf("ingested claim not found: %s", b)
	}
}

func TestServeRefusesPublicAddress(t *testing.T) {
	code, _, errw := runT(t, "", "--db", "memory", "serve", "--addr", "0.0.0.0:0")
	if code != 1 || !strings.Contains(errw, "--public") {
		t.Errorf("exit %d: %s", code, errw)
	}
}

// webdriver is the few WebDriver calls the browser test needs.
type webdriver struct {
	t       *testing.T
	base    string
	session string
}

func (d *webdriver) call(method, path string, in interface{}) map[string]interface{} {
	d.t.Helper()
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, d.base+path, body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out map[string]interface{}
	json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != 200 {
		d.t.Fatalf("webdriver %s %s: %d %v", method, path, resp.StatusCode, out)
	}
	return out
}

func (d *webdriver) s(path string) string { return "/session/" + d.session + path }

func (d *webdriver) find(css string) string {
	d.t.Helper()
	v := d.call("POST", d.s("/element"), map[string]string{"using": "css selector", "value": css})["value"].(map[string]interface{})
	for _, id := range v {
		return id.(string)
	}
	d.t.Fatalf("no element %s", css)
	return ""
}

func (d *webdriver) eval(script string) interface{} {
	d.t.Helper()
	return d.call("POST", d.s("/execute/sync"), map[string]interface{}{"script": script, "args": []interface{}{}})["value"]
}

// waitFor polls a script until it returns true.
func (d *webdriver) waitFor(what, script string) {
	d.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if v, _ := d.eval(script).(bool); v {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	d.t.Fatalf("timed out waiting for %s", what)
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestExplorerInChromium drives the explorer in headless Chromium: search
// an entity, expand a neighbour, click an edge, read its evidence, and
// save a screenshot (in $CLAIMGRAPH_SCREENSHOTS, or the test's temp dir).
func TestExplorerInChromium(t *testing.T) {
	driver, err := exec.LookPath("chromedriver")
	browser, err2 := exec.LookPath("chromium")
	if err != nil || err2 != nil {
		if os.Getenv("CLAIMGRAPH_REQUIRE_TOOLS") != "" {
			t.Fatalf("chromium and chromedriver are required: %v %v", err, err2)
		}
		t.Skip("chromium or chromedriver not installed")
	}
	base := startServer(t, examplesDB(t), false)
	port := freePort(t)
	cmd := exec.Command(driver, fmt.Sprintf("--port=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	d := &webdriver{t: t, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	for i := 0; ; i++ {
		if resp, err := http.Get(d.base + "/status"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 100 {
			t.Fatal("chromedriver did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	caps := map[string]interface{}{"capabilities": map[string]interface{}{"alwaysMatch": map[string]interface{}{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]interface{}{"binary": browser, "args": []string{"--headless", "--no-sandbox",
			"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--window-size=1400,850",
			"--user-data-dir=" + t.TempDir()}},
	}}}
	d.session = d.call("POST", "/session", caps)["value"].(map[string]interface{})["sessionId"].(string)
	t.Cleanup(func() { d.call("DELETE", d.s(""), nil) })

	d.call("POST", d.s("/url"), map[string]string{"url": base + "/"})
	d.waitFor("the page script", `return !!window.claimgraph`)
	d.call("POST", d.s("/element/"+d.find("#search")+"/value"), map[string]string{"text": "Turkey"})
	d.call("POST", d.s("/element/"+d.find("#search-go")+"/click"), map[string]string{})
	d.waitFor("Turkey's neighbourhood", `return claimgraph.cy.nodes().length >= 2 && claimgraph.cy.getElementById("Finland").length === 1`)
	before := d.eval(`return claimgraph.cy.nodes().length`).(float64)
	d.eval(`claimgraph.cy.getElementById("Finland").emit("tap"); return true`)
	d.waitFor("Finland expanded", fmt.Sprintf(`return claimgraph.cy.nodes().length > %v`, before))
	d.eval(`claimgraph.cy.edges().filter(e => e.data("source") === "Turkey" && e.data("target") === "Finland").emit("tap"); return true`)
	d.waitFor("the edge's evidence", `return document.querySelector("#details q") !== null`)
	text := d.eval(`return document.getElementById("details").innerText`).(string)
	if !strings.Contains(text, "harbouring members of the PKK") || !strings.Contains(text, "finland-joins-nato-2023.html") {
		t.Errorf("evidence panel:\n%s", text)
	}
	png, err := base64.StdEncoding.DecodeString(d.call("GET", d.s("/screenshot"), nil)["value"].(string))
	if err != nil || len(png) < 1000 {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("CLAIMGRAPH_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "explorer.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
