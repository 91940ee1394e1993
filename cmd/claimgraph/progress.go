package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a bar on a terminal and nothing anywhere else.
type progress struct {
	w     io.Writer
	total int64
	done  int64
	docs  int
	start time.Time
	last  time.Time
	shown bool
}

// newProgress returns a bar on w if w is a terminal, else nil; a nil
// *progress draws nothing.
func newProgress(w io.Writer, total int64) *progress {
	f, ok := w.(*os.File)
	if !ok || total <= 0 {
		return nil
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: w, total: total, start: time.Now()}
}

// add records n more bytes and one more document, redrawing at most ten
// times a second.
func (p *progress) add(n int) {
	if p == nil {
		return
	}
	p.done += int64(n)
	p.docs++
	if time.Since(p.last) < 100*time.Millisecond || p.docs < 2 {
		return
	}
	p.last = time.Now()
	frac := min(float64(p.done)/float64(p.total), 1)
	const width = 30
	bar := strings.Repeat("█", int(frac*width)) + strings.Repeat("░", width-int(frac*width))
	fmt.Fprintf(p.w, "\r%s %3.0f%%  %d documents  %s ", bar, frac*100, p.docs, time.Since(p.start).Round(time.Second))
	p.shown = true
}

// finish clears the bar.
func (p *progress) finish() {
	if p != nil && p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 70))
	}
}
