package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"sort"
	"syscall"
	"time"
)

// result is one run of a command.
type result struct {
	wall           time.Duration
	maxRSS         int64 // bytes: getrusage's ru_maxrss, the figure /usr/bin/time -v reports
	code           int
	stdout, stderr string
}

// runCmd runs a command to its end; a non-zero exit is a result, not an
// error.
func runCmd(name string, args ...string) (result, error) {
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(start), stdout: out.String(), stderr: errb.String()}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return r, fmt.Errorf("%s: %w", name, err)
	}
	r.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return r, nil
}

// meter runs claimgraph commands on one store.
type meter struct {
	bin, db string
	runs    int
}

// figure is a command's median time and largest peak memory over runs.
type figure struct {
	name   string
	args   []string
	median time.Duration
	maxRSS int64
	first  time.Duration // the warm-up run, which may build caches
	code   int
}

// time runs claimgraph with args once to warm up, then m.runs times.
func (m *meter) time(name string, args ...string) (figure, error) {
	full := append([]string{"--db", m.db}, args...)
	if len(args) > 0 && args[0] == "--version" {
		full = args
	}
	f := figure{name: name, args: full}
	var walls []time.Duration
	for i := 0; i <= m.runs; i++ {
		r, err := runCmd(m.bin, full...)
		if err != nil {
			return f, err
		}
		if i == 0 {
			f.first, f.code = r.wall, r.code
			if r.code != 0 && r.code != 1 {
				return f, fmt.Errorf("%s: exit status %d: %s", name, r.code, r.stderr)
			}
			continue
		}
		walls = append(walls, r.wall)
		f.maxRSS = max(f.maxRSS, r.maxRSS)
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	f.median = walls[len(walls)/2]
	return f, nil
}
