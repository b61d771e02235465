package clean

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// gated is a text pattern with a small automaton over the first ASCII
// bytes a match can begin with, worked out from the compiled pattern
// once. For a pattern anchored at the start (every path passes ^ before
// reading a character), the automaton follows the text's first
// gateDepth bytes through the pattern's program, and a text whose start no
// path of the pattern can read is turned down without running the
// matcher. That matters because Go's matcher tries every alternative of
// a pattern such as reCTA's thirty verbs at each call, and the patterns
// are asked about a thousand short texts per page, most of them beginning
// with an ordinary word ("Reading the report", "Shares rose"): two bytes
// tell "re" from "xy", but it takes five to tell "read " from "readi".
// The automaton over-approximates (word boundaries and the like count as
// passable; a path that may end the match, a non-ASCII byte, the end of
// the text or a text longer than it follows all hand the text to the
// matcher), so it never turns down a text the pattern matches. Any
// pattern not anchored at the start goes to the matcher for every text:
// the answer is always the matcher's.
type gated struct {
	lazyRegexp
	built sync.Once
	ok    bool // the automaton is valid
	// class maps an ASCII byte to its class: bytes every character
	// instruction of the pattern treats alike share one.
	class  [utf8.RuneSelf]uint8
	nclass int
	// next[state*nclass+class] is the state after reading a byte of
	// that class: gateReject, gateOpen or a state number (0 is the start).
	next []int16
}

const (
	// gateDepth is how many leading bytes a gate follows. Over the 841
	// corpus pages, of 832,000 texts asked about, two bytes let 169,000
	// through to the matcher, five bytes 55,000 and eight 46,000, while
	// the automata (built on a page's first call) grow with the depth.
	gateDepth = 5
	// gateMaxStates caps one pattern's automaton (a pattern beginning
	// with a letter class would otherwise enumerate words): beyond it
	// the text goes to the matcher.
	gateMaxStates = 512

	gateReject = -1 // no path of the pattern reads this byte here
	gateOpen   = -2 // the automaton can't say: ask the matcher
)

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

// gate makes a gated pattern of src; its automaton is built on first use.
func gate(src string) *gated {
	g := &gated{lazyRegexp: lazyRegexp{src: src}}
	allGated = append(allGated, g)
	return g
}

func (g *gated) MatchString(s string) bool {
	g.built.Do(g.build)
	if g.ok && g.rejects(s) {
		return false
	}
	return g.regexp().MatchString(s)
}

// rejects reports whether the automaton rules s out.
func (g *gated) rejects(s string) bool {
	state := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			return false // folding (ſ, K) and classes like \p{L}: the matcher's call
		}
		switch next := g.next[state*g.nclass+int(g.class[b])]; next {
		case gateReject:
			return true
		case gateOpen:
			return false
		default:
			state = int(next)
		}
	}
	return false // the text ended first
}

// build makes the automaton; g.ok stays false unless the pattern is
// anchored at the start of the text on every path and cannot match the
// empty string before reading a character.
func (g *gated) build() {
	sre, err := syntax.Parse(g.src, syntax.Perl)
	if err != nil {
		return
	}
	prog, err := syntax.Compile(sre.Simplify())
	if err != nil {
		return
	}
	start, ok := reachable(prog, []uint32{uint32(prog.Start)}, true)
	if !ok {
		return
	}
	slices.Sort(start)
	start = slices.Compact(start)
	// The byte classes: bytes that every character instruction accepts
	// or refuses alike share a class, so the automaton has one column per
	// class (a few dozen) instead of one per byte.
	masks := make([][2]uint64, len(prog.Inst))
	var distinct [][2]uint64
	seen := map[[2]uint64]bool{}
	for pc := range prog.Inst {
		if in := &prog.Inst[pc]; in.Op == syntax.InstRune || in.Op == syntax.InstRune1 {
			masks[pc] = byteMask(in)
			if !seen[masks[pc]] {
				seen[masks[pc]] = true
				distinct = append(distinct, masks[pc])
			}
		}
	}
	// A byte's class is named by the distinct masks that hold it.
	classOf := map[string]uint8{}
	var rep []byte // one byte of each class
	var holders []uint32
	for b := range utf8.RuneSelf {
		holders = holders[:0]
		for i, m := range distinct {
			if m[b>>6]&(1<<(b&63)) != 0 {
				holders = append(holders, uint32(i))
			}
		}
		k := key(holders)
		id, known := classOf[k]
		if !known {
			id = uint8(len(rep))
			classOf[k] = id
			rep = append(rep, byte(b))
		}
		g.class[b] = id
	}
	g.nclass = len(rep)

	// The states: sets of character instructions, found breadth first.
	type state struct {
		pcs   []uint32
		depth int
	}
	states := []state{{start, 0}}
	index := map[string]int{key(start): 0}
	closures := make([]closure, len(prog.Inst)) // what each instruction leads to, worked out once
	g.next = g.next[:0]
	var outs []uint32
	for si := 0; si < len(states); si++ {
		st := states[si]
		for _, b := range rep {
			if st.depth >= gateDepth {
				g.next = append(g.next, gateOpen)
				continue
			}
			// read: some path reads b here. Its continuations (outs) may
			// still be none, when every such path ends at $: the state
			// without instructions then turns down any further byte,
			// and a text that ends there goes to the matcher.
			outs, ok = outs[:0], true
			read := false
			for _, pc := range st.pcs {
				if m := masks[pc]; m[b>>6]&(1<<(b&63)) != 0 {
					read = true
					c := &closures[prog.Inst[pc].Out]
					if !c.done {
						c.insts, c.ok = reachable(prog, []uint32{prog.Inst[pc].Out}, false)
						c.done = true
					}
					ok = ok && c.ok
					outs = append(outs, c.insts...)
				}
			}
			switch {
			case !ok:
				g.next = append(g.next, gateOpen)
			case !read:
				g.next = append(g.next, gateReject)
			default:
				slices.Sort(outs)
				outs = slices.Compact(outs)
				k := key(outs)
				n, known := index[k]
				if !known {
					if len(states) >= gateMaxStates {
						g.next = append(g.next, gateOpen)
						continue
					}
					n = len(states)
					index[k] = n
					states = append(states, state{slices.Clone(outs), st.depth + 1})
				}
				g.next = append(g.next, int16(n))
			}
		}
	}
	g.ok = true
}

// closure is what reachable finds after one character instruction.
type closure struct {
	insts    []uint32
	ok, done bool
}

// key names a sorted set of numbers (instructions, masks) for a map.
func key(xs []uint32) string {
	b := make([]byte, 0, 4*len(xs))
	for _, x := range xs {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return string(b)
}

// byteMask: the ASCII bytes the character instruction in accepts, read
// off its runes the way syntax.Inst.MatchRune reads them: one rune, with
// its case folds when the instruction folds case, or a list of ranges
// (which the compiler has already widened by any folding).
func byteMask(in *syntax.Inst) (m [2]uint64) {
	set := func(r rune) {
		if r < utf8.RuneSelf {
			m[r>>6] |= 1 << (r & 63)
		}
	}
	switch {
	case in.Op == syntax.InstRune1:
		set(in.Rune[0])
	case len(in.Rune) == 1:
		r0 := in.Rune[0]
		set(r0)
		if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
				set(r)
			}
		}
	default:
		for i := 0; i+1 < len(in.Rune); i += 2 {
			for r := in.Rune[i]; r <= min(in.Rune[i+1], utf8.RuneSelf-1); r++ {
				set(r)
			}
		}
	}
	return m
}

// reachable follows the empty moves from pcs and returns the character
// instructions (InstRune, InstRune1) it reaches. ok is false when a path
// reaches anything else that reads or ends (a match, any-character), so no
// table can describe what comes next. With first set, a path must also
// pass the begin-text anchor before its first character instruction.
// A path through the end-of-text anchor ends there: the gate follows a
// byte only when the text goes on past it, and a text that ends goes to
// the matcher. Every other empty-width assertion (\b, and $ in multi-line
// mode, which also holds before a line feed) counts as passable, which
// over-approximates.
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
			if syntax.EmptyOp(in.Arg)&syntax.EmptyEndText != 0 {
				return
			}
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
