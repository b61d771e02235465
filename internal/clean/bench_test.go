package clean

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// realPages loads a handful of real pages from ../shared (skipped when
// absent): the seed fixtures, some Readability suite pages and WCXB pages.
func realPages(tb testing.TB) map[string][]byte {
	tb.Helper()
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skip("../shared is absent: no real pages to run on")
	}
	out := map[string][]byte{}
	if fs, _ := filepath.Glob(filepath.Join(shared, "fixtures", "*.html")); len(fs) > 0 {
		for _, f := range fs {
			if b, err := os.ReadFile(f); err == nil {
				out["fixtures/"+filepath.Base(f)] = b
			}
		}
	}
	for _, name := range []string{"nytimes-1", "guardian-1", "wikipedia", "medium-1", "wordpress", "bbc-1"} {
		if b, err := os.ReadFile(filepath.Join(shared, "corpus", "readability", name, "source.html")); err == nil {
			out["readability/"+name] = b
		}
	}
	for _, id := range benchWCXB {
		if b, err := readGz(filepath.Join(shared, "corpus", "wcxb-dev-articles", "html", id+".html.gz")); err == nil {
			out["wcxb/"+id] = b
		}
	}
	return out
}

var benchWCXB = []string{"0001", "0233", "4267", "0500", "4796"}

func readGz(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func BenchmarkClean(b *testing.B) {
	pages := realPages(b)
	names := make([]string, 0, len(pages))
	for k := range pages {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		page := pages[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for i := 0; i < b.N; i++ {
				if _, err := Clean(page, Options{URL: "https://example.com/a/b"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
