package clean

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
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
		g.built.Do(g.build)
		if !g.ok {
			t.Logf("%s: not gated (the matcher answers every text)", name)
			continue
		}
		for _, h1 := range heads {
			for _, h2 := range heads {
				for _, tl := range tails {
					s := h1 + h2 + tl
					if got, want := g.MatchString(s), g.regexp().MatchString(s); got != want {
						t.Errorf("%s %q: gated %v, pattern %v", name, s, got, want)
					}
				}
			}
		}
	}
	if g := gate(`(?i)^a|b`); g.builtOK() {
		t.Error("half-anchored pattern gated")
	}
	if g := gate(`(?i)^a?`); g.builtOK() {
		t.Error("pattern matching empty gated")
	}
	// $ ends a path only at the end of the text; in multi-line mode it
	// also holds before a line feed, and the text goes on past it.
	for _, c := range []struct {
		pat, s string
		want   bool
	}{
		{`(?m)\Aab$`, "ab\ncd", true},
		{`(?m)\Aab$\nc`, "ab\ncd", true},
		{`(?m)\Aab$`, "abc", false},
		{`^ab$`, "ab\ncd", false},
		{`^ab$`, "ab", true},
		{`^ab$`, "abc", false},
	} {
		g := gate(c.pat)
		if got := g.MatchString(c.s); got != c.want || !g.builtOK() {
			t.Errorf("gate(%#q).MatchString(%q) = %v (gated: %v), want %v", c.pat, c.s, got, g.builtOK(), c.want)
		}
	}
}

// TestGateNeverRejectsAMatch: texts drawn from each gated pattern itself
// (every branch, random letter case, white space and repetition counts),
// and the same texts with one of their first bytes changed, get the
// matcher's answer through the gate. The automaton follows several bytes
// of every alternative, so texts that share a long start with a phrase
// are where it could go wrong.
func TestGateNeverRejectsAMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tails := []string{"", " ", ":", " now", "s", " more words", "\u00a0x", "…", " 2024"}
	for _, g := range allGated {
		if !g.builtOK() {
			continue
		}
		sre, err := syntax.Parse(g.src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		matched := 0
		for range 3000 {
			s := sample(rng, sre) + tails[rng.IntN(len(tails))]
			want := g.regexp().MatchString(s)
			if want {
				matched++
			}
			if got := g.MatchString(s); got != want {
				t.Errorf("%.30s… %q: gated %v, pattern %v", g.src, s, got, want)
			}
			if len(s) == 0 {
				continue
			}
			b := []byte(s)
			b[rng.IntN(min(len(b), gateDepth+1))] = byte(rng.IntN(utf8.RuneSelf))
			if got, want := g.MatchString(string(b)), g.regexp().MatchString(string(b)); got != want {
				t.Errorf("%.30s… %q: gated %v, pattern %v", g.src, b, got, want)
			}
		}
		if matched < 300 {
			t.Errorf("%.30s…: only %d of 3000 samples match: the sampler misses the pattern", g.src, matched)
		}
	}
	// The automaton reads past the second byte: each of these shares its
	// first four bytes with one of the pattern's phrases and is turned
	// down before the matcher.
	for _, c := range []struct {
		g *gated
		s string
	}{{reCTA, "Reading the report"}, {reCTA, "Shares rose"}, {reRelatedLabel, "Moreover, the"}, {reShareLabel, "Shard of glass"}} {
		if !c.g.rejects(c.s) {
			t.Errorf("%.30s… %q: not rejected by the automaton", c.g.src, c.s)
		}
	}
}

// TestByteMask: byteMask reads an instruction's ASCII bytes as the
// matcher's own MatchRune does, for every character instruction of every
// gated pattern.
func TestByteMask(t *testing.T) {
	for _, g := range allGated {
		sre, err := syntax.Parse(g.src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(sre.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		for pc := range prog.Inst {
			in := &prog.Inst[pc]
			if in.Op != syntax.InstRune && in.Op != syntax.InstRune1 {
				continue
			}
			m := byteMask(in)
			for b := range rune(utf8.RuneSelf) {
				if got, want := m[b>>6]&(1<<(b&63)) != 0, in.MatchRune(b); got != want {
					t.Errorf("%.30s… instruction %d (%v) byte %q: mask %v, MatchRune %v", g.src, pc, in, b, got, want)
				}
			}
		}
	}
}

// FuzzGate: for any text, every gated pattern answers as its matcher
// does. The seeds start like the patterns' phrases, so mutations explore
// the texts where the automaton decides.
func FuzzGate(f *testing.F) {
	for _, s := range []string{
		"Read more: x", "Reading the report", "Share this article", "Shard", "Advertisement", "Ad", "Posted: 2 days ago",
		"Updated March 3, 2024 at 10:30 am", "Table of contents", "More like this", "Moreover", "Sign up now", "ſhare",
		"Follow us on Facebook", "Getty Images", "Page 2 of 9", "FAQs", "Weekly newsletter", "", " ", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range allGated {
			if got, want := g.MatchString(s), g.regexp().MatchString(s); got != want {
				t.Errorf("%.30s… %q: gated %v, pattern %v", g.src, s, got, want)
			}
		}
	})
}

// sample draws a text from re: a random branch of each alternation, up
// to three repetitions of an unbounded repeat, a random case for a
// case-folded literal and a random character of a class (ASCII when the
// class has some). Empty-width assertions add nothing, so a sample does
// not always match.
func sample(rng *rand.Rand, re *syntax.Regexp) string {
	var b strings.Builder
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				if re.Flags&syntax.FoldCase != 0 && rng.IntN(2) == 0 {
					r = unicode.SimpleFold(r)
				}
				b.WriteRune(r)
			}
		case syntax.OpCharClass:
			var ascii []rune
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1] && r < utf8.RuneSelf; r++ {
					ascii = append(ascii, r)
				}
			}
			switch {
			case len(ascii) > 0 && rng.IntN(8) > 0:
				b.WriteRune(ascii[rng.IntN(len(ascii))])
			case len(re.Rune) > 0:
				i := 2 * rng.IntN(len(re.Rune)/2)
				b.WriteRune(re.Rune[i] + rune(rng.IntN(int(min(re.Rune[i+1]-re.Rune[i], 50))+1)))
			}
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			b.WriteByte("ab .,:-"[rng.IntN(7)])
		case syntax.OpCapture:
			walk(re.Sub[0])
		case syntax.OpConcat:
			for _, sub := range re.Sub {
				walk(sub)
			}
		case syntax.OpAlternate:
			walk(re.Sub[rng.IntN(len(re.Sub))])
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			lo, hi := 0, 3
			switch re.Op {
			case syntax.OpPlus:
				lo = 1
			case syntax.OpQuest:
				hi = 1
			case syntax.OpRepeat:
				lo, hi = re.Min, re.Max
				if hi < 0 || hi > lo+3 {
					hi = lo + 3
				}
			}
			for range lo + rng.IntN(hi-lo+1) {
				walk(re.Sub[0])
			}
		}
	}
	walk(re)
	return b.String()
}

func TestPhrasedSameAnswer(t *testing.T) {
	pats := map[string]*phrased{
		"commentform": reCommentFormText, "newsletter": reNewsletterText, "cookie": reCookieText,
		"disclosure": reDisclosure, "support": reSupportNotice, "follow": reSocialFollow, "sitenote": reSiteNote,
	}
	texts := []string{
		"", "Please enter your comment!", "PLEASE ENTER YOUR NAME HERE", "Leave a Reply Cancel reply",
		"Sign up for our daily newsletter", "Subscribe to our weekly briefing", "Enter your email address",
		"We use cookies to improve your experience.", "By continuing to browse you agree", "Accept all cookies",
		"We may earn a commission from links on this page.", "This post contains affiliate links.", "Reader-supported",
		"Already a subscriber? Log in to continue reading", "Support our journalism: donate today", "Give now",
		"Follow us on Instagram", "Follow Jane Doe on Twitter", "Join our Facebook group",
		"The views expressed here are not necessarily those of the editors.", "Rate this recipe",
		// characters a case-insensitive pattern matches that lower-casing may not turn into the pattern's letters
		"Pleaſe enter your comment", "ſubscribe to our newsletter", "We uſe cookies", "Liked us? Follow us on FACEBOOK",
		"Thanks to the \u212Aeen editorial team", "an ordinary sentence about the harbour bridge and its repairs",
	}
	phraseAutomatonOnce()
	for name, p := range pats {
		if p.phrases == nil {
			t.Errorf("%s: no phrases found", name)
		}
		for _, s := range texts {
			for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), "Intro. " + s + " Outro."} {
				if got, want := p.Match(v, &phraseHits{lower: strings.ToLower(v)}), p.regexp().MatchString(v); got != want {
					t.Errorf("%s %q: gated %v, pattern %v", name, v, got, want)
				}
			}
		}
	}
	if ps := requiredPhrases(mustParse(t, `(?i)a|b*`)); ps != nil {
		t.Errorf("optional branch: phrases %q, want none", ps)
	}
	if ps := requiredPhrases(mustParse(t, `(?i)x?(earn|get)s? (small )?(commission|compensation)`)); shortest(ps) < len("commission") || !slices.ContainsFunc(ps, func(p string) bool { return strings.HasSuffix(p, " commission") }) {
		t.Errorf("concatenation: phrases %q, want whole words spelled across its fixed parts", ps)
	}
	if ps := requiredPhrases(mustParse(t, `(?i)join (our|my) (mailing|email) list`)); !slices.Equal(ps, []string{"join our mailing list", "join our email list", "join my mailing list", "join my email list"}) {
		t.Errorf("concatenation of fixed parts: phrases %q", ps)
	}
}

func mustParse(t *testing.T, s string) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(s, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return re
}

// TestPhraseAutomaton checks the one-pass scan against a search for each
// phrase on its own, on texts built from the phrases and their pieces.
func TestPhraseAutomaton(t *testing.T) {
	ac := phraseAutomatonOnce()
	naive := func(text string) uint64 {
		var m uint64
		for _, p := range allPhrased {
			if strings.Contains(text, foldGap) || hasAny(text, p.phrases) {
				m |= p.bit
			}
		}
		return m
	}
	var pieces []string
	for _, p := range allPhrased {
		for _, ph := range p.phrases {
			pieces = append(pieces, ph, ph[:len(ph)/2], ph[len(ph)/2:])
		}
	}
	pieces = append(pieces, " ", "x", "é", foldGap, "the harbour bridge ")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.IntN(8); j >= 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		if got, want := ac.scan(text), naive(text); got != want {
			t.Fatalf("scan(%q) = %b, want %b", text, got, want)
		}
	}
}

// hasAny: lower contains one of keys.
func hasAny(lower string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// TestPatternsCompile compiles every lazily compiled pattern: a pattern
// that does not compile must fail here, not at its first use on a page.
func TestPatternsCompile(t *testing.T) {
	for _, g := range allGated {
		if g.regexp() == nil {
			t.Errorf("%s: no regexp", g.src)
		}
	}
	for _, p := range allPhrased {
		if p.regexp() == nil {
			t.Errorf("%s: no regexp", p.src)
		}
	}
	if len(allGated) < 10 || len(allPhrased) < 5 {
		t.Errorf("%d gated and %d phrased patterns registered; the rules have more", len(allGated), len(allPhrased))
	}
}

// builtOK builds g's automaton and reports whether they are valid.
func (g *gated) builtOK() bool {
	g.built.Do(g.build)
	return g.ok
}

// TestHintGramFilter: the filter in front of the hint tables lets every
// word of every table through, and turns away grams no table has.
func TestHintGramFilter(t *testing.T) {
	tables := map[string]map[string]bool{
		"byline": hintByline, "figure": hintFigure, "caption": hintCaption,
		"bylineName": hintBylineName, "cta": hintCTA, "positive": hintPositive,
	}
	for _, ht := range hintTables {
		tables[string(ht.kind)] = ht.words
	}
	for name, words := range tables {
		for w := range words {
			if !hintGramFilter.may([]byte(w)) {
				t.Errorf("%s: %q is filtered out", name, w)
			}
		}
	}
	for _, g := range []string{"", "zzzzqqqqxxxx", "0"} {
		if hintGramFilter.may([]byte(g)) {
			t.Errorf("%q passes the filter", g)
		}
	}
	// Through the matcher: a table word inside a longer class list.
	if !hintMatch("wp-block post-byline x", hintByline) || hintMatch("wp-block post-zzqx", hintByline) {
		t.Error("hintMatch disagrees with the byline table")
	}
}

// TestAtomSet: membership by binary search agrees with the lists.
func TestAtomSet(t *testing.T) {
	s := newAtomSet(atom.P, atom.Div, atom.H1, atom.P)
	for _, tc := range []struct {
		a    atom.Atom
		want bool
	}{
		{atom.P, true}, {atom.Div, true}, {atom.H1, true},
		{atom.Span, false}, {atom.H2, false}, {0, false}, {atom.Br, false},
	} {
		if got := s.has(tc.a); got != tc.want {
			t.Errorf("has(%v) = %v, want %v", tc.a, got, tc.want)
		}
	}
	if len(s) != 3 {
		t.Errorf("duplicates kept: %v", s)
	}
	if blockTags.has(atom.Br) || !blockTags.has(atom.Div) || !dropTags.has(atom.Script) || dropTags.has(atom.P) {
		t.Error("blockTags or dropTags lost their members")
	}
}
