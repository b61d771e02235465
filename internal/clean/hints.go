package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// hints.go: matching class, id and data-* values against the word tables
// in rules.go without regular expressions (they were most of the run
// time on pages with thousands of classed elements).

// hintGrams calls f with every run of up to four words of each
// space-separated token of s, joined without separators and lower-cased,
// until f returns true.
func hintGrams(s string, f func(string) bool) bool {
	var buf [8]string
	for _, tok := range strings.Fields(s) {
		ws := buf[:0]
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' || r == ':' || r == '.' || r == '/' }) {
			if len(ws) == cap(ws) {
				break
			}
			ws = append(ws, w)
		}
		for i := range ws {
			g := ""
			for j := i; j < len(ws) && j < i+4; j++ {
				g += ws[j]
				if f(g) {
					return true
				}
			}
		}
	}
	return false
}

// hintMatch reports whether any word run of s is in table.
func hintMatch(s string, table map[string]bool) bool {
	return hintGrams(s, func(g string) bool { return table[g] })
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
