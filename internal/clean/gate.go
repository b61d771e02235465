package clean

import (
	"regexp"
	"regexp/syntax"
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
