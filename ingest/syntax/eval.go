package syntax

import "time"

// Metrics are the CoNLL 2018 shared task's word-level scores over gold
// tokenisation, as fractions of 1: UPOS and lemma accuracy, and attachment
// scores, punctuation included. LAS compares the universal part of the
// relation ("nsubj" for "nsubj:pass"), as the shared task does; LASFull
// compares the whole relation.
type Metrics struct {
	Sentences       int     `json:"sentences"`
	Tokens          int     `json:"tokens"`
	UPOS            float64 `json:"upos"`
	XPOS            float64 `json:"xpos"`
	Lemma           float64 `json:"lemma"`
	UAS             float64 `json:"uas"`
	LAS             float64 `json:"las"`
	LASFull         float64 `json:"las_full"`
	TokensPerSecond float64 `json:"tokens_per_second"`
}

// Evaluate analyses every gold sentence from its words alone and scores
// the analysis against the gold one.
func (m *Model) Evaluate(gold []Sentence) Metrics {
	a := m.NewAnalyzer()
	var got []Word
	var upos, xpos, lemma, uas, las, full, n int
	var elapsed time.Duration
	for _, s := range gold {
		fs := forms(s.Words)
		start := time.Now()
		got = a.Analyze(fs, got[:0])
		elapsed += time.Since(start)
		for i, g := range s.Words {
			w := got[i]
			n++
			upos += b2i(w.UPOS == g.UPOS)
			xpos += b2i(w.XPOS == g.XPOS)
			lemma += b2i(w.Lemma == g.Lemma || g.Lemma == "_")
			if w.Head == g.Head {
				uas++
				las += b2i(baseRel(w.Rel) == baseRel(g.Rel))
				full += b2i(w.Rel == g.Rel)
			}
		}
	}
	frac := func(k int) float64 {
		if n == 0 {
			return 0
		}
		return float64(k) / float64(n)
	}
	mt := Metrics{Sentences: len(gold), Tokens: n, UPOS: frac(upos), XPOS: frac(xpos), Lemma: frac(lemma),
		UAS: frac(uas), LAS: frac(las), LASFull: frac(full)}
	if elapsed > 0 {
		mt.TokensPerSecond = float64(n) / elapsed.Seconds()
	}
	return mt
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
