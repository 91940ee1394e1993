package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
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
