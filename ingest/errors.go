package ingest

import (
	"errors"
	"fmt"
)

// Reasons a document cannot be read. InputError wraps one of them.
var (
	ErrBinary      = errors.New("binary file, not text: give claimgraph .txt, .md, .html or .jsonl articles")
	ErrEmpty       = errors.New("empty document: nothing to extract")
	ErrInvalidUTF8 = errors.New("invalid UTF-8: convert the file to UTF-8 (for example with iconv) and try again")
	ErrUnsupported = errors.New("unsupported file type: claimgraph reads .txt, .md, .html, .htm and .jsonl")
	ErrNoText      = errors.New("no article text found after removing page furniture")
)

// InputError is a document that could not be read, with where it is: the
// file, and for JSONL the line.
type InputError struct {
	Path string
	Line int // 1-based line of a JSONL file, or 0
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }
