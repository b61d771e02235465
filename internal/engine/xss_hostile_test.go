package engine

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// forbiddenElements may never appear in the article HTML: each can run
// script, load a document or stylesheet, submit data, or change how the
// page around the reader view resolves URLs.
var forbiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Iframe: true, atom.Frame: true, atom.Frameset: true, atom.Object: true,
	atom.Embed: true, atom.Applet: true, atom.Form: true, atom.Base: true, atom.Meta: true,
	atom.Link: true, atom.Style: true, atom.Svg: true, atom.Math: true, atom.Template: true,
	atom.Input: true, atom.Button: true, atom.Textarea: true, atom.Select: true, atom.Noscript: true,
	atom.Isindex: true,
}

// urlAttributes are the attributes a browser follows or loads.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "srcset": true, "poster": true,
	"background": true, "data": true, "codebase": true, "cite": true, "longdesc": true,
	"dynsrc": true, "lowsrc": true, "ping": true, "manifest": true, "usemap": true, "srcdoc": true,
}

// executable parses an article's HTML the way the reader view inserts it
// (as the children of a <div> in a normal page) and lists everything in it
// that could run script or load something it should not. An empty list
// means the HTML is inert.
func executable(articleHTML string) []string {
	var problems []string
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(articleHTML), ctx)
	if err != nil {
		return []string{"the HTML does not parse: " + err.Error()}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if forbiddenElements[n.DataAtom] || n.Namespace != "" {
				problems = append(problems, "element <"+n.Data+">")
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					problems = append(problems, fmt.Sprintf("<%s %s>: event handler", n.Data, a.Key))
				case key == "style":
					if dangerousCSS(a.Val) {
						problems = append(problems, fmt.Sprintf("<%s style=%q>", n.Data, a.Val))
					}
				case urlAttributes[key]:
					for _, u := range urlsIn(key, a.Val) {
						if !safeURL(u) {
							problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return problems
}

// urlsIn splits a srcset into its URLs; other attributes hold one.
func urlsIn(key, val string) []string {
	if key != "srcset" {
		return []string{val}
	}
	var out []string
	for _, cand := range strings.Split(val, ",") {
		if f := strings.Fields(cand); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// safeURL reports whether a browser following u stays clear of script: it
// reads the scheme as a browser does (leading C0 controls and spaces
// trimmed, tabs and newlines removed anywhere, any case) and accepts no
// javascript:, vbscript: or data: except raster images.
func safeURL(u string) bool {
	u = strings.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return unicode.ToLower(r)
	}, u)
	i := strings.IndexByte(u, ':')
	if i < 0 || strings.ContainsAny(u[:i], "/?#") {
		return true // relative
	}
	switch u[:i] {
	case "javascript", "vbscript", "livescript", "mocha":
		return false
	case "data":
		return strings.HasPrefix(u, "data:image/") && !strings.HasPrefix(u, "data:image/svg")
	}
	return true
}

// dangerousCSS reports inline CSS that can run script or load a binding,
// after removing comments, escapes and white space that filters miss.
func dangerousCSS(css string) bool {
	s := strings.ToLower(css)
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + s[i+2+j+2:]
	}
	s = strings.Map(func(r rune) rune {
		if r == '\\' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	for _, bad := range []string{"expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:", "url(data:text", "@import"} {
		if strings.Contains(s, bad) {
			return true
		}
	}
	return false
}

// loadVectors reads testdata/hostile/xss-vectors.txt.
func loadVectors(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "hostile", "xss-vectors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		v := sc.Text()
		if v == "" || strings.HasPrefix(v, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(v, "esc:"); ok {
			u, err := strconv.Unquote(`"` + strings.ReplaceAll(rest, `"`, `\"`) + `"`)
			if err != nil {
				t.Fatalf("xss-vectors.txt:%d: bad escape: %v", line, err)
			}
			v = u
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// vectorPlaces are the spots of a news article a payload is put in: inside
// a paragraph, as a block of its own, inside a quotation (so it reaches
// the quote finder), in the head, and as the article's lead image.
var vectorPlaces = []struct {
	name string
	page func(v string) string
}{
	{"in-paragraph", func(v string) string {
		return articleWith("", "<p>The council met on Tuesday evening "+v+" and debated the budget for three hours.</p>")
	}},
	{"own-block", func(v string) string { return articleWith("", v) }},
	{"in-quote", func(v string) string {
		return articleWith("", `<p>"We will rebuild the bridge `+v+` before winter," said Mayor Marisol Okafor on Tuesday.</p>`)
	}},
	{"in-head", func(v string) string { return articleWith(v, "") }},
}

// articleWith is a news article long enough to be found, with extra
// markup in its head and in the middle of its body.
func articleWith(head, body string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge to close for repairs - Lakeside Courier</title>` + head + `</head><body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<article><h1>Harbour authority votes to close the old swing bridge</h1>
<p class="byline">By Dana Whitfield</p>
<p>The harbour authority voted on Tuesday to close the old swing bridge for eighteen months of repairs, ending weeks of argument between ferry operators and residents of the north shore.</p>
<p>"We cannot keep patching a structure that was designed for horse carts," said Mayor Marisol Okafor, who cast the deciding vote after a four-hour meeting.</p>
` + body + `
<p>Engineers found corrosion in three of the bridge's eight main girders last spring. A temporary weight limit has been in place since then, forcing buses onto a detour that adds twenty minutes to the commute.</p>
<p>"The detour is already costing my members customers every single day," said Tomas Lindqvist, chair of the North Shore Business Association.</p>
<p>The authority said a free shuttle ferry would run every fifteen minutes during the closure, and that repairs would start in the first week of March if the contracts are signed in time.</p>
</article></body></html>`
}

// TestXSSVectors runs every vector in every place through the whole
// engine and checks that nothing in the result could run: the article
// HTML is inert (see executable), the lead image URL is safe, and every
// text field is plain text without control characters.
func TestXSSVectors(t *testing.T) {
	vectors := loadVectors(t)
	tried, executed := 0, 0
	for i, v := range vectors {
		for _, place := range vectorPlaces {
			page := place.page(v)
			tried++
			res, err := Process([]byte(page), Options{URL: "https://lakeside-courier.example/local/bridge/"})
			if err != nil {
				t.Errorf("vector %d %s: %v\n%s", i+1, place.name, err, v)
				continue
			}
			problems := executable(res.HTML)
			if res.Image != "" && !safeURL(res.Image) {
				problems = append(problems, "lead image "+res.Image)
			}
			problems = append(problems, textProblems(res)...)
			if len(problems) > 0 {
				executed++
				t.Errorf("vector %d %s: %s\nvector: %s\nhtml: %.400s", i+1, place.name, strings.Join(problems, "; "), v, res.HTML)
			}
		}
	}
	t.Logf("%d vectors × %d places = %d pages tried, %d with something executable in the result", len(vectors), len(vectorPlaces), tried, executed)
}

// textProblems checks the plain-text fields: no control characters (but
// the line feeds between blocks of Text), valid text the UI can insert
// with textContent.
func textProblems(res *Result) []string {
	var out []string
	check := func(field, s string, newlines bool) {
		for _, r := range s {
			if r == '\n' && newlines {
				continue
			}
			if unicode.IsControl(r) || r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE {
				out = append(out, fmt.Sprintf("%s holds control character or noncharacter %U", field, r))
				return
			}
		}
	}
	check("text", res.Text, true)
	for k, v := range map[string]string{"title": res.Title, "byline": res.Byline, "siteName": res.SiteName, "reason": res.Reason} {
		check(k, v, false)
	}
	for _, sp := range res.Speakers {
		check("speaker name", sp.Name, false)
		check("speaker role", sp.Role, false)
		for _, st := range sp.Statements {
			check("statement text", st.Text, false)
			check("statement sentence", st.Sentence, false)
		}
	}
	for _, r := range res.Removed {
		check("removed text", r.Text, false)
	}
	return out
}

// TestExecutableChecker makes sure the checker itself catches what it
// must: a test that cannot fail proves nothing.
func TestExecutableChecker(t *testing.T) {
	tests := []struct {
		html string
		bad  bool
	}{
		{`<p data-sw-block="0">plain <a href="https://ok.example/">link</a></p>`, false},
		{`<img src="data:image/png;base64,AAAA" alt="">`, false},
		{`<p><script>alert(1)</script></p>`, true},
		{`<p onclick="x()">x</p>`, true},
		{`<a href=" JaVa&#x09;Script:alert(1)">x</a>`, true},
		{`<img src="data:image/svg+xml,<svg onload=alert(1)>">`, true},
		{`<a href="data:text/html,x">x</a>`, true},
		{`<img srcset="ok.png 1x, javascript:alert(1) 2x">`, true},
		{`<p style="width: expr/**/ession(alert(1))">x</p>`, true},
		{`<p style="color: red">x</p>`, false},
		{`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`, true},
		{`<form><button formaction="javascript:alert(1)">x</button></form>`, true},
		{`<base href="https://evil.example/">`, true},
	}
	for _, tt := range tests {
		if got := len(executable(tt.html)) > 0; got != tt.bad {
			t.Errorf("executable(%q) found problems = %v, want %v", tt.html, got, tt.bad)
		}
	}
}
