package clean

import (
	"strings"

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
	if len(c.roots) == 0 {
		return
	}
	first := c.roots[0]
	// The headline: the one agreeing with the metadata, else the page's
	// only <h1> (sites often title the page and the headline differently).
	head := c.titleNode
	strict := false // take only the first block under the headline, and only a plain one
	if head == nil {
		head = c.loneH1
	} else if isAncestor(first, head) && c.loneH1 != nil {
		// The heading that matches the metadata is inside the body; the
		// page's only <h1> above it is the headline the reader sees. Less
		// sure of it, take only the first block of text right under it.
		head, strict = c.loneH1, true
	}
	if head == nil {
		return
	}
	bodyP := 0 // paragraph text of the roots that are not figures beside the body
	for _, r := range c.roots {
		if !c.nearFigs[r] {
			bodyP += c.st(r).cptext
		}
	}
	if isAncestor(first, head) {
		return
	}
	// The lowest common ancestor of the headline and the body.
	var lca *html.Node
	for p := head.Parent; p != nil; p = p.Parent {
		if isAncestor(p, first) {
			lca = p
			break
		}
	}
	if debugf != nil {
		debugf("leads: headline <%s> %.50q, common ancestor found: %v", head.Data, textOf(head), lca != nil)
	}
	if lca == c.body {
		// Headline and body meet only at <body>: look just inside the
		// headline's own top-level box (the header block with its deck),
		// not at the page blocks between it and the body, and strictly.
		for lca = head; lca != nil && lca.Parent != c.body; lca = lca.Parent {
		}
		if lca == nil || lca == head {
			return
		}
		strict = true
	}
	if lca == nil || lca == c.body || lca == c.htmlEl || lca == c.doc {
		return
	}
	var leads []*html.Node
	leadText := 0
	budget := bodyP / 2 // leads never outweigh the body
	state := 0          // 0 before the headline, 1 between, 2 done
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil && state < 2; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if ch == head {
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
				if isAncestor(ch, head) {
					visit(ch)
				}
				continue
			}
			st := c.st(ch)
			if debugf != nil {
				debugf("lead? <%s class=%.40q> ctext=%d cptext=%d cld=%.2f budget=%d", ch.Data, attr(ch, "class"), st.ctext, st.cptext, cleanLinkDensity(st), budget)
			}
			if st.ctext == 0 {
				continue
			}
			if st.hasBlock {
				// A summary box of plain paragraphs goes in whole.
				if st.ctext >= 2*leadMinChars && cleanLinkDensity(st) < 0.25 && float64(st.cptext) >= 0.6*float64(st.ctext) && leadText+st.ctext <= budget && !(strict && (c.namesAuthor(ch) || float64(st.cptext) < 0.8*float64(st.ctext) || !c.plainBox(ch))) {
					leads = append(leads, ch)
					leadText += st.ctext
					if strict {
						state = 2
					}
					continue
				}
				if strict && c.namesAuthor(ch) {
					continue // an author box: nothing in it is the lead
				}
				visit(ch)
				continue
			}
			if st.text < leadMinChars {
				continue // a label, a date, share buttons
			}
			t := textOf(ch)
			if c.isBylineText(t) {
				continue
			}
			if len(leads) < leadMaxCount && linkDensity(st) < 0.3 && isLeadTag(ch) && countWords(t) >= 6 && leadText+st.ctext <= budget {
				leads = append(leads, ch)
				leadText += st.ctext
			}
			if strict {
				state = 2
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

// isBylineText: a short line naming the author ("By Maya Brooks –
// Updated May 2, 2025"), which sits under headlines but is not a lead.
func (c *cleaner) isBylineText(t string) bool {
	if runeLen(t) > 200 {
		return false
	}
	return strings.HasPrefix(strings.ToLower(t), "by ") || (c.byline != "" && strings.Contains(t, c.byline))
}

// namesAuthor: n's text starts like a byline or holds the byline's name
// (an author box under the headline).
func (c *cleaner) namesAuthor(n *html.Node) bool {
	t := textOf(n)
	return strings.HasPrefix(strings.ToLower(t), "by ") || (c.byline != "" && strings.Contains(t, c.byline))
}

// plainBox: most text blocks in n are sentences, not labels, prices and
// buttons (a pricing table or a stats panel is not a summary).
func (c *cleaner) plainBox(n *html.Node) bool {
	short, long := 0, 0
	c.walk(n, func(x *html.Node) bool {
		if _, junk := c.kind[x]; junk {
			return false
		}
		st := c.st(x)
		if st.hasBlock || st.text == 0 {
			return st.text > 0
		}
		if st.text < minParagraphChars {
			short++
		} else {
			long++
		}
		return false
	})
	return short <= 1+long/2
}

func isLeadTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H2, atom.H3, atom.Div, atom.Span, atom.Section:
		return true
	}
	return false
}
