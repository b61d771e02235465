package clean

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// errBad in a table's want column means the input must be refused.
var errBad = errors.New("refused")

type jsonCase struct {
	in   string
	want any
}

var jsonCases = []jsonCase{
	// Literals and numbers.
	{`null`, nil},
	{`true`, true},
	{`false`, false},
	{" \t\r\n0 \t\r\n", 0.0},
	{`-0`, math.Copysign(0, -1)},
	{`1.5e3`, 1500.0},
	{`1E-2`, 0.01},
	{`-12.5E+2`, -1250.0},
	{`123456789012345678901234567890`, 1.2345678901234568e29},
	{`1e308`, 1e308},
	{`1e-400`, 0.0}, // underflow is no error for strconv.ParseFloat
	{`0.1`, 0.1},
	{`1e400`, errBad}, // out of range: an error for encoding/json too
	{`-1e400`, errBad},
	{`nul`, errBad},
	{`nulll`, errBad},
	{`True`, errBad},
	{`01`, errBad},
	{`-`, errBad},
	{`-a`, errBad},
	{`1.`, errBad},
	{`.5`, errBad},
	{`+1`, errBad},
	{`1e`, errBad},
	{`1e+`, errBad},
	{`0x10`, errBad},
	{`1_000`, errBad},
	{`NaN`, errBad},
	{`Infinity`, errBad},
	{`-Infinity`, errBad},

	// Strings.
	{`""`, ""},
	{`"plain"`, "plain"},
	{`"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t"},
	{`"\u00e9\u4E2D\u0000"`, "é中\x00"},
	{`"\ud83d\ude00 \uD83D\uDE00"`, "😀 😀"},
	{`"\ud800"`, "\ufffd"},
	{`"\udc00\ud800"`, "\ufffd\ufffd"},
	{`"\ud800\u0041"`, "\ufffdA"},
	{`"\ud800\ud800\udc00"`, "\ufffd\U00010000"},
	{`"\ud800x"`, "\ufffdx"},
	{`"\ud800\"`, errBad},
	{`"\ud800\u12"`, errBad},
	{"\"raw \xff byte\"", "raw \ufffd byte"},
	{"\"\xc3\"", "\ufffd"},
	{"\"\xed\xa0\x80\"", "\ufffd\ufffd\ufffd"},
	{"\"\xf4\x90\x80\x80 \xe2\x82\"", "\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd"},
	{"\"\\n then \xff\"", "\n then \ufffd"},
	{"\"é \u2028 \x7f <&>\"", "é \u2028 \x7f <&>"},
	{`"abc`, errBad},
	{`"abc\`, errBad},
	{`"\a"`, errBad},
	{`"\'"`, errBad},
	{`"\x41"`, errBad},
	{`"\u12"`, errBad},
	{`"\u12g4"`, errBad},
	{`"\U00e9"`, errBad},
	{"\"tab\there\"", errBad},
	{"\"line\nbreak\"", errBad},
	{"\"nul\x00\"", errBad},
	{"\"\\u0041\x1f\"", errBad},

	// Arrays and objects.
	{`[]`, []any{}},
	{` [ 1 , "a" , null , [ ] , { } ] `, []any{1.0, "a", nil, []any{}, map[string]any{}}},
	{`{}`, map[string]any{}},
	{`{"a":1,"a":2}`, map[string]any{"a": 2.0}},
	{`{"a":{"b":[true]},"":0}`, map[string]any{"a": map[string]any{"b": []any{true}}, "": 0.0}},
	{`{"\u0061\ud800":1, "a\ufffd":2}`, map[string]any{"a\ufffd": 2.0}},
	{"\t{\n\"@type\" :\r\"NewsArticle\"\n}\n", map[string]any{"@type": "NewsArticle"}},
	{`[1,]`, errBad},
	{`[,1]`, errBad},
	{`[1 2]`, errBad},
	{`{"a":1,}`, errBad},
	{`{"a" 1}`, errBad},
	{`{"a":}`, errBad},
	{`{a:1}`, errBad},
	{`{'a':1}`, errBad},
	{`{1:2}`, errBad},
	{`{"a":1}}`, errBad},
	{`[`, errBad},
	{`{`, errBad},
	{`[1`, errBad},
	{`{"a"`, errBad},
	{`{"a":`, errBad},
	{`{"a":1`, errBad},
	{`{"a":1/*c*/}`, errBad},

	// Around the value.
	{``, errBad},
	{" \t\r\n", errBad},
	{`[1] [2]`, errBad},
	{`{"a":1} x`, errBad},
	{`1 2`, errBad},
	{"\ufeff{}", errBad},
	{"\v{}", errBad},
	{"\u00a0{}", errBad},
	{"{}\x00", errBad},
	{`// comment`, errBad},
}

// TestDecodeJSON checks each case against its stated result and against
// encoding/json.
func TestDecodeJSON(t *testing.T) {
	for _, tc := range jsonCases {
		t.Run(fmt.Sprintf("%.40q", tc.in), func(t *testing.T) {
			got, err := decodeJSON(tc.in)
			if tc.want == errBad {
				if err == nil {
					t.Errorf("accepted, giving %#v", got)
				}
			} else if err != nil {
				t.Errorf("refused: %v", err)
			} else if !reflect.DeepEqual(got, tc.want) || fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
			checkAgainstEncodingJSON(t, tc.in)
		})
	}
}

// checkAgainstEncodingJSON fails unless decodeJSON and encoding/json both
// refuse s or both give the same value. Only nesting deeper than
// maxJSONDepth may be refused by decodeJSON alone.
func checkAgainstEncodingJSON(t *testing.T, s string) {
	t.Helper()
	got, err := decodeJSON(s)
	var want any
	wantErr := json.Unmarshal([]byte(s), &want)
	switch {
	case errors.Is(err, errJSONTooDeep):
		if wantErr == nil && jsonDepth(want) <= maxJSONDepth {
			t.Fatalf("refused as too deep, but the depth is %d", jsonDepth(want))
		}
	case err != nil && wantErr == nil:
		t.Fatalf("decodeJSON refused what encoding/json accepts: %v\ninput: %q", err, s)
	case err == nil && wantErr != nil:
		t.Fatalf("decodeJSON accepted what encoding/json refuses (%v)\ninput: %q\nvalue: %#v", wantErr, s, got)
	case err == nil && !reflect.DeepEqual(got, want):
		t.Fatalf("values differ\ninput: %q\n  got: %#v\n want: %#v", s, got, want)
	}
}

// jsonDepth is how many arrays and objects nest in v.
func jsonDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			d = max(d, jsonDepth(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range x {
			d = max(d, jsonDepth(e))
		}
		return d + 1
	}
	return 0
}

// TestDecodeJSONDepth pins the nesting limit, and that input nested far
// past it is refused without deep recursion.
func TestDecodeJSONDepth(t *testing.T) {
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	objects := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"512 arrays", arrays(maxJSONDepth), true},
		{"513 arrays", arrays(maxJSONDepth + 1), false},
		{"512 objects", objects(maxJSONDepth), true},
		{"513 objects", objects(maxJSONDepth + 1), false},
		{"512 levels, many times", "[" + strings.Repeat(arrays(maxJSONDepth-1)+",", 1000) + "0]", true},
		{"a million open brackets", strings.Repeat("[", 1_000_000), false},
		{"a million open objects", strings.Repeat(`{"":`, 1_000_000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := decodeJSON(tt.in)
			switch {
			case tt.ok && err != nil:
				t.Fatalf("refused: %v", err)
			case !tt.ok && !errors.Is(err, errJSONTooDeep):
				t.Fatalf("got error %v, want errJSONTooDeep", err)
			case tt.ok && jsonDepth(v) != maxJSONDepth:
				t.Fatalf("depth %d, want %d", jsonDepth(v), maxJSONDepth)
			}
		})
	}
}

// TestDecodeJSONIsLinear checks that 10× the input costs about 10× the
// time for the shapes a quadratic decoder would choke on. The collector is
// off while timing: its cycles over the growing live heap make the large
// runs superlinear for encoding/json just as much.
func TestDecodeJSONIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	shapes := []struct {
		name string
		make func(n int) string
	}{
		{"long array", func(n int) string { return "[" + strings.Repeat(`1.5e3,"x",`, n) + "null]" }},
		{"many keys", func(n int) string {
			var b strings.Builder
			b.WriteString("{")
			for i := range n {
				fmt.Fprintf(&b, `"k%d":%d,`, i, i)
			}
			b.WriteString(`"":0}`)
			return b.String()
		}},
		{"same key", func(n int) string { return "{" + strings.Repeat(`"a":[],`, n) + `"a":0}` }},
		{"escaped string", func(n int) string { return `"` + strings.Repeat(`\u00e9\n\ud800`, n) + `"` }},
		{"invalid UTF-8", func(n int) string { return `"` + strings.Repeat("\xff\xc3", n) + `"` }},
		{"long number", func(n int) string { return "0." + strings.Repeat("1234567890", n) }},
		{"deep, repeated", func(n int) string {
			return "[" + strings.Repeat(strings.Repeat("[", 400)+strings.Repeat("]", 400)+",", n/400) + "0]"
		}},
		{"unterminated string", func(n int) string { return `"` + strings.Repeat("a\\n", n) }},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			run := func(n int) time.Duration {
				s := sh.make(n)
				best := time.Duration(1 << 62)
				for range 5 {
					runtime.GC()
					start := time.Now()
					_, _ = decodeJSON(s)
					best = min(best, time.Since(start))
				}
				return best
			}
			small, large := run(10000), run(100000)
			ratio := float64(large) / float64(small)
			t.Logf("%v, 10× in %v: %.1f×", small, large, ratio)
			if ratio > 40 {
				t.Errorf("10× the input took %.0f× the time (%v vs %v): not linear", ratio, large, small)
			}
		})
	}
}

// TestDecodeJSONOnPages compares decodeJSON with encoding/json on every
// JSON-LD block of this package's test pages and, when the shared corpora
// are beside the checkout, of every corpus page.
func TestDecodeJSONOnPages(t *testing.T) {
	blocks := jsonLDBlocks(t, -1)
	if len(blocks) == 0 {
		t.Fatal("no JSON-LD found in testdata")
	}
	for _, b := range blocks {
		checkAgainstEncodingJSON(t, b)
	}
	t.Logf("%d JSON-LD blocks compared", len(blocks))
}

// sharedCorpus is the shared test corpora beside the checkout.
const sharedCorpus = "../../../shared/corpus"

// jsonLDBlocks returns the JSON-LD blocks, as readJSONLD gets them, of the
// test pages and then of the shared corpora if present: at most limit
// blocks from the corpora, of at most 16 KB each, when limit ≥ 0; all of
// them when limit < 0 (unless -short).
func jsonLDBlocks(t testing.TB, limit int) []string {
	t.Helper()
	var out []string
	pages, _ := filepath.Glob("testdata/*.html")
	pages = append(pages, "../../testdata/sample/harbor-bridge.html")
	if limit < 0 && !testing.Short() || limit > 0 {
		more, _ := filepath.Glob(filepath.Join(sharedCorpus, "readability", "*", "source.html"))
		pages = append(pages, more...)
		more, _ = filepath.Glob(filepath.Join(sharedCorpus, "wcxb-dev-articles", "html", "*.html.gz"))
		pages = append(pages, more...)
	}
	fromCorpus := 0
	for _, p := range pages {
		corpus := strings.HasPrefix(p, sharedCorpus)
		if corpus && limit >= 0 && fromCorpus >= limit {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		}
		for _, s := range scriptsLD(b) {
			if corpus && limit >= 0 {
				if len(s) > 16<<10 || fromCorpus >= limit {
					continue
				}
				fromCorpus++
			}
			out = append(out, jsonLDSource(s))
		}
	}
	return out
}

// scriptsLD returns the text of the page's <script type="…ld+json">.
func scriptsLD(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inLD := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			inLD = false
			if string(name) != "script" {
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "type" && strings.Contains(strings.ToLower(string(v)), "ld+json") {
					inLD = true
				}
			}
		case html.TextToken:
			if inLD {
				out = append(out, string(z.Text()))
			}
			inLD = false
		default:
			inLD = false
		}
	}
}

// FuzzJSONValue compares decodeJSON with encoding/json on arbitrary input:
// both refuse it, or both accept it with deeply equal values (only nesting
// past maxJSONDepth may be refused by decodeJSON alone). It also shows
// that decodeJSON never panics. Seeds: the table cases and real JSON-LD
// from the test pages and, if present, the shared corpora.
func FuzzJSONValue(f *testing.F) {
	for _, tc := range jsonCases {
		f.Add(tc.in)
	}
	for _, s := range jsonLDBlocks(f, 16) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstEncodingJSON(t, s)
	})
}

// BenchmarkDecodeJSON compares decodeJSON with encoding/json on the JSON-LD
// of the test pages.
func BenchmarkDecodeJSON(b *testing.B) {
	blocks := jsonLDBlocks(b, 0)
	n := 0
	for _, s := range blocks {
		n += len(s)
	}
	b.Run("decodeJSON", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range blocks {
				if _, err := decodeJSON(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range blocks {
				var v any
				if err := json.Unmarshal([]byte(s), &v); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
