package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a treebank or of an analysis: its words and,
// for CoNLL-U, its id, text and per-word MISC column.
type Sentence struct {
	ID    string
	Text  string
	Words []Word
	Misc  []string // MISC column per word ("SpaceAfter=No"); nil or "" is "_"
	Line  int      // line of the sentence's first line in its file, from 1
}

// ParseError is a malformed line of a CoNLL-U file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ReadCoNLLU reads the sentences of a CoNLL-U file. Multiword token lines
// ("3-4 don't") and empty nodes ("8.1") are skipped: the words are what is
// tagged and parsed. name is used in errors only.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() error {
		if len(cur.Words) == 0 {
			cur = Sentence{}
			return nil
		}
		for i, w := range cur.Words {
			if w.Head < 0 || w.Head > len(cur.Words) {
				return &ParseError{name, cur.Line + i, fmt.Errorf("head %d outside the sentence of %d words", w.Head, len(cur.Words))}
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if cur.Line == 0 {
			cur.Line = line
		}
		switch {
		case text == "":
			if err := flush(); err != nil {
				return out, err
			}
		case strings.HasPrefix(text, "#"):
			if v, ok := commentValue(text, "sent_id"); ok {
				cur.ID = v
			} else if v, ok := commentValue(text, "text"); ok {
				cur.Text = v
			}
		default:
			w, skip, err := parseWordLine(text, len(cur.Words)+1)
			if err != nil {
				return out, &ParseError{name, line, err}
			}
			if !skip {
				cur.Words = append(cur.Words, w.Word)
				cur.Misc = append(cur.Misc, w.misc)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return out, &ParseError{name, line + 1, err}
	}
	return out, flush()
}

func commentValue(line, key string) (string, bool) {
	rest := strings.TrimSpace(strings.TrimPrefix(line, "#"))
	if !strings.HasPrefix(rest, key) {
		return "", false
	}
	rest = strings.TrimSpace(rest[len(key):])
	if !strings.HasPrefix(rest, "=") {
		return "", false
	}
	return strings.TrimSpace(rest[1:]), true
}

type wordLine struct {
	Word
	misc string
}

// parseWordLine reads one word line; skip is true for multiword tokens and
// empty nodes.
func parseWordLine(text string, want int) (wordLine, bool, error) {
	cols := strings.Split(text, "\t")
	if len(cols) != 10 {
		return wordLine{}, false, fmt.Errorf("%d columns, CoNLL-U has 10 separated by tabs", len(cols))
	}
	if strings.ContainsAny(cols[0], "-.") {
		return wordLine{}, true, nil
	}
	id, err := strconv.Atoi(cols[0])
	if err != nil || id != want {
		return wordLine{}, false, fmt.Errorf("word id %q where %d was expected", cols[0], want)
	}
	head := 0
	if cols[6] != "_" {
		if head, err = strconv.Atoi(cols[6]); err != nil {
			return wordLine{}, false, fmt.Errorf("head %q is not a number", cols[6])
		}
	}
	if cols[1] == "" {
		return wordLine{}, false, errors.New("empty form")
	}
	w := Word{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Head: head, Rel: cols[7]}
	misc := cols[9]
	if misc == "_" {
		misc = ""
	}
	return wordLine{w, misc}, false, nil
}

// WriteCoNLLU writes s as one CoNLL-U sentence block, ending with the blank
// line that separates sentences. Features and enhanced dependencies, which
// the model does not predict, are "_".
func WriteCoNLLU(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
	}
	if s.Text != "" {
		fmt.Fprintf(bw, "# text = %s\n", strings.ReplaceAll(s.Text, "\n", " "))
	}
	for i, word := range s.Words {
		misc := "_"
		if i < len(s.Misc) && s.Misc[i] != "" {
			misc = s.Misc[i]
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", i+1, field(word.Form), field(word.Lemma),
			field(word.UPOS), field(word.XPOS), word.Head, field(word.Rel), misc)
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// field makes a value safe for a CoNLL-U column: no tabs or newlines, and
// never empty.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}
