package schema

import (
	"embed"
	"fmt"
	"io"
	"sync"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

var (
	loadOnce sync.Once
	loaded   struct {
		vocab *Vocabulary
		gaz   *Gazetteer
		err   error
	}
)

var (
	framesOnce sync.Once
	frames     struct {
		vocab *Vocabulary
		err   error
	}
)

// DefaultFrames returns the embedded vocabulary with its frames
// (data/frames.txt), parsed once.
func DefaultFrames() (*Vocabulary, error) {
	framesOnce.Do(func() {
		frames.err = withFile("frames.txt", func(r io.Reader) (err error) {
			frames.vocab, err = ParseFrames(r)
			return err
		})
	})
	return frames.vocab, frames.err
}

// Default returns the embedded vocabulary and gazetteer, parsed once.
func Default() (*Vocabulary, *Gazetteer, error) {
	loadOnce.Do(func() {
		loaded.vocab, loaded.gaz, loaded.err = load()
	})
	return loaded.vocab, loaded.gaz, loaded.err
}

func load() (*Vocabulary, *Gazetteer, error) {
	var vocab *Vocabulary
	err := withFile("predicates.txt", func(r io.Reader) (err error) {
		vocab, err = ParseVocabulary(r)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	g := &Gazetteer{}
	for _, part := range []struct {
		file string
		add  func(io.Reader) error
	}{
		{"countries.tsv", g.addCountries},
		{"entities.tsv", g.addEntities},
		{"people.tsv", g.addPeople},
		{"titles.txt", g.addTitles},
	} {
		if err := withFile(part.file, part.add); err != nil {
			return nil, nil, err
		}
	}
	return vocab, g, nil
}

func withFile(name string, fn func(io.Reader) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("schema data %s: %w", name, err)
	}
	defer f.Close()
	return fn(f)
}
