package htmlprep

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/saywho/saywho/internal/htmlprep/pagegen"
)

// parseDepth parses page as clean.Clean does and returns the depth of
// the deepest element, or the parser's error.
func parseDepth(t testing.TB, page []byte) (int, *html.Node) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
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
	return deepest, doc
}

// textOf is the document's text, whitespace collapsed.
func textOf(doc *html.Node) string {
	var b strings.Builder
	var stack []*html.Node
	stack = append(stack, doc)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestDeepPagesParseAndKeepTheirText(t *testing.T) {
	repeat := func(s string, n int) []byte {
		return []byte("<html><body>" + strings.Repeat(s, n) + "<p>end of page</p>")
	}
	// foreign opens a context once and repeats a tag 3,000 times in it.
	foreign := func(open, tag string) []byte {
		return []byte("<html><body>" + open + strings.Repeat(tag, 3000) + "</style><p>end of page</p>")
	}
	tests := []struct {
		name     string
		page     []byte
		flatten  bool   // whether Prepare must rewrite it
		wantText string // must survive ("" = the pagegen article)
	}{
		{"plain article untouched", pagegen.Article(), false, ""},
		{"500 divs untouched", pagegen.Deep(200, "div"), false, ""},
		{"5,000 nested divs", pagegen.Deep(5000, "div"), true, ""},
		{"100,000 nested divs", pagegen.Deep(100000, "div"), true, ""},
		{"5,000 nested spans", pagegen.Deep(5000, "span"), true, ""},
		{"5,000 nested b", pagegen.Deep(5000, "b"), true, ""},
		{"1,000 nested tables", pagegen.Deep(1000, "table"), true, ""},
		{"10,000 nested custom elements", pagegen.Deep(10000, "x-box"), true, ""},
		{"text at every depth of 20,000", pagegen.DeepInterleaved(20000), true, ""},
		{"20,000 unclosed divs", pagegen.Unclosed(20000, "div"), true, ""},
		{"20,000 unclosed font", pagegen.Unclosed(20000, "font"), true, ""},
		{"20,000 unclosed p are siblings", pagegen.Unclosed(20000, "p"), false, ""},
		{"20,000 unclosed li are siblings", repeat("<ul><li>a<li>b<li>c</ul>", 7000), false, "end of page"},
		{"rows and cells without end tags", repeat("<table><tr><td>a<td>b<tr><td>c</table>", 5000), false, "end of page"},
		{"span closed around a div (ignored end tag)", repeat("<span><div>x</span>", 3000), true, "end of page"},
		{"misnested formatting", repeat("<b><div>x</b>", 2000), true, "end of page"},
		{"misnested formatting with attributes", repeat(`<b class=a><i class=b><div>x</b></i>`, 2000), true, "end of page"},
		{"formatting closed by a block, reopened", repeat(`<div><b id=1><i id=2>x</div>y`, 2000), true, "end of page"},
		{"svg nesting", repeat("<svg><g><g>", 3000), true, "end of page"},
		{"self-closing tags nest in a MathML text point", foreign("<math><mi>", "<x/>"), true, "end of page"},
		{"self-closing tags nest after a self-closed svg", foreign("<svg/>", "<x/>"), true, "end of page"},
		{"self-closing tags nest in foreignObject", foreign("<svg><foreignObject>", "<b/>"), true, "end of page"},
		{"self-closing tags nest in an HTML annotation", foreign(`<math><annotation-xml encoding="text/html">`, "<x/>"), true, "end of page"},
		{"void HTML names nest in svg", foreign("<svg>", "<input>"), true, "end of page"},
		{"html nests in svg", foreign("<svg>", "<html>"), true, "end of page"},
		{"font with a color leaves svg", foreign("<svg>", `<font color="red"/>`), true, "end of page"},
		{"</p> closes the svg inside it", repeat("<p><svg><g></p><x/>", 3000), true, "end of page"},
		{"</p> closing an svg leaves nothing open", repeat("<p><svg><g></p>", 3000), false, "end of page"},
		{"style in a MathML text point is raw text", foreign("<math><mi><style>", "<x>"), false, "end of page"},
		{"style in svg holds markup", foreign("<svg><style>", "<x>"), true, "end of page"},
		{"select full of divs", repeat("<select><div><option>a", 3000), true, "end of page"},
		{"nested forms", repeat("<form><div>", 3000), true, "end of page"},
		{"a inside a", repeat("<a href=x><p>", 5000), false, "end of page"},
		{"headings in headings", repeat("<h1><h2><h3>", 5000), false, "end of page"},
		{"a < before a dropped tag stays text", []byte(strings.Repeat("<div>", 300) + strings.Repeat("a<<span>b>", 2000) + "<p>end of page"), true, "a<b>a<b>"},
		{"deep raw text elements", []byte(strings.Repeat("<div>", 3000) + "<script>if (a<b) x()</script><textarea><div></textarea><p>end of page"), true, "end of page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rep, err := Prepare(tt.page, Options{})
			if err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			if rep.Flattened != tt.flatten {
				t.Errorf("Flattened = %v, want %v (depth measured %d)", rep.Flattened, tt.flatten, rep.Depth)
			}
			if !rep.Flattened && &out[0] != &tt.page[0] {
				t.Error("a page that needed no change was copied")
			}
			depth, doc := parseDepth(t, out)
			if depth > DefaultMaxDepth+16 {
				t.Errorf("tree depth %d after Prepare, want at most %d", depth, DefaultMaxDepth+16)
			}
			text := textOf(doc)
			wants := []string{tt.wantText}
			if tt.wantText == "" {
				wants = pagegen.Paragraphs
			}
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("text lost: %.60q…", w)
				}
			}
		})
	}
}

// TestStrictFlattenBoundsTheTree pins the fallback: with Strict the
// parser's tree stays near StrictMaxDepth on any of the patterns.
func TestStrictFlattenBoundsTheTree(t *testing.T) {
	for _, page := range [][]byte{
		pagegen.Deep(5000, "div"), pagegen.Unclosed(5000, "b"),
		[]byte(strings.Repeat(`<b class=a><i class=b><div>x</b></i>`, 3000)),
		[]byte(strings.Repeat(`<div><b id=1><i id=2>x</div>y`, 3000)),
		[]byte(strings.Repeat("<table><td><b>", 3000)),
	} {
		out, rep, err := Prepare(page, Options{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Flattened {
			t.Error("Strict did not rewrite")
		}
		if d, _ := parseDepth(t, out); d > StrictMaxDepth+16 {
			t.Errorf("strict: tree depth %d, want at most %d", d, StrictMaxDepth+16)
		}
	}
}

// TestFlattenIsLinear checks that ten times the depth costs about ten
// times the time, not a hundred: the search window keeps each tag's work
// constant. The bound is loose (40×) so a busy machine cannot fail it; a
// quadratic pass would take ~100×.
func TestFlattenIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	run := func(n int) time.Duration {
		page := []byte(strings.Repeat("<div><span>", n) + strings.Repeat("</i>", n))
		best := time.Duration(1 << 62)
		for i := 0; i < 3; i++ {
			start := time.Now()
			if _, _, err := Prepare(page, Options{}); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d < best {
				best = d
			}
		}
		return best
	}
	small, large := run(10000), run(100000)
	if ratio := float64(large) / float64(small); ratio > 40 {
		t.Errorf("10× the input took %.0f× the time (%v vs %v): not linear", ratio, large, small)
	}
}

func BenchmarkPrepare(b *testing.B) {
	pages := []struct {
		name string
		page []byte
	}{
		{"article", pagegen.Article()},
		{"deep-5000", pagegen.Deep(5000, "div")},
		{"deep-100000", pagegen.Deep(100000, "div")},
		{"wide-200000", pagegen.Wide(200000)},
		{"text-5MB", pagegen.BigText(5 << 20)},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			for i := 0; i < b.N; i++ {
				if _, _, err := Prepare(p.page, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
