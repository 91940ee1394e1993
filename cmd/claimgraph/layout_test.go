package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/claimgraph/claimgraph"

// TestPackageRooms keeps each package in its room (STYLE.md): schema is the
// shared language and imports nothing of the project; ingest makes claims
// and never imports graph; graph owns Cayley and never imports ingest; only
// graph imports Cayley; examples never import cmd.
func TestPackageRooms(t *testing.T) {
	rules := []struct {
		dir       string
		forbidden []string
	}{
		{"schema", []string{module + "/", "github.com/cayleygraph/"}},
		{"ingest", []string{module + "/graph", module + "/cmd", "github.com/cayleygraph/"}},
		{"graph", []string{module + "/ingest", module + "/cmd"}},
		{"examples", []string{module + "/cmd", "github.com/cayleygraph/"}},
		{"cmd", []string{"github.com/cayleygraph/"}},
	}
	root := filepath.Join("..", "..")
	for _, r := range rules {
		err := filepath.WalkDir(filepath.Join(root, r.dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range r.forbidden {
					if strings.HasPrefix(p, bad) && !(r.dir == "schema" && p == module+"/schema") {
						t.Errorf("%s imports %s: %s may not import %s", path, p, r.dir, bad)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
