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
	var words [8]string
	var buf [128]byte
	for _, tok := range strings.Fields(s) {
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
				if table[string(g)] {
					return true
				}
			}
		}
	}
	return false
}

// hintTableKind returns the first kind in hintTables order whose table
// matches s, or "".
func (c *cleaner) hintTableKind(s string) Kind {
	if k, ok := c.hintCache[s]; ok {
		return k
	}
	var out Kind
	for _, t := range hintTables {
		if hintMatch(s, t.words) {
			out = t.kind
			break
		}
	}
	c.hintCache[s] = out
	return out
}

// hintString is the lower-cased class, id and component-naming data-*
// attributes of n.
func hintString(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "data-component", "data-module", "data-testid", "data-type", "data-block", "data-widget", "data-section", "data-role", "itemprop":
			b.WriteString(strings.ToLower(a.Val))
			b.WriteByte(' ')
		}
	}
	return b.String()
}
