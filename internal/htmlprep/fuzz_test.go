package htmlprep

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/saywho/saywho/internal/htmlprep/pagegen"
)

// depthSlack is how much deeper than the cap the parser's tree may go: the
// html and body elements it always adds, a text node, and an element
// the cap lets through (raw-text elements, a stray </p>'s empty paragraph).
const depthSlack = 8

// FuzzPrepare checks, on any bytes and a small cap so that short inputs
// reach it: Prepare either refuses the page (ErrEncoding, ErrNotText) or
// returns valid UTF-8 without control characters or noncharacters that the
// parser accepts; after a rewrite, and always in strict mode, the tree is
// no deeper than the cap plus depthSlack.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{
		"", "<p>x", "<div><div><div>x</div></div></div>", "<b><div>x</b>y",
		"<div><b id=1><i id=2>x</div>y", "<table><td><table><td>x", "<svg><g><g/><p>x",
		"<select><div><option>a", "<span><div>x</span>", "<a href=x><p><a href=y>",
		"<math><mi><b>x</b></mi></math>", "<template><div>x</template>", "<frameset><frame>",
		"<script>if(a<b)x()</script><style><p></style>", "<textarea><div></textarea>",
		"<p>caf\xe9</p>", "\xFF\xFEa\x00", "<meta charset=shift_jis>\x82\xA0",
	} {
		f.Add([]byte(s), uint8(4))
	}
	f.Add(pagegen.Deep(40, "div"), uint8(8))
	f.Add(pagegen.Unclosed(40, "font"), uint8(8))
	f.Fuzz(func(t *testing.T, page []byte, capByte uint8) {
		max := 3 + int(capByte%29)
		for _, strict := range []bool{false, true} {
			out, rep, err := Prepare(page, Options{MaxDepth: max, Strict: strict})
			if errors.Is(err, ErrEncoding) || errors.Is(err, ErrNotText) {
				return
			}
			if err != nil {
				t.Fatalf("strict=%v: Prepare: %v", strict, err)
			}
			if !utf8.Valid(out) {
				t.Fatalf("strict=%v: output is not valid UTF-8", strict)
			}
			for _, r := range string(out) {
				if r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r' || r >= 0x7F && r <= 0x9F ||
					r >= 0xFDD0 && r <= 0xFDEF || r%0x10000 >= 0xFFFE {
					t.Fatalf("strict=%v: control character or noncharacter %U left in the output", strict, r)
				}
			}
			doc, err := html.Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("strict=%v: the parser refused the output: %v", strict, err)
			}
			if rep.Flattened {
				if d := treeDepth(doc); d > max+depthSlack {
					t.Fatalf("strict=%v: tree depth %d after flattening to %d:\n%q", strict, d, max, out)
				}
			}
		}
	})
}

func treeDepth(doc *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > deepest {
			deepest = it.d
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return deepest
}
