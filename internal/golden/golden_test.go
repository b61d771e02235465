package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ name, want, got, diff string }{
		{"same", "a\nb\n", "a\nb\n", ""},
		{"one line", "a\nb\n", "a\nc\n", "line 2:\n  - b\n  + c\n"},
		{"longer", "a\n", "a\nb\n", "line 2:\n  - \n  + b\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if d := Diff(tc.want, tc.got); d != tc.diff {
				t.Errorf("Diff = %q, want %q", d, tc.diff)
			}
		})
	}
	many := Diff(strings.Repeat("a\n", 20), strings.Repeat("b\n", 20))
	if strings.Count(many, "line ") != maxDiffLines || !strings.HasSuffix(many, "…\n") {
		t.Errorf("a long diff is not cut after %d lines:\n%s", maxDiffLines, many)
	}
}

func TestCheckWritesThenMatches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	Check(t, path, []byte("hello\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "hello\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	Check(t, path, []byte("hello\n"), false)
}
