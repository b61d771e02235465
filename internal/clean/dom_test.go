package clean

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestCollapse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"a", "a"},
		{"  a  b  ", "a b"},
		{"a\t\n\r\v\fb", "a b"},
		{"a\u00a0\u200b b", "a b"},   // no-break space and zero-width space count as white space
		{"a\u2003\u3000b", "a b"},    // Unicode spaces
		{"café  déjà", "café déjà"},  // multi-byte letters kept
		{"a\xffb", "a\ufffdb"},       // a bad byte becomes U+FFFD
		{"\u00a0lead", "lead"},       // leading non-ASCII space trimmed
		{"trail\u200b", "trail"},     // trailing zero-width space trimmed
		{"x \u2014 y", "x \u2014 y"}, // dashes are not space
		{"one two three", "one two three"},
	} {
		if got := collapse(c.in); got != c.want {
			t.Errorf("collapse(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := isCollapsed(c.in); got != (collapse(c.in) == c.in) {
			t.Errorf("isCollapsed(%q) = %v", c.in, got)
		}
	}
}

// TestCollapserPieces: writing pieces and gaps to a collapser gives what
// collapsing the joined text (a space for each gap) gives.
func TestCollapserPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "7", ".", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "\u2003", "é", "—", "“", "漢"}
	for range 20000 {
		var joined strings.Builder
		c := collapser{b: []byte("prefix:")}
		c.start = len(c.b)
		for range rng.IntN(6) {
			if rng.IntN(4) == 0 {
				c.gap()
				joined.WriteByte(' ')
				continue
			}
			var piece strings.Builder
			for range rng.IntN(5) {
				piece.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			c.write(piece.String())
			joined.WriteString(piece.String())
		}
		if got, want := string(c.b), "prefix:"+collapseCopy(joined.String()); got != want {
			t.Fatalf("pieces of %q: got %q, want %q", joined.String(), got, want)
		}
	}
}

// TestTextOf: the text gathered and collapsed in one pass is the joined
// raw text (a space for <br> and around blocks, nothing for scripts,
// styles and images) collapsed.
func TestTextOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<p>Hello <b>big</b> world</p>`, "Hello big world"},
		{`<div>one</div><div>two</div>`, "one two"},
		{`<p>line<br>next</p>`, "line next"},
		{`<p>a<span>b</span>c</p>`, "abc"},
		{`<p>text<script>var x = 1</script><style>p{}</style> more</p>`, "text more"},
		{`<p>  <img src=x.png alt="not text">  caption </p>`, "caption"},
		{`<ul><li>first</li><li>second</li></ul>`, "first second"},
		{`<p>x<svg><text>drawing</text></svg>y</p>`, "xy"},
	} {
		doc, err := html.Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
		if got := textOf(body); got != c.want {
			t.Errorf("textOf(%s) = %q, want %q", c.in, got, c.want)
		}
		scratch, buf := scratchTextOf(body)
		if scratch != c.want {
			t.Errorf("scratchTextOf(%s) = %q, want %q", c.in, scratch, c.want)
		}
		releaseText(buf)
	}
}

// TestMaybeBoilerplate: the prefilter answers as lower-casing the text's
// first 32 bytes and comparing would, on texts built from each prefix
// with capitals, characters that lower-case to ASCII (İ, the Kelvin sign)
// and other look-alikes.
func TestMaybeBoilerplate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	lowerCased := func(s string) bool {
		if strings.HasSuffix(s, ")") {
			return true
		}
		head := strings.ToLower(s[:min(len(s), 32)])
		for _, p := range boilerplatePrefixes {
			if strings.HasPrefix(head, p) {
				return true
			}
		}
		return false
	}
	for _, p := range boilerplatePrefixes {
		if strings.ToLower(p) != p {
			t.Errorf("prefix %q is not lower case", p)
		}
		for range 300 {
			var b strings.Builder
			for _, r := range p {
				switch rng.IntN(6) {
				case 0:
					b.WriteString(strings.ToUpper(string(r)))
				case 1:
					b.WriteString([]string{"İ", "ſ", "\u212a", "É", "x", " "}[rng.IntN(6)])
				default:
					b.WriteRune(r)
				}
			}
			b.WriteString([]string{"", " more", ": x", "s", " (ad)"}[rng.IntN(5)])
			s := b.String()
			if got, want := maybeBoilerplate(s), lowerCased(s); got != want {
				t.Errorf("maybeBoilerplate(%q) = %v, lower-casing says %v", s, got, want)
			}
		}
	}
}
