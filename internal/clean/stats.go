package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStat is what measure learns about one element.
type nodeStat struct {
	text     int // runes of visible text (white space collapsed, roughly)
	link     int // of which inside <a>
	ptext    int // runes in paragraph-like blocks of at least minParagraphChars
	commas   int
	inline   int // runes of text directly in this element, outside block children
	links    int // number of <a href>
	paras    int // paragraph-like blocks
	hasBlock bool

	// The same measures leaving out junk-marked subtrees (measureClean).
	ctext, clink, cptext int
}

// measure fills c.stats for every element under body, bottom-up, in one
// pass.
func (c *cleaner) measure() {
	if c.body != nil {
		c.measureNode(c.body, false, 0)
	}
}

func (c *cleaner) measureNode(n *html.Node, inLink bool, depth int) *nodeStat {
	c.tick()
	st := c.newStat()
	c.stats[n] = st
	if depth > maxDepth {
		return st
	}
	if n.DataAtom == atom.A {
		inLink = true
		if attr(n, "href") != "" {
			st.links++
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			l, commas := measureText(ch.Data)
			st.text += l
			st.inline += l
			if inLink {
				st.link += l
			}
			st.commas += commas
		case html.ElementNode:
			if c.drop[ch] {
				continue
			}
			cs := c.measureNode(ch, inLink, depth+1)
			st.text += cs.text
			st.link += cs.link
			st.ptext += cs.ptext
			st.commas += cs.commas
			st.links += cs.links
			st.paras += cs.paras
			if blockTags.has(ch.DataAtom) {
				st.hasBlock = true
			} else {
				st.inline += cs.inline
			}
		}
	}
	if isParagraphLike(n, st) && st.inline >= minParagraphChars && (st.text == 0 || float64(st.link)/float64(st.text) < 0.5) {
		st.ptext += st.inline
		st.paras++
	}
	return st
}

// isParagraphLike: elements whose own text counts as a paragraph.
func isParagraphLike(n *html.Node, st *nodeStat) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Dd, atom.Li:
		return true
	case atom.Div, atom.Section, atom.Article, atom.Span, atom.Font, atom.Center, atom.Main, atom.Body:
		return true
	}
	return false
}

// collapsedLen is the rune length s would have after collapse, plus one
// for a leading or trailing space.
func collapsedLen(s string) int {
	n, _ := measureText(s)
	return n
}

// measureText returns collapsedLen(s) and the commas in s (",", "،",
// "，"), in one pass over the bytes: it runs on every text node of the
// page, and in WASM each extra pass is a byte loop.
func measureText(s string) (n, commas int) {
	space := true
	for i := 0; i < len(s); {
		c := s[i]
		if measureWordByte[c] {
			// a run of ASCII that is neither white space nor a comma
			j := i + 1
			for j < len(s) && measureWordByte[s[j]] {
				j++
			}
			n += j - i
			i = j
			space = false
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\n', '\t', '\r', '\f':
				if !space {
					n++
				}
				space = true
				continue
			case ',':
				commas++
			}
			space = false
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\u00a0' {
			if !space {
				n++
			}
			space = true
			continue
		}
		if r == '،' || r == '，' {
			commas++
		}
		space = false
		n++
	}
	return n, commas
}

// measureWordByte: the ASCII bytes measureText counts one each with nothing
// else to do (not white space, not a comma).
var measureWordByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(" \n\t\r\f,", rune(c))
	}
	return t
}()

// newStat hands out nodeStats from chunks: one allocation per 256
// elements instead of one per element.
func (c *cleaner) newStat() *nodeStat {
	if len(c.statSlab) == cap(c.statSlab) {
		c.statSlab = make([]nodeStat, 0, 256)
	}
	c.statSlab = c.statSlab[:len(c.statSlab)+1]
	return &c.statSlab[len(c.statSlab)-1]
}

func (c *cleaner) st(n *html.Node) *nodeStat {
	if s := c.stats[n]; s != nil {
		return s
	}
	return &nodeStat{}
}

func linkDensity(st *nodeStat) float64 {
	if st.text == 0 {
		return 0
	}
	return float64(st.link) / float64(st.text)
}

// measureClean fills the c* fields: text, link text and paragraph text
// outside junk marks. It runs after markJunk.
func (c *cleaner) measureClean(n *html.Node, depth int) {
	st := c.st(n)
	st.ctext, st.clink, st.cptext = 0, 0, 0
	if _, junk := c.kind[n]; junk || depth > maxDepth {
		return
	}
	own := st.text
	ownLink, ownP := st.link, st.ptext
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || c.stats[ch] == nil {
			continue
		}
		cs := c.stats[ch]
		c.measureClean(ch, depth+1)
		own -= cs.text
		ownLink -= cs.link
		ownP -= cs.ptext
		st.ctext += cs.ctext
		st.clink += cs.clink
		st.cptext += cs.cptext
	}
	st.ctext += own
	st.clink += ownLink
	st.cptext += ownP
}

func cleanLinkDensity(st *nodeStat) float64 {
	if st.ctext == 0 {
		return 0
	}
	return float64(st.clink) / float64(st.ctext)
}
