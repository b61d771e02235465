package clean

import (
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// score.go: finding the main content, after Readability's scoring. Every
// paragraph-like block of enough text votes for its parent (full score),
// grandparent (half) and further ancestors (less); class/id hints and the
// tag add a base score; link density discounts. The best candidate and the
// siblings that look like more of the same become the article.

func (c *cleaner) tagBase(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// classWeight: +25 for article-body hints, -25 for junk hints.
func (c *cleaner) classWeight(n *html.Node) float64 {
	w := 0.0
	if ci := c.hintString(n, false); ci != "" {
		k := c.junkHintKind(n)
		if k != "" {
			w -= 25
			// Beside a junk word, the parts of camelCase names do not
			// count for the article ("Sidebar_storyCard").
			ci = c.hintStringCamel(n, false, false)
		}
		if hintMatch(ci, hintPositive) {
			w += 25
		}
	}
	ip := attr(n, "itemprop")
	if ip == "articleBody" || ip == "text" {
		w += 30
	}
	if n == c.bodyHint {
		w += 50
	}
	return w
}

func (c *cleaner) findRoots() {
	c.rootSet = map[*html.Node]bool{}
	if c.body == nil {
		return
	}
	if c.scoreRoots(false) {
		return
	}
	// Every paragraph sat inside something marked as junk: score again
	// ignoring the weak marks, then lift the marks on the chosen root.
	if c.scoreRoots(true) {
		for _, r := range c.roots {
			for p := r; p != nil; p = p.Parent {
				delete(c.kind, p)
			}
			c.walk(r, func(n *html.Node) bool {
				if k, ok := c.kind[n]; ok {
					if k == KindComments || k == KindCommentForm || k == KindSpamByline || k == KindRelatedLinks {
						return false
					}
					if st := c.st(n); st.ptext >= minParagraphChars*4 && linkDensity(st) < 0.3 {
						delete(c.kind, n)
					}
				}
				return true
			})
		}
	}
}

// weakKind: marks that the fallback scoring may look through.
func weakKind(k Kind) bool {
	return k != KindComments && k != KindCommentForm && k != KindSpamByline
}

// scoreRoots scores the page and sets c.roots; it reports whether it found
// any candidate. With loose set, weak junk marks do not hide paragraphs.
func (c *cleaner) scoreRoots(loose bool) bool {
	c.roots = nil
	c.rootSet = map[*html.Node]bool{}
	scores := map[*html.Node]float64{}
	var order []*html.Node
	add := func(n *html.Node, s float64) {
		if n == nil || n.Type != html.ElementNode || n == c.htmlEl {
			return
		}
		if _, ok := scores[n]; !ok {
			scores[n] = c.tagBase(n) + c.classWeight(n)
			order = append(order, n)
		}
		scores[n] += s
	}
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			c.tick()
			if k, junk := c.kind[ch]; junk && !(loose && weakKind(k)) {
				continue
			}
			st := c.st(ch)
			if isParagraphLike(ch, st) && st.inline >= minParagraphChars && !isHeading(ch) {
				s := 1 + float64(min(st.commas, 20)) + min(float64(st.inline)/100, 3)
				start := ch.Parent
				if st.hasBlock {
					start = ch // mixed content: the element is its own paragraph's container
				}
				level := 0
				for a := start; a != nil && a != c.doc && level < 5; a = a.Parent {
					switch level {
					case 0:
						add(a, s)
					case 1:
						add(a, s/2)
					default:
						add(a, s/float64(level*3))
					}
					level++
				}
			}
			if depth < maxDepth {
				visit(ch, depth+1)
			}
		}
	}
	visit(c.body, 0)
	if len(order) == 0 {
		return false
	}
	main := c.mainEl
	if c.mains != 1 || main == nil || c.st(main).ptext < minArticleChars {
		main = nil
	}
	finals := make(map[*html.Node]float64, len(order))
	final := func(n *html.Node) float64 {
		if f, ok := finals[n]; ok {
			return f
		}
		f := scores[n] * (1 - linkDensity(c.st(n)))
		if main != nil && !isAncestor(main, n) && !isAncestor(n, main) {
			f *= outsideMainFactor // the page marks where its content is
		}
		finals[n] = f
		return f
	}
	sort.SliceStable(order, func(i, j int) bool { return final(order[i]) > final(order[j]) })
	top := order[0]
	topScore := final(top)
	if debugf != nil {
		for _, n := range order[:min(len(order), 6)] {
			debugf("cand <%s class=%.50q> score=%.1f final=%.1f ptext=%d", n.Data, attr(n, "class"), scores[n], final(n), c.st(n).ptext)
		}
	}

	// Several strong candidates under one ancestor: the article is split
	// into sections; take the ancestor.
	var alts []*html.Node
	for _, n := range order[1:min(len(order), 6)] {
		if final(n) >= 0.75*topScore && !isAncestor(top, n) && !isAncestor(n, top) {
			alts = append(alts, n)
		}
	}
	if len(alts) >= 3 {
		for p := top.Parent; p != nil && p != c.body && p != c.htmlEl; p = p.Parent {
			cnt := 0
			for _, a := range alts {
				if isAncestor(p, a) {
					cnt++
				}
			}
			if cnt >= 3 {
				top = p
				if debugf != nil {
					debugf("alts → <%s class=%.50q>", p.Data, attr(p, "class"))
				}
				break
			}
		}
	}
	// Readability also climbs to a parent that scores better; expand below
	// does that job with text measures instead (it measured better here).
	for top.Parent != nil && top.Parent != c.body && onlyElementChild(top.Parent) == top {
		top = top.Parent
	}
	top = c.expand(top, main)
	// An explicit articleBody wins when it holds most of the text.
	if h := c.bodyHint; h != nil && h != top {
		hp, tp := c.st(h).ptext, c.st(top).ptext
		if (isAncestor(top, h) && float64(hp) >= 0.7*float64(tp)) || (!isAncestor(h, top) && float64(hp) >= 0.7*float64(tp)) {
			top = h
		}
	}
	c.roots = append(c.withFigures(c.withSiblings(top, scores, final)), c.faqsAfter(top, main)...)
	for _, r := range c.roots {
		c.rootSet[r] = true
	}
	return true
}

// expand climbs from top to the highest ancestor that adds a good deal of
// plain paragraph text outside junk marks (an article split into sections,
// a listicle of cards), stopping where what is added is mostly links or
// repeats paragraphs already in (a second, hidden copy of the article).
// With main set (the page's one <main>), it never climbs above it.
func (c *cleaner) expand(top, main *html.Node) *html.Node {
	base := c.st(top).cptext
	if base == 0 {
		return top
	}
	seen := map[string]bool{}
	c.paragraphTexts(top, func(t string) { seen[t] = true }, nil)
	best := top
	cur := top
	for p := top.Parent; p != nil && p != c.htmlEl && p != c.doc; p = p.Parent {
		if main != nil && cur == main {
			break // the page's one <main> holds the article: not beyond it
		}
		ps, cs := c.st(p), c.st(cur)
		addP := ps.cptext - cs.cptext
		addText := ps.ctext - cs.ctext
		addLink := ps.clink - cs.clink
		if addText > 0 && float64(addLink)/float64(addText) > expandMaxLinkDensity {
			break
		}
		dup, all := 0, 0
		var heads headingCount
		for s := p.FirstChild; s != nil; s = s.NextSibling {
			if s != cur && s.Type == html.ElementNode {
				c.paragraphTexts(s, func(t string) {
					all += len(t)
					if seen[t] {
						dup += len(t)
					}
					seen[t] = true
				}, &heads)
			}
		}
		if debugf != nil {
			debugf("expand? <%s class=%.40q> addP=%d addText=%d addLink=%d dup=%d/%d base=%d heads=%d linked=%d", p.Data, attr(p, "class"), addP, addText, addLink, dup, all, base, heads.all, heads.linked)
		}
		if all > 0 && float64(dup) > expandMaxDuplicate*float64(all) {
			break
		}
		if heads.linked >= expandMaxTeasers && float64(heads.linked) >= expandTeaserShare*float64(heads.all) {
			break // a stream of other stories: linked headlines with teasers
		}
		bs := c.st(best)
		gainP, gainText := ps.cptext-bs.cptext, ps.ctext-bs.ctext
		if float64(gainP) >= expandMinGain*float64(base) && float64(gainP) >= expandMinShare*float64(gainText) {
			best = p
			base = ps.cptext
		}
		cur = p
		if p == c.body {
			break
		}
	}
	return best
}

// headingCount: headings seen by paragraphTexts, and how many of them
// are mostly a link (a headline pointing to another page).
type headingCount struct{ all, linked int }

// paragraphTexts calls f with the text of every paragraph-like block of
// at least 60 runes under n, outside junk marks; with h set, it counts
// the headings too.
func (c *cleaner) paragraphTexts(n *html.Node, f func(string), h *headingCount) {
	if _, junk := c.kind[n]; junk {
		return
	}
	st := c.st(n)
	if h != nil && isHeading(n) {
		if st.text > 0 {
			h.all++
			if linkDensity(st) >= 0.8 {
				h.linked++
			}
		}
	}
	if !st.hasBlock {
		if st.inline >= 60 {
			f(textOf(n))
		}
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			c.paragraphTexts(ch, f, h)
		}
	}
}

func onlyElementChild(p *html.Node) *html.Node {
	var only *html.Node
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = ch
		case html.TextNode:
			if collapsedLen(ch.Data) > 0 {
				return nil
			}
		}
	}
	return only
}

// withSiblings returns top and those of its siblings that continue the
// article (Readability's sibling step), plus the headings, figures and
// lists that sit between them.
func (c *cleaner) withSiblings(top *html.Node, scores map[*html.Node]float64, final func(*html.Node) float64) []*html.Node {
	p := top.Parent
	if p == nil || p == c.doc {
		return []*html.Node{top}
	}
	topScore := final(top)
	threshold := max(10, topScore*siblingScoreRatio)
	topClass := attr(top, "class")
	var sibs []*html.Node
	var keep []bool
	for s := p.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		sibs = append(sibs, s)
		if s == top {
			keep = append(keep, true)
			continue
		}
		if _, junk := c.kind[s]; junk {
			keep = append(keep, false)
			continue
		}
		ok := false
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = topScore * 0.2
		}
		if sc, has := scores[s]; has && sc*(1-linkDensity(c.st(s)))+bonus >= threshold {
			ok = true
		} else if c.isFAQ(s) {
			ok = true
		} else if st := c.st(s); isParagraphLike(s, st) && !st.hasBlock {
			ld := linkDensity(st)
			if st.inline >= 80 && ld < 0.25 {
				ok = true
			} else if st.inline > 0 && st.inline < 80 && ld == 0 && endsSentence(textOf(s)) {
				ok = true
			}
		}
		keep = append(keep, ok)
	}
	first, last := -1, -1
	for i, k := range keep {
		if k {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	var out []*html.Node
	for i, s := range sibs {
		if keep[i] {
			out = append(out, s)
			continue
		}
		if i > first && i < last {
			if _, junk := c.kind[s]; junk {
				continue
			}
			st := c.st(s)
			if st.text > 0 && linkDensity(st) < 0.5 {
				out = append(out, s)
			} else if st.text == 0 && hasImage(s) {
				out = append(out, s)
			}
		} else if i == first-1 && isHeading(s) {
			if _, junk := c.kind[s]; !junk && s != c.titleNode {
				out = append(out, s)
			}
		}
	}
	return out
}

// faqsAfter: FAQ blocks (isFAQ) after the article in the page's one
// <main> that holds it, found among the following siblings of top's
// ancestors up to that <main> (a FAQ section a few boxes further down
// the same page body).
func (c *cleaner) faqsAfter(top, main *html.Node) []*html.Node {
	if main == nil || !isAncestor(main, top) || top == main {
		return nil
	}
	var out []*html.Node
	for cur := top.Parent; cur != nil && cur != main; cur = cur.Parent {
		for s := cur.NextSibling; s != nil; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			if _, junk := c.kind[s]; !junk && c.isFAQ(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// isFAQ: a block of questions and answers in plain text under a "FAQ"
// or "Frequently Asked Questions" heading, which continues the article
// it sits beside.
func (c *cleaner) isFAQ(n *html.Node) bool {
	st := c.st(n)
	if st.ptext < faqMinChars || linkDensity(st) > 0.2 {
		return false
	}
	h := findFirst(n, isHeading)
	if h == nil || c.st(h).text > 60 {
		return false
	}
	return reFAQLabel.MatchString(strings.TrimSpace(textOf(h)))
}

// withFigures adds the figures right before and after the chosen
// siblings when they share an article element: the lead image with its
// caption often sits between the headline and the body container. A
// figure is a <figure>, or a box holding an image and at most a short
// caption; junk marks and link-heavy boxes are passed over or stop the
// search.
func (c *cleaner) withFigures(roots []*html.Node) []*html.Node {
	if len(roots) == 0 {
		return roots
	}
	first, last := roots[0], roots[len(roots)-1]
	p := first.Parent
	if p == nil || p == c.doc || !c.inArticleElement(p) {
		return roots
	}
	var before, after []*html.Node
	defer func() {
		for _, f := range before {
			c.nearFigs[f] = true
		}
		for _, f := range after {
			c.nearFigs[f] = true
		}
	}()
	for s := first.PrevSibling; s != nil && len(before) < maxNearFigures; s = s.PrevSibling {
		ok, stop := c.nearFigure(s)
		if stop {
			break
		}
		if ok {
			before = append(before, s)
		}
	}
	for s := last.NextSibling; s != nil && len(after) < maxNearFigures; s = s.NextSibling {
		ok, stop := c.nearFigure(s)
		if stop {
			break
		}
		if ok {
			after = append(after, s)
		}
	}
	if len(before) == 0 && len(after) == 0 {
		return roots
	}
	out := make([]*html.Node, 0, len(before)+len(roots)+len(after))
	for i := len(before) - 1; i >= 0; i-- {
		out = append(out, before[i])
	}
	out = append(out, roots...)
	return append(out, after...)
}

// nearFigure: s is a figure to add (ok), or something the search for
// figures next to the article body must not pass (stop). White space,
// empty elements and junk-marked siblings are passed over.
func (c *cleaner) nearFigure(s *html.Node) (ok, stop bool) {
	switch s.Type {
	case html.TextNode:
		return false, hasVisibleText(s.Data)
	case html.ElementNode:
	default:
		return false, false
	}
	if _, junk := c.kind[s]; junk {
		return false, false
	}
	if s == c.titleNode || isAncestor(s, c.titleNode) {
		return false, true
	}
	st := c.st(s)
	if !hasImage(s) {
		return false, st.text > 0
	}
	if st.text > figureMaxCaption || st.ptext > figureMaxCaption || linkDensity(st) >= 0.5 {
		return false, true
	}
	switch {
	case s.DataAtom == atom.Figure || s.DataAtom == atom.Img || s.DataAtom == atom.Picture:
		return true, false
	case hintMatch(classID(s), hintByline) || hintMatch(classID(s), hintAuthorBox):
		return false, true // an author box with a portrait
	case st.text == 0:
		return true, false // an image alone
	}
	// A box with an image and a caption: figure-like class words, or a
	// figcaption or caption-classed element inside.
	if hintMatch(classID(s), hintFigure) || findFirst(s, func(x *html.Node) bool {
		return x.DataAtom == atom.Figcaption || hintMatch(classID(x), hintCaption)
	}) != nil {
		return true, false
	}
	return false, true
}

// inArticleElement: n is, or is inside, an element that stands for the
// whole article (<article>, microdata Article types, role=article).
func (c *cleaner) inArticleElement(n *html.Node) bool {
	for p := n; p != nil && p != c.body; p = p.Parent {
		if p.DataAtom == atom.Article || strings.EqualFold(attr(p, "role"), "article") || strings.Contains(attr(p, "itemtype"), "Article") {
			return true
		}
	}
	return false
}

func endsSentence(t string) bool {
	if t == "" {
		return false
	}
	r := []rune(t)
	switch r[len(r)-1] {
	case '.', '!', '?', '"', '”', '»', ')':
		return true
	}
	return false
}

func hasImage(n *html.Node) bool {
	return n.DataAtom == atom.Img || findFirst(n, func(x *html.Node) bool { return x.DataAtom == atom.Img }) != nil
}

// notArticle returns why the page holds no article, or "". It judges the
// chosen root after junk marks: too little text, mostly links, or mostly
// linked headlines with short teasers (a home page, search results).
func (c *cleaner) notArticle() string {
	if c.body == nil || len(c.roots) == 0 {
		return "the page has no paragraphs of text"
	}
	var ptext, text, link, paras, teasers int
	for _, r := range c.roots {
		st := c.st(r)
		ptext += st.cptext
		text += st.ctext
		link += st.clink
		c.walk(r, func(n *html.Node) bool {
			if _, junk := c.kind[n]; junk {
				return false
			}
			switch n.DataAtom {
			case atom.H2, atom.H3, atom.H4:
				if hs := c.st(n); hs.text > 0 && linkDensity(hs) >= 0.8 {
					teasers++
				}
				return false
			case atom.P:
				if ps := c.st(n); ps.text >= 80 && linkDensity(ps) < 0.3 {
					paras++
				}
			}
			return true
		})
	}
	if text == 0 || ptext < minArticleChars/2 {
		return "too little text"
	}
	if float64(link)/float64(text) > maxTeaserRatio {
		return "the page is mostly links"
	}
	if debugf != nil {
		debugf("notArticle: ptext=%d text=%d link=%d paras=%d teasers=%d", ptext, text, link, paras, teasers)
	}
	if teasers >= minTeasers && teasers*2 >= paras*3 && ptext < teasers*maxTeaserChars && float64(link)/float64(text) > minTeaserLinkDensity {
		return "the page lists other pages' headlines"
	}
	if ptext < minArticleChars && paras < minArticleParagraphs {
		return "too little text"
	}
	return ""
}

// debugf, when set by a test, traces the root choice.
var debugf func(format string, args ...any)
