package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMeasureText compares measureText with a rune-by-rune reading of its
// definition, on fixed cases and on random strings of the characters it
// treats apart.
func TestMeasureText(t *testing.T) {
	want := func(s string) (n, commas int) {
		space := true
		for _, r := range s {
			switch r {
			case ' ', '\n', '\t', '\r', '\f', '\u00a0':
				if !space {
					n++
				}
				space = true
				continue
			case ',', '،', '，':
				commas++
			}
			space = false
			n++
		}
		return n, commas
	}
	cases := []string{"", " ", "word", " two  words ", "a,b, c", "\u00a0x\u00a0", "日本語，テスト", "bad \xff byte", "tab\tand\nnew\r\fline", "\v"}
	pieces := []string{"a", "bc", " ", "\n", "\t", ",", "،", "，", "\u00a0", "é", "\xff", "\v", "😀"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		n, commas := measureText(s)
		if wn, wc := want(s); n != wn || commas != wc {
			t.Fatalf("measureText(%q) = %d, %d; want %d, %d", s, n, commas, wn, wc)
		}
	}
}

// TestCountWordsUpTo compares countWordsUpTo with strings.Fields, whose
// words it counts, on random strings and every limit up to their count.
func TestCountWordsUpTo(t *testing.T) {
	pieces := []string{"a", "bc", " ", "\n", "\t", "\v", "\f", "\r", "\u00a0", "\u0085", "\u2003", "é", "\xff", "😀", ","}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		words := len(strings.Fields(s))
		if got := countWords(s); got != words {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, words)
		}
		for limit := 0; limit < words; limit++ {
			if got := countWordsUpTo(s, limit); got != limit+1 {
				t.Fatalf("countWordsUpTo(%q, %d) = %d, want %d", s, limit, got, limit+1)
			}
		}
	}
}
