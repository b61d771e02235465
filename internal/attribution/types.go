package attribution

import "time"

// Block is one unit of article text given to Attribute, in reading order.
type Block struct {
	Text    string
	Heading bool // headings are never statements but may name a speaker in context
}

// Options tunes Attribute. The zero value is the sensible default.
type Options struct {
	// Lang is the article's language tag ("en", "de-DE", "fr"); "" means
	// guess from the text. It selects the reporting-verb lexicon.
	Lang string
	// Deadline, when set, bounds the work: past it Attribute stops early
	// and returns what it has (the engine then reports the page as too
	// complex). WASM has one thread, so the loops poll it cooperatively.
	Deadline time.Time
}

// SpeakerKind tells a person from an organisation.
type SpeakerKind string

const (
	Person       SpeakerKind = "person"
	Organization SpeakerKind = "organization"
)

// Speaker is one source quoted in the article, merged over all its mentions.
type Speaker struct {
	Name       string // the fullest name used in the article
	Role       string // from an apposition or a title before the name, or ""
	Kind       SpeakerKind
	Statements []Statement // in reading order
}

// Statement is one thing a speaker said.
type Statement struct {
	// Text is what was said: the words inside the quote marks for a direct
	// quote (the parts of a quote split around its attribution joined by a
	// single space), the reported clause for indirect speech.
	Text   string
	Direct bool
	Cue    string // the reporting word as written: "said", "told", "according to", "sagte"
	// Block is the index of the block holding the statement's first word;
	// Sentence is the sentence of that block it starts in, verbatim, so a
	// reader can find and highlight it.
	Block    int
	Sentence string
}
