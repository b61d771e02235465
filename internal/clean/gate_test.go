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
	tails := []string{"", "hop now", "ore like this", "dvertisement", "hare this", "able of contents", "ontact us", "uy on Amazon", "osted: 2 days ago", "age 1 of 8", "elated: x", "ewsletter"}
	for name, g := range pats {
		if g.ok {
			t.Logf("%s: gated", name)
		}
		for b := 0; b < 256; b++ {
			for _, tl := range tails {
				for _, s := range []string{string(rune(b)) + tl, string([]byte{byte(b)}) + tl, "ſ" + tl, "K" + tl} {
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
