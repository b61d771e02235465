package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prepare removes what a reader never sees (scripts, styles, hidden
// elements, form controls, embeds) and makes lazy-loaded images real. It
// runs once over the body.
func (c *cleaner) prepare() {
	if c.body == nil {
		return
	}
	var gone, collapsed []*html.Node
	controls := map[string]bool{} // ids named by aria-controls
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.Type {
			case html.CommentNode, html.DoctypeNode:
				gone = append(gone, ch)
				continue
			case html.TextNode:
				if strings.IndexByte(ch.Data, 0xC2) >= 0 {
					ch.Data = fixDoubleUTF8(ch.Data)
				}
				continue
			case html.ElementNode:
			default:
				continue
			}
			for _, a := range ch.Attr {
				if a.Key == "aria-controls" {
					for _, id := range strings.Fields(a.Val) {
						controls[id] = true
					}
				}
			}
			if dropTags.has(ch.DataAtom) || depth > maxDepth {
				gone = append(gone, ch)
				continue
			}
			if isHidden(ch) {
				if isCollapsible(ch) {
					collapsed = append(collapsed, ch)
				} else {
					gone = append(gone, ch)
				}
				continue
			}
			if ch.DataAtom == atom.Img {
				fixLazyImage(ch)
			}
			if ch.DataAtom == atom.Main || strings.EqualFold(attr(ch, "role"), "main") {
				c.mains++
				c.mainEl = ch
			}
			if ch.DataAtom == atom.A {
				if h := attr(ch, "href"); len(h) > 1 && h[0] == '#' {
					if c.anchorIDs == nil {
						c.anchorIDs = map[string]bool{}
					}
					c.anchorIDs[h[1:]] = true
				}
			}
			if ch.Namespace == "math" {
				prepareMath(ch, &gone, depth)
				continue
			}
			visit(ch, depth+1)
		}
	}
	visit(c.body, 0)
	// A collapsed section that a button on the page opens (an accordion,
	// a FAQ answer) is text the reader can see; other hidden ones go.
	for i := 0; i < len(collapsed); i++ { // visit may add more
		if n := collapsed[i]; controls[attr(n, "id")] {
			visit(n, 1)
		} else {
			gone = append(gone, n)
		}
	}
	for _, n := range gone {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// prepareMath drops a formula's annotations and puts spaces around the
// text of its token elements (see mathTokens).
func prepareMath(n *html.Node, gone *[]*html.Node, depth int) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			if mathTokens[n.Data] {
				ch.Data = " " + strings.TrimSpace(ch.Data) + " "
			}
		case html.ElementNode:
			if mathDrop[ch.Data] || dropTags.has(ch.DataAtom) || isHidden(ch) || depth > maxDepth {
				*gone = append(*gone, ch)
				continue
			}
			prepareMath(ch, gone, depth+1)
		default:
			*gone = append(*gone, ch)
		}
	}
}

// isCollapsible: a hidden element with an id, hidden by the hidden
// attribute or a display:none style (not aria-hidden, which marks
// decoration and duplicates): it may be a collapsed section.
func isCollapsible(n *html.Node) bool {
	return attr(n, "id") != "" && !strings.EqualFold(attr(n, "aria-hidden"), "true")
}

// isHidden: hidden attribute, display:none / visibility:hidden styles,
// aria-hidden="true" (as Readability does).
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") && !isStreamedSegment(n) {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") && !strings.Contains(attr(n, "class"), "fallback-image") {
		return true
	}
	if s := attr(n, "style"); s != "" {
		s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	return false
}

// fixLazyImage copies data-src (and its many spellings) into src when src
// is missing or a placeholder.
func fixLazyImage(n *html.Node) {
	src := strings.TrimSpace(attr(n, "src"))
	placeholder := src == "" || strings.HasPrefix(src, "data:") || strings.Contains(src, "placeholder") || strings.Contains(src, "blank.gif") || strings.Contains(src, "spacer")
	if !placeholder {
		return
	}
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-orig-file", "data-medium-file", "data-srcset", "srcset", "data-lazy-srcset"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
			if strings.HasSuffix(k, "srcset") {
				v = firstSrcsetURL(v)
			}
			if v != "" {
				setAttr(n, "src", v)
				return
			}
		}
	}
}

func firstSrcsetURL(s string) string {
	best, bestW := "", -1
	for _, part := range strings.Split(s, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		w := 0
		if len(f) > 1 {
			d := strings.TrimRight(f[1], "wx")
			for _, r := range d {
				if r < '0' || r > '9' {
					break
				}
				w = w*10 + int(r-'0')
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// isStreamedSegment: React's streaming server rendering sends late
// content in <div hidden id="S:0"> and a script moves it into place, so a
// reader does see it.
func isStreamedSegment(n *html.Node) bool {
	id := attr(n, "id")
	if len(id) < 3 || (id[0] != 'S' && id[0] != 'P') || id[1] != ':' {
		return false
	}
	for _, r := range id[2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// fixDoubleUTF8 repairs text that was UTF-8, read as Latin-1 and encoded
// as UTF-8 again ("Investorâ\u0080\u0099s" for "Investor’s"). The C1
// control characters (U+0080–U+009F) such text holds never stand in real
// text, so only text holding one is touched: each run of characters in
// U+0080–U+00FF that spells valid UTF-8 as bytes is decoded.
func fixDoubleUTF8(s string) string {
	c1 := false
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xC2 && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
			c1 = true
			break
		}
	}
	if !c1 {
		return s
	}
	var b strings.Builder
	var run []byte
	flush := func() {
		if len(run) > 0 && utf8.Valid(run) {
			b.Write(run)
		} else {
			for _, x := range run {
				b.WriteRune(rune(x))
			}
		}
		run = run[:0]
	}
	for _, r := range s {
		if r >= 0x80 && r <= 0xFF {
			run = append(run, byte(r))
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}
