// Package claims reads the claims of an article off the grammar of its
// sentences: who did what to whom, in the vocabulary of package schema.
// Each sentence is tagged and parsed by package syntax; mentions come from
// its noun phrases (gazetteer names first, then unknown proper names typed
// by their words, then common nouns a predicate takes); a document-level
// pass resolves pronouns, surnames, short names and definite descriptions
// ("the company", "the country") to the entities they stand for; and each
// predicate's triggers — a lemma with its syntactic frame — find their
// subject and object among the arcs of the tree, distributed over
// coordination, with a modality read from the clause around them.
package claims
