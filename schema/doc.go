// Package schema is claimgraph's shared language: the Claim and Document
// types, entity types, the predicate vocabulary with the trigger words that
// say each predicate in news text, and the gazetteer of countries,
// organisations, places, people and weapons with their aliases. The word
// lists are data files embedded from data/, not Go literals. The package
// imports nothing from the rest of the project.
package schema
