package engine

// Result is the contract between the Go engine, the WASM bridge, the JS
// loader, the CLI, the extension and the tests. Its JSON field names are
// stable: fields may be added, never renamed or removed. docs/CONTRACT.md
// documents every field; extension/shared/result.js mirrors it for JS, and
// testdata/contract.golden pins the shape. It is encoded by Result.JSON
// (result_json.go), by hand: a field added here must be added there too.
type Result struct {
	// Found is false when the page holds no article; Reason then says why,
	// in a sentence fit to show the user, and the article fields are empty.
	Found  bool   `json:"found"`
	Reason string `json:"reason"`

	Title     string `json:"title"`
	Byline    string `json:"byline"`
	SiteName  string `json:"siteName"`
	Published string `json:"published"` // RFC 3339, or ""
	Lang      string `json:"lang"`
	Image     string `json:"image"` // lead image URL, or ""

	// HTML is the cleaned article: sanitised and minified. Elements that
	// make a text block carry data-sw-block="N", N indexing the blocks of
	// Text.
	HTML string `json:"html"`
	// Text is the article as plain text: one block per paragraph, heading,
	// list item, quote or caption, blocks joined by "\n\n".
	Text string `json:"text"`

	Removed  []Removed `json:"removed"`
	Speakers []Speaker `json:"speakers"`
}

// Removed is one block taken out of the page: its kind (see clean.Kind for
// the closed list) and its visible text in full, whitespace collapsed.
type Removed struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Speaker is one person or organisation quoted in the article.
type Speaker struct {
	Name       string      `json:"name"`
	Role       string      `json:"role"`
	Kind       string      `json:"kind"` // "person" or "organization"
	Statements []Statement `json:"statements"`
}

// Statement is one thing a speaker said.
type Statement struct {
	Text   string `json:"text"`   // the quoted words (direct) or the reported clause (indirect)
	Direct bool   `json:"direct"` // true for a quotation in quote marks
	Cue    string `json:"cue"`    // the reporting word: "said", "told", "according to"
	// Block indexes the text block (data-sw-block in HTML) the statement
	// starts in; Sentence is that sentence verbatim, for highlighting.
	Block    int    `json:"block"`
	Sentence string `json:"sentence"`
}
