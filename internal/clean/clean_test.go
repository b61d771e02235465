package clean

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/saywho/saywho/internal/budget"
)

const article = `<p>The first paragraph of the story is long enough to count as real article text, with commas, clauses, and detail.</p>
<p>The second paragraph adds more detail about what happened, who was there, and what they said about it afterwards.</p>
<p>The third paragraph closes the story with a quote from an official and a note about what will happen next week.</p>`

// TestSanitised: the output HTML has no active content, whatever the page.
func TestSanitised(t *testing.T) {
	page := `<html><head><base href="https://site.example/news/"><title>Safe output test page</title></head><body>
<article><h1>Safe output test page</h1>` + article + `
<p onclick="steal()">A paragraph with an event handler and a <a href="javascript:alert(1)">bad link</a>, a <a href="next.html" onmouseover="x()">relative link</a> and an <img src="data:image/png;base64,AAAA" onerror="x()"> inline image.</p>
<p>An image with a data URL that is not an image: <img src="data:text/html,<script>alert(1)</script>"> and an <iframe src="https://evil.example"></iframe> frame.</p>
<form action="/x"><input name="q"><button>Go</button><textarea>hi</textarea><select><option>a</option></select></form>
<script>alert(1)</script><style>p{}</style><object data="x.swf"></object><embed src="x.swf">
<svg onload="alert(1)"><script>alert(2)</script></svg>
<p>Link with <a href=" vbscript:msgbox(1)">vbscript</a> and <a href="data:text/html,hi">data</a>.</p>
</article></body></html>`
	art, err := Clean([]byte(page), Options{URL: "https://site.example/a/b.html"})
	if err != nil {
		t.Fatal(err)
	}
	if !art.Found {
		t.Fatalf("not found: %s", art.Reason)
	}
	h := strings.ToLower(art.HTML)
	for _, bad := range []string{"<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "<button", "<textarea", "<select", "<svg", "onclick", "onmouseover", "onerror", "onload", "javascript:", "vbscript:", "data:text"} {
		if strings.Contains(h, bad) {
			t.Errorf("output contains %q:\n%s", bad, art.HTML)
		}
	}
	if !strings.Contains(art.HTML, `https://site.example/news/next.html`) {
		t.Errorf("relative link not resolved against <base>:\n%s", art.HTML)
	}
	if !strings.Contains(art.HTML, `src="data:image/png`) {
		t.Errorf("data:image URL dropped:\n%s", art.HTML)
	}
}

// TestBlockNumbering: every data-sw-block="N" in HTML is the N-th block, in
// order, and every block is in the HTML.
func TestBlockNumbering(t *testing.T) {
	page := `<html><body><article><h1>Block numbering test page</h1>` + article + `
<h2>A subheading</h2><ul><li>First item of a list in the story</li><li>Second item</li></ul>
<blockquote><p>A quoted paragraph inside a blockquote element.</p></blockquote>
<figure><img src="/a.jpg"><figcaption>A caption under the image.</figcaption></figure>
<div>Loose text in a div, which becomes a paragraph of its own in the output.</div>
</article></body></html>`
	art, err := Clean([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`data-sw-block="?(\d+)`).FindAllStringSubmatch(art.HTML, -1)
	if len(ids) != len(art.Blocks) {
		t.Fatalf("%d numbered elements, %d blocks\n%s", len(ids), len(art.Blocks), art.HTML)
	}
	for i, m := range ids {
		if m[1] != strconv.Itoa(i) {
			t.Errorf("element %d numbered %s", i, m[1])
		}
	}
	tags := []string{}
	for _, b := range art.Blocks {
		tags = append(tags, b.Tag)
	}
	want := "p p p h2 li li p figcaption p"
	if got := strings.Join(tags, " "); got != want {
		t.Errorf("block tags = %q, want %q", got, want)
	}
}

// TestNotAnArticle: empty pages, home pages and link farms give
// Found=false with a reason, not a garbage article.
func TestNotAnArticle(t *testing.T) {
	var farm strings.Builder
	farm.WriteString("<html><body><div>")
	for i := 0; i < 60; i++ {
		farm.WriteString(`<a href="/p` + strconv.Itoa(i) + `">Cheap pills and casino bonus offer number ` + strconv.Itoa(i) + `</a> `)
	}
	farm.WriteString("</div></body></html>")
	tests := map[string]string{
		"blank":     "   ",
		"no body":   "<html><head><title>x</title></head></html>",
		"one line":  "<html><body><p>Hello.</p></body></html>",
		"link farm": farm.String(),
		"search": `<html><body><h1>Search results</h1><ul>
<li><a href="/a">First result headline here</a></li><li><a href="/b">Second result headline here</a></li>
<li><a href="/c">Third result headline here</a></li></ul></body></html>`,
	}
	for name, page := range tests {
		t.Run(name, func(t *testing.T) {
			art, err := Clean([]byte(page), Options{})
			if err != nil {
				return // an error value is fine for pages with no tree
			}
			if art.Found {
				t.Errorf("Found = true, blocks %v", art.Blocks)
			}
			if !strings.HasPrefix(art.Reason, "no article found: ") {
				t.Errorf("Reason = %q", art.Reason)
			}
		})
	}
}

// TestBadInputNeverPanics feeds broken and hostile input.
func TestBadInputNeverPanics(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + "text" + strings.Repeat("</div>", 5000)
	inputs := []string{
		"", "\x00\x01\x02", "<", "<html", "<!--", "<![CDATA[", "<table><td><p><li><tr>",
		"<script>" + strings.Repeat("x", 10000), deep,
		`<html><head><script type="application/ld+json">{"@graph":[{"@id":"a","author":{"@id":"a"}}]}</script></head><body><p>x</p></body></html>`,
		`<html><head><script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]</script></head></html>`,
		`<body><img src="%zz"><a href="http://[::1">x</a><base href="::::"></body>`,
		strings.Repeat("<p>para</p>", 20000),
	}
	for i, in := range inputs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("input %d panicked: %v", i, r)
				}
			}()
			_, _ = Clean([]byte(in), Options{URL: "http://x.example/"})
		}()
	}
}

// TestDeadline: past Options.Deadline, Clean stops and returns an error
// wrapping budget.ErrExceeded, quickly, whether the deadline has already
// passed or falls during the passes over a big page.
func TestDeadline(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>A big page</title></head><body><article><h1>A big page</h1>`)
	for i := 0; i < 5000; i++ {
		b.WriteString(`<div class="card"><p>Paragraph ` + strconv.Itoa(i) + ` of a long page, with commas, clauses, and <a href="/x">a link</a> in it.</p></div>`)
	}
	b.WriteString(`</article></body></html>`)
	page := []byte(b.String())
	tests := []struct {
		name     string
		deadline func() time.Time
	}{
		{"already past", func() time.Time { return time.Now().Add(-time.Second) }},
		{"during the passes", func() time.Time { return time.Now().Add(time.Millisecond) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			art, err := Clean(page, Options{Deadline: tt.deadline()})
			if !errors.Is(err, budget.ErrExceeded) {
				t.Fatalf("err = %v, want one wrapping budget.ErrExceeded", err)
			}
			if art != nil {
				t.Errorf("article returned with the error")
			}
			// The parse itself is not interruptible; the passes are.
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v past the deadline", d)
			}
		})
	}
	// Without a deadline the same page is cleaned.
	if _, err := Clean(page, Options{}); err != nil {
		t.Fatalf("no deadline: %v", err)
	}
}

// TestJSONLDSharedIDDeterministic: two JSON-LD objects with the same @id
// must resolve the same way on every run (Go's map order is random).
func TestJSONLDSharedIDDeterministic(t *testing.T) {
	page := []byte(`<html><head><title>Harbour bridge to close for repairs</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge to close for repairs",
"author":{"@id":"#writer"},"x1":{"@id":"#writer","name":"Ann Okafor"},"x2":{"@id":"#writer","name":"Bob Lindqvist"}}</script>
</head><body><article><h1>Harbour bridge to close for repairs</h1>` +
		strings.Repeat(`<p>The harbour authority voted on Tuesday to close the old swing bridge for eighteen months of repairs, ending weeks of argument.</p>`, 5) +
		`</article></body></html>`)
	var first string
	for i := 0; i < 40; i++ {
		art, err := Clean(page, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = art.Byline
			if first == "" {
				t.Fatal("no byline from the JSON-LD author")
			}
		} else if art.Byline != first {
			t.Fatalf("run %d: byline %q, first run %q", i, art.Byline, first)
		}
	}
}

// TestJSONLDStringsAreScrubbed: a JSON-LD string's \u escapes (and the
// references in it) decode after htmlprep has run, so clean replaces
// control characters and noncharacters from them itself.
func TestJSONLDStringsAreScrubbed(t *testing.T) {
	for _, esc := range []string{`\u0001`, `\u0000`, `\u007f`, `\u0085`, `\uFFFF`, `\uFDD0`, `\uD83F\uDFFE`, `\u0026#1;`, `\n\t`} {
		page := []byte(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour ` + esc +
			` bridge","author":[{"name":"Ann ` + esc + ` Okafor"},"Bob ` + esc + ` Lindqvist"]}</script></head><body><article>` +
			strings.Repeat(`<p>The harbour authority voted on Tuesday to close the old swing bridge for eighteen months of repairs, ending weeks of argument.</p>`, 5) +
			`</article></body></html>`)
		art, err := Clean(page, Options{})
		if err != nil {
			t.Fatalf("%s: %v", esc, err)
		}
		if art.Title != "Harbour bridge" || art.Byline != "Ann Okafor and Bob Lindqvist" {
			t.Errorf("%s: title %q, byline %q; want \"Harbour bridge\", \"Ann Okafor and Bob Lindqvist\"", esc, art.Title, art.Byline)
		}
	}
}
