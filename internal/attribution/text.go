package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells words, punctuation and whole quotations apart.
type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a whole quotation, marks included; q indexes the block's quotes
)

// token is one unit of a sentence's frame: the words outside quotations,
// with each quotation folded into a single tQuote token.
type token struct {
	kind       tokKind
	text       string // as written
	lower      string
	start, end int // byte offsets in the block
	q          int // index into the block's quotes for tQuote
}

func (t token) isCap() bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) is(w string) bool { return t.kind == tWord && t.lower == w }

func (t token) isPunct(p string) bool { return t.kind == tPunct && t.text == p }

// span is a sentence: [start, end) in the block, quotes never cut.
type span struct{ start, end int }

// inQuote reports whether byte i falls inside a quotation's marks.
func inQuote(qs []qspan, i int) bool {
	for _, q := range qs {
		if i >= q.open && i < q.close {
			return true
		}
		if q.open > i {
			break
		}
	}
	return false
}

// splitSentences cuts a block at full stops, question and exclamation
// marks followed by a space and a capital, a digit or a quote mark. It
// never cuts inside a quotation, so “We are ready. We will go,” she said
// stays one sentence, and it keeps "Mr. Smith" and "U.S. officials" whole.
func splitSentences(s string, qs []qspan) []span {
	var out []span
	start := 0
	qn := 0 // next quote whose end may close a sentence
	for i := 0; i < len(s); {
		// a quotation ending in a full stop closes its sentence when a new
		// one starts after it: “…outlived its design.” He argued …
		for qn < len(qs) && qs[qn].close <= i {
			if q := qs[qn]; q.closed && q.close > start && endsSentence(s[q.start:q.end]) {
				if k, ok := nextSentenceStart(s, q.close); ok {
					out = append(out, span{start, q.close})
					start = k
				}
			}
			qn++
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		if inQuote(qs, i) {
			i += size
			if i >= len(s) {
				break
			}
			continue
		}
		j := i + size
		// swallow closing marks and brackets that belong to the sentence
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if r2 == ')' || r2 == ']' || r2 == '.' || r2 == '!' || r2 == '?' {
				j += sz
				continue
			}
			break
		}
		k := j
		sp := false
		for k < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(r2) {
				break
			}
			sp = true
			k += sz
		}
		if k >= len(s) {
			break
		}
		next := runeAt(s, k)
		if !sp || !(unicode.IsUpper(next) || unicode.IsDigit(next) || closersFor(next) != nil) {
			i = j
			continue
		}
		if r == '.' && isAbbrevBefore(s, i) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = k
		i = k
	}
	if start < len(s) {
		end := len(s)
		for end > start {
			r, sz := utf8.DecodeLastRuneInString(s[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= sz
		}
		if end > start {
			out = append(out, span{start, end})
		}
	}
	return out
}

// isAbbrevBefore reports whether the full stop at i ends an abbreviation or
// an initial ("Mr.", "Jan.", "J.", "U.S.") rather than a sentence.
func isAbbrevBefore(s string, i int) bool {
	j := i
	for j > 0 {
		r, sz := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= sz
	}
	w := s[j:i]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true // U.S., z.B.
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return lex().abbrev[strings.ToLower(w)]
}

// isApos reports whether r is an apostrophe inside a word.
func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize turns the sentence sp of block text s into frame tokens.
// Possessive endings become their own token ("Putin’s" → "Putin", "’s"),
// French elisions keep their apostrophe ("l’Élysée" → "l’", "Élysée").
func tokenize(s string, sp span, qs []qspan) []token {
	return appendTokens(nil, s, sp, qs)
}

// appendTokens is tokenize appending to out, so that one array can hold
// the tokens of every sentence of an article (newArticle).
func appendTokens(out []token, s string, sp span, qs []qspan) []token {
	first := len(out)
	qi := 0
	for i := sp.start; i < sp.end; {
		for qi < len(qs) && qs[qi].close <= i {
			qi++
		}
		if qi < len(qs) && qs[qi].open == i {
			q := qs[qi]
			end := q.close
			if end > sp.end {
				end = sp.end
			}
			out = append(out, token{kind: tQuote, text: s[i:end], start: i, end: end, q: qi})
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{kind: tPunct, text: s[i : i+size], lower: s[i : i+size], start: i, end: i + size})
			i += size
			continue
		}
		j := i
		for j < sp.end {
			if qi < len(qs) && qs[qi].open == j {
				break
			}
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) || unicode.IsMark(r2) {
				j += sz
				continue
			}
			// keep inner hyphens, apostrophes and dots ("Iran-Russia", "O’Brien", "U.S")
			// and thousands separators ("1,200")
			if r2 == ',' && j > i && s[j-1] >= '0' && s[j-1] <= '9' && j+1 < sp.end && s[j+1] >= '0' && s[j+1] <= '9' {
				j += sz
				continue
			}
			if (r2 == '-' || r2 == '‐' || isApos(r2) || r2 == '.') && isWordRune(runeAt(s, j+sz)) && j+sz < sp.end {
				if isApos(r2) {
					w := strings.ToLower(s[i:j])
					if w == "l" || w == "d" || w == "qu" || w == "j" || w == "n" || w == "s" || w == "c" || w == "m" {
						j += sz
						break // French elision: its own token
					}
					rest := s[j+sz:]
					if (strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "S")) && !isWordRune(runeAt(rest, 1)) {
						break // possessive
					}
				}
				j += sz
				continue
			}
			break
		}
		if isApos(runeAt(s, j)) && j < sp.end {
			// possessive "’s" or plural "s’"
			_, asz := utf8.DecodeRuneInString(s[j:])
			if i < j {
				out = append(out, mkWord(s, i, j))
			}
			k := j + asz
			if k < sp.end && (s[k] == 's' || s[k] == 'S') && !isWordRune(runeAt(s, k+1)) {
				out = append(out, token{kind: tWord, text: s[j : k+1], lower: "’s", start: j, end: k + 1})
				i = k + 1
				continue
			}
			i = j
			if !(qi < len(qs) && qs[qi].open == j) {
				out = append(out, token{kind: tPunct, text: s[j:k], lower: "’", start: j, end: k})
				i = k
			}
			continue
		}
		if j+1 < sp.end && s[j] == '.' && lex().titleAbbrev[strings.ToLower(s[i:j])] && s[j+1] == ' ' && unicode.IsUpper(runeAt(s, j+2)) {
			// "Gov. Ray Estrada": the title keeps its full stop
			w := mkWord(s, i, j+1)
			w.lower = strings.ToLower(s[i:j])
			out = append(out, w)
			i = j + 1
			continue
		}
		out = append(out, mkWord(s, i, j))
		i = j
	}
	nicknames(out[first:])
	return out
}

// nicknames turns a short capitalised quotation between two capitalised
// words into part of the name: Dwayne "The Rock" Johnson.
func nicknames(ts []token) []token {
	for k := 1; k+1 < len(ts); k++ {
		if ts[k].kind != tQuote || !ts[k-1].isCap() || !ts[k+1].isCap() || ts[k-1].kind != tWord || ts[k+1].kind != tWord {
			continue
		}
		inner := strings.TrimFunc(ts[k].text, func(r rune) bool { return !isWordRune(r) })
		f := strings.Fields(inner)
		if len(f) == 0 || len(f) > 3 || strings.ContainsAny(inner, ".,;:!?") {
			continue
		}
		ok := true
		for _, w := range f {
			ok = ok && (unicode.IsUpper(runeAt(w, 0)) || w == "the")
		}
		if ok {
			ts[k].kind, ts[k].text, ts[k].lower = tWord, inner, strings.ToLower(inner)
		}
	}
	return ts
}

func mkWord(s string, i, j int) token {
	w := s[i:j]
	return token{kind: tWord, text: w, lower: strings.ToLower(w), start: i, end: j}
}

// wordCount counts words in s (runs of letters or digits).
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// endsSentence reports whether quoted words end with ".", "!", "?" or "…".
func endsSentence(q string) bool {
	q = strings.TrimRightFunc(q, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(q)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// nextSentenceStart reports where a new sentence starts after byte i: after
// spaces, at a capital letter or an opening quote mark.
func nextSentenceStart(s string, i int) (int, bool) {
	k := i
	for k < len(s) {
		r, sz := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r) {
			break
		}
		k += sz
	}
	if k == i || k >= len(s) {
		return 0, false
	}
	r := runeAt(s, k)
	return k, unicode.IsUpper(r) || (closersFor(r) != nil && canOpen(s, k, r))
}
