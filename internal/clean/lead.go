package clean

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// lead.go: the standfirst. Many layouts put a summary paragraph ("dek",
// "standfirst", "subtitle") in the article header between the headline
// and the body container the scorer picks. findLeads adds such blocks,
// in order, ahead of the roots.

const (
	leadMinChars = 40 // a lead block has at least this much text…
	leadMaxCount = 4  // …and at most this many single blocks are taken
)

func (c *cleaner) findLeads() {
	if c.titleNode == nil || len(c.roots) == 0 {
		return
	}
	first := c.roots[0]
	body := first // the first root that is not a figure beside the body
	for _, r := range c.roots {
		if !c.nearFigs[r] {
			body = r
			break
		}
	}
	if isAncestor(first, c.titleNode) {
		return
	}
	// The lowest common ancestor of the headline and the body.
	var lca *html.Node
	for p := c.titleNode.Parent; p != nil; p = p.Parent {
		if isAncestor(p, first) {
			lca = p
			break
		}
	}
	if lca == nil || lca == c.body || lca == c.htmlEl || lca == c.doc {
		return
	}
	var leads []*html.Node
	leadText := 0
	budget := c.st(body).cptext / 2 // leads never outweigh the body
	state := 0                      // 0 before the headline, 1 between, 2 done
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil && state < 2; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if ch == c.titleNode {
				state = 1
				continue
			}
			if ch == first || isAncestor(ch, first) && state == 1 && ch == first {
				state = 2
				return
			}
			if _, junk := c.kind[ch]; junk {
				continue
			}
			if isAncestor(ch, first) {
				visit(ch)
				state = 2
				return
			}
			if state == 0 {
				if isAncestor(ch, c.titleNode) {
					visit(ch)
				}
				continue
			}
			st := c.st(ch)
			if st.ctext == 0 {
				continue
			}
			if st.hasBlock {
				// A summary box of plain paragraphs goes in whole.
				if st.ctext >= 2*leadMinChars && cleanLinkDensity(st) < 0.25 && float64(st.cptext) >= 0.6*float64(st.ctext) && leadText+st.ctext <= budget {
					leads = append(leads, ch)
					leadText += st.ctext
					continue
				}
				visit(ch)
				continue
			}
			if len(leads) < leadMaxCount && st.text >= leadMinChars && linkDensity(st) < 0.3 && isLeadTag(ch) && countWords(textOf(ch)) >= 6 && leadText+st.ctext <= budget {
				leads = append(leads, ch)
				leadText += st.ctext
			}
		}
	}
	visit(lca)
	if len(leads) == 0 {
		return
	}
	c.roots = append(leads, c.roots...)
	for _, l := range leads {
		c.rootSet[l] = true
	}
}

func isLeadTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H2, atom.H3, atom.Div, atom.Span, atom.Section:
		return true
	}
	return false
}
