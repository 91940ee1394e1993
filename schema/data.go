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

// Default returns the embedded vocabulary with its frames
// (data/frames.txt) and the gazetteer, parsed once. The extractor reads
// claims and the question parser reads questions with the same frames.
func Default() (*Vocabulary, *Gazetteer, error) {
	loadOnce.Do(func() {
		loaded.vocab, loaded.gaz, loaded.err = load()
	})
	return loaded.vocab, loaded.gaz, loaded.err
}

func load() (*Vocabulary, *Gazetteer, error) {
	var vocab *Vocabulary
	err := withFile("frames.txt", func(r io.Reader) (err error) {
		vocab, err = ParseFrames(r)
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
