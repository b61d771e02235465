// Package clean turns a news page into a reader-mode article: it finds the
// main content, takes out the junk around and inside it (recording every
// removed block and why), reads the metadata and returns sanitised,
// minified HTML plus plain-text blocks.
//
// Files, in the order Clean uses them:
//
//	article.go   the result types (Article, Block, Removed, Kind, Options)
//	clean.go     Clean: the pipeline, URL resolution
//	meta.go      title, date, site name, language, image; JSON-LD and microdata
//	jsonvalue.go the JSON decoder for JSON-LD (encoding/json's reflection
//	             costs the WASM build about 140 KB gzip)
//	byline.go    the byline as the page shows it
//	prepare.go   dropping invisible/unsafe elements, lazy images
//	stats.go     per-element text, link and paragraph measures
//	hints.go     matching class/id/data-* words against the tables in rules.go
//	junk.go      junk marks by tag, role, class hints and text; cleaning inside the article
//	spambio.go   auto-generated author bios
//	score.go     main-content scoring, expansion, siblings, "not an article"
//	lead.go      the standfirst or summary box between headline and body
//	render.go    allowlist sanitiser, text blocks, minification
//	removed.go   the Removed list
//	rules.go     every word list, pattern and threshold in one place
//
// Tests: heuristics_test.go (tables per heuristic), clean_test.go
// (sanitiser, block numbering, not-an-article, bad input),
// golden_test.go (testdata/*.html pages against *.golden.json, -update
// to accept), seeds_test.go (../shared/fixtures gold), bench_test.go (real
// pages, MB/s), debug_test.go (DEBUG_PAGE=file traces one page),
// jsonvalue_test.go (the JSON decoder against encoding/json: tables, the
// JSON-LD of the test pages and of ../shared/corpus, FuzzJSONValue).
//
// Limits: golang.org/x/net/html rejects documents nested deeper than 512
// elements; Clean then returns ErrNoDocument. A JSON-LD block nested
// deeper than 512 levels is ignored, like one that is not valid JSON.
// Clean never panics.
package clean
