package htmlprep

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// sharedDir holds the shared test corpora, beside the checkout on
// developer machines and CI; a user's clone does not have it.
const sharedDir = "../../../shared"

// TestCorpusPagesPassUnchanged runs Prepare over every page of the shared
// corpora: real pages must come out byte for byte as they went in (no
// flattening, no re-decoding), apart from control characters, and the
// measured depth must match the parser's own tree within the slack.
func TestCorpusPagesPassUnchanged(t *testing.T) {
	var files []string
	for _, glob := range []string{"fixtures/*.html", "corpus/readability/*/source.html", "corpus/wcxb-dev-articles/html/*.html.gz"} {
		m, _ := filepath.Glob(filepath.Join(sharedDir, glob))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skipf("shared corpora not found at %s (they exist only beside the project checkout)", sharedDir)
	}
	changed, deepest := 0, 0
	for _, f := range files {
		page, err := readMaybeGzip(f)
		if err != nil {
			t.Fatal(err)
		}
		out, rep, err := Prepare(page, Options{})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if rep.Flattened {
			t.Errorf("%s: flattened (depth %d): a real page must pass untouched", f, rep.Depth)
		}
		if rep.Depth > deepest {
			deepest = rep.Depth
		}
		if !bytes.Equal(out, page) {
			changed++
			if rep.Charset == "utf-8" && rep.Scrubbed == 0 && !bytes.HasPrefix(page, []byte("\xEF\xBB\xBF")) {
				t.Errorf("%s: changed without a reason", f)
			}
		}
		if _, err := html.Parse(bytes.NewReader(out)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	t.Logf("%d corpus pages, %d changed (byte-order mark, decoding or control characters), deepest nesting measured %d", len(files), changed, deepest)
}

func readMaybeGzip(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil || filepath.Ext(name) != ".gz" {
		return b, err
	}
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}
