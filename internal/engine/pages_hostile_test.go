package engine

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/saywho/saywho/internal/htmlprep"
	"github.com/saywho/saywho/internal/htmlprep/pagegen"
)

// readHostile reads a page from testdata/hostile.
func readHostile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkArticle asserts that res holds the pagegen article: found, and every
// paragraph in Text.
func checkArticle(t *testing.T, res *Result) {
	t.Helper()
	if !res.Found {
		t.Fatalf("article not found: %s", res.Reason)
	}
	for _, p := range pagegen.Paragraphs {
		if !strings.Contains(res.Text, p) {
			t.Errorf("paragraph lost: %.60q…", p)
		}
	}
	if problems := executable(res.HTML); len(problems) > 0 {
		t.Errorf("executable output: %v", problems)
	}
}

// TestDeepPages pins issue 2: pages nested far past the parser's 512
// levels are still cleaned, with their whole text.
func TestDeepPages(t *testing.T) {
	tests := []struct {
		name string
		page []byte
	}{
		{"5,000 divs", pagegen.Deep(5000, "div")},
		{"100,000 divs", pagegen.Deep(100000, "div")},
		{"5,000 spans", pagegen.Deep(5000, "span")},
		{"1,000 tables", pagegen.Deep(1000, "table")},
		{"text at every depth of 20,000", pagegen.DeepInterleaved(20000)},
		{"20,000 unclosed font", pagegen.Unclosed(20000, "font")},
		{"formatting reopened 3,000 times", []byte(string(pagegen.Article()) + strings.Repeat(`<div><b id=1><i id=2>x</div>y`, 3000))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Process(tt.page, Options{Timeout: -1})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			checkArticle(t, res)
		})
	}
}

// TestHugePages pins issue 3: big pages are handled in bounded time, and a
// page over the cap is refused at once with a clear message. Times are
// only logged here (BenchmarkHostile has them); the assertions are about
// outcomes, and about linearity with a loose ratio.
func TestHugePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pages of many megabytes")
	}
	tests := []struct {
		name string
		page func() []byte
	}{
		{"200,000 elements", func() []byte { return pagegen.Wide(200000) }},
		{"one 5 MB text node", func() []byte { return pagegen.BigText(5 << 20) }},
		{"50,000 links", func() []byte { return pagegen.Links(50000) }},
		{"15 MiB, just under the cap", func() []byte { return pagegen.Sized(15 << 20) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := tt.page()
			start := time.Now()
			res, err := Process(page, Options{Timeout: -1})
			took := time.Since(start)
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			t.Logf("%.1f MB in %v", float64(len(page))/1e6, took)
			if res.Found {
				checkArticle(t, res)
			}
			if !res.Found && !strings.Contains(tt.name, "5 MB") {
				t.Errorf("article not found: %s", res.Reason)
			}
		})
	}

	t.Run("20 MB is refused with a clear message", func(t *testing.T) {
		page := pagegen.Sized(20_000_000)
		start := time.Now()
		_, err := Process(page, Options{})
		if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "page too large: ") {
			t.Fatalf("err = %v, want page too large", err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("refusing took %v: the cap must apply before any work", took)
		}
		t.Log(err)
	})
}

// TestProcessScalesLinearly runs the same kind of page at two sizes: eight
// times the elements must cost well under 64 times the time (a quadratic
// step would). The bound (30×) is loose enough for a busy machine.
func TestProcessScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	run := func(page []byte) time.Duration {
		best := time.Duration(1 << 62)
		for i := 0; i < 3; i++ {
			runtime.GC()
			start := time.Now()
			if _, err := Process(page, Options{Timeout: -1}); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d < best {
				best = d
			}
		}
		return best
	}
	for _, kind := range []struct {
		name string
		make func(n int) []byte
	}{
		{"wide", pagegen.Wide},
		{"links", pagegen.Links},
		{"deep", func(n int) []byte { return pagegen.Deep(n, "div") }},
	} {
		small, large := run(kind.make(5000)), run(kind.make(40000))
		ratio := float64(large) / float64(small)
		t.Logf("%s: 5,000 in %v, 40,000 in %v (%.1f×)", kind.name, small, large, ratio)
		if ratio > 30 {
			t.Errorf("%s: 8× the elements took %.0f× the time: not linear", kind.name, ratio)
		}
	}
}

// TestMalformedPages pins issue 4: broken, odd and non-article input gives
// a result (or a clear refusal), never a crash or garbage.
func TestMalformedPages(t *testing.T) {
	garbage := make([]byte, 64<<10)
	rand.New(rand.NewSource(1)).Read(garbage)
	tests := []struct {
		name      string
		page      []byte
		found     bool   // want an article
		wantText  string // must be in Text when found
		wantError error  // or this error
	}{
		{"empty", nil, false, "", nil},
		{"white space", []byte(" \n\t  \r\n"), false, "", nil},
		{"NUL bytes", bytes.Repeat([]byte{0}, 1000), false, "", nil},
		{"binary garbage", garbage, false, "", nil},
		{"only a doctype", []byte("<!DOCTYPE html>"), false, "", nil},
		{"only a head", []byte("<html><head><title>Title only</title></head></html>"), false, "", nil},
		{"frameset", readHostile(t, "frameset.html"), false, "", nil},
		{"image only", readHostile(t, "image-only.html"), false, "", nil},
		{"PDF viewer", readHostile(t, "pdf-viewer.html"), false, "", nil},
		{"unclosed tags", readHostile(t, "unclosed-tags.html"), true, "Fuel costs have doubled since the last time we changed our prices", nil},
		{"windows-1252", readHostile(t, "windows-1252.html"), true, "“We have served coffee here since my grandfather opened the doors in 1962,” said Renée Dupré", nil},
		{"Shift_JIS is reported", readHostile(t, "shift_jis.html"), false, "", ErrEncoding},
		{"article after garbage", append(append([]byte{}, garbage[:64]...), pagegen.Article()...), true, pagegen.Paragraphs[2], nil},
		{"control characters in text", []byte(strings.Replace(string(pagegen.Article()), "Tuesday", "Tues\x01\x7f\u0085day", 1)), true, "Tues", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Process(tt.page, Options{})
			if tt.wantError != nil {
				if !errors.Is(err, tt.wantError) {
					t.Fatalf("err = %v, want %v", err, tt.wantError)
				}
				t.Log(err)
				return
			}
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if res.Found != tt.found {
				t.Fatalf("found = %v (%s), want %v; text %.200q", res.Found, res.Reason, tt.found, res.Text)
			}
			if !res.Found && !strings.HasPrefix(res.Reason, "no article found") {
				t.Errorf("reason = %q, want it to start with \"no article found\"", res.Reason)
			}
			if tt.wantText != "" && !strings.Contains(res.Text, tt.wantText) {
				t.Errorf("text lacks %q:\n%.600s", tt.wantText, res.Text)
			}
			if p := textProblems(res); len(p) > 0 {
				t.Errorf("text fields: %v", p)
			}
			if p := executable(res.HTML); len(p) > 0 {
				t.Errorf("executable output: %v", p)
			}
		})
	}
}

// TestTimeout pins issue 7: past its time limit a call ends with
// ErrTooComplex ("this page is too complex") instead of a result.
func TestTimeout(t *testing.T) {
	t.Run("an expired limit stops at the first check", func(t *testing.T) {
		_, err := Process(pagegen.Article(), Options{Timeout: time.Nanosecond})
		if !errors.Is(err, ErrTooComplex) || !strings.HasPrefix(err.Error(), "this page is too complex") {
			t.Fatalf("err = %v, want ErrTooComplex", err)
		}
	})
	t.Run("a slow page with a short limit", func(t *testing.T) {
		if testing.Short() {
			t.Skip("builds a 10 MB page")
		}
		page := pagegen.Wide(300000)
		start := time.Now()
		_, err := Process(page, Options{Timeout: 5 * time.Millisecond})
		if !errors.Is(err, ErrTooComplex) {
			t.Fatalf("err = %v, want ErrTooComplex", err)
		}
		t.Logf("gave up after %v", time.Since(start))
	})
	t.Run("no limit", func(t *testing.T) {
		if _, err := Process(pagegen.Article(), Options{Timeout: -1}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("the default limit lets a normal page through", func(t *testing.T) {
		res, err := Process(pagegen.Article(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkArticle(t, res)
	})
}

// TestPrepareErrorsKeepTheirMessages checks that the refusals reach the
// caller with the wording the UI shows.
func TestPrepareErrorsKeepTheirMessages(t *testing.T) {
	_, err := Process(make([]byte, htmlprep.DefaultMaxBytes+1), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "page too large: 16.0 MiB, the limit is 16.0 MiB") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkHostile times the extreme pages; docs/ROBUSTNESS.md quotes it.
func BenchmarkHostile(b *testing.B) {
	pages := []struct {
		name string
		page func() []byte
	}{
		{"article", pagegen.Article},
		{"deep-5000", func() []byte { return pagegen.Deep(5000, "div") }},
		{"deep-100000", func() []byte { return pagegen.Deep(100000, "div") }},
		{"wide-200000", func() []byte { return pagegen.Wide(200000) }},
		{"text-5MB", func() []byte { return pagegen.BigText(5 << 20) }},
		{"links-50000", func() []byte { return pagegen.Links(50000) }},
		{"sized-15MiB", func() []byte { return pagegen.Sized(15 << 20) }},
	}
	for _, p := range pages {
		page := p.page()
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Process(page, Options{Timeout: -1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
