package htmlprep

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// ErrEncoding marks a page in a character encoding the engine does not
// decode (the East Asian multi-byte encodings). The message names the
// encoding, so the user knows why; see decode for the policy.
var ErrEncoding = errors.New("unsupported page encoding")

// sniffLimit is how far into the page decode looks for a <meta charset>.
// The HTML standard's prescan reads 1024 bytes; real pages often put a long
// comment or inline style first, so this reads further, stopping at <body>.
const sniffLimit = 8 << 10

// labels maps the encoding labels of the WHATWG Encoding Standard that
// htmlprep can decode to the canonical name of a table in highHalves (or
// "utf-8"). As the standard says, US-ASCII and ISO-8859-1 are read as
// windows-1252, a superset that browsers use for both.
var labels = map[string]string{
	"utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
	// Pages labelled UTF-16 without a byte-order mark are read as UTF-8,
	// as browsers do.
	"utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",

	"windows-1252": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
	"iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "iso_8859-1": "windows-1252",
	"iso88591": "windows-1252", "iso_8859-1:1987": "windows-1252", "latin1": "windows-1252",
	"l1": "windows-1252", "csisolatin1": "windows-1252", "iso-ir-100": "windows-1252",
	"ibm819": "windows-1252", "cp819": "windows-1252", "us-ascii": "windows-1252",
	"ascii": "windows-1252", "ansi_x3.4-1968": "windows-1252",

	"windows-1250": "windows-1250", "cp1250": "windows-1250", "x-cp1250": "windows-1250",
	"windows-1251": "windows-1251", "cp1251": "windows-1251", "x-cp1251": "windows-1251",
	"windows-1253": "windows-1253", "cp1253": "windows-1253", "x-cp1253": "windows-1253",
	"windows-1254": "windows-1254", "cp1254": "windows-1254", "x-cp1254": "windows-1254",
	"iso-8859-9": "windows-1254", "iso8859-9": "windows-1254", "latin5": "windows-1254", "l5": "windows-1254",
	"windows-1257": "windows-1257", "cp1257": "windows-1257", "x-cp1257": "windows-1257",

	"iso-8859-2": "iso-8859-2", "iso8859-2": "iso-8859-2", "iso_8859-2": "iso-8859-2",
	"latin2": "iso-8859-2", "l2": "iso-8859-2", "csisolatin2": "iso-8859-2",
	"iso-8859-5": "iso-8859-5", "iso8859-5": "iso-8859-5", "iso_8859-5": "iso-8859-5",
	"cyrillic": "iso-8859-5", "csisolatincyrillic": "iso-8859-5",
	"iso-8859-7": "iso-8859-7", "iso8859-7": "iso-8859-7", "iso_8859-7": "iso-8859-7",
	"greek": "iso-8859-7", "greek8": "iso-8859-7", "csisolatingreek": "iso-8859-7",
	"iso-8859-15": "iso-8859-15", "iso8859-15": "iso-8859-15", "iso_8859-15": "iso-8859-15",
	"latin9": "iso-8859-15", "l9": "iso-8859-15", "csisolatin9": "iso-8859-15",
	"koi8-r": "koi8-r", "koi8r": "koi8-r", "koi8": "koi8-r", "koi": "koi8-r", "cskoi8r": "koi8-r",
	"koi8-u": "koi8-u", "koi8-ru": "koi8-u",
}

// decode returns page as UTF-8 and the name of the encoding it was read
// in. The policy, in order:
//
//  1. a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE);
//  2. bytes that are valid UTF-8 are UTF-8, whatever a <meta> says: the
//     extension hands over document.documentElement.outerHTML, which the
//     browser has already decoded, and which still carries the original
//     <meta charset=windows-1252>;
//  3. otherwise the label from <meta charset>, <meta http-equiv=
//     Content-Type> or <?xml encoding> picks a single-byte table;
//  4. a label for a multi-byte encoding (Shift_JIS, EUC-JP, GBK, Big5,
//     EUC-KR …) is an ErrEncoding: decoding it wrongly would give the
//     reader garbage, and its tables would add 400 KB to the WASM;
//  5. no label, or one nobody knows: windows-1252, the browsers' default;
//     a page labelled UTF-8 with bad bytes keeps its good bytes and gets
//     U+FFFD for the bad ones.
func decode(page []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(page, []byte{0xEF, 0xBB, 0xBF}):
		return bytes.ToValidUTF8(page[3:], []byte("\uFFFD")), "utf-8", nil
	case bytes.HasPrefix(page, []byte{0xFE, 0xFF}):
		return decodeUTF16(page[2:], true), "utf-16be", nil
	case bytes.HasPrefix(page, []byte{0xFF, 0xFE}):
		return decodeUTF16(page[2:], false), "utf-16le", nil
	}
	if utf8.Valid(page) {
		return page, "utf-8", nil
	}
	label := sniffLabel(page)
	name, known := labels[label]
	switch {
	case known && name == "utf-8":
		return bytes.ToValidUTF8(page, []byte("\uFFFD")), "utf-8", nil
	case known:
		return decodeSingleByte(page, highHalf(name)), name, nil
	case multiByte[label]:
		return nil, label, fmt.Errorf("%w %q: SayWho reads UTF-8 and the single-byte Western, Central European, Cyrillic, Greek, Turkish and Baltic encodings; open the page in the browser (the extension gets it decoded) or convert it to UTF-8", ErrEncoding, label)
	}
	return decodeSingleByte(page, highHalf("windows-1252")), "windows-1252", nil
}

// multiByte holds the labels of the Encoding Standard's East Asian
// multi-byte encodings, which htmlprep reports instead of decoding.
var multiByte = map[string]bool{
	"shift_jis": true, "shift-jis": true, "sjis": true, "x-sjis": true, "ms932": true, "ms_kanji": true,
	"csshiftjis": true, "windows-31j": true,
	"euc-jp": true, "x-euc-jp": true, "cseucpkdfmtjapanese": true,
	"iso-2022-jp": true, "csiso2022jp": true,
	"gbk": true, "x-gbk": true, "gb2312": true, "gb_2312": true, "gb_2312-80": true, "chinese": true,
	"csgb2312": true, "csiso58gb231280": true, "iso-ir-58": true, "gb18030": true, "hz-gb-2312": true,
	"big5": true, "big5-hkscs": true, "cn-big5": true, "csbig5": true, "x-x-big5": true,
	"euc-kr": true, "cseuckr": true, "csksc56011987": true, "iso-ir-149": true, "korean": true,
	"ks_c_5601-1987": true, "ks_c_5601-1989": true, "ksc5601": true, "ksc_5601": true, "windows-949": true,
	"iso-2022-kr": true, "csiso2022kr": true,
}

// decodeSingleByte maps each byte through an encoding's table; ASCII
// passes through unchanged.
func decodeSingleByte(page []byte, high *[128]rune) []byte {
	out := make([]byte, 0, len(page)+len(page)/4)
	for _, c := range page {
		if c < 0x80 {
			out = append(out, c)
			continue
		}
		out = utf8.AppendRune(out, high[c-0x80])
	}
	return out
}

// decodeUTF16 decodes UTF-16 in the given byte order; an odd trailing
// byte and unpaired surrogates become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			units = append(units, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	out := make([]byte, 0, len(units)+len(units)/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// sniffLabel finds the encoding label a page declares in its first
// sniffLimit bytes: <meta charset>, <meta http-equiv=Content-Type
// content="…; charset=…">, or an XML declaration. It returns the label
// lower-cased and trimmed, or "".
func sniffLabel(page []byte) string {
	if len(page) > sniffLimit {
		page = page[:sniffLimit]
	}
	if bytes.HasPrefix(page, []byte("<?xml")) {
		if end := bytes.Index(page, []byte("?>")); end > 0 {
			if l := attrInDecl(string(page[:end]), "encoding"); l != "" {
				return l
			}
		}
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				var charset, content string
				var httpEquiv bool
				for more := true; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "charset":
						charset = string(v)
					case "content":
						content = string(v)
					case "http-equiv":
						httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
					}
				}
				if l := strings.ToLower(strings.TrimSpace(charset)); l != "" {
					return l
				}
				if httpEquiv {
					if l := charsetInContentType(content); l != "" {
						return l
					}
				}
			}
		}
	}
}

// charsetInContentType extracts the charset parameter of a Content-Type
// value such as `text/html; charset="Shift_JIS"`, following the HTML
// standard's "extracting a character encoding from a meta element": the
// search for "charset" is ASCII case-insensitive and works on the bytes as
// given (lower-casing the whole value first would change its length when it
// holds invalid UTF-8 or letters such as 'İ', and shift every index).
func charsetInContentType(v string) string {
	for pos := 0; ; {
		i := indexFoldASCII(v[pos:], "charset")
		if i < 0 {
			return ""
		}
		rest := strings.TrimLeft(v[pos+i+len("charset"):], asciiSpace)
		if !strings.HasPrefix(rest, "=") {
			pos = len(v) - len(rest)
			continue
		}
		rest = strings.TrimLeft(rest[1:], asciiSpace)
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(rest[1:], q)
			if end < 0 {
				return ""
			}
			return strings.ToLower(strings.TrimSpace(rest[1 : 1+end]))
		}
		if j := strings.IndexAny(rest, asciiSpace+";"); j >= 0 {
			rest = rest[:j]
		}
		return strings.ToLower(rest)
	}
}

// asciiSpace is the HTML standard's ASCII whitespace.
const asciiSpace = " \t\n\f\r"

// indexFoldASCII is strings.Index for a lower-case ASCII needle, matching
// upper-case ASCII in s too and never touching other bytes.
func indexFoldASCII(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}

// attrInDecl reads name="value" from an XML declaration.
func attrInDecl(decl, name string) string {
	i := strings.Index(decl, name)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len(name):], " ")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " ")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	end := strings.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(rest[1 : 1+end]))
}

// highHalf returns the table of the single-byte encoding with this
// canonical name, or nil.
func highHalf(name string) *[128]rune {
	for i := range highHalves {
		if highHalves[i].name == name {
			return &highHalves[i].runes
		}
	}
	return nil
}
