package graph

import (
	"context"
	"runtime"
	"runtime/metrics"
	"time"
)

// defaultScriptMemory is the memory a Gizmo script may take when
// Options.ScriptMemory is 0.
const defaultScriptMemory = 1 << 30

// memoryPoll is how often a running script's memory is measured. Memory
// grows at a few GB a second at most, so a script is stopped within some
// tens of MB of its budget.
const memoryPoll = 5 * time.Millisecond

// memoryMetrics are the process's heap objects and goroutine stacks: what
// a script's arrays and its recursion (Gizmo's JavaScript runs in Go, and
// some of its calls nest Go calls) make grow.
var memoryMetrics = []string{"/memory/classes/heap/objects:bytes", "/memory/classes/heap/stacks:bytes"}

// stackBudget is how far the stacks may grow during a script, whatever its
// budget: Go ends the process when one goroutine's stack passes 1 GB, and
// a stack doubles as it grows, so a recursing script must be stopped well
// before its stack reaches 512 MB.
const stackBudget = 128 << 20

// watchMemory stops a script, by cancelling its context with
// ErrScriptMemory, once the process has grown by more than budget bytes
// since the script began. Goja, Cayley's JavaScript engine, cannot count
// a script's own memory; the process's growth stands for it, so a script
// running beside a heavy export may be stopped early. It returns the
// function that ends the watch.
func watchMemory(ctx context.Context, budget int64, stop context.CancelCauseFunc) func() {
	samples := make([]metrics.Sample, len(memoryMetrics))
	for i, name := range memoryMetrics {
		samples[i].Name = name
	}
	used := func() (heap, stacks int64) {
		metrics.Read(samples)
		return int64(samples[0].Value.Uint64()), int64(samples[1].Value.Uint64())
	}
	heap0, stacks0 := used()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(memoryPoll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				heap, stacks := used()
				if heap+stacks-heap0-stacks0 > budget || stacks-stacks0 > stackBudget {
					stop(ErrScriptMemory)
					// The script's garbage is a good part of the heap
					// now: give it back instead of waiting for the next
					// cycle.
					go runtime.GC()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}
