// Package clean turns a news page into a reader-mode article: it finds the
// main content, takes out the junk around and inside it (recording every
// removed block and why), reads the metadata and returns sanitised,
// minified HTML plus plain-text blocks.
//
// Files, in the order Clean uses them:
//
//	article.go   the result types (Article, Block, Removed, Kind, Options)
//	clean.go     Clean: the pipeline, URL resolution
//	meta.go      title, byline, date, site name, language, image; JSON-LD
//	prepare.go   dropping invisible/unsafe elements, lazy images
//	stats.go     per-element text, link and paragraph measures
//	junk.go      junk marks by tag/role/class/id hints and by text
//	spambio.go   auto-generated author bios
//	score.go     main-content scoring, siblings, "not an article"
//	render.go    allowlist sanitiser, text blocks, minification
//	removed.go   the Removed list
//	rules.go     every word list, pattern and threshold in one place
//
// Limits: golang.org/x/net/html rejects documents nested deeper than 512
// elements; Clean then returns ErrNoDocument. Clean never panics.
package clean
