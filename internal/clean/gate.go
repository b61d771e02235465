package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// gated is a text pattern with tables of the ASCII bytes a match can begin
// with, worked out from the compiled pattern once: which first bytes, and
// which second bytes after each first one. For a pattern anchored at the
// start (every path passes ^ before reading a character) a text that
// begins with two ASCII bytes the tables rule out cannot match, and is
// turned down without running the matcher. That matters because Go's
// matcher, even for an anchored pattern that fails on the second
// character, first clears a bitmap as large as the pattern times the text.
// The tables over-approximate (word boundaries and the like count as
// passable), so they never turn down a text the pattern matches. Any other
// pattern, and any text starting with a non-ASCII byte, goes to the
// matcher: the answer is always the matcher's.
type gated struct {
	lazyRegexp
	tables sync.Once
	ok     bool // the tables are valid
	first  [utf8.RuneSelf]bool
	// second[b] has bit c set when ASCII byte c may follow first byte b;
	// anySecond[b]: after b the match may end or go on with a character
	// the tables can't describe, so no second-byte test.
	second    [utf8.RuneSelf][2]uint64
	anySecond [utf8.RuneSelf]bool
}

// lazyRegexp is a pattern compiled on first use. Compiling every pattern at
// package start cost a cold WASM engine about a tenth of a second before
// its first page; most calls never reach most patterns' matchers, since
// the gates turn their texts down first. The patterns are constants, and
// the tests compile every one of them (TestPatternsCompile).
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func (l *lazyRegexp) regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// FindString is regexp.Regexp's, on the compiled pattern.
func (l *lazyRegexp) FindString(s string) string { return l.regexp().FindString(s) }

// FindStringIndex is regexp.Regexp's, on the compiled pattern.
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.regexp().FindStringIndex(s) }

// allGated is every gated pattern, for the tests.
var allGated []*gated

// gate makes a gated pattern of src; its tables are built on first use.
func gate(src string) *gated {
	g := &gated{lazyRegexp: lazyRegexp{src: src}}
	allGated = append(allGated, g)
	return g
}

func (g *gated) MatchString(s string) bool {
	g.tables.Do(g.build)
	if g.ok && len(s) > 0 && s[0] < utf8.RuneSelf {
		b := s[0]
		if !g.first[b] {
			return false
		}
		if len(s) > 1 && !g.anySecond[b] && s[1] < utf8.RuneSelf && g.second[b][s[1]>>6]&(1<<(s[1]&63)) == 0 {
			return false
		}
	}
	return g.regexp().MatchString(s)
}

// build fills the tables; g.ok stays false unless the pattern is anchored
// at the start of the text on every path and cannot match the empty
// string before reading a character.
func (g *gated) build() {
	sre, err := syntax.Parse(g.src, syntax.Perl)
	if err != nil {
		return
	}
	prog, err := syntax.Compile(sre.Simplify())
	if err != nil {
		return
	}
	// The character instructions reachable before the first character.
	firstInsts, ok := reachable(prog, []uint32{uint32(prog.Start)}, true)
	if !ok {
		return
	}
	// For each first character instruction: the ASCII bytes it takes, and
	// what may follow it (one closure per instruction, not per byte).
	for _, pc := range firstInsts {
		in := &prog.Inst[pc]
		bytes := byteMask(in)
		if bytes == ([2]uint64{}) {
			continue
		}
		var next [2]uint64
		nextInsts, ok := reachable(prog, []uint32{in.Out}, false)
		for _, npc := range nextInsts {
			m := byteMask(&prog.Inst[npc])
			next[0] |= m[0]
			next[1] |= m[1]
		}
		for b := 0; b < utf8.RuneSelf; b++ {
			if bytes[b>>6]&(1<<(b&63)) == 0 {
				continue
			}
			g.first[b] = true
			if !ok {
				g.anySecond[b] = true
			}
			g.second[b][0] |= next[0]
			g.second[b][1] |= next[1]
		}
	}
	g.ok = true
}

// byteMask: the ASCII bytes the character instruction in accepts.
func byteMask(in *syntax.Inst) (m [2]uint64) {
	for b := 0; b < utf8.RuneSelf; b++ {
		if matchesByte(in, byte(b)) {
			m[b>>6] |= 1 << (b & 63)
		}
	}
	return m
}

// matchesByte: the character instruction in accepts ASCII byte b.
func matchesByte(in *syntax.Inst, b byte) bool {
	switch in.Op {
	case syntax.InstRune1:
		return rune(b) == in.Rune[0]
	case syntax.InstRune:
		return in.MatchRune(rune(b))
	}
	return false
}

// reachable follows the empty moves from pcs and returns the character
// instructions (InstRune, InstRune1) it reaches. ok is false when a path
// reaches anything else that reads or ends (a match, any-character), so no
// table can describe what comes next. With first set, a path must also
// pass the begin-text anchor before its first character instruction;
// after the first character every empty-width assertion counts as
// passable, which over-approximates.
func reachable(prog *syntax.Prog, pcs []uint32, first bool) (insts []uint32, ok bool) {
	ok = true
	type state struct {
		pc       uint32
		anchored bool
	}
	seen := map[state]bool{}
	var visit func(pc uint32, anchored bool)
	visit = func(pc uint32, anchored bool) {
		if !ok || seen[state{pc, anchored}] {
			return
		}
		seen[state{pc, anchored}] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			visit(in.Out, anchored)
			visit(in.Arg, anchored)
		case syntax.InstNop, syntax.InstCapture:
			visit(in.Out, anchored)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText != 0 {
				anchored = true
			}
			visit(in.Out, anchored)
		case syntax.InstFail:
		case syntax.InstRune, syntax.InstRune1:
			if first && !anchored {
				ok = false
				return
			}
			insts = append(insts, pc)
		default: // InstMatch, InstRuneAny, InstRuneAnyNotNL, anything new
			ok = false
		}
	}
	for _, pc := range pcs {
		visit(pc, !first)
	}
	return insts, ok
}

// phrased is an unanchored pattern with the phrases every match contains
// at least one of (lower case), worked out from the pattern once: a text
// holding none of them cannot match and is turned down without running the
// matcher over the whole text. The phrases come from the pattern itself,
// so they can't drift from it. All phrased patterns' phrases are looked for
// together, in one pass over the text (phraseHits). With no phrases known
// (a branch that is all optional) every text goes to the matcher.
type phrased struct {
	lazyRegexp
	phrases []string // filled when the automaton is built
	bit     uint64   // this pattern's bit in phraseHits
}

// allPhrased is every phrased pattern, in creation order; the automaton
// over their phrases is built on first use.
var (
	allPhrased    []*phrased
	phraseMachine struct {
		once sync.Once
		ac   *phraseAutomaton
	}
)

// phrase makes a phrased pattern of src; its phrases are read when the
// automaton is first needed.
func phrase(src string) *phrased {
	p := &phrased{lazyRegexp: lazyRegexp{src: src}}
	if len(allPhrased) >= 63 {
		panic("clean: more than 63 phrased patterns") // a programming error, caught by every test
	}
	p.bit = 1 << len(allPhrased)
	allPhrased = append(allPhrased, p)
	return p
}

// phraseAutomatonOnce builds the automaton over every phrased pattern's
// required phrases, reading them from the patterns first.
func phraseAutomatonOnce() *phraseAutomaton {
	phraseMachine.once.Do(func() {
		for _, p := range allPhrased {
			if sre, err := syntax.Parse(p.src, syntax.Perl); err == nil {
				p.phrases = requiredPhrases(sre)
			}
		}
		phraseMachine.ac = newPhraseAutomaton(allPhrased)
	})
	return phraseMachine.ac
}

// phraseHits says which phrased patterns have one of their phrases in a
// text; the scan runs once, on the first question.
type phraseHits struct {
	lower string // strings.ToLower of the text
	mask  uint64
	done  bool
}

// has reports whether p may match: false only when p has phrases and the
// text holds none of them.
func (h *phraseHits) has(p *phrased) bool {
	ac := phraseAutomatonOnce()
	if p.phrases == nil {
		return true // no phrases known: every text goes to the matcher
	}
	if !h.done {
		h.mask, h.done = ac.scan(h.lower), true
	}
	return h.mask&p.bit != 0
}

// Match reports whether the pattern matches t; h holds t lower-cased.
func (p *phrased) Match(t string, h *phraseHits) bool {
	if !h.has(p) {
		return false
	}
	return p.regexp().MatchString(t)
}

// ReplaceAllString is regexp.Regexp's, run only when s holds one of the
// pattern's phrases (otherwise nothing can match and s comes back as is).
func (p *phrased) ReplaceAllString(s, repl string) string {
	if h := (phraseHits{lower: strings.ToLower(s)}); !h.has(p) {
		return s
	}
	return p.regexp().ReplaceAllString(s, repl)
}

// phraseAutomaton finds which of many phrases occur in a text in one pass
// (Aho–Corasick, with every transition precomputed over the few byte
// classes the phrases use). Each phrase carries the bits of the patterns it
// belongs to.
type phraseAutomaton struct {
	class   [256]uint8
	classes int
	delta   []uint16 // state*classes + class → state
	out     []uint64 // state → bits of the phrases ending here or at a suffix
}

// foldGap is "ſ": a case-insensitive "s" matches it, but lower-casing leaves
// it alone, so a text holding it must go to every matcher.
const foldGap = "ſ"

func newPhraseAutomaton(pats []*phrased) *phraseAutomaton {
	a := &phraseAutomaton{classes: 1}
	type entry struct {
		phrase string
		bits   uint64
	}
	var entries []entry
	var all uint64
	for _, p := range pats {
		all |= p.bit
		for _, ph := range p.phrases {
			entries = append(entries, entry{ph, p.bit})
		}
	}
	entries = append(entries, entry{foldGap, all})
	for _, e := range entries {
		for i := 0; i < len(e.phrase); i++ {
			if a.class[e.phrase[i]] == 0 {
				a.class[e.phrase[i]] = uint8(a.classes)
				a.classes++
			}
		}
	}
	nc := a.classes
	// The trie: goto transitions, 0 meaning none (the root is never a target).
	next := make([]uint16, nc)
	a.out = []uint64{0}
	for _, e := range entries {
		s := 0
		for i := 0; i < len(e.phrase); i++ {
			c := int(a.class[e.phrase[i]])
			if next[s*nc+c] == 0 {
				next = append(next, make([]uint16, nc)...)
				a.out = append(a.out, 0)
				next[s*nc+c] = uint16(len(a.out) - 1)
			}
			s = int(next[s*nc+c])
		}
		a.out[s] |= e.bits
	}
	if len(a.out) > 1<<16 {
		panic("clean: too many phrase states for uint16") // a programming error, caught by every test
	}
	// Breadth first: failure links, outputs along them, full transitions.
	fail := make([]uint16, len(a.out))
	a.delta = make([]uint16, len(next))
	queue := []int{}
	for c := 0; c < nc; c++ {
		if t := next[c]; t != 0 {
			a.delta[c] = t
			queue = append(queue, int(t))
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.out[s] |= a.out[fail[s]]
		for c := 0; c < nc; c++ {
			if t := next[s*nc+c]; t != 0 {
				fail[t] = a.delta[int(fail[s])*nc+c]
				a.delta[s*nc+c] = t
				queue = append(queue, int(t))
			} else {
				a.delta[s*nc+c] = a.delta[int(fail[s])*nc+c]
			}
		}
	}
	return a
}

// scan returns the bits of every phrase that occurs in text.
func (a *phraseAutomaton) scan(text string) uint64 {
	var m uint64
	s, nc := 0, a.classes
	for i := 0; i < len(text); i++ {
		s = int(a.delta[s*nc+int(a.class[text[i]])])
		m |= a.out[s]
	}
	return m
}

// requiredPhrases returns lower-case strings one of which every match of
// re contains, or nil when it can't tell. An alternation offers the union
// of its branches' phrases, a repetition its body's when the body must
// occur, and a concatenation the best of: its parts' phrases, and the
// strings spelled by a window of consecutive parts that each match one of
// a few fixed strings ("com" + "mission|pensation" → "commission",
// "compensation"). Best means the longest shortest phrase.
func requiredPhrases(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredPhrases(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredPhrases(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ps := requiredPhrases(sub)
			if ps == nil {
				return nil
			}
			out = append(out, ps...)
		}
		return out
	case syntax.OpConcat:
		var best []string
		consider := func(ps []string) {
			if ps != nil && shortest(ps) > 0 && (best == nil || shortest(ps) > shortest(best)) {
				best = ps
			}
		}
		exact := make([][]string, len(re.Sub))
		for i, sub := range re.Sub {
			exact[i] = exactStrings(sub)
			if exact[i] == nil {
				consider(requiredPhrases(sub))
			}
		}
		for i := range re.Sub {
			set := []string{""}
			for j := i; j < len(re.Sub) && exact[j] != nil; j++ {
				if set = cross(set, exact[j]); set == nil {
					break
				}
				consider(set)
			}
		}
		return best
	}
	return nil
}

// maxExact bounds the strings exactStrings and cross spell out.
const maxExact = 16

// exactStrings returns the lower-case strings re matches when it is a
// short list of fixed strings (a literal, an alternation or optional group
// of them, a concatenation of such), else nil.
func exactStrings(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpEmptyMatch:
		return []string{""}
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpQuest:
		if sub := exactStrings(re.Sub[0]); sub != nil && len(sub) < maxExact {
			return append([]string{""}, sub...)
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ss := exactStrings(sub)
			if ss == nil || len(out)+len(ss) > maxExact {
				return nil
			}
			out = append(out, ss...)
		}
		return out
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			ss := exactStrings(sub)
			if ss == nil {
				return nil
			}
			if set = cross(set, ss); set == nil {
				return nil
			}
		}
		return set
	}
	return nil
}

// cross is every a+b, or nil past maxExact strings.
func cross(as, bs []string) []string {
	if len(as)*len(bs) > maxExact {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out
}

func shortest(ps []string) int {
	n := -1
	for _, p := range ps {
		if n < 0 || len(p) < n {
			n = len(p)
		}
	}
	return n
}
