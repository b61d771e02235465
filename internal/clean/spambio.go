package clean

import (
	"strings"
	"unicode"
)

// spambio.go: auto-generated author bios.
//
// WordPress spam themes fill the author box with a bio made by a
// generator: a run of short "adjective + noun" sentences such as
// "Wannabe pop culture fanatic. Zombie advocate. Typical travel buff.".
// isSpamBio detects the pattern — many short sentences closing on a noun
// from the generator's vocabulary (spamBioNouns in rules.go) — rather than
// known sentences.

// spamBioHits splits s into sentences and counts those that look like a
// bio-generator phrase. It runs on most short texts of a page, so it
// allocates only for the few sentences short enough to be a bio phrase.
func spamBioHits(s string) (hits, sentences int) {
	for s != "" {
		p := s
		if i := strings.IndexAny(s, spamBioBreaks); i >= 0 {
			p, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		p = strings.TrimFunc(p, notLetterOrDigit)
		if p == "" {
			continue
		}
		sentences++
		if !wordsAtMost(p, 7) {
			continue
		}
		var buf [7]string
		words := buf[:0]
		for w := range strings.FieldsSeq(strings.ToLower(p)) {
			words = append(words, w)
		}
		if len(words) == 0 {
			continue
		}
		last := strings.TrimFunc(words[len(words)-1], notLetter)
		if spamBioNouns[last] || strings.HasSuffix(last, "aholic") || strings.HasSuffix(last, "holic") {
			hits++
			continue
		}
		// "Falls down a lot", "Unable to type with boxing gloves on":
		// every word from the generator's modifiers.
		all := len(words) >= 2
		for _, w := range words {
			if !spamBioModifiers[strings.TrimFunc(w, notLetterOrHyphen)] {
				all = false
				break
			}
		}
		if all {
			hits++
		}
	}
	return hits, sentences
}

// spamBioBreaks end a bio phrase.
const spamBioBreaks = ".!?\n|"

func notLetterOrDigit(r rune) bool  { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
func notLetter(r rune) bool         { return !unicode.IsLetter(r) }
func notLetterOrHyphen(r rune) bool { return !unicode.IsLetter(r) && r != '-' }

// isSpamBio reports whether s is (or ends with, after a name) an
// auto-generated author bio. Example: "“Wannabe pop culture fanatic.
// Zombie advocate. Typical travel buff. Hipster-friendly internet geek.”"
func isSpamBio(s string) bool {
	if runeLen(s) > 600 {
		return false
	}
	// Without a sentence break there is at most one phrase, and a bio
	// needs spamBioMinHits of them (most short texts end here).
	if spamBioMinHits > 1 && strings.IndexAny(s, spamBioBreaks) < 0 {
		return false
	}
	hits, n := spamBioHits(s)
	return hits >= spamBioMinHits && float64(hits) >= spamBioMinShare*float64(n)
}
