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
// bio-generator phrase.
func spamBioHits(s string) (hits, sentences int) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' || r == '|' })
	for _, p := range parts {
		p = strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if p == "" {
			continue
		}
		sentences++
		words := strings.Fields(strings.ToLower(p))
		if len(words) == 0 || len(words) > 7 {
			continue
		}
		last := strings.TrimFunc(words[len(words)-1], func(r rune) bool { return !unicode.IsLetter(r) })
		if spamBioNouns[last] || strings.HasSuffix(last, "aholic") || strings.HasSuffix(last, "holic") {
			hits++
			continue
		}
		// "Falls down a lot", "Unable to type with boxing gloves on":
		// every word from the generator's modifiers.
		all := len(words) >= 2
		for _, w := range words {
			if !spamBioModifiers[strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })] {
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

// isSpamBio reports whether s is (or ends with, after a name) an
// auto-generated author bio. Example: "“Wannabe pop culture fanatic.
// Zombie advocate. Typical travel buff. Hipster-friendly internet geek.”"
func isSpamBio(s string) bool {
	if runeLen(s) > 600 {
		return false
	}
	hits, n := spamBioHits(s)
	return hits >= spamBioMinHits && float64(hits) >= spamBioMinShare*float64(n)
}
