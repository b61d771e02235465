// Package attribution finds who said what in a news article: direct
// quotes and reported speech, each joined to a speaker (a person or an
// organisation) with the speaker's role. It is pure Go with compact word
// lists and no model, so it runs in the browser (WASM) in about a
// millisecond per article.
//
// The entry point is Attribute. The work is done by small sieves, most
// precise first; docs/ATTRIBUTION.md describes them and the measurements.
//
// Files:
//
//   - attribute.go — Attribute, the pipeline over blocks and sentences,
//     quote-only sentences and paragraphs, grouping into speakers.
//   - quotes.go    — the quotation finder: every common quote style,
//     apostrophes told apart from closing single quotes, unclosed quotes
//     for multi-paragraph quotations.
//   - text.go      — sentence splitting that never cuts a quotation, and
//     the tokens of a sentence's frame (quotations folded into one token).
//   - frame.go     — reporting cues and their sources ("Peskov said",
//     "said Jake Sullivan, …", "according to X", „…“, so X), and what each
//     frame reports (quote, split quote, reported clause).
//   - mention.go   — speaker phrases: name, role, kind; appositions.
//   - resolve.go   — mentions to entities: names and surnames, titles,
//     descriptions ("the minister"), pronouns, unnamed spokespeople.
//   - lexicon.go   — every word list and its use, in one place, built on
//     first use so package initialisation costs nothing.
//   - score/       — the scorer for gold files; cmd/score runs it over the
//     dev set (testdata/devset), the held-out sets (-dir
//     testdata/heldout, testdata/heldout2) and the shared seed fixtures.
package attribution
