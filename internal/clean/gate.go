package clean

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// gated is a text pattern with a table of the ASCII bytes a match can
// begin with, worked out from the compiled pattern once. For a pattern
// anchored at the start (every path passes ^ before reading a character)
// a text whose first byte is ASCII and not in the table cannot match, and
// is turned down without running the matcher. Any other pattern, and any
// text starting with a non-ASCII character or empty, goes to the matcher
// as before: the answer is always the matcher's.
type gated struct {
	*regexp.Regexp
	first [utf8.RuneSelf]bool
	ok    bool // first is valid
}

func gate(re *regexp.Regexp) *gated {
	g := &gated{Regexp: re}
	g.first, g.ok = firstBytes(re)
	return g
}

func (g *gated) MatchString(s string) bool {
	if g.ok && len(s) > 0 && s[0] < utf8.RuneSelf && !g.first[s[0]] {
		return false
	}
	return g.Regexp.MatchString(s)
}

// firstBytes: the ASCII bytes the first character of a match of re can
// be; ok is false unless re is anchored at the start of the text on every
// path and cannot match the empty string before reading a character.
func firstBytes(re *regexp.Regexp) (first [utf8.RuneSelf]bool, ok bool) {
	sre, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return first, false
	}
	prog, err := syntax.Compile(sre.Simplify())
	if err != nil {
		return first, false
	}
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
			if !anchored {
				ok = false
				return
			}
			for b := 0; b < utf8.RuneSelf; b++ {
				if in.Op == syntax.InstRune1 && rune(b) == in.Rune[0] || in.Op == syntax.InstRune && in.MatchRune(rune(b)) {
					first[b] = true
				}
			}
		default: // InstMatch, InstRuneAny, InstRuneAnyNotNL, anything new
			ok = false
		}
	}
	visit(uint32(prog.Start), false)
	return first, ok
}
