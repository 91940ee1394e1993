// Package syntax reads the grammar of one sentence: for each word its
// universal part of speech, its Penn Treebank tag, its lemma, its head and
// its Universal Dependencies relation. A greedy averaged-perceptron tagger
// and an arc-eager transition parser trained with a dynamic oracle do the
// work; the lemmatiser is a lexicon with learned suffix rules. All three are
// learned from the UD English treebanks by Train and shipped as one embedded
// model, so Default needs no files and no network.
//
// Every analysis is a well-formed tree: one word has head 0 and the
// relation root, every other word a head inside the sentence, and no cycle.
package syntax
