package clean

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/saywho/saywho/internal/budget"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoDocument is returned when the parser yields no usable tree (empty
// input, or a page nested deeper than golang.org/x/net/html accepts).
var ErrNoDocument = errors.New("clean: no document: the page could not be parsed")

// Clean finds the article in page, strips the junk around and inside it,
// and returns it as sanitised HTML, text blocks and metadata, with every
// removed block listed in Article.Removed.
//
// The steps, in order (each file named holds the step):
//  1. parse once with golang.org/x/net/html (clean.go);
//  2. read metadata from <head>, JSON-LD and microdata (meta.go, byline.go);
//  3. drop invisible and unsafe elements, fix lazy images (prepare.go);
//  4. measure every element: text, link text, paragraph text (stats.go);
//  5. mark junk by tag, role, class/id/data-* hints and by text patterns —
//     comment forms, spam author bios, related links, share bars, ads
//     (junk.go, hints.go, spambio.go);
//  6. score text blocks and pick the main-content root, expand it to
//     ancestors that add plain paragraphs, add its siblings (score.go);
//  7. decide "not an article" (score.go); clean inside the root: link
//     boxes, call-to-action boxes, byline lines, loose junk text (junk.go);
//     add the standfirst (lead.go);
//  8. render the kept tree through an allowlist sanitiser, numbering text
//     blocks, then minify (render.go); collect Removed (removed.go).
//
// Clean never panics on bad input: a panic inside is recovered and
// returned as an error. The work is linear in the page size: one parse and
// a fixed number of passes over the tree. With opts.Deadline set, the
// passes poll the clock and Clean returns an error wrapping
// budget.ErrExceeded once the deadline has passed.
func Clean(page []byte, opts Options) (art *Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art = nil
			if r == errTimeUp {
				err = fmt.Errorf("clean: %w", budget.ErrExceeded)
				return
			}
			err = fmt.Errorf("clean: internal error: %v", r)
		}
	}()
	// A zero deadline never runs out, but the budget's polls still yield
	// to the scheduler, which the garbage collector needs in WASM.
	b := budget.New(opts.Deadline)
	doc, perr := html.Parse(bytes.NewReader(page))
	if b.Check() {
		return nil, fmt.Errorf("clean: %w", budget.ErrExceeded)
	}
	if perr != nil || doc == nil {
		return nil, ErrNoDocument
	}
	c := newCleaner(doc, opts)
	c.budget = b
	if c.body == nil || c.body.FirstChild == nil {
		if len(bytes.TrimSpace(page)) == 0 {
			return &Article{Found: false, Reason: "no article found: the page is empty"}, nil
		}
		return nil, ErrNoDocument
	}
	return c.run(), nil
}

// cleaner holds the state of one Clean call.
type cleaner struct {
	doc, htmlEl, head, body *html.Node
	base                    *url.URL
	meta                    pageMeta
	ldIDs                   map[string]map[string]any // JSON-LD objects by @id

	stats    map[*html.Node]*nodeStat
	statSlab []nodeStat          // backing store of stats (newStat)
	kind     map[*html.Node]Kind // junk marks: the subtree is taken out
	drop     map[*html.Node]bool // invisible, removed without record

	hintCache map[string]Kind // hint string → kind (hints.go)
	hintBuf   []byte          // junkHintKind's scratch
	anchorIDs map[string]bool // ids that in-page links point to (prepare.go)
	mainEl    *html.Node      // the <main> (or role=main) element, when the page has one
	mains     int             // how many the page has
	textCache map[string]Kind // short text → kind (junk.go)

	byline    string     // the byline chosen by fillMeta
	titleNode *html.Node // the visible headline, if found
	loneH1    *html.Node // the page's only <h1>, agreeing with the metadata or not
	bodyHint  *html.Node // itemprop=articleBody or similar, if found
	roots     []*html.Node
	rootSet   map[*html.Node]bool
	nearFigs  map[*html.Node]bool // figures added beside the body (withFigures)

	budget *budget.Budget
}

// errTimeUp is the panic value tick raises past the deadline; Clean's
// recover turns it into an error wrapping budget.ErrExceeded.
var errTimeUp = new(int)

// tick is called once per node in the passes that dominate big pages; it
// reads the clock every few hundred calls and stops Clean past the
// deadline.
func (c *cleaner) tick() {
	if c.budget != nil && c.budget.Exceeded() {
		panic(errTimeUp)
	}
}

func newCleaner(doc *html.Node, opts Options) *cleaner {
	c := &cleaner{
		doc:   doc,
		stats: map[*html.Node]*nodeStat{},
		kind:  map[*html.Node]Kind{},
		drop:  map[*html.Node]bool{},

		nearFigs: map[*html.Node]bool{},

		hintCache: map[string]Kind{},
		textCache: map[string]Kind{},
	}
	var first *html.Node
	if doc != nil {
		first = doc.FirstChild
	}
	for n := first; n != nil; n = n.NextSibling {
		if isElem(n, atom.Html) {
			c.htmlEl = n
		}
	}
	if c.htmlEl != nil {
		for n := c.htmlEl.FirstChild; n != nil; n = n.NextSibling {
			switch {
			case isElem(n, atom.Head):
				c.head = n
			case isElem(n, atom.Body):
				c.body = n
			}
		}
	}
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil {
			c.base = u
		}
	}
	if c.head != nil {
		if b := findFirst(c.head, func(n *html.Node) bool { return n.DataAtom == atom.Base && attr(n, "href") != "" }); b != nil {
			if u, err := url.Parse(strings.TrimSpace(attr(b, "href"))); err == nil {
				if c.base != nil {
					c.base = c.base.ResolveReference(u)
				} else if u.IsAbs() {
					c.base = u
				}
			}
		}
	}
	return c
}

func (c *cleaner) run() *Article {
	c.readMeta()
	c.prepare()
	c.measure()
	c.findTitleNode()
	c.findBodyHint()
	c.markJunk()
	if c.body != nil {
		c.measureClean(c.body, 0)
	}
	c.findRoots()
	art := &Article{}
	c.fillMeta(art)
	if reason := c.notArticle(); reason != "" {
		art.Found = false
		art.Reason = "no article found: " + reason
		art.Removed = c.collectRemoved(true)
		return art
	}
	c.markInRoot()
	c.markLooseRuns()
	c.findLeads()
	c.render(art)
	if runeLen(strings.Join(blockTexts(art.Blocks), " ")) < minArticleChars/2 {
		art.Found = false
		art.Reason = "no article found: too little text"
		art.HTML, art.Blocks = "", nil
		art.Removed = c.collectRemoved(true)
		return art
	}
	art.Found = true
	art.Removed = c.collectRemoved(false)
	if art.Image == "" {
		art.Image = c.firstImage()
	}
	return art
}

func blockTexts(bs []Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Text
	}
	return out
}

// resolve makes ref absolute against the page's base URL. It returns ""
// for URLs that must not be kept (javascript:, vbscript:, data: other than
// images).
func (c *cleaner) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	lower := strings.ToLower(ref)
	// Strip control characters and white space browsers ignore inside a scheme.
	scheme := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, lower)
	if i := strings.IndexByte(scheme, ':'); i > 0 {
		s := scheme[:i]
		switch s {
		case "javascript", "vbscript", "livescript", "mocha":
			return ""
		case "data":
			// Raster images only: an SVG document can carry script.
			if !strings.HasPrefix(scheme, "data:image/") || strings.HasPrefix(scheme, "data:image/svg") {
				return ""
			}
			return ref
		}
	}
	if strings.HasPrefix(ref, "#") {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if c.base != nil {
		u = c.base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto", "tel", "ftp":
	default:
		return ""
	}
	return u.String()
}
