package htmlprep

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/saywho/saywho/internal/budget"
)

// DefaultMaxBytes is the largest page Prepare accepts: 16 MiB. The biggest
// article pages of the test corpora are under 3 MB; a page over 16 MiB is
// either not an article or could not be cleaned within the engine's time
// limit in WASM (about 3× slower than native) anyway, so it is refused at
// once with ErrTooLarge instead of after seconds of work.
const DefaultMaxBytes = 16 << 20

// ErrTooLarge marks a page over Options.MaxBytes. The error's message
// starts "page too large: " and gives the page's size and the limit.
var ErrTooLarge = errors.New("page too large")

// ErrNotText marks input that is binary data (an image, a PDF, a
// compressed file) rather than a web page. It is not a failure of the
// engine: the caller reports "no article found".
var ErrNotText = errors.New("the page is binary data, not text")

// binarySample and binaryShare set when bytes are binary data: more than
// one byte in a hundred of the first binarySample bytes is a control
// character that text never holds (NUL, the C0 controls other than tab,
// line feed, form feed, carriage return and escape), as in the MIME
// Sniffing Standard's "binary data byte".
const (
	binarySample = 64 << 10
	binaryShare  = 100
)

// Options tunes Prepare. The zero value is the sensible default.
type Options struct {
	// MaxBytes caps the page's size in bytes; 0 means DefaultMaxBytes,
	// a negative value means no cap.
	MaxBytes int
	// MaxDepth caps element nesting; 0 means DefaultMaxDepth (or
	// StrictMaxDepth with Strict), a negative value skips the nesting pass
	// (for a first, optimistic parse: the parser itself refuses a page
	// nested too deeply, and almost no page is).
	MaxDepth int
	// Strict always rewrites the page, with a low cap and without
	// formatting elements: the fallback for a page the parser refused.
	Strict bool
	// Budget, if not nil, stops the work when it runs out (the error then
	// wraps budget.ErrExceeded).
	Budget *budget.Budget
}

// Report says what Prepare changed.
type Report struct {
	Charset   string // the encoding the page was read in ("utf-8", "windows-1252" …)
	Scrubbed  int    // control characters and noncharacters replaced by spaces
	Depth     int    // the nesting depth measured (a lower bound once it passed the cap)
	Flattened bool   // the page was rewritten to cap its nesting
	Dropped   int    // start tags dropped by the rewrite
}

// Prepare turns raw page bytes into HTML the parser can always build a
// tree from: not larger than MaxBytes, valid UTF-8, without control
// characters, and nested no deeper than MaxDepth. It returns the page
// itself, not a copy, when nothing needed changing — the usual case. All
// passes are linear in the page's size.
func Prepare(page []byte, opts Options) ([]byte, Report, error) {
	var rep Report
	limit := opts.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	if limit > 0 && len(page) > limit {
		return nil, rep, fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, size(len(page)), size(limit))
	}
	page, charset, err := decode(page)
	rep.Charset = charset
	if err != nil {
		return nil, rep, err
	}
	if isBinary(page) {
		return nil, rep, ErrNotText
	}
	page, rep.Scrubbed = scrubControls(page)
	var refs int
	page, refs = scrubControlRefs(page)
	rep.Scrubbed += refs
	if opts.Budget.Check() {
		return nil, rep, fmt.Errorf("decoding the page: %w", budget.ErrExceeded)
	}

	maxDepth := opts.MaxDepth
	if maxDepth < 0 && !opts.Strict {
		return page, rep, nil
	}
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
		if opts.Strict {
			maxDepth = StrictMaxDepth
		}
	}
	if !opts.Strict {
		rep.Depth, err = measureDepth(page, maxDepth, opts.Budget)
		if err != nil || rep.Depth <= maxDepth {
			return page, rep, err
		}
	}
	out, dropped, err := flatten(page, maxDepth, opts.Strict, opts.Budget)
	if err != nil {
		return nil, rep, err
	}
	rep.Flattened, rep.Dropped = true, dropped
	return out, rep, nil
}

// scrubControls replaces the C0 and C1 control characters other than tab,
// line feed, form feed and carriage return — and DEL — by spaces, and the
// Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of
// every plane, U+FFFE and U+FFFF among them) too. They have no business in
// an article, the parser passes them through, and the result's text
// promises none. page must be valid UTF-8. It returns page itself when it
// holds none.
func scrubControls(page []byte) ([]byte, int) {
	i, w := nextControl(page, 0)
	if i < 0 {
		return page, 0
	}
	out := make([]byte, 0, len(page))
	n, last := 0, 0
	for ; i >= 0; i, w = nextControl(page, last) {
		out = append(out, page[last:i]...)
		out = append(out, ' ')
		n++
		last = i + w
	}
	return append(out, page[last:]...), n
}

// nextControl returns where the next control character or noncharacter at
// or after from starts in page, and its length in bytes; -1, 0 when there
// is none. It reads eight bytes at a time while none of them may start
// one: most pages hold none at all.
func nextControl(page []byte, from int) (int, int) {
	for i := from; i < len(page); i++ {
		for i+8 <= len(page) && !mayHoldControl(binary.LittleEndian.Uint64(page[i:])) {
			i += 8
		}
		if i == len(page) {
			break
		}
		if mayStartControl[page[i]] {
			if w := controlAt(page, i); w > 0 {
				return i, w
			}
		}
	}
	return -1, 0
}

// controlAt returns the length in bytes of the control character or
// noncharacter that starts at page[i], or 0 when none does.
func controlAt(page []byte, i int) int {
	c := page[i]
	if c < utf8.RuneSelf {
		if isControlByte(c) {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRune(page[i:])
	if Replaced(r) {
		return w
	}
	return 0
}

// isNoncharacter: the 66 code points Unicode reserves for internal use.
func isNoncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= utf8.MaxRune
}

// isBinary reports whether page looks like binary data (see
// binaryShare). It runs after decoding, so UTF-16 text with its NUL high
// bytes is not mistaken for it.
func isBinary(page []byte) bool {
	sample := page
	if len(sample) > binarySample {
		sample = sample[:binarySample]
	}
	n := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B {
			n++
		}
	}
	return n > 0 && n*binaryShare > len(sample)
}

// scrubControlRefs replaces numeric character references to control
// characters (&#3; &#x1b &#127;), which the parser decodes to the
// characters themselves, with a space. Like the parser, it accepts a
// reference without its semicolon. It returns page itself when there are
// none.
func scrubControlRefs(page []byte) ([]byte, int) {
	var out []byte
	n, last := 0, 0
	for i := 0; i+2 < len(page); i++ {
		if page[i] != '&' || page[i+1] != '#' {
			k := bytes.Index(page[i+1:], charRefStart)
			if k < 0 {
				break
			}
			i += k // the loop's i++ lands on the '&'
			continue
		}
		j, v := i+2, 0
		hex := page[j] == 'x' || page[j] == 'X'
		if hex {
			j++
		}
		start := j
		for ; j < len(page); j++ {
			d := digitValue(page[j], hex)
			if d < 0 {
				break
			}
			if v < 0x110000 {
				v = v*base(hex) + d
			}
		}
		if j == start || !isControlRune(v) {
			continue
		}
		if j < len(page) && page[j] == ';' {
			j++
		}
		out = append(out, page[last:i]...)
		out = append(out, ' ')
		last = j
		n++
		i = j - 1
	}
	if n == 0 {
		return page, 0
	}
	return append(out, page[last:]...), n
}

func base(hex bool) int {
	if hex {
		return 16
	}
	return 10
}

func digitValue(c byte, hex bool) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case hex && 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case hex && 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isControlRune reports whether the parser turns a numeric reference to
// v into a control character or a noncharacter: the C0 controls but tab,
// line feed, form feed and carriage return; DEL; the five C1 code points
// that the windows-1252 remapping of &#128;–&#159; leaves alone; and the
// noncharacters. &#0;, surrogates and values past U+10FFFF become U+FFFD
// in the parser and need nothing.
func isControlRune(v int) bool {
	switch {
	case v > 0 && v < 0x20:
		return v != '\t' && v != '\n' && v != '\f' && v != '\r'
	case v == 0x7F, v == 0x81, v == 0x8D, v == 0x8F, v == 0x90, v == 0x9D:
		return true
	}
	return v <= utf8.MaxRune && isNoncharacter(rune(v))
}

// mayStartControl: the bytes scrubControls must look at more closely: the
// control bytes, 0xC2 (the lead byte of U+0080–U+009F), 0xEF (of
// U+FDD0–U+FDEF, U+FFFE and U+FFFF) and 0xF0–0xF4 (of the other planes'
// noncharacters).
var mayStartControl = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isControlByte(byte(c)) || c == 0xC2 || c >= 0xEF && c <= 0xF4
	}
	return t
}()

// mayHoldControl reports whether any of the eight bytes in w is in
// mayStartControl or above 0xF4 (which valid UTF-8 never holds), testing
// all eight at once; tab, line feed, form feed and carriage return, on
// every line of a page, are not flagged. Each test is exact for the bytes
// it flags (the "has less", "has zero" and "has between" word tricks).
func mayHoldControl(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(x uint64) bool { return (x-ones)&^x&highs != 0 }
	below09 := (w-0x09*ones)&^w&highs != 0 // 0x00–0x08
	low7 := w & (0x7F * ones)
	in0Eto1F := ((0x7F+0x20)*ones-low7)&^w&(low7+(0x7F-0x0D)*ones)&highs != 0 // 0x0D < b < 0x20
	fromEF := (^w-0x11*ones)&w&highs != 0                                     // 0xEF–0xFF: ^b below 0x11
	return below09 || in0Eto1F || fromEF || hasZero(w^(0x0B*ones)) || hasZero(w^(0x7F*ones)) || hasZero(w^(0xC2*ones))
}

var charRefStart = []byte("&#")

// Replaced reports whether Prepare replaces r with a space: a control
// character other than tab, line feed, form feed and carriage return, or
// a noncharacter. Text that reaches the engine by another way (a JSON
// string's \u escapes) goes through the same rule.
func Replaced(r rune) bool {
	if r < utf8.RuneSelf {
		return isControlByte(byte(r))
	}
	return r <= 0x9F || isNoncharacter(r)
}

func isControlByte(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7F
}

// size formats a byte count for a message: "20.0 MiB".
func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
