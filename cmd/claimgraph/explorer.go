package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// explorerFile is the file in a bolt store's directory where a running
// explorer says how to reach it, from its start until it stops. Only the
// explorer's user can read it: its token lets claimgraph commands on the
// same store read and write through the explorer, read-only or not, as
// they could if it were not running.
const explorerFile = "explorer.json"

// explorerInfo is what explorerFile holds.
type explorerInfo struct {
	Addr  string `json:"addr"` // host:port a command dials
	PID   int    `json:"pid"`
	Token string `json:"token"`
}

// helloWait bounds how long a command waits for an explorer to answer
// that it is there: one that does not is not used.
const helloWait = 5 * time.Second

// announce writes explorerFile into the store directory dir for an
// explorer listening on ln, and returns its token and a function that
// removes the file.
func announce(dir string, ln net.Addr) (token string, withdraw func(), err error) {
	b := make([]byte, 16)
	rand.Read(b)
	info := explorerInfo{Addr: dialAddr(ln), PID: os.Getpid(), Token: hex.EncodeToString(b)}
	data, _ := json.Marshal(info)
	f, err := os.CreateTemp(dir, ".explorer-*.json") // mode 0600
	if err != nil {
		return "", nil, fmt.Errorf("announce the explorer in %s: %w", dir, err)
	}
	_, err = f.Write(append(data, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	path := filepath.Join(dir, explorerFile)
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("announce the explorer in %s: %w", dir, err)
	}
	return info.Token, func() { os.Remove(path) }, nil
}

// dialAddr is the address a command on this machine dials to reach a
// listener: its own, or loopback for one on every interface.
func dialAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return net.JoinHostPort("127.0.0.1", fmt.Sprint(tcp.Port))
}

// findExplorer returns the explorer that holds the bolt store db, or nil
// if none answers. seen reports whether db's explorerFile names a live
// process, answering or not. A file left by an explorer that is gone (its
// process dead, or another token) is ignored.
func findExplorer(ctx context.Context, db string) (ex *explorer, seen bool) {
	data, err := os.ReadFile(filepath.Join(db, explorerFile))
	if err != nil {
		return nil, false
	}
	var info explorerInfo
	if json.Unmarshal(data, &info) != nil || info.PID <= 0 || info.Addr == "" || !alive(info.PID) {
		return nil, false
	}
	ex = &explorer{addr: info.Addr, pid: info.PID, token: info.Token, client: explorerClient()}
	ctx, cancel := context.WithTimeout(ctx, helloWait)
	defer cancel()
	if ex.call(ctx, "hello", cliArgs{}, nil) != nil {
		return nil, true
	}
	return ex, true
}

// alive reports whether a process with this id runs.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// explorerClient is the HTTP client of commands: no proxy, since the
// explorer is on this machine, and no timeout but the command's own.
func explorerClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	return &http.Client{Transport: t}
}

// explorer is a running explorer that answers a command for the store it
// holds, with the same values the store would give (explorer_client.go).
type explorer struct {
	addr, token string
	pid         int
	client      *http.Client
}

// timeoutHeader carries a command's deadline to the explorer, which
// enforces it, so that running out of time reads as it would here.
const timeoutHeader = "Claimgraph-Timeout"

// answerGrace is how long after its deadline a command waits for the
// explorer to say that the deadline passed.
const answerGrace = 5 * time.Second

// post sends operation op with its arguments and hands the response to
// read. The command's context ends the request, a deadline answerGrace
// later than a cancellation.
func (e *explorer) post(ctx context.Context, op string, args cliArgs, read func(*http.Response) error) error {
	body, err := json.Marshal(args)
	if err != nil {
		return err
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			time.AfterFunc(answerGrace, cancel)
			return
		}
		cancel()
	})
	defer stop()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, "http://"+e.addr+"/api/cli/"+op, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Content-Type", "application/json")
	if d, ok := ctx.Deadline(); ok {
		req.Header.Set(timeoutHeader, time.Until(d).String())
	}
	resp, err := e.client.Do(req)
	if err == nil {
		err = read(resp)
		resp.Body.Close()
	}
	var remote *remoteError
	switch {
	case err == nil || errors.As(err, &remote):
		return err // the explorer's answer, even after the deadline
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return &explorerGoneError{e: e, err: err}
}

// explorerGoneError is an explorer that did not answer, or stopped
// answering: it stopped, most likely.
type explorerGoneError struct {
	e   *explorer
	err error
}

func (g *explorerGoneError) Error() string {
	return fmt.Sprintf("the explorer at http://%s/ (pid %d), which holds the store: %v", g.e.addr, g.e.pid, g.err)
}

func (g *explorerGoneError) Unwrap() error { return g.err }

// call performs op and decodes its result into result, if not nil. An
// operation that failed may still have a result (ask's question).
func (e *explorer) call(ctx context.Context, op string, args cliArgs, result interface{}) error {
	return e.post(ctx, op, args, func(resp *http.Response) error {
		var rep struct {
			Result json.RawMessage `json:"result"`
			wireError
		}
		if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
			return fmt.Errorf("unreadable answer (%s): %w", resp.Status, err)
		}
		if result != nil && len(rep.Result) > 0 {
			if err := decodeJSON(rep.Result, result); err != nil {
				return fmt.Errorf("unreadable %s answer: %w", op, err)
			}
		}
		if err := rep.wireError.err(); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		return nil
	})
}

// readStatus turns an answer that is not 200 into its error.
func readStatus(resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	var w wireError
	if json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&w) == nil && w.Message != "" {
		return w.err()
	}
	return errors.New(resp.Status)
}
