package graph

import (
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedBoltFile damages a bolt store's file the ways a bad disk or
// a copy cut short would, and expects every open to fail with the damaged
// store's message, or, for damage deep in the file that opening does not
// reach, Verify to say the store is damaged: never a panic or a fault.
func TestDamagedBoltFile(t *testing.T) {
	ctx := context.Background()
	good := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(ctx, good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteBatch(ctx, Synthesize(SynthOptions{Seed: 3, Entities: 100, Documents: 150, ClaimsPerDoc: 10})); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(filepath.Join(good, boltFile))
	if err != nil {
		t.Fatal(err)
	}
	garbage := func(from, to int) []byte {
		out := append([]byte{}, data...)
		rand.New(rand.NewSource(1)).Read(out[from:to])
		return out
	}
	page := 4096
	cases := map[string][]byte{
		"truncated":          data[:len(data)/2],
		"cut inside header":  data[:100],
		"empty":              {},
		"all garbage":        garbage(0, len(data)),
		"zeroed header":      append(make([]byte, 2*page), data[2*page:]...),
		"garbage after meta": garbage(2*page, len(data)),
		"garbage inside":     garbage(len(data)/3, len(data)/3+16*page),
	}
	for name, file := range cases {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "g.db")
			if out, err := exec.Command("cp", "-r", good, dir).CombinedOutput(); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if err := os.WriteFile(filepath.Join(dir, boltFile), file, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, dir, Options{})
			if err != nil {
				if !strings.Contains(err.Error(), "the database is damaged") {
					t.Errorf("open: %v, want the damaged store's message", err)
				}
				return
			}
			defer s.Close()
			rep, err := s.Verify(ctx)
			if err == nil && len(rep.Damaged) == 0 && name != "garbage inside" {
				t.Errorf("a %s file opened and verified whole", name)
			}
			if err != nil && !strings.Contains(err.Error(), "damaged") {
				t.Errorf("verify: %v, want the store called damaged", err)
			}
		})
	}
}
