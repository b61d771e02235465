package htmlprep

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/saywho/saywho/internal/budget"
)

// DefaultMaxDepth is how deeply elements may nest after Prepare. The parser
// (golang.org/x/net/html) gives up on a document whose stack of open
// elements passes 512; real news pages stay under 60. 256 leaves room for
// what the parser inserts on its own (html, body, tbody, tr) and for the
// places where nester's model of the parser is rough.
const DefaultMaxDepth = 256

// StrictMaxDepth is the cap of the fallback pass (Options.Strict), used
// when the parser refused a page even after the normal pass.
const StrictMaxDepth = 64

// searchWindow bounds how far down the stack of open elements a tag looks
// for the element it closes. It keeps the pass linear — a run of stray end
// tags under a 100,000-deep stack costs searchWindow steps each, not the
// stack's height — at the price of treating a match further down as absent.
const searchWindow = 128

// namespace is the namespace the parser puts an element in. It decides
// which rules the next token follows: a self-closing tag closes itself
// only in svg and MathML, where <input> nests and <style> holds markup.
type namespace uint8

const (
	htmlNS namespace = iota
	svgNS
	mathNS
)

// point marks the svg and MathML elements below which the parser goes
// back to HTML rules for start tags (the standard's integration points).
// They also bound every scope the parser checks and count as special.
type point uint8

const (
	noPoint    point = iota
	mathText         // mi, mo, mn, ms, mtext: HTML rules for start tags but mglyph and malignmark
	htmlPoint        // svg foreignObject, desc, title; annotation-xml of an HTML encoding
	annotation       // any other annotation-xml: HTML rules for an <svg> start tag only
)

// kind is what the parser knows of an element when deciding how to treat
// the tokens that come while it is the current node.
type kind struct {
	ns namespace
	pt point
}

// htmlStart reports whether a start tag for a follows HTML rules while an
// element of kind k is the current node.
func (k kind) htmlStart(a atom.Atom) bool {
	switch {
	case k.ns == htmlNS, k.pt == htmlPoint:
		return true
	case k.pt == mathText:
		return a != atom.Mglyph && a != atom.Malignmark
	case k.pt == annotation:
		return a == atom.Svg
	}
	return false
}

// htmlText reports whether text follows HTML rules (and so reopens the
// formatting elements) while an element of kind k is the current node.
func (k kind) htmlText() bool {
	return k.ns == htmlNS || k.pt == mathText || k.pt == htmlPoint
}

// entry is one element on nester's model of the parser's stack.
type entry struct {
	a      atom.Atom
	name   string // the tag name, kept only for elements without an atom
	kept   bool   // written to the output (false: beyond the cap, dropped)
	weight int    // levels it adds to the parser's stack
	kind   kind   // its own namespace and integration point
	cur    kind   // the kind of the topmost kept entry at or below it: the parser's current node while it is on top
}

// isHTML reports whether e is an HTML element: only those match the tag
// names the parser's HTML rules look for.
func (e entry) isHTML() bool { return e.kind.ns == htmlNS }

// stopsScope reports whether e bounds the parser's "has an element in
// scope" checks.
func (e entry) stopsScope() bool {
	return e.isHTML() && scopeBoundary[e.a] || e.kind.pt != noPoint
}

// isSpecial reports whether e is in the standard's "special" category.
func (e entry) isSpecial() bool {
	return e.isHTML() && special[e.a] || e.kind.pt != noPoint
}

// nester streams a page through the tokenizer while keeping a model of
// the parser's stack of open elements: the implicit closes that matter for
// depth (a <p> closed by the next block, <li> by the next <li>, table
// cells and rows), end tags popping through their element, void and
// raw-text elements never nesting, a <table> counting three levels for
// the tbody and tr the parser adds. It follows the parser into svg and
// MathML content, where other rules hold (a self-closing tag closes
// itself, <input> nests, <div> breaks out), and back to HTML rules at
// their integration points (foreignObject, mi …).
//
// In scan mode it only measures, to leave the vast majority of pages
// untouched. In rewrite mode it writes the page back out with every
// element that would sit deeper than max dropped as a tag — its text,
// void elements (img, br) and comments are kept — and with every element
// the model closes implicitly closed explicitly, so that the parser's
// stack follows the model's and cannot drift deeper than max. In strict
// mode the formatting elements (a, b, em …) are dropped too: their
// re-opening by the parser ("reconstruct the active formatting elements")
// is the one way left for the parser to nest deeper than the model.
type nester struct {
	max     int
	rewrite bool
	strict  bool
	budget  *budget.Budget

	stack   []entry
	depth   int // sum of the weights of the kept entries
	deepest int // the greatest kept depth the model reached
	rawEnd  string
	afe     []entry           // scan mode: formatting elements the parser would reopen
	open    map[atom.Atom]int // entries on the stack per element, to skip searches that cannot match
	out     []byte
	dropped int // start tags dropped
}

// measureDepth returns the deepest nesting the parser would reach on page,
// as nester models it, stopping early once it passes limit.
func measureDepth(page []byte, limit int, b *budget.Budget) (int, error) {
	n := &nester{max: 1 << 30, budget: b, open: map[atom.Atom]int{}}
	err := n.run(page, limit)
	return n.deepest, err
}

// flatten rewrites page so that no element nests deeper than max, and
// reports how many start tags it dropped.
func flatten(page []byte, max int, strict bool, b *budget.Budget) ([]byte, int, error) {
	n := &nester{max: max, rewrite: true, strict: strict, budget: b, out: make([]byte, 0, len(page)), open: map[atom.Atom]int{}}
	err := n.run(page, 0)
	return n.out, n.dropped, err
}

// run tokenises page. In scan mode it returns as soon as the depth passes
// stopAbove (if > 0).
func (n *nester) run(page []byte, stopAbove int) error {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		if n.budget.Exceeded() {
			return fmt.Errorf("flattening nested elements: %w", budget.ErrExceeded)
		}
		z.AllowCDATA(n.current().ns != htmlNS) // as the parser does
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil // io.EOF: the tokenizer reads from memory, nothing else can fail
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			n.start(z, tt, name)
		case html.EndTagToken:
			name, _ := z.TagName()
			n.end(z, name)
		case html.TextToken:
			if !n.rewrite && len(n.afe) > 0 && n.current().htmlText() {
				n.reconstruct()
			}
			n.emitText(z.Raw())
		default: // comments, doctype
			n.emit(z.Raw())
		}
		if stopAbove > 0 && n.deepest > stopAbove {
			return nil
		}
	}
}

func (n *nester) emit(b []byte) {
	if n.rewrite {
		n.out = append(n.out, b...)
	}
}

// emitText writes a text token. Text that ends in a "<" (as in "a<<b>")
// had a tag right after it; with that tag dropped, the "<" would start a
// new one with the text that follows ("<" + "b>" after "<x>" is gone), so
// it is written as "&lt;", which the parser reads the same. Inside script,
// style and the other raw-text elements nothing is dropped, and a
// reference would not be decoded: the text goes as it is.
func (n *nester) emitText(b []byte) {
	if n.rewrite && n.rawEnd == "" && len(b) > 0 && b[len(b)-1] == '<' {
		n.out = append(append(n.out, b[:len(b)-1]...), "&lt;"...)
		return
	}
	n.emit(b)
}

// current returns the kind of the parser's current node: the topmost kept
// entry, as the parser never sees the dropped ones.
func (n *nester) current() kind {
	if len(n.stack) == 0 {
		return kind{}
	}
	return n.stack[len(n.stack)-1].cur
}

func (n *nester) start(z *html.Tokenizer, tt html.TokenType, name []byte) {
	a := atom.Lookup(name)
	if cur := n.current(); !cur.htmlStart(a) {
		if !breaksOutOfForeign[a] && (a != atom.Font || !fontBreaksOut(z)) {
			n.startForeign(z, tt, a, name, cur.ns)
			return
		}
		n.popToIntegrationPoint()
	}
	switch {
	case a == atom.Html || a == atom.Head || a == atom.Body:
		// The parser merges these into the ones it always has.
		n.emit(z.Raw())
		return
	case voidElements[a]:
		n.emit(z.Raw())
		return
	case rawText[a]:
		// Text only, closed by the matching end tag the tokenizer looks for:
		// adds one level at most, whatever the depth.
		n.rawEnd = string(name)
		n.emit(z.Raw())
		return
	}
	n.closeImplied(a)
	if a == atom.Form && n.find(isA(atom.Form), false) >= 0 {
		n.dropped++
		return // the parser ignores a form inside a form
	}
	if n.strict && formatting[a] {
		n.dropped++
		return
	}
	e := entry{a: a, weight: 1}
	switch a {
	case 0:
		e.name = string(name)
	case atom.Table:
		e.weight = 3
	case atom.Svg:
		e.kind.ns = svgNS
	case atom.Math:
		e.kind.ns = mathNS
	}
	if !n.rewrite && !special[a] {
		n.reconstruct()
	}
	if e.kind.ns != htmlNS && tt == html.SelfClosingTagToken {
		n.emit(z.Raw()) // <svg/> closes itself
		return
	}
	n.pushTag(z, e)
}

// startForeign handles a start tag that follows the parser's rules for
// svg and MathML content: the element joins the current node's namespace,
// nests even if it is <input> or <img>, closes itself if the tag says so,
// and holds markup even if it is <style> or <title>.
func (n *nester) startForeign(z *html.Tokenizer, tt html.TokenType, a atom.Atom, name []byte, ns namespace) {
	z.NextIsNotRawText()
	if tt == html.SelfClosingTagToken {
		n.emit(z.Raw()) // <path/> closes itself
		return
	}
	e := entry{a: a, weight: 1, kind: kind{ns: ns, pt: integrationPoint(ns, a, z)}}
	if a == 0 {
		e.name = string(name)
	}
	n.pushTag(z, e)
}

// pushTag pushes e for the start tag z has just read: the tag is written
// when e is kept, and counted as dropped when it is not.
func (n *nester) pushTag(z *html.Tokenizer, e entry) {
	if n.push(e) {
		n.emit(z.Raw())
	} else {
		n.dropped++
	}
}

// integrationPoint returns what an svg or MathML element named a is for
// the parser's dispatcher. It reads z's attributes only for annotation-xml.
func integrationPoint(ns namespace, a atom.Atom, z *html.Tokenizer) point {
	switch {
	case ns == mathNS && (a == atom.Mi || a == atom.Mo || a == atom.Mn || a == atom.Ms || a == atom.Mtext):
		return mathText
	case ns == svgNS && (a == atom.Foreignobject || a == atom.Desc || a == atom.Title):
		return htmlPoint
	case ns == mathNS && a == atom.AnnotationXml:
		for {
			key, val, more := z.TagAttr()
			if string(key) == "encoding" && (bytes.EqualFold(val, []byte("text/html")) || bytes.EqualFold(val, []byte("application/xhtml+xml"))) {
				return htmlPoint
			}
			if !more {
				return annotation
			}
		}
	}
	return noPoint
}

// fontBreaksOut reports whether a <font> start tag ends svg or MathML
// content: it does when it has a color, face or size attribute.
func fontBreaksOut(z *html.Tokenizer) bool {
	for {
		key, _, more := z.TagAttr()
		switch string(key) {
		case "color", "face", "size":
			return true
		}
		if !more {
			return false
		}
	}
}

// popToIntegrationPoint pops what a tag that breaks out of svg or MathML
// content (<div>, <p>, <b> …) closes: every element above the nearest
// HTML element, MathML text integration point or HTML integration point.
func (n *nester) popToIntegrationPoint() {
	for cur := n.current(); cur.ns != htmlNS && cur.pt != mathText && cur.pt != htmlPoint; cur = n.current() {
		n.popThrough(len(n.stack) - 1)
	}
}

// push puts e on the stack, kept if it fits under the cap, and reports
// whether it was kept.
func (n *nester) push(e entry) bool {
	e.kept = n.depth+e.weight <= n.max
	switch {
	case e.kept:
		n.depth += e.weight
		e.cur = e.kind
	case len(n.stack) > 0:
		e.cur = n.stack[len(n.stack)-1].cur
	}
	n.stack = append(n.stack, e)
	n.open[e.a]++
	if n.depth > n.deepest {
		n.deepest = n.depth
	}
	return e.kept
}

func (n *nester) end(z *html.Tokenizer, name []byte) {
	if n.rawEnd != "" && string(name) == n.rawEnd {
		n.rawEnd = ""
		n.emit(z.Raw())
		return
	}
	a := atom.Lookup(name)
	named := func(e entry) bool { return e.a == a && (a != 0 || e.name == string(name)) }
	if n.current().ns != htmlNS {
		// In svg and MathML content an end tag closes the nearest element
		// of its name above the first HTML element, or else follows HTML
		// rules.
		if i := n.findForeign(named); i >= 0 {
			n.popThrough(i)
			return
		}
		if a == atom.Html {
			// The parser may close an svg <html> below the search window;
			// the model could not follow, so the parser never gets it.
			return
		}
	}
	if a == atom.Html || a == atom.Body || a == atom.Head || a == atom.Br || a == atom.P && n.find(isA(atom.P), true) < 0 {
		// </br> is a <br>, a stray </p> an empty paragraph, </body> and
		// </html> change no nesting: the parser gets them as they are.
		n.emit(z.Raw())
		return
	}
	if n.open[a] == 0 {
		return // stray: the parser ignores it too
	}
	// HTML rules look for an HTML element of that name. Table parts end in
	// "table scope", which td and th do not bound.
	i := n.find(func(e entry) bool { return e.isHTML() && named(e) }, !tableParts[a])
	if i < 0 {
		return // stray: the parser ignores it too
	}
	if !n.rewrite && !special[a] {
		// The parser ignores the end tag of an ordinary element when a
		// special one (div, p, li …) sits above it, and the adoption
		// agency's reshuffle for a formatting element keeps the depth. A
		// rewrite closes everything above instead, explicitly.
		for j := len(n.stack) - 1; j > i; j-- {
			if n.stack[j].isSpecial() {
				return
			}
		}
	}
	n.popThrough(i)
	n.forget(a)
}

// findForeign returns the index of the topmost svg or MathML entry that
// matches, looking no further down than the first HTML element, or -1.
func (n *nester) findForeign(match func(entry) bool) int {
	for i, k := len(n.stack)-1, 0; i >= 0 && k < searchWindow; i, k = i-1, k+1 {
		e := n.stack[i]
		if e.isHTML() {
			return -1
		}
		if match(e) {
			return i
		}
	}
	return -1
}

// find returns the index of the topmost entry within searchWindow that
// matches, or -1. With scoped, the search stops at the elements that bound
// the parser's "has an element in scope" (table, td, th, caption,
// template, object, applet, marquee, and the integration points of svg
// and MathML).
func (n *nester) find(match func(entry) bool, scoped bool) int {
	for i, k := len(n.stack)-1, 0; i >= 0 && k < searchWindow; i, k = i-1, k+1 {
		if match(n.stack[i]) {
			return i
		}
		if scoped && n.stack[i].stopsScope() {
			return -1
		}
	}
	return -1
}

// has reports whether any of the elements is open: most pages never
// open a <p> inside the thousandth <div>, and the search for one can be
// skipped.
func (n *nester) has(as ...atom.Atom) bool {
	for _, a := range as {
		if n.open[a] > 0 {
			return true
		}
	}
	return false
}

// isA matches the HTML elements among as, the ones the parser's HTML
// rules look for: an svg <a> or MathML <mtd> is no match.
func isA(as ...atom.Atom) func(entry) bool {
	return func(e entry) bool {
		if !e.isHTML() {
			return false
		}
		for _, a := range as {
			if e.a == a {
				return true
			}
		}
		return false
	}
}

// popThrough pops entries i and above. In rewrite mode it writes an end
// tag for each kept one, topmost first, so the parser closes exactly what
// the model closes.
func (n *nester) popThrough(i int) {
	if i < 0 {
		return
	}
	for j := len(n.stack) - 1; j >= i; j-- {
		e := n.stack[j]
		if e.kept {
			n.depth -= e.weight
			if n.rewrite {
				n.out = append(n.out, "</"...)
				if e.a != 0 {
					n.out = append(n.out, e.a.String()...)
				} else {
					n.out = append(n.out, e.name...)
				}
				n.out = append(n.out, '>')
			}
		}
		n.open[e.a]--
		if !n.rewrite && e.isHTML() {
			switch {
			case formattingMarkers[e.a]:
				n.afe = n.afe[:0] // a cell, caption or object ends the formatting inside it
			case formatting[e.a]:
				n.remember(e)
			}
		}
	}
	n.stack = n.stack[:i]
}

// The parser keeps a list of the formatting elements (b, i, a, font …)
// still in effect. One that is closed implicitly — by the end of the
// block around it, not by its own end tag — is opened again before the
// next text or inline element ("reconstruct the active formatting
// elements"); a page that keeps doing so nests deeper with every block.
// In scan mode nester models this with n.afe, the formatting elements in
// the list but off the stack. A rewrite needs no model: it closes every
// element explicitly, which takes it off the parser's list too.

// remember puts an implicitly closed formatting element on the list,
// keeping at most three of a kind, as the parser does (its "Noah's Ark"
// rule, which also compares attributes; this one ignores them).
func (n *nester) remember(e entry) {
	same, oldest := 0, -1
	for i, f := range n.afe {
		if f.a == e.a {
			if same++; oldest < 0 {
				oldest = i
			}
		}
	}
	if same >= 3 {
		n.afe = append(n.afe[:oldest], n.afe[oldest+1:]...)
	}
	if len(n.afe) < searchWindow {
		n.afe = append(n.afe, e)
	}
}

// forget takes the newest element of kind a off the list: its own end
// tag closed it.
func (n *nester) forget(a atom.Atom) {
	for i := len(n.afe) - 1; i >= 0; i-- {
		if n.afe[i].a == a {
			n.afe = append(n.afe[:i], n.afe[i+1:]...)
			return
		}
	}
}

// reconstruct opens the remembered formatting elements again.
func (n *nester) reconstruct() {
	for _, e := range n.afe {
		n.push(e)
	}
	n.afe = n.afe[:0]
}

// closeImplied pops what the parser closes before it opens a: an open <p>
// before a block, the previous <li>, <dd>/<dt>, <option>, table cells and
// rows, a heading inside a heading, an <a> or <button> inside its like.
func (n *nester) closeImplied(a atom.Atom) {
	if top := len(n.stack) - 1; top >= 0 {
		switch t := n.stack[top].a; {
		case a == atom.Option || a == atom.Optgroup:
			if t == atom.Option {
				n.popThrough(top)
			}
			if a == atom.Optgroup && len(n.stack) > 0 && n.stack[len(n.stack)-1].a == atom.Optgroup {
				n.popThrough(len(n.stack) - 1)
			}
		}
	}
	switch a {
	case atom.Li:
		if n.has(atom.Li) {
			n.popThrough(n.findListItem(isA(atom.Li)))
		}
	case atom.Dd, atom.Dt:
		if n.has(atom.Dd, atom.Dt) {
			n.popThrough(n.findListItem(isA(atom.Dd, atom.Dt)))
		}
	case atom.A, atom.Nobr, atom.Button:
		if n.has(a) {
			n.popThrough(n.find(isA(a), true))
			n.forget(a)
		}
	case atom.Tr:
		if n.has(atom.Table) {
			n.popAbove(n.find(isA(atom.Tbody, atom.Thead, atom.Tfoot, atom.Table), false))
		}
	case atom.Td, atom.Th:
		if n.has(atom.Table) {
			n.popAbove(n.find(isA(atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Table), false))
		}
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
		if n.has(atom.Table) {
			n.popAbove(n.find(isA(atom.Table), false))
		}
	case atom.Table:
		// A table directly inside a table (not in a cell) closes the first.
		if n.has(atom.Table) {
			if i := n.find(isA(atom.Table, atom.Td, atom.Th, atom.Caption), false); i >= 0 && n.stack[i].a == atom.Table {
				n.popThrough(i)
			}
		}
	}
	if closesP[a] && n.has(atom.P) {
		n.popThrough(n.find(isA(atom.P), true))
	}
	if isHeading(a) {
		if top := len(n.stack) - 1; top >= 0 && isHeading(n.stack[top].a) {
			n.popThrough(top)
		}
	}
}

// findListItem finds the item a new <li> (or <dd>/<dt>) closes: the
// nearest one, unless a special element other than address, div or p
// comes first.
func (n *nester) findListItem(match func(entry) bool) int {
	for i, k := len(n.stack)-1, 0; i >= 0 && k < searchWindow; i, k = i-1, k+1 {
		e := n.stack[i]
		if match(e) {
			return i
		}
		if e.isSpecial() && !(e.isHTML() && (e.a == atom.Address || e.a == atom.Div || e.a == atom.P)) {
			return -1
		}
	}
	return -1
}

// popAbove pops the entries above i, leaving i open.
func (n *nester) popAbove(i int) {
	if i >= 0 && i+1 < len(n.stack) {
		n.popThrough(i + 1)
	}
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func set(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

var (
	voidElements = set(atom.Area, atom.Base, atom.Basefont, atom.Bgsound, atom.Br, atom.Col, atom.Embed,
		atom.Frame, atom.Hr, atom.Image, atom.Img, atom.Input, atom.Keygen, atom.Link, atom.Meta,
		atom.Param, atom.Source, atom.Track, atom.Wbr)

	// rawText are the elements the tokenizer reads as text up to their end tag.
	rawText = set(atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext,
		atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp)

	// formattingMarkers are the elements whose end also ends the
	// formatting elements opened inside them.
	formattingMarkers = set(atom.Applet, atom.Caption, atom.Marquee, atom.Object, atom.Td, atom.Th,
		atom.Template)

	formatting = set(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr,
		atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)

	closesP = set(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Search, atom.Section, atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form, atom.Li, atom.Dd, atom.Dt)

	// scopeBoundary are the HTML elements that bound the parser's scopes
	// (button only its button scope; counting it always errs on the safe
	// side). The integration points of svg and MathML bound them too.
	scopeBoundary = set(atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th,
		atom.Marquee, atom.Object, atom.Template, atom.Select, atom.Button)

	// special is the HTML standard's "special" category, less the void
	// and raw-text elements, which never sit on nester's stack.
	special = set(atom.Address, atom.Applet, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Button, atom.Caption, atom.Center, atom.Colgroup, atom.Dd, atom.Details, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Form, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head,
		atom.Header, atom.Hgroup, atom.Html, atom.Li, atom.Listing, atom.Main, atom.Marquee,
		atom.Menu, atom.Nav, atom.Object, atom.Ol, atom.P, atom.Pre, atom.Search, atom.Section,
		atom.Select, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Tfoot,
		atom.Th, atom.Thead, atom.Tr, atom.Ul)

	tableParts = set(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Colgroup)

	// breaksOutOfForeign are the start tags that end svg or math content
	// (and <font> with a color, face or size attribute: fontBreaksOut).
	breaksOutOfForeign = set(atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center,
		atom.Code, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li,
		atom.Listing, atom.Menu, atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby,
		atom.S, atom.Small, atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table,
		atom.Tt, atom.U, atom.Ul, atom.Var)
)
