package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
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
	*regexp.Regexp
	ok    bool // the tables are valid
	first [utf8.RuneSelf]bool
	// second[b] has bit c set when ASCII byte c may follow first byte b;
	// anySecond[b]: after b the match may end or go on with a character
	// the tables can't describe, so no second-byte test.
	second    [utf8.RuneSelf][2]uint64
	anySecond [utf8.RuneSelf]bool
}

func gate(re *regexp.Regexp) *gated {
	g := &gated{Regexp: re}
	g.build()
	return g
}

func (g *gated) MatchString(s string) bool {
	if g.ok && len(s) > 0 && s[0] < utf8.RuneSelf {
		b := s[0]
		if !g.first[b] {
			return false
		}
		if len(s) > 1 && !g.anySecond[b] && s[1] < utf8.RuneSelf && g.second[b][s[1]>>6]&(1<<(s[1]&63)) == 0 {
			return false
		}
	}
	return g.Regexp.MatchString(s)
}

// build fills the tables; g.ok stays false unless the pattern is anchored
// at the start of the text on every path and cannot match the empty
// string before reading a character.
func (g *gated) build() {
	sre, err := syntax.Parse(g.Regexp.String(), syntax.Perl)
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
	var after [utf8.RuneSelf][]uint32 // where each first byte leads
	for _, pc := range firstInsts {
		in := &prog.Inst[pc]
		for b := 0; b < utf8.RuneSelf; b++ {
			if matchesByte(in, byte(b)) {
				g.first[b] = true
				after[b] = append(after[b], in.Out)
			}
		}
	}
	for b := 0; b < utf8.RuneSelf; b++ {
		if !g.first[b] {
			continue
		}
		next, ok := reachable(prog, after[b], false)
		if !ok {
			g.anySecond[b] = true
			continue
		}
		for _, pc := range next {
			in := &prog.Inst[pc]
			for c := 0; c < utf8.RuneSelf; c++ {
				if matchesByte(in, byte(c)) {
					g.second[b][c>>6] |= 1 << (c & 63)
				}
			}
		}
	}
	g.ok = true
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
// holding none of them cannot match and is turned down with a few
// substring searches instead of running the matcher over the whole text.
// The phrases come from the pattern itself, so they can't drift from it.
// With no phrases known (a branch that is all optional) every text goes
// to the matcher.
type phrased struct {
	*regexp.Regexp
	phrases []string
}

func phrase(re *regexp.Regexp) *phrased {
	p := &phrased{Regexp: re}
	if sre, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		p.phrases = requiredPhrases(sre)
	}
	return p
}

// MatchLower reports whether the pattern matches t; lower must be
// strings.ToLower(t). "ſ" is the one character a case-insensitive "s"
// matches that lower-casing leaves alone: a text holding it skips the gate.
func (p *phrased) MatchLower(t, lower string) bool {
	if p.phrases != nil && !strings.Contains(lower, "ſ") && !hasAny(lower, p.phrases) {
		return false
	}
	return p.Regexp.MatchString(t)
}

// requiredPhrases returns lower-case strings one of which every match of
// re contains, or nil when it can't tell. A concatenation offers the best
// of its parts (runs of literals joined), an alternation the union of its
// branches', a repetition its body's when the body must occur.
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
			if ps != nil && (best == nil || shortest(ps) > shortest(best)) {
				best = ps
			}
		}
		var run []rune
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral {
				run = append(run, sub.Rune...)
				continue
			}
			if len(run) > 0 {
				consider([]string{strings.ToLower(string(run))})
				run = nil
			}
			consider(requiredPhrases(sub))
		}
		if len(run) > 0 {
			consider([]string{strings.ToLower(string(run))})
		}
		return best
	}
	return nil
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
