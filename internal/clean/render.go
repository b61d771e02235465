package clean

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// render.go: the allowlist sanitiser. Only the elements and attributes
// below come out; containers (div, section, span…) are unwrapped; loose
// text in containers is wrapped in <p>; every text block gets
// data-sw-block="N". The result is minified with tdewolff/minify.

// keptInline are inline elements kept with their tag.
var keptInline = newAtomSet(
	atom.A, atom.Strong, atom.B, atom.Em, atom.I, atom.U,
	atom.S, atom.Sub, atom.Sup, atom.Code, atom.Mark, atom.Q,
	atom.Cite, atom.Abbr, atom.Small, atom.Del, atom.Ins,
	atom.Time, atom.Kbd, atom.Var, atom.Samp, atom.Dfn, atom.Br,
	atom.Img,
)

// keptStructure are block elements kept with their tag that are not text
// blocks themselves.
var keptStructure = newAtomSet(
	atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Thead, atom.Tbody,
	atom.Tfoot, atom.Tr, atom.Figure, atom.Hr,
)

// allowedAttrs per element; URLs are resolved and checked separately.
var allowedAttrs = map[atom.Atom][]string{
	atom.A:          {"href", "title"},
	atom.Img:        {"src", "alt", "title", "width", "height"},
	atom.Td:         {"colspan", "rowspan"},
	atom.Th:         {"colspan", "rowspan", "scope"},
	atom.Ol:         {"start", "reversed", "type"},
	atom.Time:       {"datetime"},
	atom.Blockquote: {"cite"},
	atom.Q:          {"cite"},
	atom.Abbr:       {"title"},
}

var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true}

type renderer struct {
	c      *cleaner
	b      strings.Builder
	blocks []Block
}

func (c *cleaner) skip(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if _, ok := c.kind[n]; ok {
		return true
	}
	return n == c.titleNode
}

func (c *cleaner) render(art *Article) {
	r := &renderer{c: c}
	for _, root := range c.roots {
		r.node(root)
	}
	art.Blocks = r.blocks
	art.HTML = minifyHTML(r.b.String())
}

var (
	minifierOnce sync.Once
	minifier     *minify.M
)

func minifyHTML(s string) string {
	minifierOnce.Do(func() {
		minifier = minify.New()
		minifier.Add("text/html", &mhtml.Minifier{KeepEndTags: true, KeepQuotes: true})
	})
	var out bytes.Buffer
	if err := minifier.Minify("text/html", &out, strings.NewReader(s)); err != nil {
		return s
	}
	return out.String()
}

// isBlockLevel: the element breaks an inline run.
func (c *cleaner) isBlockLevel(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if blockTags.has(n.DataAtom) || textBlockTags.has(n.DataAtom) || keptStructure.has(n.DataAtom) {
		return true
	}
	return c.st(n).hasBlock
}

func (r *renderer) node(n *html.Node) {
	c := r.c
	c.tick()
	if n.Type == html.TextNode {
		return // loose text is handled by children()
	}
	if n.Type != html.ElementNode || c.skip(n) {
		return
	}
	st := c.st(n)
	a := n.DataAtom
	switch {
	case textBlockTags.has(a) && !st.hasBlock && hasDoubleBr(n):
		// Old layouts: a cell or item holding paragraphs split by <br><br>.
		r.open(n)
		r.children(n)
		r.close(a)
	case textBlockTags.has(a) && !st.hasBlock:
		r.leafBlock(n, a)
	case textBlockTags.has(a):
		// A block holding other blocks: keep list items, quotes and cells
		// as structure; unwrap the rest.
		switch a {
		case atom.Li, atom.Blockquote, atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Figcaption:
			r.open(n)
			r.children(n)
			r.close(a)
		default:
			r.children(n)
		}
	case keptStructure.has(a):
		if st.text == 0 && !hasImage(n) && a != atom.Hr {
			return
		}
		r.open(n)
		r.children(n)
		r.close(a)
	case a == atom.Img:
		r.img(n)
	case a == atom.Br:
	default:
		r.children(n)
	}
}

// children renders n's children, wrapping runs of inline content in <p>.
func (r *renderer) children(n *html.Node) {
	var run []*html.Node
	flush := func() {
		if len(run) > 0 {
			r.inlineRun(run)
			run = run[:0]
		}
	}
	inList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	if inList {
		// Text straight inside a list, outside any item (old pages indent
		// with a bare <ul>): the browser shows it, so it becomes an item.
		flush = func() {
			if len(run) > 0 {
				r.itemRun(run)
				run = run[:0]
			}
		}
	}
	inTable := n.DataAtom == atom.Table || n.DataAtom == atom.Tbody || n.DataAtom == atom.Thead || n.DataAtom == atom.Tfoot || n.DataAtom == atom.Tr || n.DataAtom == atom.Dl
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && r.c.skip(ch) {
			continue
		}
		if ch.Type == html.TextNode || (ch.Type == html.ElementNode && !r.c.isBlockLevel(ch)) {
			if inTable {
				continue // stray text in table structure
			}
			run = append(run, ch)
			continue
		}
		flush()
		r.node(ch)
	}
	flush()
}

// itemRun wraps a run of inline nodes found straight inside a list in
// <li data-sw-block>.
func (r *renderer) itemRun(run []*html.Node) {
	t := textOfNodes(run, r.c.skip, false)
	if t == "" {
		return
	}
	r.inlineBlock("li", t, run)
}

// inlineBlock writes nodes, inline, inside a <tag data-sw-block> for a new
// text block t.
func (r *renderer) inlineBlock(tag, t string, nodes []*html.Node) {
	id := len(r.blocks)
	r.blocks = append(r.blocks, Block{Tag: tag, Text: t})
	r.b.WriteString(`<` + tag + ` data-sw-block="` + strconv.Itoa(id) + `">`)
	for _, n := range nodes {
		r.inline(n)
	}
	r.b.WriteString("</" + tag + ">")
}

// inlineRun wraps a run of inline nodes in <p data-sw-block>, splitting
// it at double <br> (old table and <br> layouts).
func (r *renderer) inlineRun(run []*html.Node) {
	start := 0
	for i := 0; i < len(run); i++ {
		if isElem(run[i], atom.Br) {
			j := i + 1
			for j < len(run) && run[j].Type == html.TextNode && collapsedLen(run[j].Data) == 0 {
				j++
			}
			if j < len(run) && isElem(run[j], atom.Br) {
				r.para(run[start:i])
				start = j + 1
				i = j
			}
		}
	}
	r.para(run[start:])
}

func (r *renderer) para(nodes []*html.Node) {
	t := textOfNodes(nodes, r.c.skip, false)
	if t == "" {
		for _, n := range nodes {
			if hasImage(n) {
				r.inline(n)
			}
		}
		return
	}
	r.inlineBlock("p", t, nodes)
}

func (r *renderer) leafBlock(n *html.Node, a atom.Atom) {
	t := textOfSkip(n, r.c.skip)
	if t == "" {
		if hasImage(n) {
			r.open(n)
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				r.inline(ch)
			}
			r.close(a)
		}
		return
	}
	id := len(r.blocks)
	r.blocks = append(r.blocks, Block{Tag: a.String(), Text: t})
	r.openID(n, id)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		r.inline(ch)
	}
	r.close(a)
}

func (r *renderer) inline(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.b.WriteString(html.EscapeString(n.Data))
		return
	case html.ElementNode:
	default:
		return
	}
	if r.c.skip(n) {
		return
	}
	if n.Namespace == "math" {
		r.math(n)
		return
	}
	a := n.DataAtom
	switch {
	case a == atom.Img:
		r.img(n)
	case a == atom.Br:
		r.b.WriteString("<br>")
	case a == atom.A:
		href := r.c.resolve(attr(n, "href"))
		if href == "" {
			r.inlineChildren(n)
			return
		}
		r.open(n)
		r.inlineChildren(n)
		r.close(a)
	case keptInline.has(a):
		r.open(n)
		r.inlineChildren(n)
		r.close(a)
	case blockTags.has(a) || textBlockTags.has(a):
		r.b.WriteByte(' ')
		r.inlineChildren(n)
		r.b.WriteByte(' ')
	default:
		r.inlineChildren(n)
	}
}

// math writes a formula as its text (see mathTokens): MathML markup is a
// known way around sanitisers, so no MathML element comes out; only the
// scripts of msub/msup/msubsup keep their place as <sub>/<sup>.
func (r *renderer) math(n *html.Node) {
	var tags []string
	switch n.Data {
	case "msub":
		tags = []string{"", "sub"}
	case "msup":
		tags = []string{"", "sup"}
	case "msubsup":
		tags = []string{"", "sub", "sup"}
	}
	i := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || i >= len(tags) || tags[i] == "" {
			if ch.Type == html.ElementNode {
				i++
			}
			r.inline(ch)
			continue
		}
		r.b.WriteString("<" + tags[i] + ">")
		r.inline(ch)
		r.b.WriteString("</" + tags[i] + ">")
		i++
	}
}

func (r *renderer) inlineChildren(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		r.inline(ch)
	}
}

func (r *renderer) img(n *html.Node) {
	src := r.c.resolve(attr(n, "src"))
	if src == "" {
		return
	}
	r.b.WriteString(`<img src="` + html.EscapeString(src) + `"`)
	for _, k := range []string{"alt", "title", "width", "height"} {
		if v, ok := attrOK(n, k); ok {
			r.b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
		}
	}
	r.b.WriteString(">")
}

func attrOK(n *html.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == k && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

func (r *renderer) open(n *html.Node) { r.openID(n, -1) }

func (r *renderer) openID(n *html.Node, id int) {
	name := n.DataAtom.String()
	r.b.WriteString("<" + name)
	for _, k := range allowedAttrs[n.DataAtom] {
		v, ok := attrOK(n, k)
		if !ok {
			continue
		}
		if urlAttrs[k] {
			if v = r.c.resolve(v); v == "" {
				continue
			}
		}
		r.b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
	}
	if id >= 0 {
		r.b.WriteString(` data-sw-block="` + strconv.Itoa(id) + `"`)
	}
	r.b.WriteString(">")
}

func (r *renderer) close(a atom.Atom) {
	if a == atom.Hr || a == atom.Img || a == atom.Br {
		return
	}
	r.b.WriteString("</" + a.String() + ">")
}

// firstImage is the first image in the article, as an absolute URL.
func (c *cleaner) firstImage() string {
	for _, root := range c.roots {
		var src string
		c.walk(root, func(n *html.Node) bool {
			if src != "" || c.skip(n) {
				return false
			}
			if n.DataAtom == atom.Img {
				src = c.resolve(attr(n, "src"))
				return false
			}
			return true
		})
		if src != "" && !strings.HasPrefix(src, "data:") {
			return src
		}
	}
	return ""
}

// hasDoubleBr: n's direct children include two <br> in a row.
func hasDoubleBr(n *html.Node) bool {
	prevBr := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case isElem(ch, atom.Br):
			if prevBr {
				return true
			}
			prevBr = true
		case ch.Type == html.TextNode && collapsedLen(ch.Data) == 0:
		default:
			prevBr = false
		}
	}
	return false
}
