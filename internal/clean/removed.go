package clean

import (
	"golang.org/x/net/html"
)

// removed.go: listing what was taken out of the page, one entry per
// removed element. An entry is the outermost removed element whose
// subtree holds text of one kind only (a whole "More like this" box, a
// whole comment form, a whole <nav>); an element mixing kinds (a sidebar
// of different widgets) or holding kept text is split into its children,
// and consecutive unmarked pieces of loose text outside the article make
// one entry per run. The kind is that of the nearest junk mark, "other"
// when the text just lies outside the article.

type removedState int

const (
	stateRemoved removedState = iota
	stateAboveRoot
	stateInRoot
)

// rmSum is what the first pass of collectRemoved learns about an element.
type rmSum struct {
	kind   Kind // the one kind of all removed text below; "" when there is none
	mixed  bool // removed text of different kinds, or kept text, below
	marked bool // a junk mark on the element or below it
}

func (a rmSum) add(b rmSum) rmSum {
	a.marked = a.marked || b.marked
	switch {
	case a.mixed || b.mixed:
		a.mixed = true
	case b.kind == "":
	case a.kind == "":
		a.kind = b.kind
	case a.kind != b.kind:
		a.mixed = true
	}
	return a
}

type remover struct {
	c     *cleaner
	all   bool
	above map[*html.Node]bool
	sums  map[*html.Node]rmSum
	out   []Removed
}

// collectRemoved lists every removed block with visible text, in document
// order. With all set (no article found), everything is listed. It walks
// the body twice: bottom-up to learn each element's kinds, top-down to
// emit the outermost single-kind elements.
func (c *cleaner) collectRemoved(all bool) []Removed {
	if c.body == nil {
		return nil
	}
	r := &remover{c: c, all: all, above: map[*html.Node]bool{}, sums: make(map[*html.Node]rmSum, len(c.stats))}
	if !all {
		for _, root := range c.roots {
			for p := root.Parent; p != nil; p = p.Parent {
				r.above[p] = true
			}
		}
	}
	start := stateAboveRoot
	if all {
		start = stateRemoved
	}
	k, s := r.enter(c.body, KindOther, start)
	r.summarize(c.body, k, s, 0)
	r.emitNode(c.body, k, s, 0)
	return r.out
}

// enter is the kind and state of n, given its parent's.
func (r *remover) enter(n *html.Node, k Kind, s removedState) (Kind, removedState) {
	if kk, ok := r.c.kind[n]; ok {
		return kk, stateRemoved
	}
	if !r.all && r.c.rootSet[n] {
		return k, stateInRoot
	}
	if s == stateAboveRoot && !r.above[n] {
		return k, stateRemoved
	}
	return k, s
}

// summarize fills r.sums for n and the elements below it (n entered with
// kind k and state s).
func (r *remover) summarize(n *html.Node, k Kind, s removedState, depth int) rmSum {
	var sum rmSum
	if depth > maxDepth || n == r.c.titleNode {
		r.sums[n] = sum
		return sum
	}
	_, sum.marked = r.c.kind[n]
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			if !hasVisibleText(ch.Data) {
				continue
			}
			if s == stateInRoot {
				sum.mixed = true // kept text
			} else {
				sum = sum.add(rmSum{kind: k})
			}
		case html.ElementNode:
			r.c.tick()
			ck, cs := r.enter(ch, k, s)
			sum = sum.add(r.summarize(ch, ck, cs, depth+1))
		}
	}
	r.sums[n] = sum
	return sum
}

// emitNode lists the removed parts of n, an element whose kinds are mixed
// (or the body).
func (r *remover) emitNode(n *html.Node, k Kind, s removedState, depth int) {
	if depth > maxDepth {
		return
	}
	sum := r.sums[n]
	if !sum.mixed {
		if sum.kind != "" {
			r.emit(sum.kind, n)
		}
		return
	}
	var run []*html.Node
	var runKind Kind
	flush := func() {
		if len(run) > 0 {
			r.emit(runKind, run...)
			run = run[:0]
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			if s == stateInRoot {
				if hasVisibleText(ch.Data) {
					flush()
				}
				continue
			}
			if len(run) > 0 && runKind != k {
				flush()
			}
			if len(run) == 0 && !hasVisibleText(ch.Data) {
				continue
			}
			runKind = k
			run = append(run, ch)
		case html.ElementNode:
			r.c.tick()
			cs := r.sums[ch]
			switch {
			case !cs.mixed && cs.kind == "":
				// no text: neither joins nor breaks a run
			case !cs.mixed && !cs.marked:
				// loose text outside the article, or inherited from a mark above
				if len(run) > 0 && runKind != cs.kind {
					flush()
				}
				runKind = cs.kind
				run = append(run, ch)
			case !cs.mixed:
				flush()
				r.emit(cs.kind, ch)
			default:
				flush()
				ck, cst := r.enter(ch, k, s)
				r.emitNode(ch, ck, cst, depth+1)
			}
		}
	}
	flush()
}

// emit adds one entry with the text of nodes. In an author bio the
// author's name, when it has an element of its own, is left out: the
// name is not the spam.
func (r *remover) emit(k Kind, nodes ...*html.Node) {
	c := r.c
	skip := func(x *html.Node) bool { return x == c.titleNode }
	if k == KindSpamByline {
		skip = func(x *html.Node) bool {
			return x == c.titleNode || c.isAuthorName(x)
		}
	}
	if t := textOfNodes(nodes, skip, true); t != "" {
		r.out = append(r.out, Removed{Kind: k, Text: t})
	}
}

// isAuthorName: an element inside an author box that holds just the
// author's name (class "author-name", or the byline's text).
func (c *cleaner) isAuthorName(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	st := c.st(n)
	if st.text == 0 || st.text > 60 || st.hasBlock && !isHeading(n) {
		return false
	}
	if hintMatch(classID(n), hintBylineName) {
		return true
	}
	return c.byline != "" && cleanByline(textOf(n)) == c.byline
}

// hasVisibleText: s holds something other than white space.
func hasVisibleText(s string) bool {
	for _, r := range s {
		if !(r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u200b') {
			return true
		}
	}
	return false
}
