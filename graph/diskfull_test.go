package graph

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// smallDisk mounts a tmpfs of size at a temporary directory, or skips the
// test when it cannot (mounting needs root).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a full disk is made with a small tmpfs, which only root can mount: run the tests as root to include this one")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill: %v: %s", err, out)
	}
	// Lazily, so that a test failing with the store still open does not
	// leave the mount behind.
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestFullDiskLeavesNoDamage fills a bolt store's disk, then goes on
// writing documents one at a time as ingest does after a failed batch.
// Cayley's kv layer used to keep the ids of the values a failed
// transaction made, so the writes that still fitted stored claims with
// missing or swapped values. Every document written must be whole, and
// once there is room the same documents complete the store.
func TestFullDiskLeavesNoDamage(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(smallDisk(t, "4m"), "g.db")
	s := openT(t, dir)
	exs := Synthesize(SynthOptions{Seed: 7, Entities: 300, Documents: 600, ClaimsPerDoc: 12})
	written := map[string]bool{}
	var full error
	for i := 0; i < len(exs); i += 25 {
		batch := exs[i:min(i+25, len(exs))]
		if full == nil {
			_, err := s.WriteBatch(ctx, batch)
			if err == nil {
				for _, ex := range batch {
					written[ex.Document.ID] = true
				}
				continue
			}
			full = err
		}
		for _, ex := range batch {
			if _, err := s.WriteDocument(ctx, ex); err == nil {
				written[ex.Document.ID] = true
			}
		}
	}
	var se *StoreError
	if !errors.As(full, &se) {
		t.Fatalf("the disk did not fill, or its failure is not a StoreError: %v", full)
	}
	rep, err := s.Verify(ctx)
	if err != nil || len(rep.Damaged) > 0 || rep.Documents != len(written) {
		t.Fatalf("after the disk filled: %d documents written, verify found %d, damaged %+v (%v)",
			len(written), rep.Documents, rep.Damaged, err)
	}
	s.Close()

	roomy := filepath.Join(t.TempDir(), "g.db")
	if out, err := exec.Command("cp", "-r", dir, roomy).CombinedOutput(); err != nil {
		t.Fatalf("copy the store: %v: %s", err, out)
	}
	s = openT(t, roomy)
	res, err := s.WriteBatch(ctx, exs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Unchanged != written[exs[i].Document.ID] {
			t.Errorf("%s: unchanged %v, written before %v", exs[i].Document.ID, r.Unchanged, written[exs[i].Document.ID])
		}
	}
	if rep, err := s.Verify(ctx); err != nil || len(rep.Damaged) > 0 || rep.Documents != len(exs) {
		t.Fatalf("after writing again: %d documents, damaged %+v (%v)", rep.Documents, rep.Damaged, err)
	}
}
