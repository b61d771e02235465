package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// hints.go: matching class, id and data-* values against the word tables
// in rules.go without regular expressions (they were most of the run
// time on pages with thousands of classed elements).

// hintMatch reports whether any run of up to four words of each
// space-separated token of s, joined without separators and lower-cased
// ("td-post-sharing" gives "td", "post", "sharing", "tdpost",
// "postsharing", "tdpostsharing"), is in table.
func hintMatch(s string, table map[string]bool) bool {
	return hintGrams(s, table, nil)
}

// hintGrams looks up every run of up to four words of each token of s
// (see hintMatch): in table when it is set, reporting a hit; else in
// hintFirst, keeping the lowest table index in *best (stopping at 0).
// (No function value here: it would move the word buffer to the heap.)
func hintGrams(s string, table map[string]bool, best *int) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			// Unicode white space splits tokens too (strings.Fields).
			for _, tok := range strings.Fields(s) {
				if tokenGrams(tok, table, best) {
					return true
				}
			}
			return false
		}
	}
	for len(s) > 0 {
		i := 0
		for i < len(s) && !isHintSpace(s[i]) {
			i++
		}
		tok := s[:i]
		for i < len(s) && isHintSpace(s[i]) {
			i++
		}
		s = s[i:]
		if tok != "" && tokenGrams(tok, table, best) {
			return true
		}
	}
	return false
}

// tokenGrams is hintGrams for one token.
func tokenGrams(tok string, table map[string]bool, best *int) bool {
	var words [8]string
	var buf [128]byte
	ws := words[:0]
	start := -1
	for i := 0; i <= len(tok); i++ {
		sep := i == len(tok) || tok[i] == '-' || tok[i] == '_' || tok[i] == ':' || tok[i] == '.' || tok[i] == '/'
		if sep {
			if start >= 0 && len(ws) < cap(ws) {
				ws = append(ws, tok[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	for i := range ws {
		g := buf[:0]
		for j := i; j < len(ws) && j < i+4; j++ {
			if len(g)+len(ws[j]) > len(buf) {
				break
			}
			g = append(g, ws[j]...)
			if !hintGramFilter.may(g) {
				continue
			}
			if table != nil {
				if table[string(g)] {
					return true
				}
			} else if ti, ok := hintFirst[string(g)]; ok && ti < *best {
				if *best = ti; ti == 0 {
					return true
				}
			}
		}
	}
	return false
}

func isHintSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// hintFirst maps every word of the hint tables to the index of the first
// table in hintTables that holds it, so one pass over a hint string finds
// the first matching table.
var hintFirst = func() map[string]int {
	m := map[string]int{}
	for i, t := range hintTables {
		for w := range t.words {
			if _, ok := m[w]; !ok {
				m[w] = i
			}
		}
	}
	return m
}()

// hintTableKind returns the first kind in hintTables order whose table
// matches s, or "" (cached per page).
func (c *cleaner) hintTableKind(s string) Kind {
	if k, ok := c.hintCache[s]; ok {
		return k
	}
	best := len(hintTables)
	hintGrams(s, nil, &best)
	var out Kind
	if best < len(hintTables) {
		out = hintTables[best].kind
	}
	c.hintCache[s] = out
	return out
}

// hintString is the lower-cased class, id and component-naming data-*
// attributes of n. Without junk set (the article-body words), camelCase
// names are split into words too ("ArticleTextGroup" → "article-text-group");
// junk words are matched only in names split by the page itself
// ("CtxtMenu_Attached" is a math widget, not a menu). With junk set, an id that is an anchor — the target
// of an in-page link, or a slug of a heading's words
// ("how-popular-is-meditation") — is left out: it names a place in the
// text, not a component ("#main-content" still counts for the article).
func (c *cleaner) hintString(n *html.Node, junk bool) string {
	return c.hintStringCamel(n, junk, !junk)
}

// hintStringCamel is hintString, with camelCase names split when camel is
// set.
func (c *cleaner) hintStringCamel(n *html.Node, junk, camel bool) string {
	return string(c.appendHint(nil, n, junk, camel))
}

// junkHintKind is hintTableKind(hintString(n, true)). The hint string is
// built in a scratch buffer and made a string only when the cache has not
// seen it: most elements repeat a few class names, and one string per
// element was a good share of the engine's garbage.
func (c *cleaner) junkHintKind(n *html.Node) Kind {
	b := c.appendHint(c.hintBuf[:0], n, true, false)
	c.hintBuf = b
	if len(b) == 0 {
		return ""
	}
	if k, ok := c.hintCache[string(b)]; ok { // no allocation for the look-up
		return k
	}
	return c.hintTableKind(string(b))
}

// appendHint appends hintStringCamel(n, junk, camel) to b.
func (c *cleaner) appendHint(b []byte, n *html.Node, junk, camel bool) []byte {
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			if junk && (c.anchorIDs[a.Val] || isSlug(a.Val)) {
				// "#comments" and "#respond" are link targets too, and
				// still the comment thread and form.
				if k := c.hintTableKind(strings.ToLower(a.Val)); k != KindComments && k != KindCommentForm {
					continue
				}
			}
			fallthrough
		case "class", "data-component", "data-module", "data-testid", "data-type", "data-block", "data-widget", "data-section", "data-role", "itemprop":
			b = appendLower(b, a.Val, camel)
			b = append(b, ' ')
		}
	}
	return b
}

// isSlug: an id made of slugMinWords or more words of letters joined by
// "-" or "_" (the words of a heading); "div-gpt-ad-1572-0" is not one.
func isSlug(id string) bool {
	words, letters := 0, 0
	for i := 0; i <= len(id); i++ {
		if i == len(id) || id[i] == '-' || id[i] == '_' {
			if letters > 0 {
				words++
			}
			letters = 0
			continue
		}
		switch b := id[i]; {
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			if letters >= 0 {
				letters++
			}
		default:
			letters = -1 << 20 // a word with a digit or other sign is not a word of text
		}
	}
	return words >= slugMinWords
}

// appendLower appends strings.ToLower(v) to b. With splitCamel, a "-" goes
// where a lower-case letter meets an upper-case one ("ColumnMain" →
// "column-main"), so the words of camelCase class names are looked up one
// by one.
func appendLower(b []byte, v string, splitCamel bool) []byte {
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if ch >= 0x80 {
			return append(b, strings.ToLower(v[i:])...)
		}
		if ch >= 'A' && ch <= 'Z' {
			if splitCamel && i > 0 && v[i-1] >= 'a' && v[i-1] <= 'z' {
				b = append(b, '-')
			}
			ch += 'a' - 'A'
		}
		b = append(b, ch)
	}
	return b
}
