package syntax

import (
	"fmt"
	"sync"
	"time"
)

// TrainConfig says what to train on and how. The same data and settings
// give the same model, byte for byte.
type TrainConfig struct {
	Treebank []Sentence // gold sentences: words with tags, lemmas, heads, relations
	Text     [][]string // unlabelled sentences or paragraphs, as tokens, for word clusters
	Folds    int        // the parser learns from tags predicted by taggers that did not see the sentence
	Workers  int        // taggers trained at once
	Tagger   taggerConfig
	Parser   parserConfig
	Clusters clusterConfig
	Lemmas   lemmaConfig
	Log      func(format string, args ...any)
	// Dev, when set, is scored after every epoch of the parser, so that
	// settings can be chosen on it.
	Dev []Sentence

	predicted *[][]int32 // when set, receives the jackknifed tags (experiments)
}

// DefaultTrainConfig returns the settings the shipped model was trained
// with, chosen on the development sets.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Folds:    5,
		Workers:  2,
		Tagger:   taggerConfig{Epochs: 10, Seed: 1, DictMin: 50, DictShare: 1},
		Parser:   parserConfig{Epochs: 12, Seed: 1, ExploreFrom: 1, Explore: 0.9, Beam: 1},
		Clusters: clusterConfig{Fine: 512, Coarse: 32, MinCount: 3, Iterations: 10},
		Lemmas:   lemmaConfig{MaxSuffix: 6},
	}
}

// Train learns a model from a treebank.
func Train(cfg TrainConfig) (*Model, error) {
	logf := cfg.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(cfg.Treebank) == 0 {
		return nil, fmt.Errorf("no training sentences")
	}
	m := &Model{clusters: clusterMap{}}
	start := time.Now()
	if len(cfg.Text) > 0 {
		m.clusterWords = induceClusters(cfg.Text, cfg.Clusters)
		m.clusters = m.clusterWords.index()
		logf("clusters: %d words in %d and %d classes (%v)", len(m.clusterWords.words), cfg.Clusters.Fine, cfg.Clusters.Coarse, since(start))
	}
	sents := cfg.Treebank
	ts := newTagSet(sents)
	gold := ts.gold(sents)
	dict := tagDictionary(sents, gold, cfg.Tagger)
	tg, predicted, err := trainTaggers(sents, gold, ts, m.clusters, dict, cfg)
	if err != nil {
		return nil, err
	}
	m.tagger = tg
	if cfg.predicted != nil {
		*cfg.predicted = predicted
	}
	logf("tagger: %d classes, %d words looked up (%v)", len(ts.upos), len(dict), since(start))
	m.lemmas = trainLemmatizer(sents, ts, cfg.Lemmas)
	logf("lemmatiser: %d forms, %d rules (%v)", len(m.lemmas.forms), len(m.lemmas.rules), since(start))
	pcfg := cfg.Parser
	if pcfg.Epoch == nil {
		pcfg.Epoch = func(e int, p *parser) {
			if len(cfg.Dev) == 0 {
				logf("parser: epoch %d of %d (%v)", e+1, pcfg.Epochs, since(start))
				return
			}
			m.parser = p
			mt := m.Evaluate(cfg.Dev)
			m.parser = nil
			logf("parser: epoch %d of %d (%v): dev UAS %.2f LAS %.2f", e+1, pcfg.Epochs, since(start), 100*mt.UAS, 100*mt.LAS)
		}
	}
	lemmas := m.lemmaHashes(sents, predicted)
	if m.parser, err = trainParser(sents, predicted, lemmas, m.clusters, pcfg); err != nil {
		return nil, err
	}
	logf("parser: %d labels, %d transition and %d label features (%v)", len(m.parser.labels),
		m.parser.trans.features(), m.parser.labeler.features(), since(start))
	return m, nil
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Second) }

// trainTaggers trains the two-pass tagger on all of sents, and tags every
// sentence with taggers trained on the other folds: the tags the parser
// learns from are as wrong as the tags it will be given.
func trainTaggers(sents []Sentence, gold [][]int32, ts *tagSet, cl clusterMap, dict map[uint64]int32, cfg TrainConfig) (*tagger, [][]int32, error) {
	folds := max(cfg.Folds, 2)
	fold := func(f int) (in, out []int) {
		for i := range sents {
			if i%folds == f {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		return in, out
	}
	pick := func(idx []int, all [][]int32) [][]int32 {
		if all == nil {
			return nil
		}
		out := make([][]int32, len(idx))
		for i, k := range idx {
			out[i] = all[k]
		}
		return out
	}
	pickS := func(idx []int) []Sentence {
		out := make([]Sentence, len(idx))
		for i, k := range idx {
			out[i] = sents[k]
		}
		return out
	}
	// First passes on the folds, and the first pass's tags of every sentence.
	firstOf := make([]*passModel, folds)
	firstTags := make([][]int32, len(sents))
	err := parallel(cfg.Workers, folds+1, func(f int) error {
		if f == folds {
			return nil
		}
		in, out := fold(f)
		m, err := trainPass(pickS(in), pick(in, gold), nil, ts, cl, dict, cfg.Tagger)
		if err != nil {
			return err
		}
		firstOf[f] = m
		t := &tagger{tags: ts, clusters: cl, dict: dict, first: m}
		tagAll(t, sents, out, firstTags)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// Second passes on the folds, and the full tagger.
	full := &tagger{tags: ts, clusters: cl, dict: dict}
	predicted := make([][]int32, len(sents))
	err = parallel(cfg.Workers, folds+2, func(f int) error {
		var err error
		switch f {
		case folds:
			full.first, err = trainPass(sents, gold, nil, ts, cl, dict, cfg.Tagger)
		case folds + 1:
			full.second, err = trainPass(sents, gold, firstTags, ts, cl, dict, cfg.Tagger)
		default:
			in, out := fold(f)
			var second *passModel
			second, err = trainPass(pickS(in), pick(in, gold), pick(in, firstTags), ts, cl, dict, cfg.Tagger)
			if err == nil {
				t := &tagger{tags: ts, clusters: cl, dict: dict, first: firstOf[f], second: second}
				tagAll(t, sents, out, predicted)
			}
		}
		return err
	})
	return full, predicted, err
}

// tagAll tags the sentences idx of sents into out.
func tagAll(t *tagger, sents []Sentence, idx []int, out [][]int32) {
	var lx lexical
	var sc tagScratch
	for _, k := range idx {
		lx.reset(forms(sents[k].Words), t.clusters)
		o := make([]int32, len(sents[k].Words))
		t.tag(&lx, o, &sc)
		out[k] = o
	}
}

// parallel runs job(0..n-1) on up to workers goroutines and returns the
// first error.
func parallel(workers, n int, job func(int) error) error {
	workers = max(workers, 1)
	var wg sync.WaitGroup
	errs := make([]error, n)
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = job(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// lemmaHashes lemmatises sents with their predicted taggings, for the
// parser to learn from.
func (m *Model) lemmaHashes(sents []Sentence, tags [][]int32) [][]uint64 {
	out := make([][]uint64, len(sents))
	for k, s := range sents {
		out[k] = make([]uint64, len(s.Words))
		for i, w := range s.Words {
			out[k][i] = hashString(m.lemmas.lemma(w.Form, lowerWord(w.Form), tags[k][i]))
		}
	}
	return out
}
