// JSDoc mirror of the engine's JSON result. It mirrors the Go type in
// internal/engine/result.go (contract: docs/CONTRACT.md); change both
// together. Nothing here runs: editors and type checkers read it.

/**
 * @typedef {"comment-form"|"comments"|"spam-byline"|"related-links"|"share"|
 *   "newsletter"|"ad"|"navigation"|"cookie-banner"|"other"} RemovedKind
 */

/**
 * @typedef {object} Removed  one block cleaning threw away
 * @property {RemovedKind} kind
 * @property {string} text  its visible text
 */

/**
 * @typedef {object} Statement
 * @property {string} text      what was said (quote or reported content)
 * @property {boolean} direct   true for a direct quote, false for reported speech
 * @property {string} cue       the speech verb or cue ("said", "according to")
 * @property {number} block     N of the element [data-sw-block="N"] in Result.html where it starts
 * @property {string} sentence  that sentence verbatim, to find and highlight
 */

/**
 * @typedef {object} Speaker
 * @property {string} name
 * @property {string} role
 * @property {"person"|"organization"} kind
 * @property {Statement[]} statements
 */

/**
 * @typedef {object} Result
 * @property {boolean} found     false: no article on this page
 * @property {string} reason     why not found (or a note)
 * @property {string} title
 * @property {string} byline
 * @property {string} siteName
 * @property {string} published  RFC 3339 or ""
 * @property {string} lang
 * @property {string} image      lead image URL or ""
 * @property {string} html       sanitised, minified article HTML; text blocks carry data-sw-block="N"
 * @property {string} text
 * @property {Removed[]} removed
 * @property {Speaker[]} speakers
 */

export {};
