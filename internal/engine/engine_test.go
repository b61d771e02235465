package engine

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/saywho/saywho/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testPage is one entry of testdata/pages.json, the list of pages whose
// full results are pinned as golden JSON. The Node tests read the same list
// and check that the WASM build gives byte-for-byte the same JSON.
type testPage struct {
	Name string `json:"name"`
	File string `json:"file"`
	URL  string `json:"url"`
}

func loadPages(t testing.TB) []testPage {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []testPage
	if err := json.Unmarshal(raw, &pages); err != nil {
		t.Fatalf("testdata/pages.json: %v", err)
	}
	return pages
}

// TestGolden pins the whole result for each test page. Run
// `go test ./internal/engine -update` after a deliberate change and review
// the diff of testdata/golden.
func TestGolden(t *testing.T) {
	for _, p := range loadPages(t) {
		t.Run(p.Name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", p.File))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Process(page, Options{URL: p.URL})
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "golden", p.Name+".json"), got, *update)
		})
	}
}

// TestSampleAcceptance states in plain assertions what the bundled sample
// page must give, so a golden update can't quietly accept a regression.
func TestSampleAcceptance(t *testing.T) {
	page, err := os.ReadFile("../../testdata/sample/harbor-bridge.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Process(page, Options{URL: "https://lakeside-courier.example/local/harbor-bridge/"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Found {
		t.Fatalf("no article found: %s", res.Reason)
	}
	if want := "Council approves $48m repair plan for the Harbor Street bridge"; res.Title != want {
		t.Errorf("title = %q, want %q", res.Title, want)
	}
	if res.Byline != "Daniel Reyes" {
		t.Errorf("byline = %q, want Daniel Reyes", res.Byline)
	}
	for _, keep := range []string{
		"The city council voted 7-2 on Thursday night",
		"How the money will be raised",
		"If something slips, you will know about it the same week we do",
	} {
		if !strings.Contains(res.Text, keep) {
			t.Errorf("text lost %q", keep)
		}
	}
	for _, junk := range []string{"Please enter your comment!", "More like this", "Share post:", "Twitter fanatic", "READ MORE", "We use cookies", "Advertisement"} {
		if strings.Contains(res.Text, junk) || strings.Contains(res.HTML, junk) {
			t.Errorf("junk %q left in the article", junk)
		}
	}
	kinds := map[string]bool{}
	for _, r := range res.Removed {
		kinds[r.Kind] = true
	}
	for _, k := range []string{"comment-form", "spam-byline", "related-links", "share"} {
		if !kinds[k] {
			t.Errorf("no removed block of kind %s; removed = %+v", k, res.Removed)
		}
	}
	var names []string
	found := false
	for _, sp := range res.Speakers {
		names = append(names, sp.Name)
		if sp.Name == "Marisol Okafor" {
			found = true
			if !strings.Contains(strings.ToLower(sp.Role), "mayor") {
				t.Errorf("Okafor's role = %q, want the mayor", sp.Role)
			}
			if len(sp.Statements) < 2 {
				t.Errorf("Okafor has %d statements, want at least 2", len(sp.Statements))
			}
		}
	}
	if !found {
		t.Errorf("Marisol Okafor not among speakers %q", names)
	}
}

func TestNoArticle(t *testing.T) {
	for _, tc := range []struct{ name, page string }{
		{"empty", ""},
		{"whitespace", "  \n\t "},
		{"text only", "hello"},
		{"home page", mustRead(t, "testdata/home-page.html")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Process([]byte(tc.page), Options{})
			if err != nil {
				t.Fatalf("Process: %v (a page without an article is not an error)", err)
			}
			if res.Found {
				t.Errorf("found an article in %s: %q", tc.name, res.Text)
			}
			if res.Reason == "" {
				t.Error("no reason given")
			}
			if res.Speakers == nil || res.Removed == nil {
				t.Error("speakers and removed must be [] not null in JSON")
			}
		})
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPanicBecomesError(t *testing.T) {
	res, err := recovered(func() (*Result, error) { panic("boom") })
	if res != nil || !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got (%v, %v), want an ErrPanic naming the panic", res, err)
	}
}

func BenchmarkProcessSample(b *testing.B) {
	page, err := os.ReadFile("../../testdata/sample/harbor-bridge.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMemoryLimit checks the properties the limit is chosen for, not its
// formula: news-sized pages share one small limit; a 2 MB page's stays low
// enough for the 64 MiB memory budget; a very large page's stays above its
// live data (about 22 bytes per page byte); it never shrinks as pages grow.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	if a, b := MemoryLimit(0), MemoryLimit(500_000); a != b || a > 40*mib {
		t.Errorf("small pages: %d and %d bytes, want one limit of at most 40 MiB", a, b)
	}
	if l := MemoryLimit(2_000_000); l > 40*mib {
		t.Errorf("2 MB page: %d MiB, want at most 40 MiB", l/mib)
	}
	for _, n := range []int{5_000_000, 10_000_000, 16 << 20} {
		if l := MemoryLimit(n); l < int64(n)*22 {
			t.Errorf("%d-byte page: %d MiB, below its live data (%d MiB)", n, l/mib, int64(n)*22/mib)
		}
	}
	prev := int64(0)
	for n := 0; n <= 20_000_000; n += 250_000 {
		l := MemoryLimit(n)
		if l < prev {
			t.Fatalf("limit shrinks at %d bytes: %d < %d", n, l, prev)
		}
		prev = l
	}
}

// TestIdleCollection: the function TuneRuntime returns arms one collection
// for after the call, and calls in a burst push it back instead of each
// arming another.
func TestIdleCollection(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // TuneRuntime sets it process-wide
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 3 {
		TuneRuntime(1000)()
	}
	deadline := time.Now().Add(10 * time.Second)
	var after runtime.MemStats
	for {
		runtime.ReadMemStats(&after)
		if after.NumForcedGC > before.NumForcedGC || time.Now().After(deadline) {
			break
		}
		time.Sleep(idleCollectDelay / 4)
	}
	if got := after.NumForcedGC - before.NumForcedGC; got != 1 {
		t.Fatalf("%d collections after a burst of 3 calls, want 1", got)
	}
	time.Sleep(3 * idleCollectDelay)
	runtime.ReadMemStats(&after)
	if got := after.NumForcedGC - before.NumForcedGC; got != 1 {
		t.Errorf("%d collections once idle, want 1", got)
	}
}
