package syntax

import (
	"path/filepath"
	"testing"
)

// TestBeamLearns trains beam and greedy parsers on a few sentences with
// gold tags and checks that each learns them: for the beam, the structured
// perceptron's updates, the latent gold parse and the search agree.
func TestBeamLearns(t *testing.T) {
	sents := readFile(t, filepath.Join("testdata", "small.conllu"))
	ts := newTagSet(sents)
	tags := ts.gold(sents)
	lemmas := make([][]uint64, len(sents))
	for k, s := range sents {
		for _, w := range s.Words {
			lemmas[k] = append(lemmas[k], hashString(w.Lemma))
		}
	}
	for _, width := range []int{1, 4} {
		p, err := trainParser(sents, tags, lemmas, clusterMap{}, parserConfig{Epochs: 10, Seed: 1, Beam: width})
		if err != nil {
			t.Fatal(err)
		}
		var sc parseScratch
		var lx lexical
		for k, s := range sents {
			lx.reset(forms(s.Words), clusterMap{})
			sc.sn.fill(&lx, tags[k], lemmas[k])
			p.parse(&sc, len(s.Words))
			gold := make([]int32, len(s.Words)+1)
			gold[0] = -1
			for i, w := range s.Words {
				gold[i+1] = int32(w.Head)
			}
			projectivize(gold) // what an arc-eager parser can learn
			for i, w := range s.Words {
				if got := sc.st.head[i+1]; got != gold[i+1] {
					t.Errorf("beam %d: %s word %d %q: head %d, want %d", width, s.ID, i+1, w.Form, got, gold[i+1])
				}
				if got := p.labels[sc.st.label[i+1]]; got != w.Rel {
					t.Errorf("beam %d: %s word %d %q: relation %s, want %s", width, s.ID, i+1, w.Form, got, w.Rel)
				}
			}
		}
	}
}
