package clean

import (
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
	b      []byte // the article's markup, before minifying
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
	art.HTML = minifyHTML(r.b)
}

var (
	minifierOnce sync.Once
	minifier     *minify.M
)

// minifyHTML minifies markup the renderer wrote. minify reads b in place
// (it may set the byte past its end while it works, and restores it) and
// writes into a buffer sized for it, so the markup is copied once, into the
// returned string.
func minifyHTML(b []byte) string {
	minifierOnce.Do(func() {
		minifier = minify.New()
		minifier.Add("text/html", &mhtml.Minifier{KeepEndTags: true, KeepQuotes: true})
	})
	out, err := minifier.Bytes("text/html", b)
	if err != nil {
		return string(b)
	}
	return string(out)
}

// The renderer's writers: markup straight into r.b, with no string built
// on the way.

func (r *renderer) str(s string) { r.b = append(r.b, s...) }

func (r *renderer) byte1(c byte) { r.b = append(r.b, c) }

// esc writes s escaped as html.EscapeString escapes it (TestEsc).
func (r *renderer) esc(s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		if e := escapeOf[s[i]]; e != "" {
			r.str(s[from:i])
			r.str(e)
			from = i + 1
		}
	}
	r.str(s[from:])
}

// escapeOf is what html.EscapeString writes for each byte it escapes.
var escapeOf = [256]string{'<': "&lt;", '>': "&gt;", '&': "&amp;", '\'': "&#39;", '"': "&#34;", '\r': "&#13;"}

// attr writes ` k="v"`, v escaped.
func (r *renderer) attr(k, v string) {
	r.byte1(' ')
	r.str(k)
	r.str(`="`)
	r.esc(v)
	r.byte1('"')
}

// blockID writes ` data-sw-block="id"`.
func (r *renderer) blockID(id int) {
	r.str(` data-sw-block="`)
	r.b = strconv.AppendInt(r.b, int64(id), 10)
	r.byte1('"')
}

// openTag writes <tag>.
func (r *renderer) openTag(tag string) {
	r.byte1('<')
	r.str(tag)
	r.byte1('>')
}

// endTag writes </tag>.
func (r *renderer) endTag(tag string) {
	r.str("</")
	r.str(tag)
	r.byte1('>')
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
	r.byte1('<')
	r.str(tag)
	r.blockID(id)
	r.byte1('>')
	for _, n := range nodes {
		r.inline(n)
	}
	r.endTag(tag)
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
		r.esc(n.Data)
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
		r.str("<br>")
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
		r.byte1(' ')
		r.inlineChildren(n)
		r.byte1(' ')
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
		r.openTag(tags[i])
		r.inline(ch)
		r.endTag(tags[i])
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
	r.str("<img")
	r.attr("src", src)
	for _, k := range []string{"alt", "title", "width", "height"} {
		if v, ok := attrOK(n, k); ok {
			r.attr(k, v)
		}
	}
	r.byte1('>')
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
	r.byte1('<')
	r.str(name)
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
		r.attr(k, v)
	}
	if id >= 0 {
		r.blockID(id)
	}
	r.byte1('>')
}

func (r *renderer) close(a atom.Atom) {
	if a == atom.Hr || a == atom.Img || a == atom.Br {
		return
	}
	r.endTag(a.String())
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
