package syntax

import "sync"

// Model is a trained tagger, lemmatiser and parser. It is read-only and
// safe for concurrent use; each goroutine analyses through its own
// Analyzer, or through Parse, which keeps a pool of them.
type Model struct {
	clusterWords clustering
	clusters     clusterMap
	tagger       *tagger
	lemmas       *lemmatizer
	parser       *parser
	pool         sync.Pool
}

// Analyzer analyses sentences with a model, reusing its memory from one
// sentence to the next. It is not safe for concurrent use.
type Analyzer struct {
	// Finite makes a sentence the tagger left without a finite verb take
	// one: a past participle right after a name or noun and before its
	// object, with no auxiliary before it, is read as a past tense ("The
	// Economic Community of West African States imposed sanctions"). News
	// sentences are clauses; headlines and captions are not, so it is off
	// unless the caller knows its text.
	Finite bool

	m      *Model
	lx     lexical
	tsc    tagScratch
	psc    parseScratch
	tags   []int32
	lemmas []uint64 // hashes
}

// NewAnalyzer returns an analyzer for m.
func (m *Model) NewAnalyzer() *Analyzer { return &Analyzer{m: m} }

// Analyze tags, lemmatises and parses one sentence given as its words, and
// appends the analysis to out.
func (a *Analyzer) Analyze(forms []string, out []Word) []Word {
	n := len(forms)
	if n == 0 {
		return out
	}
	m := a.m
	a.lx.reset(forms, m.clusters)
	if cap(a.tags) < n {
		a.tags = make([]int32, n)
	}
	tags := a.tags[:n]
	m.tagger.tag(&a.lx, tags, &a.tsc)
	if a.Finite {
		m.tagger.tags.finite(tags, a.lx.lowers)
	}
	start := len(out)
	ts := m.tagger.tags
	for i, f := range forms {
		c := tags[i]
		out = append(out, Word{Form: f, Lemma: m.lemmas.lemma(f, a.lx.lowers[i], c), UPOS: ts.upos[c], XPOS: ts.xpos[c]})
	}
	words := out[start:]
	a.lemmas = grow(a.lemmas, n)
	for i := range words {
		a.lemmas[i] = hashString(words[i].Lemma)
	}
	a.psc.sn.fill(&a.lx, tags, a.lemmas)
	m.parser.parse(&a.psc, n)
	for i := range words {
		words[i].Head = int(a.psc.st.head[i+1])
		words[i].Rel = m.parser.labels[a.psc.st.label[i+1]]
	}
	return out
}

// Parse analyses one sentence given as its words. It is safe for
// concurrent use.
func (m *Model) Parse(forms []string) []Word {
	a, _ := m.pool.Get().(*Analyzer)
	if a == nil {
		a = m.NewAnalyzer()
	}
	out := a.Analyze(forms, make([]Word, 0, len(forms)))
	m.pool.Put(a)
	return out
}

// Capitalisation says how the plain text the model learned from writes a
// word inside a sentence: 0 when it never saw it there, then 1 (never
// capitalised) to 5 (always). A capitalised word that news writes in lower
// case ("Oil", "Development") is a common word, not a name.
func (m *Model) Capitalisation(word string) int {
	return int(m.clusters[hashString(lowerWord(word))].caps)
}
