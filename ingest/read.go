package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// Formats claimgraph reads, by file extension.
var formats = map[string]string{".txt": "text", ".text": "text", ".md": "markdown",
	".markdown": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}

// Reader reads documents from files, directories and standard input.
type Reader struct {
	Stdin io.Reader // read for the path "-"
	// Date is the date of the documents that say none themselves (no
	// front matter, dateline, "Published" line or JSONL date), ISO 8601.
	Date string
	// StdinID is the ID of an article read from standard input; when
	// empty it is "stdin-" and the start of its content hash, so that
	// two different articles piped in are two documents.
	StdinID string
	// Skipped is called for each file passed over in a directory because
	// of its type; it may be nil.
	Skipped func(path string)
}

// Read reads the documents at paths: files, directories (recursively, in
// name order, skipping hidden entries) or "-" for standard input. It calls
// emit with each good document and fail with each bad one, and goes on
// after both; it stops early only if emit returns an error or ctx ends.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(schema.Document) error, fail func(error)) error {
	for _, p := range paths {
		if err := r.readPath(ctx, p, emit, fail); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) readPath(ctx context.Context, path string, emit func(schema.Document) error, fail func(error)) error {
	if path == "-" {
		data, err := io.ReadAll(r.Stdin)
		if err != nil {
			fail(&InputError{Path: "-", Err: err})
			return nil
		}
		return r.readData(ctx, "-", sniff(data), data, emit, fail)
	}
	info, err := os.Stat(path)
	if err != nil {
		fail(&InputError{Path: path, Err: err})
		return nil
	}
	if !info.IsDir() {
		format, ok := formats[strings.ToLower(filepath.Ext(path))]
		if !ok {
			fail(&InputError{Path: path, Err: ErrUnsupported})
			return nil
		}
		return r.readFile(ctx, path, format, emit, fail)
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(&InputError{Path: p, Err: err})
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		format, ok := formats[strings.ToLower(filepath.Ext(f))]
		if !ok {
			if r.Skipped != nil {
				r.Skipped(f)
			}
			continue
		}
		if err := r.readFile(ctx, f, format, emit, fail); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) readFile(ctx context.Context, path, format string, emit func(schema.Document) error, fail func(error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fail(&InputError{Path: path, Err: err})
		return nil
	}
	return r.readData(ctx, path, format, data, emit, fail)
}

// Size returns the bytes of supported files at paths, for progress.
func Size(paths []string) int64 {
	var total int64
	for _, p := range paths {
		filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && formats[strings.ToLower(filepath.Ext(f))] != "" {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

// sniff guesses the format of standard input from its first character.
func sniff(data []byte) string {
	t := bytes.TrimSpace(data)
	switch {
	case len(t) > 0 && t[0] == '{':
		return "jsonl"
	case len(t) > 0 && t[0] == '<':
		return "html"
	}
	return "text"
}

func (r *Reader) readData(ctx context.Context, path, format string, data []byte, emit func(schema.Document) error, fail func(error)) error {
	if err := checkText(data); err != nil {
		fail(&InputError{Path: path, Err: err})
		return nil
	}
	if format == "jsonl" {
		return readJSONL(ctx, path, data, emit, fail)
	}
	doc, err := makeDocument(path, format, data, "")
	if err != nil {
		fail(&InputError{Path: path, Err: err})
		return nil
	}
	if path == "-" && r.StdinID != "" {
		doc.ID = r.StdinID
	}
	if doc.Date == "" {
		doc.Date = r.Date
	}
	return emit(doc)
}

// checkText rejects what is not UTF-8 text: binary data, invalid UTF-8,
// nothing at all.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	head := data[:min(len(data), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		return fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, bad)
	}
	return nil
}

// article is one line of a JSONL file; unknown fields are ignored.
type article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
	Text  string `json:"text"`
}

func readJSONL(ctx context.Context, path string, data []byte, emit func(schema.Document) error, fail func(error)) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var a article
		if err := json.Unmarshal(line, &a); err != nil {
			fail(&InputError{Path: path, Line: n, Err: fmt.Errorf("malformed JSON: %v", err)})
			continue
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s#%d", filepath.Base(path), n)
		}
		format := "text"
		if strings.HasPrefix(strings.TrimSpace(a.Text), "<") {
			format = "html"
		}
		doc, err := makeDocument(path, format, []byte(a.Text), a.Date)
		if err != nil {
			fail(&InputError{Path: path, Line: n, Err: err})
			continue
		}
		doc.ID, doc.URL = a.ID, firstOf(a.URL, doc.URL)
		doc.Title, doc.Date = firstOf(a.Title, doc.Title), normalizeDate(firstOf(a.Date, doc.Date))
		h := sha256.Sum256(line)
		doc.Hash, doc.Size = hex.EncodeToString(h[:]), len(line)
		if err := emit(doc); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		fail(&InputError{Path: path, Err: err})
	}
	return nil
}

// makeDocument cleans one document's content and fills in what it says of
// itself. Its ID is the file's base name.
func makeDocument(path, format string, data []byte, date string) (schema.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return schema.Document{}, ErrEmpty
	}
	h := sha256.Sum256(data)
	doc := schema.Document{ID: filepath.Base(path), Source: path, Hash: hex.EncodeToString(h[:]), Size: len(data)}
	if path == "-" {
		doc.ID = "stdin-" + doc.Hash[:12]
	}
	text := string(data)
	if format != "html" {
		// "---\ntitle: ...\ndate: 2023-03-01\n---": YAML front matter.
		var fm map[string]string
		if fm, text = frontMatter(text); fm != nil {
			doc.Title, doc.Date, doc.URL = fm["title"], fm["date"], fm["url"]
		}
	}
	switch format {
	case "html":
		p, err := parseHTML(bytes.NewReader(data))
		if err != nil {
			return doc, fmt.Errorf("parse HTML: %w", err)
		}
		doc.Title, doc.Date, doc.URL = p.Title, p.Date, p.URL
		text = p.Body
	case "markdown":
		text = stripMarkdown(text)
	}
	c := cleanText(text, firstOf(date, doc.Date))
	doc.Text = c.Text
	doc.Title = firstOf(doc.Title, c.Title)
	doc.Date = normalizeDate(firstOf(doc.Date, c.Date))
	if strings.TrimSpace(doc.Text) == "" {
		return doc, ErrNoText
	}
	return doc, nil
}

// frontMatter splits YAML front matter (between "---" lines at the very
// start) from a text: its simple "key: value" lines, lower-cased keys and
// unquoted values, and the text after it. A text without front matter
// comes back whole, with a nil map.
func frontMatter(text string) (map[string]string, string) {
	rest, ok := strings.CutPrefix(strings.TrimLeft(text, "\ufeff"), "---\n")
	if !ok {
		return nil, text
	}
	head, body, ok := strings.Cut(rest, "\n---")
	if !ok {
		return nil, text
	}
	fm := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		fm[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `"'`)
	}
	_, body, _ = strings.Cut(body, "\n")
	return fm, body
}

// normalizeDate writes a date in ISO 8601 (YYYY-MM-DD) when it can be read.
func normalizeDate(s string) string {
	if t, ok := parseDate(s); ok {
		return t.Format("2006-01-02")
	}
	return s
}

// parseDate reads an article date in the common forms.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
		"January 2, 2006", "January 02 2006", "January 2 2006", "2 January 2006", "Jan. 2, 2006", "Jan 2, 2006",
		"02.01.2006", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
