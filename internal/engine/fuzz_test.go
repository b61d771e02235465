package engine

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzTimeout is the time limit each fuzz input runs under; fuzzGrace is
// how far past it a call may end (the steps check the limit between
// nodes, not continuously) before it counts as a hang.
const (
	fuzzTimeout = 2 * time.Second
	fuzzGrace   = 2 * time.Second
)

// FuzzProcess runs the whole pipeline on arbitrary bytes. On every input:
// no panic (ErrPanic, or any internal error, fails); only the documented
// refusals as errors; the result encodes as JSON with arrays never null;
// the article HTML is inert (see executable); the text fields hold no
// control characters but the line feeds of Text; and the call ends within
// its time limit. The seeds are the test pages: the bundled sample, the
// golden pages, the hostile pages and the XSS vectors.
//
// A failing input found by `go test -fuzz` is written to
// testdata/fuzz/FuzzProcess/ and from then on runs with every `go test`
// as a regression test.
func FuzzProcess(f *testing.F) {
	seeds := []string{"../../testdata/sample/harbor-bridge.html"}
	for _, glob := range []string{"testdata/*.html", "testdata/hostile/*.html"} {
		m, _ := filepath.Glob(glob)
		seeds = append(seeds, m...)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatalf("seed: %v", err)
		}
		f.Add(b)
	}
	for _, v := range loadVectors(f) {
		f.Add([]byte(v))
	}
	f.Add([]byte(articleWith("", `<p>"Quote <b>with <i>markup</b> inside</i>," said Ann Lee.</p>`)))

	f.Fuzz(func(t *testing.T, page []byte) {
		start := time.Now()
		var res *Result
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			res, err = Process(page, Options{URL: "https://news.example/a/b", Timeout: fuzzTimeout})
		}()
		select {
		case <-done:
		case <-time.After(fuzzTimeout + fuzzGrace):
			// The call is left running: a hang cannot be interrupted, but
			// the input gets recorded.
			t.Fatalf("no result after %v (limit %v): a hang", fuzzTimeout+fuzzGrace, fuzzTimeout)
		}
		took := time.Since(start)
		switch {
		case err == nil:
		case errors.Is(err, ErrPanic) || strings.Contains(err.Error(), "internal error"):
			t.Fatalf("panic: %v", err)
		case errors.Is(err, ErrTooComplex):
			if took < fuzzTimeout {
				t.Fatalf("ErrTooComplex after only %v", took)
			}
			return
		case errors.Is(err, ErrTooLarge), errors.Is(err, ErrEncoding):
			return
		default:
			t.Fatalf("unexpected error: %v", err)
		}
		out, err := json.Marshal(res)
		if err != nil {
			t.Fatalf("result does not encode as JSON: %v", err)
		}
		if res.Removed == nil || res.Speakers == nil || strings.Contains(string(out), `":null`) {
			t.Fatalf("null in the result JSON: %s", out)
		}
		if p := executable(res.HTML); len(p) > 0 {
			t.Fatalf("executable output: %v\nhtml: %s", p, res.HTML)
		}
		if res.Image != "" && !safeURL(res.Image) {
			t.Fatalf("unsafe lead image %q", res.Image)
		}
		if p := textProblems(res); len(p) > 0 {
			t.Fatalf("text fields: %v", p)
		}
		if !res.Found && (res.Reason == "" || res.HTML != "" || res.Text != "") {
			t.Fatalf("not found, yet reason %q, html %d bytes, text %d bytes", res.Reason, len(res.HTML), len(res.Text))
		}
	})
}
