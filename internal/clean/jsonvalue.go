package clean

import (
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is a small JSON decoder for the JSON-LD blocks readJSONLD
// reads. It exists for the size of the WASM build: encoding/json and the
// reflection it keeps cost about 140 KB gzip there (and reflection is slow
// in WASM), while JSON-LD only needs the generic value tree.
//
// decodeJSON gives what encoding/json's Unmarshal gives into an `any`, and
// rejects what it rejects (FuzzJSONValue checks both): objects as
// map[string]any (a repeated key: the last wins), arrays as non-nil []any,
// strings, numbers as float64 from strconv.ParseFloat (a number out of
// float64 range is an error), booleans and nil. Inside strings a lone or
// misordered UTF-16 surrogate escape and each byte of invalid UTF-8 become
// U+FFFD. Only space, tab, CR and LF count as white space; anything after
// the value is an error. The one difference: nesting deeper than
// maxJSONDepth is refused (encoding/json allows 10,000 levels), so that a
// hostile page cannot make the recursion deep. Every step is linear in the
// input; strings without escapes share the input's memory.

// maxJSONDepth is how many arrays and objects may nest. JSON-LD needs a
// handful; the readers of the tree look 8 levels deep at most.
const maxJSONDepth = 512

// errJSONTooDeep is returned for input nested deeper than maxJSONDepth.
var errJSONTooDeep = errors.New("json: nested deeper than " + strconv.Itoa(maxJSONDepth) + " levels")

// jsonSyntaxError is a JSON syntax error at a byte offset of the input.
type jsonSyntaxError struct {
	msg string
	off int
}

func (e *jsonSyntaxError) Error() string {
	return "json: " + e.msg + " at offset " + strconv.Itoa(e.off)
}

// decodeJSON decodes one JSON value from s.
func decodeJSON(s string) (any, error) {
	d := jsonDecoder{s: s}
	d.skipSpace()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	d.skipSpace()
	if d.i < len(d.s) {
		return nil, d.errorf("invalid character " + quoteByte(d.s[d.i]) + " after top-level value")
	}
	return v, nil
}

type jsonDecoder struct {
	s     string
	i     int // next byte to read
	depth int // arrays and objects open around i
}

func (d *jsonDecoder) errorf(msg string) error {
	return &jsonSyntaxError{msg: msg, off: d.i}
}

// unexpected is the error for the byte at i, or for the end of input.
func (d *jsonDecoder) unexpected(context string) error {
	if d.i >= len(d.s) {
		return d.errorf("unexpected end of input")
	}
	return d.errorf("invalid character " + quoteByte(d.s[d.i]) + " " + context)
}

func quoteByte(c byte) string {
	return strconv.QuoteRune(rune(c))
}

func (d *jsonDecoder) skipSpace() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value decodes the value at i; white space before it is already skipped.
func (d *jsonDecoder) value() (any, error) {
	if d.i >= len(d.s) {
		return nil, d.unexpected("")
	}
	switch c := d.s[d.i]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return nil, d.unexpected("looking for beginning of value")
}

func (d *jsonDecoder) literal(word string) error {
	for j := 0; j < len(word); j++ {
		if d.i >= len(d.s) || d.s[d.i] != word[j] {
			return d.unexpected("in literal " + word)
		}
		d.i++
	}
	return nil
}

func (d *jsonDecoder) open() error {
	d.depth++
	if d.depth > maxJSONDepth {
		return errJSONTooDeep
	}
	d.i++ // the { or [
	d.skipSpace()
	return nil
}

func (d *jsonDecoder) object() (any, error) {
	if err := d.open(); err != nil {
		return nil, err
	}
	m := make(map[string]any)
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		d.depth--
		return m, nil
	}
	for {
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return nil, d.unexpected("looking for beginning of object key string")
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.skipSpace()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return nil, d.unexpected("after object key")
		}
		d.i++
		d.skipSpace()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		m[k] = v
		done, err := d.next('}', "after object key:value pair")
		if err != nil {
			return nil, err
		}
		if done {
			return m, nil
		}
	}
}

func (d *jsonDecoder) array() (any, error) {
	if err := d.open(); err != nil {
		return nil, err
	}
	a := make([]any, 0)
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		d.depth--
		return a, nil
	}
	for {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		done, err := d.next(']', "after array element")
		if err != nil {
			return nil, err
		}
		if done {
			return a, nil
		}
	}
}

// next reads what follows an element of an object or array: a comma (more
// to come) or close (done, one level up); anything else is an error
// described as where.
func (d *jsonDecoder) next(close byte, where string) (done bool, err error) {
	d.skipSpace()
	if d.i < len(d.s) {
		switch d.s[d.i] {
		case ',':
			d.i++
			d.skipSpace()
			return false, nil
		case close:
			d.i++
			d.depth--
			return true, nil
		}
	}
	return false, d.unexpected(where)
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and parses
// it as encoding/json does.
func (d *jsonDecoder) number() (any, error) {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.s) && d.s[d.i] == '0' {
		d.i++
	} else if !d.digits() {
		return nil, d.unexpected("in numeric literal")
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if !d.digits() {
			return nil, d.unexpected("after decimal point in numeric literal")
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if !d.digits() {
			return nil, d.unexpected("in exponent of numeric literal")
		}
	}
	lit := d.s[start:d.i]
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		return nil, &jsonSyntaxError{msg: "number " + lit + " out of range", off: start}
	}
	return f, nil
}

// digits skips [0-9]+ and reports whether there was at least one.
func (d *jsonDecoder) digits() bool {
	start := d.i
	for d.i < len(d.s) && '0' <= d.s[d.i] && d.s[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// str decodes the string whose opening quote is at i. A string without
// escapes or invalid UTF-8 is returned as a slice of the input; the others
// are rebuilt by unquote.
func (d *jsonDecoder) str() (string, error) {
	d.i++ // the opening quote
	start := d.i
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return d.s[start : d.i-1], nil
		case c == '\\' || c < ' ':
			return d.unquote(start)
		case c < utf8.RuneSelf:
			d.i++
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.i:])
			if r == utf8.RuneError && size == 1 {
				return d.unquote(start)
			}
			d.i += size
		}
	}
	return "", d.unexpected("")
}

// unquote finishes the string that started at start (after the quote) and
// needs rewriting; the bytes from start to i are plain.
func (d *jsonDecoder) unquote(start int) (string, error) {
	b := make([]byte, 0, d.i-start+64)
	b = append(b, d.s[start:d.i]...)
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return string(b), nil
		case c == '\\':
			d.i++
			if d.i >= len(d.s) {
				return "", d.unexpected("")
			}
			switch e := d.s[d.i]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				d.i++
				r, err := d.hex4()
				if err != nil {
					return "", err
				}
				if utf16.IsSurrogate(r) {
					// A high surrogate followed by a \u low surrogate is
					// one rune; anything else is U+FFFD, and what follows
					// is read on its own.
					if r2, ok := d.peekEscapedU(); ok {
						if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
							d.i += 6
							r = pair
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
				continue // hex4 moved i past the digits
			default:
				return "", d.unexpected("in string escape code")
			}
			d.i++
		case c < ' ':
			return "", d.unexpected("in string literal")
		case c < utf8.RuneSelf:
			d.i++
			b = append(b, c)
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.i:])
			d.i += size
			b = utf8.AppendRune(b, r) // U+FFFD for each bad byte
		}
	}
	return "", d.unexpected("")
}

// hex4 reads the four hex digits of a \u escape at i.
func (d *jsonDecoder) hex4() (rune, error) {
	var r rune
	for range 4 {
		if d.i >= len(d.s) {
			return 0, d.unexpected("")
		}
		v := hexValue(d.s[d.i])
		if v < 0 {
			return 0, d.unexpected(`in \u hexadecimal character escape`)
		}
		r = r<<4 | v
		d.i++
	}
	return r, nil
}

// peekEscapedU returns the rune of a complete \uXXXX escape at i, without
// moving.
func (d *jsonDecoder) peekEscapedU() (rune, bool) {
	if len(d.s)-d.i < 6 || d.s[d.i] != '\\' || d.s[d.i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[d.i+2 : d.i+6]) {
		v := hexValue(c)
		if v < 0 {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

func hexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}
