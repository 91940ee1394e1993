// Package schema is claimgraph's shared language: the Claim and Document
// types, entity types, the predicate vocabulary with the frames that say
// each predicate in news text (articles and questions are read with the
// same lemmas, inflected by a small English inflector), and the gazetteer
// of countries, organisations, places, people and weapons with their
// aliases. The word lists are data files embedded from data/, not Go
// literals. The package imports nothing from the rest of the project.
package schema
