package clean

import "time"

// Kind names why a block was taken out of the page. The set is closed: the
// extension groups removals by these strings, so they are part of the result
// contract (see docs/CONTRACT.md).
type Kind string

// The removal kinds, in the order the reader view lists them.
const (
	KindCommentForm  Kind = "comment-form"  // a form inviting a reply (WordPress #respond, "Please enter your comment!")
	KindComments     Kind = "comments"      // a thread of reader comments or a comments embed (Disqus)
	KindSpamByline   Kind = "spam-byline"   // an auto-generated author bio ("Zombie advocate. Typical travel buff.")
	KindRelatedLinks Kind = "related-links" // "More like this", "READ MORE: …", lists of other headlines
	KindShare        Kind = "share"         // share bars and "Share post:" labels
	KindNewsletter   Kind = "newsletter"    // sign-up boxes
	KindAd           Kind = "ad"            // advertisements and their labels
	KindNavigation   Kind = "navigation"    // menus, breadcrumbs, headers and footers
	KindCookieBanner Kind = "cookie-banner" // consent and cookie notices
	KindOther        Kind = "other"         // anything else outside the article (widgets, sidebars)
)

// Options tunes Clean. The zero value is the sensible default.
type Options struct {
	// URL is the page's address; relative links and images are resolved
	// against it (after any <base href>). Empty means leave them relative.
	URL string

	// Deadline, when set, bounds the time Clean may take: past it, Clean
	// stops and returns an error wrapping budget.ErrExceeded
	// (github.com/saywho/saywho/internal/budget). The zero value means no
	// limit.
	Deadline time.Time
}

// Article is what Clean makes of a page.
type Article struct {
	// Found is false when the page holds no article (home pages, search
	// results, empty pages); Reason then says why in a short sentence and
	// HTML, Text and Blocks are empty.
	Found  bool
	Reason string

	Title     string // the visible headline, without " - Site Name" suffixes
	Byline    string // the author as the page shows it
	SiteName  string
	Published string // RFC 3339, or ""
	Lang      string // BCP 47 language tag, or ""
	Image     string // absolute URL of the lead image, or ""

	// HTML is the article, sanitised and minified. Every element that makes
	// a text block carries data-sw-block="N", N being the index of that
	// block in Blocks, so a statement can be linked to its paragraph.
	HTML string

	// Blocks is the article as plain text, one entry per paragraph,
	// heading, list item, quote, caption or preformatted block, in
	// reading order. Result.text is their texts joined by "\n\n".
	Blocks []Block

	// Removed lists every block taken out of the page that had visible
	// text, in document order, with its text in full, whitespace collapsed.
	// One entry is one removed element: the outermost one whose text is
	// all of one kind (a whole "More like this" box, a whole comment
	// form, a whole <nav>); a container mixing kinds (a sidebar of
	// different widgets) gives one entry per part, and loose text outside
	// the article one entry per run of unmarked siblings.
	Removed []Removed
}

// Block is one unit of article text.
type Block struct {
	// Tag is the element the block came from: p, h2…h6, li, blockquote,
	// figcaption, pre, td, dd, dt.
	Tag  string
	Text string // visible text, whitespace collapsed
}

// Heading reports whether the block is a heading (h1–h6).
func (b Block) Heading() bool {
	return len(b.Tag) == 2 && b.Tag[0] == 'h' && b.Tag[1] >= '1' && b.Tag[1] <= '6'
}

// Removed is one block taken out of the page.
type Removed struct {
	Kind Kind
	Text string
}
