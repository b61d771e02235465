package clean

import (
	"net/url"
	"strings"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// junk.go: marking blocks that are not the article, with the kind of junk
// they are. A mark covers the element's subtree; the nearest mark names the
// kind of each removed block.

// markJunk walks the body once and marks elements by their tag, role,
// class/id and data-* hints, and short blocks by their text.
func (c *cleaner) markJunk() {
	if c.body == nil {
		return
	}
	bodyP := c.st(c.body).ptext
	var visit func(n *html.Node, above Kind, depth int)
	visit = func(n *html.Node, above Kind, depth int) {
		if depth > maxDepth {
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if ch.DataAtom == atom.Pre || ch.DataAtom == atom.Code {
				continue // syntax-highlighting classes ("hljs-comment") are not junk
			}
			c.tick()
			c.classify(ch, above, bodyP)
			k := above
			if kk, ok := c.kind[ch]; ok {
				k = kk
			}
			visit(ch, k, depth+1)
		}
	}
	visit(c.body, "", 0)
}

// guarded: elements that hold the headline, the explicit article body, or
// most of the page's paragraph text are never marked by weak hints.
func (c *cleaner) guarded(n *html.Node, bodyP int) bool {
	if n == c.body || n == c.htmlEl {
		return true
	}
	if c.titleNode != nil && isAncestor(n, c.titleNode) {
		return true
	}
	if c.bodyHint != nil && isAncestor(n, c.bodyHint) {
		return true
	}
	if bodyP > 300 && float64(c.st(n).ptext) >= guardShare*float64(bodyP) {
		return true
	}
	return false
}

func (c *cleaner) classify(n *html.Node, above Kind, bodyP int) {
	c.tick()
	k, strong := c.hintKind(n)
	if above == KindCommentForm || above == KindComments {
		// Inside a comment thread or form, only a comment form is more
		// specific: "td-warning-comment" inside #respond, the <footer> of
		// one comment, stay what the thread is.
		if k != KindCommentForm {
			return
		}
	}
	if k != "" {
		if strong && (k == KindComments || k == KindCommentForm) {
			if c.titleNode == nil || !isAncestor(n, c.titleNode) {
				c.kind[n] = k
				return
			}
		} else if !c.guarded(n, bodyP) && !c.richText(n, k) && !(k == KindOther && c.quoteInArticle(n)) && !c.hintInSentence(n, k) {
			c.kind[n] = k
			if k == KindRelatedLinks && isRelatedLabel(n, textOfShort(n, c.st(n))) {
				c.markRelatedBox(n, bodyP)
			}
			return
		}
	}
	st := c.st(n)
	// A list of links to places on this page is a table of contents.
	if (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && st.links >= 3 && linkDensity(st) >= 0.8 && !c.guarded(n, bodyP) && c.mostlyAnchors(n) {
		c.kind[n] = KindNavigation
		return
	}
	if st.text == 0 || st.text > 600 {
		return
	}
	if c.titleNode != nil && isAncestor(n, c.titleNode) {
		return
	}
	if isJumpLink(n, st) {
		c.kind[n] = KindNavigation // "JUMP TO THE LIST ⤵" before the first sentence
		return
	}
	if c.linkInSentence(n) {
		return // a link inside a sentence is judged with its sentence
	}
	t, buf := scratchTextOf(n)
	defer releaseText(buf)
	if tk := c.textKind(n, t, st); tk != "" {
		if tk == KindOther && above != "" {
			return // already out, and "other" says nothing more ("Contact" in a menu stays navigation)
		}
		if tk == KindRelatedLinks && isRelatedLabel(n, t) {
			c.markRelatedBox(n, bodyP)
			return
		}
		c.kind[n] = tk
	}
}

// hintInSentence: a class hint for "other", ad or related links
// ("popup", "has-affiliate-link", "recommendation-inline-link") does not
// take out a few words inside a sentence (linkInSentence): such a link is
// a word of the text. A tooltip holding its definition (more than
// hintWordsMaxChars), buttons, screen-reader text and share links still go.
func (c *cleaner) hintInSentence(n *html.Node, k Kind) bool {
	return (k == KindOther || k == KindAd || k == KindRelatedLinks) && c.st(n).text <= hintWordsMaxChars && !hintMatch(classID(n), hintCTA) && c.linkInSentence(n)
}

// isJumpLink: a short link to a place on this page reading "Jump to …" or
// "Skip to …" (a shortcut, even at the head of a paragraph).
func isJumpLink(n *html.Node, st *nodeStat) bool {
	if n.DataAtom != atom.A || st.text > 40 {
		return false
	}
	if h := attr(n, "href"); len(h) < 2 || h[0] != '#' {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(textOf(n)))
	return strings.HasPrefix(t, "jump to ") || strings.HasPrefix(t, "skip to ")
}

// linkInSentence: an inline element holding a link ("see our <a>Recommended
// VPN Services</a>.", "by far the <a>most popular breath-based
// meditation</a> with …") whose enclosing block has a sentence's worth of
// plain text around it. Such a link is never taken out on its own for its
// words; the block as a whole is still judged. The same holds for a few
// plain words with text on both sides ("On <strong>July 4, 2025</strong>,
// the bill …").
func (c *cleaner) linkInSentence(n *html.Node) bool {
	if blockTags.has(n.DataAtom) || isHeading(n) {
		return false
	}
	st := c.st(n)
	if st.links == 0 && st.text > 80 {
		return false
	}
	b := n.Parent
	for b != nil && b.Type == html.ElementNode && !blockTags.has(b.DataAtom) {
		b = b.Parent
	}
	if b == nil || b.Type != html.ElementNode || b == c.body {
		return false
	}
	bs := c.st(b)
	if bs.hasBlock {
		return false // a container of blocks, not a sentence
	}
	around := (bs.text - bs.link) - (st.text - st.link)
	if around < sentenceMinPlain {
		return false
	}
	// A link that is a sentence of its own at the end of the block ("…
	// nutrition? <a>Get started today</a>.") is a call to action after
	// the text, not part of it.
	after := strings.Trim(nearText(n, b, true), " .!\u00a0")
	before := nearText(n, b, false)
	if st.links == 0 {
		// Plain words in the middle of a sentence: "On <strong>July 4,
		// 2025</strong>, the bill was signed".
		return after != "" && before != "" && !besideBreak(n, true) && !besideBreak(n, false)
	}
	if after != "" {
		return true
	}
	return !(before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:"))
}

// nearText: the nearest non-blank text after (or before) n inside b,
// trimmed; "" when there is none.
func nearText(n, b *html.Node, forward bool) string {
	var find func(x *html.Node) string
	find = func(x *html.Node) string {
		if x.Type == html.TextNode {
			return strings.TrimSpace(x.Data)
		}
		ch := x.LastChild
		if forward {
			ch = x.FirstChild
		}
		for ; ch != nil; ch = step(ch, forward) {
			if t := find(ch); t != "" {
				return t
			}
		}
		return ""
	}
	for x := n; x != nil && x != b; x = x.Parent {
		for s := step(x, forward); s != nil; s = step(s, forward) {
			if t := find(s); t != "" {
				return t
			}
		}
	}
	return ""
}

// besideBreak: the nearest non-blank sibling after (or before) n is a
// <br>, so n stands on a line of its own.
func besideBreak(n *html.Node, forward bool) bool {
	for s := step(n, forward); s != nil; s = step(s, forward) {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		return isElem(s, atom.Br)
	}
	return false
}

func step(n *html.Node, forward bool) *html.Node {
	if forward {
		return n.NextSibling
	}
	return n.PrevSibling
}

// quoteInArticle: n is a quotation inside the article element — a
// blockquote, a part of one, or a box whose text is mostly a blockquote
// (a pull quote styled as a "testimonial"). What a quoted person said is
// content.
func (c *cleaner) quoteInArticle(n *html.Node) bool {
	q := n
	for p, i := n.Parent, 0; p != nil && i < 3 && q.DataAtom != atom.Blockquote; p, i = p.Parent, i+1 {
		if p.DataAtom == atom.Blockquote {
			q = p // a paragraph of the quotation
		}
	}
	if q.DataAtom != atom.Blockquote {
		q = findFirst(n, func(x *html.Node) bool { return x.DataAtom == atom.Blockquote })
		if q == nil || float64(c.st(q).text) < 0.8*float64(c.st(n).text) {
			return false
		}
	}
	return c.st(q).text >= minParagraphChars && c.inArticleElement(n)
}

// richText: a weak hint does not take out an element holding a lot of
// plain paragraph text (Elementor's "elementor-widget-text-editor" holds
// the article).
func (c *cleaner) richText(n *html.Node, k Kind) bool {
	if k == KindRelatedLinks || k == KindComments || k == KindCommentForm || k == KindSpamByline {
		return false
	}
	st := c.st(n)
	return st.ptext >= richTextChars && linkDensity(st) < richTextMaxLinkDensity
}

func textOfShort(n *html.Node, st *nodeStat) string {
	if st.text > 200 {
		return ""
	}
	return textOf(n)
}

// hintKind names the junk kind an element's tag, role, class, id or data-*
// attributes point to. strong is true for hints that hold even on large
// elements (a comments section may be longer than the article).
func (c *cleaner) hintKind(n *html.Node) (k Kind, strong bool) {
	switch n.DataAtom {
	case atom.Nav:
		return KindNavigation, false
	case atom.Footer:
		return KindNavigation, false
	case atom.Header:
		if !c.insideArticleTag(n) {
			return KindNavigation, false
		}
	case atom.Aside:
		if ci := classID(n); ci != "" {
			break
		}
		return KindOther, false
	case atom.Form:
		return c.formKind(n), false
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menu", "menubar", "banner", "contentinfo", "search":
		return KindNavigation, false
	case "complementary", "dialog", "alertdialog":
		return KindOther, false
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-ad") && a.Key != "data-ad-format" {
			return KindAd, false
		}
	}
	switch k := c.junkHintKind(n); k {
	case "":
	case KindCommentForm, KindComments:
		return k, true
	case kindAuthorBox:
		if isSpamBio(textOf(n)) {
			return KindSpamByline, false
		}
		return KindOther, false
	default:
		return k, false
	}
	return "", false
}

func (c *cleaner) insideArticleTag(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main || strings.EqualFold(attr(p, "itemprop"), "articleBody") {
			return true
		}
	}
	return c.titleNode != nil && isAncestor(n, c.titleNode)
}

// formKind: a comment form (WordPress #commentform, a textarea), a
// newsletter sign-up, or anything else (search boxes).
func (c *cleaner) formKind(n *html.Node) Kind {
	ci := classID(n) + " " + strings.ToLower(attr(n, "action"))
	switch {
	case hintMatch(ci, hintCommentForm) || strings.Contains(ci, "comment"):
		return KindCommentForm
	case hintMatch(ci, hintNewsletter) || strings.Contains(ci, "subscribe") || strings.Contains(ci, "newsletter"):
		return KindNewsletter
	case findFirst(n, func(x *html.Node) bool { return x.DataAtom == atom.Textarea }) != nil:
		return KindCommentForm
	}
	if strings.Contains(strings.ToLower(attr(n, "role")), "search") || strings.Contains(ci, "search") {
		return KindNavigation
	}
	return KindOther
}

// textKind classifies a short element by its text.
func (c *cleaner) textKind(n *html.Node, t string, st *nodeStat) Kind {
	if t == "" {
		return ""
	}
	// strings.ToLower(t), made once and only when needed, in a pooled
	// buffer: it never outlives this call.
	lower, haveLower := "", false
	var lowerBuf *[]byte
	defer func() {
		if lowerBuf != nil {
			releaseText(lowerBuf)
		}
	}()
	low := func() string {
		if !haveLower {
			lowerBuf = textPool.Get().(*[]byte)
			b := appendLower((*lowerBuf)[:0], t, false)
			*lowerBuf = b
			lower, haveLower = unsafe.String(unsafe.SliceData(b), len(b)), true
		}
		return lower
	}
	k, ok := c.textCache[t]
	if !ok {
		k = textOnlyKindLower(t, low())
		c.textCache[strings.Clone(t)] = k // t may be a scratch buffer
	}
	if k == KindCommentForm && c.hasLongParagraph(n) {
		k = ""
	}
	if k == KindOther && inTableCell(n) {
		k = "" // a date in a data table is data
	}
	if k != "" {
		return k
	}
	if l := runeLen(t); l <= 300 && (linkDensity(st) >= 0.3 || st.links > 0) && isTextBlockish(n) && reInlinePromo.MatchString(t) {
		return KindRelatedLinks
	}
	if (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && c.isHeadlineList(n) {
		return KindRelatedLinks
	}
	if isHeading(n) && runeLen(t) <= 60 && reCTAHeading.MatchString(strings.TrimSpace(t)) {
		return KindOther
	}
	// Whole blocks only (a link inside a sentence stays): a newsletter's
	// name, an invitation to follow the site, a site note.
	if blockTags.has(n.DataAtom) || isHeading(n) {
		l := runeLen(t)
		lower := low()
		hits := phraseHits{lower: lower}
		switch {
		case l <= 60 && strings.Contains(lower, "newsletter") && reNewsletterLabel.MatchString(strings.TrimSpace(t)):
			return KindNewsletter
		case l <= 200 && reSocialFollow.Match(t, &hits):
			return KindShare
		case l <= 300 && reSiteNote.Match(t, &hits):
			return KindOther
		case l <= 100 && !st.hasBlock && (strings.HasPrefix(lower, "last ") || strings.HasPrefix(lower, "updated") || strings.HasPrefix(lower, "modified")) && reUpdatedLine.MatchString(t):
			return KindOther
		}
	}
	if wordsAtMost(t, 6) && reCTA.MatchString(strings.TrimSpace(t)) {
		lower := low()
		shop := strings.HasPrefix(lower, "buy") || strings.HasPrefix(lower, "shop") || strings.Contains(lower, "price") || strings.Contains(lower, "deal")
		switch {
		case shop:
			return KindAd // "See price at Amazon", even as a bare button label
		case st.links > 0 && linkDensity(st) >= 0.9:
			return KindOther
		}
	}
	return ""
}

// textOnlyKind: the kinds a short text gives away by itself ("Advertisement",
// "Share post:", "Please enter your comment!", a spam bio, "More like this").
func textOnlyKind(t string) Kind {
	return textOnlyKindLower(t, strings.ToLower(t))
}

// textOnlyKindLower is textOnlyKind given lower = strings.ToLower(t).
func textOnlyKindLower(t, lower string) Kind {
	l := runeLen(t)
	hits := phraseHits{lower: lower}
	trim := strings.TrimSpace(strings.Trim(t, " :|»›>-–—•·"))
	switch {
	case l <= 80 && reAdLabel.MatchString(trim):
		return KindAd
	case l <= 60 && reShareLabel.MatchString(trim):
		return KindShare
	case l <= 300 && reCommentFormText.Match(t, &hits):
		return KindCommentForm
	case l >= 20 && isSpamBio(t):
		return KindSpamByline
	case isRelatedLabel(nil, t):
		return KindRelatedLinks
	case l <= 40 && reTOCLabel.MatchString(trim):
		return KindNavigation
	case l <= 500 && reDisclosure.Match(t, &hits) && isDisclosure(t):
		return KindOther
	case l <= 200 && reSupportNotice.Match(t, &hits):
		return KindOther
	case l <= 80 && hasDigit(trim) && reDateline.MatchString(trim):
		return KindOther
	case l <= 160 && maybeBoilerplate(trim) && reBoilerplateLine.MatchString(trim):
		if strings.HasPrefix(lower, "advertisement") || strings.HasSuffix(lower, ")") {
			return KindAd
		}
		if strings.HasPrefix(lower, "page ") || strings.HasPrefix(lower, "copyright") || strings.HasPrefix(lower, "©") || strings.HasPrefix(lower, "(c)") || strings.HasPrefix(lower, "all rights") {
			return KindNavigation // pagination and footer lines
		}
		return KindOther
	case l <= 400 && reNewsletterText.Match(t, &hits):
		return KindNewsletter
	case l <= 600 && reCookieText.Match(t, &hits):
		return KindCookieBanner
	}
	return ""
}

// isDisclosure: t is an affiliate or editorial disclosure — a match of
// reDisclosure that is not an aside in brackets ("… this dish soap (both
// are affiliate links)" is a sentence of the article).
func isDisclosure(t string) bool {
	loc := reDisclosure.FindStringIndex(t)
	if loc == nil {
		return false
	}
	before := t[:loc[0]]
	return strings.LastIndexByte(before, '(') <= strings.LastIndexByte(before, ')')
}

// maybeBoilerplate: t starts or ends the way every match of
// reBoilerplateLine does (a cheap test before the pattern).
func maybeBoilerplate(t string) bool {
	if strings.HasSuffix(t, ")") {
		return true
	}
	// strings.ToLower of the first 32 bytes, on the stack (appendLower
	// copies ASCII byte by byte).
	var buf [32]byte
	lower := appendLower(buf[:0], t[:min(len(t), 32)], false)
	head := unsafe.String(unsafe.SliceData(lower), len(lower))
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}

func (c *cleaner) hasLongParagraph(n *html.Node) bool {
	return c.st(n).ptext > 200
}

func isTextBlockish(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Li, atom.Section, atom.Aside, atom.Blockquote, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B, atom.Span, atom.Em:
		return true
	}
	return false
}

// isRelatedLabel: a short heading-like element reading "More like this",
// "You may also like", "Most Popular"…
func isRelatedLabel(n *html.Node, t string) bool {
	if runeLen(t) > 70 || !wordsAtMost(t, 11) {
		return false
	}
	origLabel := t
	t = strings.TrimSpace(strings.Trim(t, " :|»›>-–—•·"))
	if !reRelatedLabel.MatchString(t) {
		return false
	}
	// Whole-label match only: "Related" but not "Related research shows …".
	m := reRelatedLabel.FindString(t)
	rest := strings.TrimSpace(t[len(m):])
	// "You may be interested in the following topics as well:" — a label
	// ending in a colon may run on a little.
	if strings.HasSuffix(strings.TrimSpace(origLabel), ":") {
		return countWords(rest) <= 7
	}
	return countWords(rest) <= 3 && countWords(t) <= 8
}

// markRelatedBox marks the box a related-links label heads: the label's
// highest ancestor (up to four levels) whose other text is mostly links; or
// the label and the link list right after it.
func (c *cleaner) markRelatedBox(label *html.Node, bodyP int) {
	c.kind[label] = KindRelatedLinks
	lst := c.st(label)
	cur := label
	for i := 0; i < 4; i++ {
		p := cur.Parent
		if p == nil || c.guarded(p, bodyP) {
			break
		}
		ps := c.st(p)
		rest, restLink := ps.text-lst.text, ps.link-lst.link
		if rest <= 0 {
			cur = p
			continue
		}
		if float64(restLink)/float64(rest) >= 0.5 && ps.ptext-lst.ptext < 400 {
			cur = p
			continue
		}
		if c.teaserCards(p, label, rest) {
			cur = p
			continue
		}
		break
	}
	c.kind[cur] = KindRelatedLinks
	// The box the label heads may follow it: a list of links right after
	// the label itself, or cards of other stories right after the label's
	// own box.
	for s := cur.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		ss := c.st(s)
		if ss.text > 0 && !c.guarded(s, bodyP) && ((cur == label && linkDensity(ss) >= 0.5) || c.teaserCards(s, label, ss.text)) {
			c.kind[s] = KindRelatedLinks
		}
		break
	}
}

// teaserCards: besides the label, p holds cards of other stories — at
// least two headings, most of them links, and at most teaserCardMaxChars
// of text per linked heading (a headline, a kicker, a one-line excerpt).
func (c *cleaner) teaserCards(p, label *html.Node, rest int) bool {
	if rest > maxTeaserCards*teaserCardMaxChars {
		return false // more than a box of cards (and not worth walking)
	}
	var all, linked int
	h1 := false
	c.walk(p, func(n *html.Node) bool {
		if n == label || h1 {
			return false
		}
		if n.DataAtom == atom.H1 {
			h1 = true // the page's headline: the box holds the article
			return false
		}
		if isHeading(n) {
			if st := c.st(n); st.text > 0 {
				all++
				if linkDensity(st) >= 0.5 {
					linked++
				}
			}
			return false
		}
		return true
	})
	return !h1 && linked >= 2 && float64(linked) >= expandTeaserShare*float64(all) && rest <= linked*teaserCardMaxChars
}

// isHeadlineList: a bare list of other stories — every item a link to a
// page of the same site, with headline-length text ("Zelensky warns of
// 'really difficult road' ahead").
func (c *cleaner) isHeadlineList(n *html.Node) bool {
	items, words := 0, 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		if li.DataAtom != atom.Li {
			return false
		}
		st := c.st(li)
		if st.text == 0 {
			continue
		}
		if linkDensity(st) < 0.8 || st.links != 1 {
			return false
		}
		a := findFirst(li, func(x *html.Node) bool { return x.DataAtom == atom.A })
		if a == nil || !c.sameSiteArticleLink(attr(a, "href")) {
			return false
		}
		items++
		words += countWords(textOf(li))
	}
	return items >= 2 && words >= 5*items
}

func (c *cleaner) sameSiteArticleLink(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	if u.Host != "" && c.base != nil && !strings.EqualFold(strings.TrimPrefix(u.Host, "www."), strings.TrimPrefix(c.base.Host, "www.")) {
		return false
	}
	if u.Host != "" && c.base == nil {
		return false
	}
	return len(strings.Trim(u.Path, "/")) > 0
}

// markInRoot cleans inside the chosen root: link-dense boxes, byline and
// date lines, forms.
func (c *cleaner) markInRoot() {
	rootText := 0
	for _, r := range c.roots {
		rootText += c.st(r).text
	}
	var promos []*html.Node
	for _, r := range c.roots {
		c.walk(r, func(n *html.Node) bool {
			if _, ok := c.kind[n]; ok {
				return false
			}
			if n == c.titleNode {
				return false
			}
			st := c.st(n)
			switch n.DataAtom {
			case atom.Ul, atom.Ol:
				// A list of links inside the article is usually content
				// (sources, a changelog); only a bare headline list of the
				// same site is taken out, and that was done by markJunk.
				// A slideshow of numbered slides embedded in a longer
				// article is a gallery beside the story.
				if c.isSlideshow(n) {
					if box := c.slideshowBox(n, r); rootText-c.st(box).text >= slideshowMinOutside {
						c.kind[box] = KindOther
						return false
					}
				}
				return true
			case atom.Div, atom.Section, atom.Table, atom.Aside, atom.Dl, atom.Td, atom.Th:
				if st.links >= 3 && linkDensity(st) >= 0.6 && st.text-st.link < linkBoxMaxPlain && float64(st.text) < 0.4*float64(rootText) && !c.mostlyAnchors(n) {
					if avgLinkWords(c, n) >= 4 {
						c.kind[n] = KindRelatedLinks
					} else {
						c.kind[n] = KindNavigation
					}
					return false
				}
			case atom.Form:
				c.kind[n] = c.formKind(n)
				return false
			}
			if (n.DataAtom == atom.Div || n.DataAtom == atom.Section || n.DataAtom == atom.Aside) && c.isPromoBox(n, st) {
				promos = append(promos, n)
				return false
			}
			if st.text > 0 && st.text <= 150 && st.ptext == 0 && hintMatch(classID(n), hintByline) {
				c.kind[n] = KindOther
				return false
			}
			// The byline line itself ("By Maya Brooks") inside the body.
			if c.byline != "" && st.text > 0 && st.text <= 120 && !st.hasBlock && !isHeading(n) && c.isBylineLine(n) {
				c.kind[n] = KindOther
				return false
			}
			return true
		})
	}
	c.markPromos(promos)
}

// isSlideshow: a list of at least slideshowMinSlides items numbered as
// slides — each item's text starts with its counter "k/N" or "k of N"
// (checked on the first three), N being the number of items (a list of
// dates, "1/12", "2/12"…, is not one).
func (c *cleaner) isSlideshow(n *html.Node) bool {
	items, k := 0, 0
	total := -1
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		items++
		if k < 3 {
			i, of, ok := slideCounter(leadingText(li, 24))
			if !ok || i != k+1 || (total >= 0 && of != total) {
				return false
			}
			total = of
			k++
		}
	}
	return items >= slideshowMinSlides && k == 3 && total == items
}

// leadingText: about the first max bytes of n's text.
func leadingText(n *html.Node, max int) string {
	var b strings.Builder
	var visit func(x *html.Node) bool
	visit = func(x *html.Node) bool {
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.TextNode {
				b.WriteString(ch.Data)
				if strings.TrimSpace(b.String()) != "" && b.Len() >= max {
					return true
				}
			} else if ch.Type == html.ElementNode && visit(ch) {
				return true
			}
		}
		return false
	}
	visit(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// slideCounter reads "3/50" or "3 of 50" at the start of t.
func slideCounter(t string) (k, n int, ok bool) {
	t = strings.TrimSpace(t)
	num := func() (int, bool) {
		v, d := 0, 0
		for d < len(t) && d < 4 && t[d] >= '0' && t[d] <= '9' {
			v = v*10 + int(t[d]-'0')
			d++
		}
		t = t[d:]
		return v, d > 0
	}
	if k, ok = num(); !ok {
		return 0, 0, false
	}
	t = strings.TrimLeft(t, " ")
	switch {
	case strings.HasPrefix(t, "/"):
		t = t[1:]
	case strings.HasPrefix(t, "of "):
		t = t[3:]
	default:
		return 0, 0, false
	}
	t = strings.TrimLeft(t, " ")
	n, ok = num()
	return k, n, ok && k <= n
}

// slideshowBox: the highest box above list, below root, that holds
// little besides it (the gallery's title and pager).
func (c *cleaner) slideshowBox(list, root *html.Node) *html.Node {
	box := list
	lt := c.st(list).text
	for p := list.Parent; p != nil && p != root; p = p.Parent {
		if float64(lt) < 0.9*float64(c.st(p).text) {
			break
		}
		box = p
	}
	return box
}

// isBylineLine: n's text is the byline once cleaned of "By", dates and
// labels. Cleaning only deletes, so the byline must be a subsequence of
// the text; that cheap test comes first.
func (c *cleaner) isBylineLine(n *html.Node) bool {
	t := textOf(n)
	return isSubsequence(c.byline, t) && cleanByline(t) == c.byline
}

// isSubsequence: the bytes of sub appear in s in order.
func isSubsequence(sub, s string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(sub); i++ {
		if s[i] == sub[j] {
			j++
		}
	}
	return j == len(sub)
}

// markPromos marks the call-to-action boxes that occur once: boxes of the
// same shape repeated through the article are cards of a listing
// (courses, products) and stay.
func (c *cleaner) markPromos(promos []*html.Node) {
	shape := func(n *html.Node) string {
		if cl := attr(n, "class"); cl != "" {
			return cl
		}
		if n.Parent != nil {
			return "^" + attr(n.Parent, "class")
		}
		return ""
	}
	count := map[string]int{}
	for _, p := range promos {
		count[shape(p)]++
	}
	for _, p := range promos {
		if count[shape(p)] == 1 {
			c.kind[p] = KindOther
		}
	}
}

// isPromoBox: a short box inside the article built around a call to
// action — "Get the FREE eBook! [Download]", "Invest better with … [Learn
// more]" — with no real paragraph in it.
func (c *cleaner) isPromoBox(n *html.Node, st *nodeStat) bool {
	if st.text < 20 || st.text > promoBoxMaxChars || st.links == 0 || st.links > 3 {
		return false
	}
	long := false
	cta := false
	c.walk(n, func(x *html.Node) bool {
		if long {
			return false
		}
		if x.DataAtom == atom.P && c.st(x).text >= 200 {
			long = true
			return false
		}
		if x.DataAtom == atom.A || x.DataAtom == atom.Button {
			t := strings.TrimSpace(textOf(x))
			if countWords(t) <= 6 && (reCTA.MatchString(t) || hintMatch(classID(x), hintCTA)) {
				cta = true
			}
			return false
		}
		return true
	})
	return cta && !long && !repeatedCard(n)
}

// repeatedCard: n, or one of its three nearest ancestors, is one of
// three or more siblings of the same tag and class — a card in a listing
// (courses, products), which is content.
func repeatedCard(n *html.Node) bool {
	for p, i := n, 0; p != nil && p.Parent != nil && i < 4; p, i = p.Parent, i+1 {
		cls := attr(p, "class")
		same := 0
		for s := p.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s != p && s.Type == html.ElementNode && s.DataAtom == p.DataAtom && attr(s, "class") == cls {
				same++
			}
		}
		if same >= 2 {
			return true
		}
	}
	return false
}

// mostlyAnchors: a table of contents (links to #fragments) is content.
func (c *cleaner) mostlyAnchors(n *html.Node) bool {
	total, frag := 0, 0
	c.walk(n, func(x *html.Node) bool {
		if x.DataAtom == atom.A {
			total++
			if strings.HasPrefix(strings.TrimSpace(attr(x, "href")), "#") {
				frag++
			}
			return false
		}
		return true
	})
	return total > 0 && frag*2 >= total
}

func avgLinkWords(c *cleaner, n *html.Node) float64 {
	links, words := 0, 0
	c.walk(n, func(x *html.Node) bool {
		if x.DataAtom == atom.A {
			links++
			words += countWords(textOf(x))
			return false
		}
		return true
	})
	if links == 0 {
		return 0
	}
	return float64(words) / float64(links)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func inTableCell(n *html.Node) bool {
	for p, i := n, 0; p != nil && i < 4; p, i = p.Parent, i+1 {
		if p.DataAtom == atom.Td || p.DataAtom == atom.Th {
			return true
		}
	}
	return false
}

// markLooseRuns looks at loose inline text in containers inside the
// article (text beside block children, as in <div>Advertisement<p>…</p>)
// — the text rules cannot mark it, having no element of its own — and
// wraps a run the text rules name as junk in a marked <span>.
func (c *cleaner) markLooseRuns() {
	for _, r := range c.roots {
		c.looseRuns(r, 0)
	}
}

func (c *cleaner) looseRuns(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if _, junk := c.kind[n]; junk || n == c.titleNode {
		return
	}
	if !c.st(n).hasBlock {
		return // a leaf block was classified whole by markJunk
	}
	var run []*html.Node
	flush := func() {
		if len(run) == 0 {
			return
		}
		t := textOfNodes(run, c.skip, false)
		if t != "" && runeLen(t) <= 200 {
			if k := textOnlyKind(t); k != "" && k != KindRelatedLinks {
				wrap := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
				n.InsertBefore(wrap, run[0])
				for _, x := range run {
					n.RemoveChild(x)
					wrap.AppendChild(x)
				}
				c.stats[wrap] = &nodeStat{text: runeLen(t)}
				c.kind[wrap] = k
			}
		}
		run = run[:0]
	}
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.TextNode || (ch.Type == html.ElementNode && !c.isBlockLevel(ch) && c.kind[ch] == "") {
			run = append(run, ch)
		} else {
			flush()
			if ch.Type == html.ElementNode {
				c.looseRuns(ch, depth+1)
			}
		}
		ch = next
	}
	flush()
}
