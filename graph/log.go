package graph

import (
	"fmt"
	"io"

	"github.com/cayleygraph/cayley/clog"
)

// LogTo sends Cayley's own log lines to w (io.Discard to silence them).
// Cayley logs failures that claimgraph also returns as errors, so a CLI
// usually silences them. It sets process-wide state: call it from main.
func LogTo(w io.Writer) { clog.SetLogger(writerLog{w}) }

type writerLog struct{ w io.Writer }

func (l writerLog) Infof(format string, args ...interface{}) {
	fmt.Fprintf(l.w, "cayley: "+format+"\n", args...)
}
func (l writerLog) Warningf(format string, args ...interface{}) {
	fmt.Fprintf(l.w, "cayley: warning: "+format+"\n", args...)
}
func (l writerLog) Errorf(format string, args ...interface{}) {
	fmt.Fprintf(l.w, "cayley: error: "+format+"\n", args...)
}
func (l writerLog) Fatalf(format string, args ...interface{}) {
	panic(fmt.Sprintf("cayley: "+format, args...))
}

func (l writerLog) V(level int) bool { return false }
func (l writerLog) SetV(level int)   {}
