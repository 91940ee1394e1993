package main

import (
	"bufio"
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// importRule says which packages of the module a package may import.
type importRule struct {
	dir  string // a package directory, or "dir/*" for dir and every package under it
	says string // the rule, for the error message
	may  func(pkg string) bool
}

// importRules keep each package in its room (STYLE.md): schema is the
// shared language, ingest makes claims and graph stores them without
// knowing each other, and only cmd puts them together.
var importRules = []importRule{
	{"schema", "schema imports no package of this module", only()},
	{"ingest/syntax", "ingest/syntax imports no package of this module", only()},
	{"ingest/syntax/english", "ingest/syntax/english imports only ingest/syntax", only("ingest/syntax")},
	{"ingest/claims", "ingest/claims imports only schema and ingest/syntax", only("schema", "ingest/syntax")},
	{"ingest", "ingest imports only schema, ingest/claims, ingest/syntax and ingest/syntax/english",
		only("schema", "ingest/claims", "ingest/syntax", "ingest/syntax/english")},
	{"graph", "graph imports only schema", only("schema")},
	{"examples/*", "examples never import cmd", func(pkg string) bool { return !under(pkg, "cmd") }},
	{"cmd/*", "cmd may import anything", func(string) bool { return true }},
}

func only(pkgs ...string) func(string) bool {
	return func(pkg string) bool {
		for _, p := range pkgs {
			if p == pkg {
				return true
			}
		}
		return false
	}
}

func under(dir, parent string) bool { return dir == parent || strings.HasPrefix(dir, parent+"/") }

func (r importRule) covers(dir string) bool {
	if parent, ok := strings.CutSuffix(r.dir, "/*"); ok {
		return under(dir, parent)
	}
	return dir == r.dir
}

// TestImportRules reads the imports of every non-test Go file of the module
// and fails for each import its package's rule forbids, and for each import
// of Cayley outside graph.
func TestImportRules(t *testing.T) {
	root, module := moduleRoot(t)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		checkImports(t, path, filepath.ToSlash(rel), module)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkImports(t *testing.T, path, rel, module string) {
	t.Helper()
	dir := strings.TrimSuffix(filepath.ToSlash(filepath.Dir(rel)), "/")
	var rule *importRule
	for i := range importRules {
		if importRules[i].covers(dir) {
			rule = &importRules[i]
			break
		}
	}
	if rule == nil {
		t.Errorf("%s: package %s has no import rule; add one to importRules in layout_test.go", rel, dir)
		return
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, imp := range f.Imports {
		pkg, _ := strconv.Unquote(imp.Path.Value)
		if under(pkg, "github.com/cayleygraph") && dir != "graph" {
			t.Errorf("%s imports %s, but only graph imports Cayley", rel, pkg)
		}
		if own, ok := strings.CutPrefix(pkg, module+"/"); ok && !rule.may(own) {
			t.Errorf("%s imports %s, but %s", rel, pkg, rule.says)
		}
	}
}

// moduleRoot finds the directory of go.mod above the test's directory and
// the module path it declares.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if m, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
					return dir, strings.Trim(strings.TrimSpace(m), `"`)
				}
			}
			t.Fatalf("%s/go.mod: no module line", dir)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
