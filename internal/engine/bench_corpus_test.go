package engine

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The corpus benchmarks run Process over the shared test corpora, one
// benchmark op being one pass over every page of a corpus:
//
//	go test -run '^$' -bench Corpus -benchmem ./internal/engine
//
// MB/s is page bytes per second; ms/page, allocs/page and B/page are the
// same figures per page. SAYWHO_BENCH_LIMIT=N takes N pages per corpus,
// evenly spaced, for a quick run; SAYWHO_SHARED points at the shared
// material when it is not at ../shared beside the checkout.
// scripts/bench.mjs runs these and reads their output.

type corpusPage struct {
	name string
	url  string
	html []byte
}

// sharedDir is the shared material beside the checkout, or "".
func sharedDir() string {
	d := filepath.Join("..", "..", "..", "shared")
	if env := os.Getenv("SAYWHO_SHARED"); env != "" {
		d = env
	}
	if st, err := os.Stat(filepath.Join(d, "corpus")); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// loadCorpus reads one corpus: "readability" (source.html of each test
// folder) or "wcxb" (the gzipped article pages). It skips the benchmark
// when the shared material is absent.
func loadCorpus(b *testing.B, name string) []corpusPage {
	b.Helper()
	dir := sharedDir()
	if dir == "" {
		b.Skip("shared corpora not found (../shared beside the checkout, or set SAYWHO_SHARED): skipping the corpus benchmark")
	}
	var files []string
	var url string
	switch name {
	case "readability":
		files, _ = filepath.Glob(filepath.Join(dir, "corpus", "readability", "*", "source.html"))
		url = "http://fakehost/test/page.html"
	case "wcxb":
		files, _ = filepath.Glob(filepath.Join(dir, "corpus", "wcxb-dev-articles", "html", "*.html.gz"))
		url = "https://news.example/article"
	}
	sort.Strings(files)
	if len(files) == 0 {
		b.Skipf("corpus %s is empty under %s", name, dir)
	}
	files = evenlySpaced(files, benchLimit())
	pages := make([]corpusPage, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatalf("%s: %v", f, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				b.Fatalf("%s: %v", f, err)
			}
		}
		pages = append(pages, corpusPage{name: f, url: url, html: raw})
	}
	return pages
}

func benchLimit() int {
	n, _ := strconv.Atoi(os.Getenv("SAYWHO_BENCH_LIMIT"))
	return n
}

// evenlySpaced keeps n items spread over the whole list (all when n <= 0).
func evenlySpaced(files []string, n int) []string {
	if n <= 0 || n >= len(files) {
		return files
	}
	out := make([]string, n)
	for i := range out {
		out[i] = files[i*len(files)/n]
	}
	return out
}

func BenchmarkCorpus(b *testing.B) {
	for _, name := range []string{"readability", "wcxb"} {
		b.Run(name, func(b *testing.B) {
			pages := loadCorpus(b, name)
			var total int64
			for _, p := range pages {
				total += int64(len(p.html))
			}
			// One untimed pass: package-level setup and first-call costs are
			// measured by the cold benchmarks, not here.
			for _, p := range pages {
				_, _ = Process(p.html, Options{URL: p.url})
			}
			b.SetBytes(total)
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				for _, p := range pages {
					if _, err := Process(p.html, Options{URL: p.url}); err != nil && !isNoDocument(err) {
						b.Fatalf("%s: %v", p.name, err)
					}
				}
			}
			elapsed := time.Since(start)
			b.StopTimer()
			n := float64(b.N * len(pages))
			b.ReportMetric(float64(elapsed.Microseconds())/1000/n, "ms/page")
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// isNoDocument tells a page the parser cannot read (too deeply nested, for
// one) from an engine bug: the first is an expected outcome on a corpus.
func isNoDocument(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no document")
}
