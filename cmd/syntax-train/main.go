// Command syntax-train trains the tagger, lemmatiser and parser of package
// syntax from the Universal Dependencies English treebanks and writes the
// model that claimgraph embeds. The same data and settings give the same
// model, byte for byte:
//
//	go run ./cmd/syntax-train -ud ../shared/ud -text ../shared/bench/news.jsonl -o ingest/syntax/english/model.bin
//
// It trains on the train files (EWT and the CC BY part of GUM), induces
// word clusters from the text file's articles and the treebanks' words,
// and reports the model's scores on the dev and test files.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/ingest/syntax"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// The treebank files, as ../shared/ud names them.
var (
	trainFiles = []string{"en_ewt-ud-train.conllu", "en_gum-ccby-ud-train.conllu"}
	evalFiles  = []string{"en_ewt-ud-dev.conllu", "en_gum-ccby-ud-dev.conllu", "en_ewt-ud-test.conllu", "en_gum-ccby-ud-test.conllu"}
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("syntax-train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", filepath.Join("..", "shared", "ud"), "directory of the UD English treebanks (CoNLL-U)")
	text := fs.String("text", filepath.Join("..", "shared", "bench", "news.jsonl"), "JSONL articles (a \"text\" field each) to induce word clusters from; empty for none")
	out := fs.String("o", filepath.Join("ingest", "syntax", "english", "model.bin"), "model file to write")
	cfg := syntax.DefaultTrainConfig()
	fs.IntVar(&cfg.Parser.Beam, "beam", cfg.Parser.Beam, "parses the parser keeps in search; 1 is greedy")
	fs.IntVar(&cfg.Parser.Epochs, "epochs", cfg.Parser.Epochs, "passes of the parser over the treebank")
	prune := fs.Float64("prune", float64(cfg.Parser.Prune), "leave out transition features whose averaged weights are all below this (0: keep all)")
	dev := fs.Bool("dev", false, "score the dev files after every epoch of the parser")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg.Parser.Prune = float32(*prune)
	if err := train(ctx, cfg, *ud, *text, *out, *dev, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "syntax-train: %v\n", err)
		return 1
	}
	return 0
}

func train(ctx context.Context, cfg syntax.TrainConfig, ud, textPath, out string, dev bool, stdout, stderr io.Writer) error {
	start := time.Now()
	cfg.Log = func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }
	for _, name := range trainFiles {
		sents, err := readTreebank(filepath.Join(ud, name))
		if err != nil {
			return err
		}
		cfg.Treebank = append(cfg.Treebank, sents...)
	}
	if dev {
		for _, name := range evalFiles[:2] {
			sents, err := readTreebank(filepath.Join(ud, name))
			if err != nil {
				return err
			}
			cfg.Dev = append(cfg.Dev, sents...)
		}
	}
	if textPath != "" {
		paras, err := readText(textPath)
		if err != nil {
			return err
		}
		cfg.Text = paras
	}
	for _, s := range cfg.Treebank {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		cfg.Text = append(cfg.Text, words)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "training on %d sentences, clusters from %d paragraphs\n", len(cfg.Treebank), len(cfg.Text))
	m, err := syntax.Train(cfg)
	if err != nil {
		return err
	}
	if err := writeModel(m, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s in %v\n\n", out, time.Since(start).Round(time.Second))
	fmt.Fprintf(stdout, "%-28s %9s %7s %7s %7s %7s\n", "file", "tokens", "UPOS", "lemma", "UAS", "LAS")
	for _, name := range evalFiles {
		sents, err := readTreebank(filepath.Join(ud, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		mt := m.Evaluate(sents)
		fmt.Fprintf(stdout, "%-28s %9d %6.2f%% %6.2f%% %6.2f%% %6.2f%%\n", name, mt.Tokens, 100*mt.UPOS, 100*mt.Lemma, 100*mt.UAS, 100*mt.LAS)
	}
	return nil
}

func readTreebank(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syntax.ReadCoNLLU(bufio.NewReaderSize(f, 1<<20), path)
}

// readText reads the paragraphs of a JSONL file of articles as tokens.
func readText(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	var out [][]string
	line := 0
	for sc.Scan() {
		line++
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		for _, para := range strings.Split(a.Text, "\n") {
			toks := syntax.Tokenize(para, 0, len(para))
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.Text
			}
			out = append(out, words)
		}
	}
	return out, sc.Err()
}

func writeModel(m *syntax.Model, path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := m.WriteTo(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
