package clean

import (
	"testing"

	"golang.org/x/net/html"
)

// TestEsc holds the renderer's in-place escaping to html.EscapeString,
// which it replaces, byte for byte.
func TestEsc(t *testing.T) {
	cases := []string{
		"",
		"plain text",
		`<script>alert("x")</script>`,
		"Tom & Jerry's \"show\"",
		"line\r\nbreak",
		"&amp; already escaped",
		"<<>>&&''\"\"\r\r",
		"ünïcødé ‘quotes’ — and < signs",
		"trailing &",
		"\x00nul\x7f",
	}
	for _, s := range cases {
		var r renderer
		r.str("x")
		r.esc(s)
		if got, want := string(r.b), "x"+html.EscapeString(s); got != want {
			t.Errorf("esc(%q) = %q, want %q", s, got[1:], want[1:])
		}
	}
}
