// Package english holds the model of English that claimgraph ships: the
// tagger, lemmatiser and parser of package syntax as cmd/syntax-train
// trained them on the UD English treebanks (EWT, CC BY-SA 4.0, and the
// CC BY part of GUM), embedded in the program. The model is derived from
// CC BY-SA material and shared under the same terms; the README credits
// the treebanks.
package english

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/claimgraph/claimgraph/ingest/syntax"
)

//go:embed model.bin
var data []byte

var loaded struct {
	once sync.Once
	m    *syntax.Model
	err  error
}

// Model returns the embedded model, read on first use; later calls share
// it.
func Model() (*syntax.Model, error) {
	loaded.once.Do(func() {
		loaded.m, loaded.err = syntax.ReadModel(data)
		if loaded.err != nil {
			loaded.err = fmt.Errorf("the embedded English model: %w (rebuild claimgraph)", loaded.err)
		}
	})
	return loaded.m, loaded.err
}
