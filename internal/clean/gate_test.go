package clean

import (
	"regexp"
	"testing"
)

func TestGateSameAnswer(t *testing.T) {
	pats := map[string]*gated{
		"related": reRelatedLabel, "promo": reInlinePromo, "ad": reAdLabel, "share": reShareLabel,
		"dateline": reDateline, "boilerplate": reBoilerplateLine, "toc": reTOCLabel, "updated": reUpdatedLine,
		"nlabel": reNewsletterLabel, "ctaheading": reCTAHeading, "cta": reCTA,
	}
	// Every first two bytes (ASCII, and a few non-ASCII characters that
	// fold to ASCII letters), followed by the rest of texts the patterns
	// look for.
	tails := []string{"", "op now", "re like this", "vertisement", "are this", "ble of contents", "ntact us", "y on Amazon", "sted: 2 days ago", "ge 1 of 8", "lated: x", "wsletter", "ad more: x", " 3, 2024", ":30 pm"}
	var heads []string
	for b := 0; b < 128; b++ {
		heads = append(heads, string(rune(b)))
	}
	heads = append(heads, "ſ", "K", "é", "\u00a0", "\xff")
	for name, g := range pats {
		if !g.ok {
			t.Logf("%s: not gated (the matcher answers every text)", name)
			continue
		}
		for _, h1 := range heads {
			for _, h2 := range heads {
				for _, tl := range tails {
					s := h1 + h2 + tl
					if got, want := g.MatchString(s), g.Regexp.MatchString(s); got != want {
						t.Errorf("%s %q: gated %v, pattern %v", name, s, got, want)
					}
				}
			}
		}
	}
	if g := gate(regexp.MustCompile(`(?i)^a|b`)); g.ok {
		t.Error("half-anchored pattern gated")
	}
	if g := gate(regexp.MustCompile(`(?i)^a?`)); g.ok {
		t.Error("pattern matching empty gated")
	}
}
