package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

func TestPipelineMatchesSequential(t *testing.T) {
	paths := []string{filepath.Join("..", "examples", "articles")}
	var seq []schema.Extraction
	(&Reader{}).Read(context.Background(), paths, func(d schema.Document) error {
		seq = append(seq, testExtractor.Extract(d))
		return nil
	}, func(err error) { t.Error(err) })
	for _, workers := range []int{1, 2, 7} {
		var par []schema.Extraction
		p := &Pipeline{Reader: &Reader{}, Extractor: testExtractor, Workers: workers}
		err := p.Run(context.Background(), paths, func(ex schema.Extraction) error {
			par = append(par, ex)
			return nil
		}, func(err error) { t.Error(err) })
		if err != nil || !reflect.DeepEqual(seq, par) {
			t.Errorf("%d workers: results differ from a sequential run (%v)", workers, err)
		}
	}
}

func TestPipelineStopsOnEmitError(t *testing.T) {
	p := &Pipeline{Reader: &Reader{}, Extractor: testExtractor, Workers: 2}
	stop := errors.New("stop")
	n := 0
	err := p.Run(context.Background(), []string{filepath.Join("..", "examples", "articles")}, func(schema.Extraction) error {
		n++
		return stop
	}, func(error) {})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d documents", err, n)
	}
}

// TestFrontMatterAndDefaultDate checks that YAML front matter gives a
// document its title and date and is no part of its text, and that the
// reader's Date is the date of the documents that give none.
func TestFrontMatterAndDefaultDate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: Kenya acts\ndate: 2023-03-01\n---\nKenya sanctioned Ethiopia, officials said in Nairobi on the day.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Chile and Peru signed a trade deal in Lima, officials said.\n"), 0o644)
	r := &Reader{Date: "2020-05-06"}
	got := map[string]schema.Document{}
	err := r.Read(context.Background(), []string{dir}, func(d schema.Document) error { got[d.ID] = d; return nil }, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	if a := got["a.md"]; a.Title != "Kenya acts" || a.Date != "2023-03-01" || strings.Contains(a.Text, "title:") {
		t.Errorf("front matter: %+v", a)
	}
	if b := got["b.txt"]; b.Date != "2020-05-06" {
		t.Errorf("default date: %+v", b)
	}
}
