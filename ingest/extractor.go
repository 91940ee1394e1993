package ingest

import (
	"github.com/claimgraph/claimgraph/ingest/claims"
	"github.com/claimgraph/claimgraph/ingest/syntax"
	"github.com/claimgraph/claimgraph/ingest/syntax/english"
	"github.com/claimgraph/claimgraph/schema"
)

// ExtractorName identifies the extractor that made a claim; it is stored
// with every claim so that claims made by other versions can be told apart.
const ExtractorName = claims.Name

// Extractor turns cleaned documents into claims: each sentence is tagged
// and parsed (package syntax, with the English model shipped in the
// program) and its claims are read off the parse (package claims). It is
// safe for concurrent use.
type Extractor struct {
	x *claims.Extractor
}

// NewExtractor makes an extractor from a vocabulary with frames (see
// schema.Default), a gazetteer and a syntax model.
func NewExtractor(vocab *schema.Vocabulary, gaz *schema.Gazetteer, model *syntax.Model) *Extractor {
	return &Extractor{x: claims.NewExtractor(vocab, gaz, model)}
}

// DefaultExtractor makes the extractor claimgraph ships: the embedded
// frames, gazetteer and English model.
func DefaultExtractor() (*Extractor, error) {
	vocab, gaz, err := schema.Default()
	if err != nil {
		return nil, err
	}
	model, err := english.Model()
	if err != nil {
		return nil, err
	}
	return NewExtractor(vocab, gaz, model), nil
}

// Explaining returns an extractor that says, with each claim, how it was
// read: its trigger and frame, the arcs of its subject and object, and why
// its modality is what it is (schema.Explanation).
func (x *Extractor) Explaining() *Extractor { return &Extractor{x: x.x.Explaining()} }

// Extract finds the claims of one cleaned document.
func (x *Extractor) Extract(doc schema.Document) schema.Extraction {
	return x.x.Extract(doc)
}
