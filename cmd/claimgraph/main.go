// Command claimgraph turns news articles into a Cayley knowledge graph of
// the claims they make, and answers questions about it.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/claimgraph/claimgraph/graph"
)

func main() {
	if os.Getenv("CLAIMGRAPH_DEBUG_CAYLEY") == "" {
		graph.LogTo(io.Discard) // Cayley's log lines repeat errors claimgraph reports
	}
	if path := os.Getenv("CLAIMGRAPH_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f) // for `go tool pprof`; stopped below
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	pprof.StopCPUProfile()
	os.Exit(code)
}
