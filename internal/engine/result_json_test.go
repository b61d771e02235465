package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkJSON fails unless r.JSON() and r.AppendJSON on a non-empty buffer
// give exactly what encoding/json's Marshal gives for r.
func checkJSON(t *testing.T, r *Result) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	if got := r.JSON(); !bytes.Equal(got, want) {
		t.Fatalf("JSON() differs from json.Marshal at byte %d\n got: %s\nwant: %s", firstDiff(got, want), got, want)
	}
	prefix := []byte("prefix")
	if got := r.AppendJSON(prefix); !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("AppendJSON does not append to its buffer: %q", got)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestResultJSONPages compares the encoder with json.Marshal on the result
// of every test page: the golden pages (pages.json), the other pages of
// testdata and testdata/hostile, the fuzz regressions and an article per
// XSS vector.
func TestResultJSONPages(t *testing.T) {
	type input struct {
		name, url string
		page      []byte
	}
	var inputs []input
	for _, p := range loadPages(t) {
		inputs = append(inputs, input{p.Name, p.URL, []byte(mustRead(t, filepath.Join("testdata", p.File)))})
	}
	for _, glob := range []string{"testdata/*.html", "testdata/hostile/*.html", "testdata/fuzz/FuzzProcess/*"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(glob, "fuzz") {
				// A corpus file: "go test fuzz v1" and a []byte(…) line.
				b = fuzzCorpusBytes(t, b)
			}
			inputs = append(inputs, input{f, "https://news.example/a/b", b})
		}
	}
	for i, v := range loadVectors(t) {
		inputs = append(inputs, input{"xss vector " + strconv.Itoa(i+1), "https://news.example/a/", []byte(articleWith("", v))})
	}
	processed := 0
	for _, in := range inputs {
		res, err := Process(in.page, Options{URL: in.url})
		if err != nil {
			continue // a refusal (the Shift_JIS page) has no Result
		}
		processed++
		t.Run(in.name, func(t *testing.T) { checkJSON(t, res) })
	}
	if processed < len(inputs)-2 {
		t.Errorf("only %d of %d pages gave a result", processed, len(inputs))
	}
}

// fuzzCorpusBytes reads the []byte value of a one-value Go fuzz corpus
// file.
func fuzzCorpusBytes(t *testing.T, file []byte) []byte {
	t.Helper()
	_, v, ok := bytes.Cut(file, []byte("\n"))
	v = bytes.TrimSpace(v)
	if !ok || !bytes.HasPrefix(v, []byte("[]byte(")) || !bytes.HasSuffix(v, []byte(")")) {
		t.Fatalf("unexpected fuzz corpus file %q", file)
	}
	s, err := strconv.Unquote(string(v[len("[]byte(") : len(v)-1]))
	if err != nil {
		t.Fatalf("fuzz corpus file %q: %v", file, err)
	}
	return []byte(s)
}

// trickyStrings are the strings whose encoding has a rule of its own.
var trickyStrings = []string{
	"",
	"plain ASCII, with spaces",
	`quote " backslash \ slash /`,
	"<script>alert('x') & </script>",
	"\b\f\n\r\t",
	"\x00\x01\x02\x03\x04\x05\x06\x07\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f",
	"DEL \x7f",
	"line\u2028separator\u2029paragraph",
	"\u2027\u202a near the separators",
	"emoji 😀👍🏽 and 🇫🇷",
	"accents: é à ü ß, CJK: 中文, RTL: עברית العربية",
	"\ufeff BOM and \ufffd replacement and \uffff",
	"invalid UTF-8: \xff \xfe \xc0\xaf \xe2\x28\xa1 \xed\xa0\x80 \xf4\x90\x80\x80",
	"truncated: \xe2\x82",
	"\xf0\x9f\x98",
	"\x80",
	"ends with a lone continuation \xbf",
	"mixed \xff<\u2028&\x00\"\\😀",
	"\u00a0non-breaking\u00a0space",
	strings.Repeat("long <&> \u2028 ", 500),
}

// TestResultJSONStrings puts each tricky string in every string field.
func TestResultJSONStrings(t *testing.T) {
	for i, s := range trickyStrings {
		t.Run(fmt.Sprintf("%d %.24q", i, s), func(t *testing.T) {
			r := filledResult(func(string) string { return s })
			checkJSON(t, r)
		})
	}
}

// TestResultJSONEveryByteAndRune covers each byte value alone and every
// rune of the Basic Multilingual Plane and a sample above it.
func TestResultJSONEveryByteAndRune(t *testing.T) {
	var b strings.Builder
	for c := range 256 {
		b.WriteByte(byte(c))
		b.WriteByte('a')
	}
	for r := rune(0); r < 0x30000; r++ {
		if r > 0xffff && r%97 != 0 {
			continue
		}
		b.WriteRune(r)
	}
	checkJSON(t, &Result{Text: b.String(), Removed: []Removed{}, Speakers: []Speaker{}})
	for c := range 256 {
		checkJSON(t, &Result{Title: string([]byte{byte(c)})})
	}
}

// TestResultJSONSlices pins null for nil slices and [] for empty ones, at
// each level, and null for a nil *Result.
func TestResultJSONSlices(t *testing.T) {
	tests := []struct {
		name string
		r    *Result
	}{
		{"nil result", nil},
		{"zero result", &Result{}},
		{"empty slices", &Result{Removed: []Removed{}, Speakers: []Speaker{}}},
		{"removed only", &Result{Removed: []Removed{{Kind: "ad", Text: "Buy"}}}},
		{"speaker with nil statements", &Result{Speakers: []Speaker{{Name: "Ann"}}}},
		{"speaker with empty statements", &Result{Speakers: []Speaker{{Name: "Ann", Statements: []Statement{}}}}},
		{"several of each", &Result{
			Found:   true,
			Removed: []Removed{{}, {Kind: "share"}, {Text: "x"}},
			Speakers: []Speaker{
				{Name: "A", Statements: []Statement{{Block: -1}, {Block: 1 << 40, Direct: true}, {Block: -1 << 62}}},
				{},
				{Kind: "organization", Statements: []Statement{}},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkJSON(t, tt.r) })
	}
	var nilResult *Result
	if got := string(nilResult.JSON()); got != "null" {
		t.Errorf("nil Result = %s, want null", got)
	}
}

// TestResultJSONFields fills every field of Result and of the types it
// holds, found by reflection, with a value of its own, so that a field
// added to the contract but not to the encoder fails here.
func TestResultJSONFields(t *testing.T) {
	n := 0
	r := filledResult(func(path string) string {
		n++
		return path + " " + string(rune('a'+n%26))
	})
	checkJSON(t, r)
}

// filledResult returns a Result whose every string field, at every level,
// is str(field path), every bool true, every int distinct and every slice
// two elements long.
func filledResult(str func(path string) string) *Result {
	r := &Result{}
	n := 0
	var fill func(v reflect.Value, path string)
	fill = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(str(path))
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int:
			n++
			v.SetInt(int64(n * 1000003))
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range v.Len() {
				fill(v.Index(i), path)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		default:
			panic("filledResult: no rule for " + v.Kind().String() + " at " + path)
		}
	}
	fill(reflect.ValueOf(r).Elem(), "Result")
	return r
}

// FuzzResultJSON compares the encoder with json.Marshal on arbitrary
// strings in each kind of field, and checks that the output is valid
// JSON that reads back to the same strings where they are valid UTF-8.
func FuzzResultJSON(f *testing.F) {
	for i, s := range trickyStrings {
		f.Add(s, trickyStrings[(i+1)%len(trickyStrings)], i, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, a, b string, block int, direct bool) {
		r := &Result{
			Found: direct, Reason: a, Title: b, Byline: a + b, SiteName: b + a,
			Published: a, Lang: b, Image: a, HTML: a + "<p>" + b + "</p>", Text: b + "\n\n" + a,
			Removed: []Removed{{Kind: a, Text: b}},
			Speakers: []Speaker{
				{Name: a, Role: b, Kind: "person", Statements: []Statement{{Text: a, Direct: direct, Cue: b, Block: block, Sentence: a + b}}},
				{Name: b},
			},
		}
		checkJSON(t, r)
		var back Result
		if err := json.Unmarshal(r.JSON(), &back); err != nil {
			t.Fatalf("output is not valid JSON: %v", err)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && !reflect.DeepEqual(&back, r) {
			t.Fatalf("round trip changed the result:\n got %+v\nwant %+v", back, *r)
		}
	})
}

// BenchmarkResultJSON compares the encoder with json.Marshal on the
// sample page's result.
func BenchmarkResultJSON(b *testing.B) {
	page, err := os.ReadFile("../../testdata/sample/harbor-bridge.html")
	if err != nil {
		b.Fatal(err)
	}
	res, err := Process(page, Options{URL: "https://lakeside-courier.example/local/harbor-bridge/"})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("JSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = res.JSON()
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(res); err != nil {
				b.Fatal(err)
			}
		}
	})
}
