package attribution

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation found in a block. Offsets are bytes into the
// block's text: [open, close) covers the marks, [start, end) the words
// inside them. An unclosed quote runs to the end of the block, the way a
// quote spanning several paragraphs is written.
type qspan struct {
	open, start, end, close int
	closed                  bool
	mark                    rune // the opening mark
}

// closersFor lists the marks that may close a quote opened with r, in the
// styles news sites use: “English” „German“ „Polish” «French» »German«
// ‹single› ‘British’ 'straight' "straight".
func closersFor(r rune) []rune {
	switch r {
	case '“':
		return []rune{'”'}
	case '„':
		return []rune{'“', '”'}
	case '«':
		return []rune{'»'}
	case '»':
		return []rune{'«'}
	case '‹':
		return []rune{'›'}
	case '›':
		return []rune{'‹'}
	case '‚':
		return []rune{'‘', '’'}
	case '"':
		return []rune{'"'}
	case '‘':
		return []rune{'’'}
	case '\'':
		return []rune{'\''}
	}
	return nil
}

// isApostropheMark reports whether r doubles as an apostrophe, so that it
// closes a quote only where it cannot be one ("don’t", "Putin’s").
func isApostropheMark(r rune) bool { return r == '’' || r == '\'' }

// runeAt decodes the rune at byte i (utf8.RuneError past the end).
func runeAt(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// runeBefore decodes the rune ending at byte i.
func runeBefore(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// closerScore rates a candidate closing mark at i: 2 = clearly a closer
// (after punctuation, before punctuation or the end), 1 = a closer or a
// plural possessive ("the leaders’ plans"), 0 = not a closer.
func closerScore(s string, i int, r rune) int {
	prev, next := runeBefore(s, i), runeAt(s, i+utf8.RuneLen(r))
	if r == '»' || r == '›' {
		return 2 // French « … » puts a space inside the marks
	}
	if prev == utf8.RuneError || unicode.IsSpace(prev) {
		return 0 // a closer hugs the quoted words
	}
	if isWordRune(next) {
		return 0 // "don’t", "Putin’s", or an opener glued to a word
	}
	if !isApostropheMark(r) {
		return 2
	}
	if unicode.IsPunct(prev) || next == utf8.RuneError || (unicode.IsPunct(next) && next != '-') {
		return 2
	}
	if prev == 's' || prev == 'S' {
		return 1
	}
	return 2
}

// canOpen reports whether the mark r at byte i can open a quote: it must
// not hug a preceding word ("rock'n'roll") and must be followed by text.
func canOpen(s string, i int, r rune) bool {
	prev, next := runeBefore(s, i), runeAt(s, i+utf8.RuneLen(r))
	if next == utf8.RuneError {
		return false
	}
	if r == '»' || r == '›' {
		// German »…« hugs its words; French « … » puts spaces inside.
		return !isWordRune(prev) && !unicode.IsSpace(next)
	}
	if isWordRune(prev) {
		return false
	}
	if r == '\'' || r == '‘' || r == '"' {
		return !unicode.IsSpace(next)
	}
	return true
}

// markIndex keeps, per closing mark, the sorted byte positions where it
// can close a quote, so that finding quotes stays O(n log n) on any input.
type markIndex struct {
	strong map[rune][]int
	weak   map[rune][]int
}

func indexClosers(s string) markIndex {
	mi := markIndex{strong: map[rune][]int{}, weak: map[rune][]int{}}
	for i, r := range s {
		switch r {
		case '”', '“', '»', '«', '›', '‹', '’', '‘', '"', '\'':
			switch closerScore(s, i, r) {
			case 2:
				mi.strong[r] = append(mi.strong[r], i)
				mi.weak[r] = append(mi.weak[r], i)
			case 1:
				mi.weak[r] = append(mi.weak[r], i)
			}
		}
	}
	return mi
}

// firstAfter returns the first position in ps greater than i, or -1.
func firstAfter(ps []int, i int) int {
	k := sort.SearchInts(ps, i+1)
	if k < len(ps) {
		return ps[k]
	}
	return -1
}

// findQuotes returns the quotations in s, outermost only, in order. Inner
// quotes (“He called it ‘a deal’”) belong to their outer quote. Single
// quotes that find no closer are apostrophes and are skipped; double
// quotes that find none run to the end of s.
func findQuotes(s string) []qspan {
	var out []qspan
	var mi *markIndex
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		closers := closersFor(r)
		if closers == nil || !canOpen(s, i, r) {
			i += size
			continue
		}
		if mi == nil {
			idx := indexClosers(s)
			mi = &idx
		}
		best, bestRune := -1, rune(0)
		for _, c := range closers {
			p := firstAfter(mi.strong[c], i)
			if p < 0 {
				p = firstAfter(mi.weak[c], i)
			}
			if p >= 0 && (best < 0 || p < best) {
				best, bestRune = p, c
			}
		}
		start := i + size
		if best < 0 {
			if isApostropheMark(r) || r == '‘' || r == '‚' || r == '›' || r == '»' {
				i += size
				continue
			}
			out = append(out, qspan{open: i, start: start, end: len(s), close: len(s), mark: r})
			break
		}
		out = append(out, qspan{open: i, start: start, end: best, close: best + utf8.RuneLen(bestRune), closed: true, mark: r})
		i = best + utf8.RuneLen(bestRune)
	}
	return out
}

// startsWithOpener reports whether s begins (after spaces) with an opening
// quote mark: the sign that a quote continues from the paragraph before.
func startsWithOpener(s string) bool {
	for i, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		return closersFor(r) != nil && canOpen(s, i, r)
	}
	return false
}
