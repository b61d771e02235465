package engine

import (
	"strconv"
	"unicode/utf8"
)

// The Result is encoded by hand rather than with encoding/json: in the WASM
// build encoding/json and the reflection it keeps cost about 140 KB gzip,
// and reflection is slow there. The output is byte for byte what
// encoding/json's Marshal gives for the same value (result_json_test.go
// and FuzzResultJSON check it): fields in declaration order under their
// json tag names, no white space, nil slices as null and empty ones as [],
// and Marshal's string escaping. Result has no MarshalJSON method on
// purpose, so that encoding/json stays an independent reference for the
// tests. A field added to Result, Removed, Speaker or Statement must be
// added here too; TestResultJSONFields fails until it is.

// JSON returns r encoded as JSON, as encoding/json's Marshal would.
func (r *Result) JSON() []byte {
	return r.AppendJSON(make([]byte, 0, r.jsonSizeHint()))
}

// AppendJSON appends r encoded as JSON to dst and returns the extended
// buffer. A nil r encodes as null.
func (r *Result) AppendJSON(dst []byte) []byte {
	if r == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"found":`...)
	dst = strconv.AppendBool(dst, r.Found)
	dst = append(dst, `,"reason":`...)
	dst = appendJSONString(dst, r.Reason)
	dst = append(dst, `,"title":`...)
	dst = appendJSONString(dst, r.Title)
	dst = append(dst, `,"byline":`...)
	dst = appendJSONString(dst, r.Byline)
	dst = append(dst, `,"siteName":`...)
	dst = appendJSONString(dst, r.SiteName)
	dst = append(dst, `,"published":`...)
	dst = appendJSONString(dst, r.Published)
	dst = append(dst, `,"lang":`...)
	dst = appendJSONString(dst, r.Lang)
	dst = append(dst, `,"image":`...)
	dst = appendJSONString(dst, r.Image)
	dst = append(dst, `,"html":`...)
	dst = appendJSONString(dst, r.HTML)
	dst = append(dst, `,"text":`...)
	dst = appendJSONString(dst, r.Text)

	dst = append(dst, `,"removed":`...)
	if r.Removed == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range r.Removed {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = r.Removed[i].appendJSON(dst)
		}
		dst = append(dst, ']')
	}

	dst = append(dst, `,"speakers":`...)
	if r.Speakers == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range r.Speakers {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = r.Speakers[i].appendJSON(dst)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

func (rm *Removed) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"kind":`...)
	dst = appendJSONString(dst, rm.Kind)
	dst = append(dst, `,"text":`...)
	dst = appendJSONString(dst, rm.Text)
	return append(dst, '}')
}

func (sp *Speaker) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"name":`...)
	dst = appendJSONString(dst, sp.Name)
	dst = append(dst, `,"role":`...)
	dst = appendJSONString(dst, sp.Role)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, sp.Kind)
	dst = append(dst, `,"statements":`...)
	if sp.Statements == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range sp.Statements {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = sp.Statements[i].appendJSON(dst)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

func (st *Statement) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"text":`...)
	dst = appendJSONString(dst, st.Text)
	dst = append(dst, `,"direct":`...)
	dst = strconv.AppendBool(dst, st.Direct)
	dst = append(dst, `,"cue":`...)
	dst = appendJSONString(dst, st.Cue)
	dst = append(dst, `,"block":`...)
	dst = strconv.AppendInt(dst, int64(st.Block), 10)
	dst = append(dst, `,"sentence":`...)
	dst = appendJSONString(dst, st.Sentence)
	return append(dst, '}')
}

// jsonSizeHint is a guess at the encoded size, so that JSON allocates its
// buffer once for a typical result: the text plus room for field names,
// punctuation and a few escapes.
func (r *Result) jsonSizeHint() int {
	if r == nil {
		return 4
	}
	n := 256 + len(r.Reason) + len(r.Title) + len(r.Byline) + len(r.SiteName) +
		len(r.Published) + len(r.Lang) + len(r.Image) + len(r.HTML) + len(r.Text)
	for i := range r.Removed {
		n += 32 + len(r.Removed[i].Kind) + len(r.Removed[i].Text)
	}
	for i := range r.Speakers {
		sp := &r.Speakers[i]
		n += 64 + len(sp.Name) + len(sp.Role) + len(sp.Kind)
		for j := range sp.Statements {
			st := &sp.Statements[j]
			n += 96 + len(st.Text) + len(st.Cue) + len(st.Sentence)
		}
	}
	return n + n/16
}

// jsonSafe holds true for the ASCII bytes that go into a JSON string as
// they are: everything from the space up, including DEL, except the quote,
// the backslash and the HTML-sensitive <, > and &, which encoding/json
// escapes by default.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a quoted JSON string with the escaping of
// encoding/json's Marshal (appendString with escapeHTML set): \" and \\;
// \b \f \n \r \t; other control characters, <, > and & as \u00XX; U+2028
// and U+2029 as \u2028 and \u2029 (they end a line in JavaScript source);
// each byte of invalid UTF-8 as \ufffd. Everything else is copied as is.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
