package htmlprep

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPrepare(t *testing.T) {
	tests := []struct {
		name string
		page string
		opts Options
		want string // the prepared page, when no error
		err  error
	}{
		{"plain page unchanged", "<p>hello</p>", Options{}, "<p>hello</p>", nil},
		{"controls become spaces", "<p>a\x00b\x01c\x7fd\u0085e\tf\r\ng" + strings.Repeat(".", 200) + "</p>", Options{},
			"<p>a b c d e\tf\r\ng" + strings.Repeat(".", 200) + "</p>", nil},
		{"references to controls become spaces", "<p title='&#1;'>a&#3;b&#x1B;c&#X7f d&#x3x&#0;&#9;&#x81;&#x80;&#65;&#;&#x;</p>", Options{},
			"<p title=' '>a b c  d x&#0;&#9; &#x80;&#65;&#;&#x;</p>", nil},
		{"noncharacters become spaces", "<p>a\uFFFFb\uFFFEc\uFDD0d\U0010FFFFe\uFEFFf，😀</p>", Options{}, "<p>a b c d e\uFEFFf，😀</p>", nil},
		{"references to noncharacters become spaces", "<p>a&#xFFFF;b&#65534;c&#xFDD0;d&#x1FFFF;e&#xFEFF;&#x110000;</p>", Options{},
			"<p>a b c d e&#xFEFF;&#x110000;</p>", nil},
		{"UTF-16 noncharacter", "\xFF\xFE<\x00p\x00>\x00\xFF\xFFh\x00", Options{}, "<p> h", nil},
		{"over the cap", strings.Repeat("x", 101), Options{MaxBytes: 100}, "", ErrTooLarge},
		{"at the cap", strings.Repeat("x", 100), Options{MaxBytes: 100}, strings.Repeat("x", 100), nil},
		{"no cap", strings.Repeat("x", 101), Options{MaxBytes: -1}, strings.Repeat("x", 101), nil},
		{"binary data", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", Options{}, "", ErrNotText},
		{"PDF bytes", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\x00\x00\x01\x02", Options{}, "", ErrNotText},
		{"a few stray controls are text", "<p>" + strings.Repeat("word ", 100) + "\x00\x01</p>", Options{}, "<p>" + strings.Repeat("word ", 100) + "  </p>", nil},
		{"UTF-16 is not binary", "\xFF\xFE<\x00p\x00>\x00h\x00i\x00", Options{}, "<p>hi", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Prepare([]byte(tt.page), tt.opts)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err == nil && string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTooLargeMessage(t *testing.T) {
	_, _, err := Prepare(bytes.Repeat([]byte("x"), 20_000_000), Options{})
	want := "page too large: 19.1 MiB, the limit is 16.0 MiB"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

// TestOptimisticSkipsNesting: with a negative MaxDepth the page comes back
// as it was, however deep, for the parser to accept or refuse.
func TestOptimisticSkipsNesting(t *testing.T) {
	deep := []byte(strings.Repeat("<div>", 3000) + "text" + strings.Repeat("</div>", 3000))
	out, rep, err := Prepare(deep, Options{MaxDepth: -1})
	if err != nil || rep.Flattened || string(out) != string(deep) {
		t.Fatalf("MaxDepth -1: err %v, flattened %v, changed %v", err, rep.Flattened, string(out) != string(deep))
	}
	out, rep, err = Prepare(deep, Options{})
	if err != nil || !rep.Flattened || len(out) >= len(deep) {
		t.Fatalf("default: err %v, flattened %v", err, rep.Flattened)
	}
}

// TestScrubControlsEveryOffset puts each character scrubControls must
// replace — and each it must keep that shares a test with them — at every offset
// of pages of every length around the eight-byte steps, and compares with
// a rune-by-rune reading.
func TestScrubControlsEveryOffset(t *testing.T) {
	want := func(page string) (string, int) {
		var b strings.Builder
		n := 0
		for _, r := range page {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r' || r >= 0x7F && r <= 0x9F ||
				r >= 0xFDD0 && r <= 0xFDEF || r%0x10000 >= 0xFFFE {
				b.WriteByte(' ')
				n++
				continue
			}
			b.WriteRune(r)
		}
		return b.String(), n
	}
	pieces := []string{"\x00", "\x01", "\x1F", "\x7F", "\u0080", "\u0085", "\u009F", "\t", "\n", "\f", "\r", "\u00A0", "é", "Â", " ", "~",
		"\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uFDCF", "\uFDF0", "\uFEFF", "\uFF0C", "\uFFFD", "\U0001FFFE", "\U0010FFFF", "\U0001F600", "\U0010FFFD"}
	for size := 0; size <= 24; size++ {
		for at := 0; at <= size; at++ {
			for _, p := range pieces {
				page := strings.Repeat("a", at) + p + strings.Repeat("b", size-at)
				got, n := scrubControls([]byte(page))
				w, wn := want(page)
				if string(got) != w || n != wn {
					t.Fatalf("scrubControls(%q) = %q, %d; want %q, %d", page, got, n, w, wn)
				}
			}
		}
	}
}

// TestMayHoldControlIsTheByteTable: the eight-byte test flags a word
// exactly when one of its bytes is in mayStartControl (or is one no valid
// UTF-8 holds), whatever its place.
func TestMayHoldControlIsTheByteTable(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			w := uint64(0x6161616161616161)&^(0xFF<<(8*pos)) | uint64(c)<<(8*pos)
			if got, want := mayHoldControl(w), mayStartControl[c] || c > 0xF4; got != want {
				t.Fatalf("byte %#x at %d: %v, want %v", c, pos, got, want)
			}
		}
	}
}

// TestReplacedIsThePageRule checks Replaced, for every character, against
// what Prepare's scrub does to its UTF-8 bytes and against the rule
// stated on its own: Unicode's control characters but tab, line feed,
// form feed and carriage return, and the 66 noncharacters.
func TestReplacedIsThePageRule(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates have no UTF-8 form
		}
		n := utf8.EncodeRune(buf[:], r)
		if got, want := Replaced(r), controlAt(buf[:n], 0) > 0; got != want {
			t.Fatalf("Replaced(%U) = %v, the page scrub says %v", r, got, want)
		}
		rule := unicode.IsControl(r) && !strings.ContainsRune("\t\n\f\r", r) ||
			r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFF == 0xFFFE || r&0xFFFF == 0xFFFF
		if got := Replaced(r); got != rule {
			t.Fatalf("Replaced(%U) = %v, the rule says %v", r, got, rule)
		}
	}
}
