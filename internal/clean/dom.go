package clean

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dom.go: small helpers over golang.org/x/net/html nodes.

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// classID is the lower-cased class and id of n joined by a space, the
// string the class/id hints in rules.go are matched against.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	// One allocation: the lower-cased copy is written straight into the
	// result instead of joining first and lower-casing the join.
	b := make([]byte, 0, len(c)+1+len(id))
	b = appendLower(b, c, false)
	b = append(b, ' ')
	b = appendLower(b, id, false)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func isElem(n *html.Node, a atom.Atom) bool {
	return n != nil && n.Type == html.ElementNode && n.DataAtom == a
}

func isHeading(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// collapse collapses runs of white space to one space and trims. A text
// that is already collapsed comes back as it is, without a copy.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	return collapseCopy(s)
}

// isCollapsed: collapse(s) == s. Invalid UTF-8 is not collapsed (collapse
// writes U+FFFD for a bad byte).
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	prevSpace := true // no leading space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if prevSpace {
					return false
				}
				prevSpace = true
			} else if asciiSpace(c) {
				return false
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace // no trailing space
}

// collapseCopy is collapse, always into a new string.
func collapseCopy(s string) string {
	b := collapseAppend(make([]byte, 0, len(s)), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// collapseAppend appends collapseCopy(s) to b.
func collapseAppend(b []byte, s string) []byte {
	c := collapser{b: b, start: len(b)}
	c.write(s)
	return c.b
}

// collapser collapses text written to it in pieces as collapse would the
// pieces joined: runs of white space, within a piece or across pieces
// and gaps, become one space, and none leads or trails. It lets the text
// of an element be gathered and collapsed in one pass, without first
// joining its raw text. (Joined raw text could also merge a character
// split between two invalid pieces; parsed text nodes are valid UTF-8.)
type collapser struct {
	b     []byte
	start int  // where the text begins in b
	space bool // white space seen since the last character written
}

// gap is white space between two pieces (a block boundary, a <br>).
func (c *collapser) gap() { c.space = true }

func (c *collapser) write(s string) {
	b, space, start := c.b, c.space, c.start
	for i := 0; i < len(s); {
		if ch := s[i]; ch < utf8.RuneSelf {
			if asciiSpace(ch) {
				space = true
				i++
				continue
			}
			// A run of ASCII that is not white space goes in whole.
			j := i + 1
			for j < len(s) && asciiWordByte[s[j]] {
				j++
			}
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // RuneError, 1 on a bad byte, as range does
		i += size
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	c.b, c.space = b, space
}

// asciiWordByte: the ASCII bytes that are not asciiSpace (one table
// look-up per byte in collapseAppend's inner loop).
var asciiWordByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !asciiSpace(byte(c))
	}
	return t
}()

// asciiSpace: the ASCII white space unicode.IsSpace knows.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// writeText writes the visible text under n (skipping nodes in skip) to
// c, with a gap for <br> and around block elements.
func writeText(c *collapser, n *html.Node, skip func(*html.Node) bool) {
	switch n.Type {
	case html.TextNode:
		c.write(n.Data)
		return
	case html.ElementNode:
		if skip != nil && skip(n) {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head:
			return
		case atom.Br, atom.Hr:
			c.gap()
			return
		case atom.Img:
			return
		}
	}
	block := n.Type == html.ElementNode && blockTags.has(n.DataAtom)
	if block {
		c.gap()
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		writeText(c, ch, skip)
	}
	if block {
		c.gap()
	}
}

// textPool holds the scratch buffers text is collapsed into: classify
// asks for the text of thousands of elements per page, and a fresh
// buffer each time was a large share of the engine's garbage (which
// costs most in WASM).
var textPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// releaseText gives a buffer taken from textPool back.
func releaseText(buf *[]byte) {
	*buf = (*buf)[:0]
	textPool.Put(buf)
}

// collapsedText collapses the visible text of nodes into a pooled buffer
// (give it back with releaseText), skipping what skip says; with spaced,
// a gap follows each node's text.
func collapsedText(nodes []*html.Node, skip func(*html.Node) bool, spaced bool) (t string, buf *[]byte) {
	buf = textPool.Get().(*[]byte)
	c := collapser{b: (*buf)[:0]}
	for _, n := range nodes {
		writeText(&c, n, skip)
		if spaced {
			c.gap()
		}
	}
	*buf = c.b
	return unsafe.String(unsafe.SliceData(c.b), len(c.b)), buf
}

// textOfNodes is the collapsed visible text of nodes (see collapsedText).
func textOfNodes(nodes []*html.Node, skip func(*html.Node) bool, spaced bool) string {
	scratch, buf := collapsedText(nodes, skip, spaced)
	t := strings.Clone(scratch)
	releaseText(buf)
	return t
}

// textOf is the collapsed visible text of n.
func textOf(n *html.Node) string {
	return textOfNodes([]*html.Node{n}, nil, false)
}

// scratchTextOf is textOf(n) in a pooled buffer, for a caller that only
// reads the text: it is valid until releaseText(buf), and whatever keeps it
// must copy it.
func scratchTextOf(n *html.Node) (t string, buf *[]byte) {
	return collapsedText([]*html.Node{n}, nil, false)
}

func textOfSkip(n *html.Node, skip func(*html.Node) bool) string {
	return textOfNodes([]*html.Node{n}, skip, false)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// countWords counts white-space separated words (as strings.Fields
// splits them, without building the slice).
func countWords(s string) int {
	return countWordsUpTo(s, math.MaxInt)
}

// wordsAtMost reports countWords(s) <= max, reading s only as far as the
// word past max.
func wordsAtMost(s string, max int) bool {
	return countWordsUpTo(s, max) <= max
}

// countWordsUpTo is countWords, stopping at the word past limit.
func countWordsUpTo(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = !asciiWordByte[c] // one look-up for the common case
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:]) // RuneError, 1 on a bad byte, as range does
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
			if n > limit {
				return n
			}
		}
	}
	return n
}

// findFirst returns the first element in document order under n for which
// f is true.
func findFirst(n *html.Node, f func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if f(c) {
				return c
			}
			if r := findFirst(c, f); r != nil {
				return r
			}
		}
	}
	return nil
}

// walk calls f for every element under n in document order; when f
// returns false the element's children are skipped. It polls the
// deadline (tick) once per element.
func (c *cleaner) walk(n *html.Node, f func(*html.Node) bool) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			c.tick()
			if f(ch) {
				c.walk(ch, f)
			}
		}
	}
}

func isAncestor(a, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}
