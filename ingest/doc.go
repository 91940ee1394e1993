// Package ingest turns documents into claims: read a file or stream, clean
// the page furniture away, split sentences, recognise entities, resolve
// references and extract subject–predicate–object claims in the vocabulary
// of package schema. It never talks to the store.
package ingest
