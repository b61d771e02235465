package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// removed.go: listing every block taken out of the page, in document
// order, with the kind of its nearest junk mark ("other" when the block
// just lies outside the article).

type removedState int

const (
	stateRemoved removedState = iota
	stateAboveRoot
	stateInRoot
)

// collectRemoved walks the body once. With all set (no article found),
// everything is listed.
func (c *cleaner) collectRemoved(all bool) []Removed {
	if c.body == nil {
		return nil
	}
	above := map[*html.Node]bool{}
	if !all {
		for _, r := range c.roots {
			for p := r.Parent; p != nil; p = p.Parent {
				above[p] = true
			}
		}
	}
	var out []Removed
	var visit func(n *html.Node, k Kind, s removedState, depth int)
	emit := func(k Kind, t string) {
		if t == "" {
			return
		}
		out = append(out, Removed{Kind: k, Text: t})
	}
	var runText strings.Builder
	visit = func(n *html.Node, k Kind, s removedState, depth int) {
		if depth > maxDepth {
			return
		}
		if kk, ok := c.kind[n]; ok {
			k = kk
			s = stateRemoved
		} else if !all && c.rootSet[n] {
			s = stateInRoot
		} else if s == stateAboveRoot && !above[n] {
			s = stateRemoved
		}
		if n == c.titleNode {
			return
		}
		if s == stateRemoved && !c.st(n).hasBlock {
			emit(k, textOfSkip(n, func(x *html.Node) bool { return x == c.titleNode }))
			return
		}
		// Walk children; loose inline text of a removed element makes one
		// block per run.
		runText.Reset()
		var run []*html.Node
		flush := func() {
			if len(run) == 0 {
				return
			}
			var b strings.Builder
			for _, x := range run {
				rawText(x, &b, nil)
			}
			emit(k, collapse(b.String()))
			run = run[:0]
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.Type {
			case html.TextNode:
				if s == stateRemoved || s == stateAboveRoot {
					run = append(run, ch)
				}
			case html.ElementNode:
				if s != stateInRoot && !c.isBlockLevel(ch) && c.kind[ch] == "" && !above[ch] && !c.rootSet[ch] {
					run = append(run, ch)
					continue
				}
				flush()
				visit(ch, k, s, depth+1)
			}
		}
		flush()
	}
	start := stateAboveRoot
	if all {
		start = stateRemoved
	}
	visit(c.body, KindOther, start, 0)
	return out
}
