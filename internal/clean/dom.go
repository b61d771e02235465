package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	return strings.ToLower(c + " " + id)
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

// collapse collapses runs of white space to one space and trims.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace(c) {
				space = true
				i++
				continue
			}
			// A run of ASCII that is not white space goes in whole.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace(s[j]) {
				j++
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // RuneError, 1 on a bad byte, as range does
		i += size
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// asciiSpace: the ASCII white space unicode.IsSpace knows.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// rawText appends the text under n (skipping nodes in skip) to b, putting a
// space for <br> and around block elements.
func rawText(n *html.Node, b *strings.Builder, skip func(*html.Node) bool) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if skip != nil && skip(n) {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head:
			return
		case atom.Br, atom.Hr:
			b.WriteByte(' ')
			return
		case atom.Img:
			return
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		rawText(c, b, skip)
	}
	if block {
		b.WriteByte(' ')
	}
}

// textOf is the collapsed visible text of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	rawText(n, &b, nil)
	return collapse(b.String())
}

func textOfSkip(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	rawText(n, &b, skip)
	return collapse(b.String())
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// countWords counts white-space separated words (as strings.Fields
// splits them, without building the slice).
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// wordsAtMost reports countWords(s) <= max, reading s only as far as the
// word past max.
func wordsAtMost(s string, max int) bool {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
			if n > max {
				return false
			}
		}
	}
	return true
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
