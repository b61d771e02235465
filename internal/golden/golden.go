// Package golden compares test output with golden files, the way every
// package of SayWho pins its results: the file holds the expected output,
// a mismatch fails the test with a readable line diff, and running the
// tests with -update rewrites the file instead (review the diff before
// committing it). Only tests import it, so it never reaches the WASM.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// maxDiffLines bounds the diff in a failure message: the first lines that
// differ are enough to see what changed.
const maxDiffLines = 8

// Check compares got with the golden file at path, or, when update is set,
// writes got there (creating its folder).
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff lists the first lines where two texts differ, with line numbers.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		if shown == maxDiffLines {
			b.WriteString("  …\n")
			break
		}
		shown++
		b.WriteString("line " + strconv.Itoa(i+1) + ":\n  - " + wl + "\n  + " + gl + "\n")
	}
	return b.String()
}
