package htmlprep

import (
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		page    string // raw bytes
		want    string // substring of the decoded page
		charset string
		err     error
	}{
		{"utf-8 passes through", "<p>café “x”</p>", "café “x”", "utf-8", nil},
		{"utf-8 bom stripped", "\xEF\xBB\xBF<p>é</p>", "<p>é</p>", "utf-8", nil},
		{"utf-16le bom", "\xFF\xFE<\x00p\x00>\x00\xE9\x00", "<p>é", "utf-16le", nil},
		{"utf-16be bom", "\xFE\xFF\x00<\x00p\x00>\x00\xE9", "<p>é", "utf-16be", nil},
		{"utf-16 odd trailing byte", "\xFF\xFEa\x00b", "a\uFFFD", "utf-16le", nil},
		{"valid utf-8 wins over a meta label (outerHTML from the extension)",
			`<meta charset="windows-1252"><p>café</p>`, "café", "utf-8", nil},
		{"windows-1252 by meta charset", "<meta charset=windows-1252><p>caf\xE9 \x93quoted\x94 \x80</p>",
			"café “quoted” €", "windows-1252", nil},
		{"iso-8859-1 label reads as windows-1252", "<meta charset='ISO-8859-1'><p>\x93x\x94</p>", "“x”", "windows-1252", nil},
		{"http-equiv content-type", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">` + "<p>5 \xA4</p>",
			"5 €", "iso-8859-15", nil},
		{"xml declaration", "<?xml version=\"1.0\" encoding=\"windows-1250\"?><p>\x8Aa</p>", "Ša", "windows-1250", nil},
		{"windows-1251", "<meta charset=windows-1251><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>", "Привет", "windows-1251", nil},
		{"koi8-r", "<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", "Привет", "koi8-r", nil},
		{"no label, invalid utf-8: windows-1252", "<p>na\xEFve</p>", "naïve", "windows-1252", nil},
		{"unknown label: windows-1252", "<meta charset=x-klingon><p>na\xEFve</p>", "naïve", "windows-1252", nil},
		{"utf-8 label with a bad byte keeps the rest", "<meta charset=utf-8><p>ok \xFF ok</p>", "ok \uFFFD ok", "utf-8", nil},
		{"meta after a long comment is still found", "<!--" + strings.Repeat("x", 3000) + "--><meta charset=windows-1252><p>\xE9</p>", "é", "windows-1252", nil},
		{"shift_jis is reported", "<meta charset=Shift_JIS><p>\x82\xB1\x82\xF1</p>", "", "shift_jis", ErrEncoding},
		{"euc-kr by http-equiv is reported", `<meta http-equiv=content-type content="text/html;charset=EUC-KR"><p>` + "\xC7\xD1</p>", "", "euc-kr", ErrEncoding},
		{"shift_jis label on valid utf-8 is utf-8", "<meta charset=Shift_JIS><p>日本</p>", "日本", "utf-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, charset, err := decode([]byte(tt.page))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if charset != tt.charset {
				t.Errorf("charset = %q, want %q", charset, tt.charset)
			}
			if err != nil {
				if !strings.Contains(err.Error(), tt.charset) {
					t.Errorf("error %q does not name the encoding", err)
				}
				return
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("decoded %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestTablesAreComplete(t *testing.T) {
	for _, table := range highHalves {
		name := table.name
		found := false
		for _, canon := range labels {
			if canon == name {
				found = true
			}
		}
		if !found {
			t.Errorf("table %s has no label", name)
		}
	}
	for label, canon := range labels {
		if canon != "utf-8" && highHalf(canon) == nil {
			t.Errorf("label %s maps to %s, which has no table", label, canon)
		}
		if multiByte[label] {
			t.Errorf("label %s is both decoded and reported", label)
		}
	}
}

func TestCharsetInContentType(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"plain", "text/html; charset=UTF-8", "utf-8"},
		{"double quoted", `text/html; charset="Shift_JIS"`, "shift_jis"},
		{"single quoted with spaces", "text/html; charset = ' koi8-r '", "koi8-r"},
		{"unquoted stops at a semicolon", "text/html; charset=euc-kr;x=1", "euc-kr"},
		{"unquoted stops at whitespace", "text/html; charset=big5 extra", "big5"},
		{"upper-case key", "text/html; CHARSET=windows-1251", "windows-1251"},
		{"a key without '=' is skipped for the next", "charset; charset=iso-8859-2", "iso-8859-2"},
		{"unmatched quote gives nothing", `text/html; charset="utf-8`, ""},
		{"empty value", "text/html; charset=", ""},
		{"no charset", "text/html", ""},
		// ToLower changes the length of 'İ' and of invalid bytes; indices must stay in the original.
		{"dotted capital I before it", "İİİİİİİİ; charset=utf-8", "utf-8"},
		{"invalid utf-8 before it", "\xff\xfe\xff\xfe\xff; charset=utf-8", "utf-8"},
		{"dotted capital I and no charset", strings.Repeat("İ", 20) + "charse", ""},
		{"dotted capital I after the key", "İİİİİİİİİİİİcharset", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := charsetInContentType(tt.value); got != tt.want {
				t.Errorf("charsetInContentType(%q) = %q, want %q", tt.value, got, tt.want)
			}
		})
	}
}
