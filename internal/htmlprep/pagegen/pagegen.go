// Package pagegen builds the extreme pages the robustness tests and
// benchmarks need — thousands of levels deep, tens of megabytes, a single
// 5 MB text node — in memory, so that no megabyte-sized fixture is ever
// committed. Every page holds the same short news article, so a test can
// check that the article survives whatever surrounds it.
package pagegen

import (
	"bytes"
	"fmt"
	"strings"
)

// Paragraphs is the article every page carries, one string per paragraph.
// Three of them quote a named speaker, so the quote finder has work too.
var Paragraphs = []string{
	`The harbour authority voted on Tuesday to close the old swing bridge for eighteen months of repairs, ending weeks of argument between ferry operators and residents of the north shore.`,
	`"We cannot keep patching a structure that was designed for horse carts," said Mayor Marisol Okafor, who cast the deciding vote after a four-hour meeting.`,
	`Engineers found corrosion in three of the bridge's eight main girders last spring. A temporary weight limit has been in place since then, forcing buses onto a detour that adds twenty minutes to the commute.`,
	`"The detour is already costing my members customers every single day," said Tomas Lindqvist, chair of the North Shore Business Association.`,
	`The authority said a free shuttle ferry would run every fifteen minutes during the closure, and that repairs would start in the first week of March if the contracts are signed in time.`,
	`"Eighteen months is a long time, but the alternative is a bridge that fails without warning," said chief engineer Priya Raman.`,
}

// Title is the article's headline.
const Title = "Harbour authority votes to close the old swing bridge for repairs"

// article writes the headline and paragraphs, each paragraph wrapped by
// wrap (which may add markup around it).
func article(b *bytes.Buffer, wrap func(i int, p string) string) {
	fmt.Fprintf(b, "<h1>%s</h1>\n<p class=\"byline\">By Dana Whitfield</p>\n", Title)
	for i, p := range Paragraphs {
		b.WriteString(wrap(i, p))
		b.WriteByte('\n')
	}
}

func head(b *bytes.Buffer) {
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s - Lakeside Courier</title></head>\n<body>\n", Title)
}

func tail(b *bytes.Buffer) { b.WriteString("</body></html>\n") }

func plain(_ int, p string) string { return "<p>" + p + "</p>" }

// Article is the plain article page, a reference for the others.
func Article() []byte {
	var b bytes.Buffer
	head(&b)
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("</article>\n")
	tail(&b)
	return b.Bytes()
}

// Deep puts the article at the bottom of depth nested elements of the
// given tag (div, span, b, table …), closed properly, then a paragraph
// after them all.
func Deep(depth int, tag string) []byte {
	var b bytes.Buffer
	head(&b)
	open, close := "<"+tag+">", "</"+tag+">"
	if tag == "table" {
		open, close = "<table><tr><td>", "</td></tr></table>"
	}
	b.WriteString(strings.Repeat(open, depth))
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("</article>\n")
	b.WriteString(strings.Repeat(close, depth))
	tail(&b)
	return b.Bytes()
}

// DeepInterleaved nests depth divs and puts one paragraph of the article
// at evenly spaced depths on the way down, so text at every depth must
// survive.
func DeepInterleaved(depth int) []byte {
	var b bytes.Buffer
	head(&b)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", Title)
	step := depth / len(Paragraphs)
	if step == 0 {
		step = 1
	}
	next := 0
	for d := 0; d < depth; d++ {
		b.WriteString("<div>")
		if d%step == 0 && next < len(Paragraphs) {
			b.WriteString("<p>" + Paragraphs[next] + "</p>")
			next++
		}
	}
	for ; next < len(Paragraphs); next++ {
		b.WriteString("<p>" + Paragraphs[next] + "</p>")
	}
	b.WriteString(strings.Repeat("</div>", depth))
	tail(&b)
	return b.Bytes()
}

// Unclosed opens depth elements of tag and never closes them — the
// pattern of broken generators (<font>, <b>, <div> in a loop).
func Unclosed(depth int, tag string) []byte {
	var b bytes.Buffer
	head(&b)
	article(&b, plain)
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "<%s class=\"c%d\">word ", tag, i%7)
	}
	return b.Bytes()
}

// Wide surrounds the article with elements small elements (a sidebar of
// spans in list items), for a page with that many elements in all.
func Wide(elements int) []byte {
	var b bytes.Buffer
	head(&b)
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("</article>\n<aside><ul>\n")
	for i := 0; i < elements/2; i++ {
		fmt.Fprintf(&b, "<li><span>item %d</span></li>\n", i)
	}
	b.WriteString("</ul></aside>\n")
	tail(&b)
	return b.Bytes()
}

// Links adds n links in a footer link farm after the article.
func Links(n int) []byte {
	var b bytes.Buffer
	head(&b)
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("</article>\n<footer><nav>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<a href=\"/story/%d\">Another story number %d</a>\n", i, i)
	}
	b.WriteString("</nav></footer>\n")
	tail(&b)
	return b.Bytes()
}

// BigText puts one text node of about n bytes (sentences, no markup)
// into the article, after its paragraphs.
func BigText(n int) []byte {
	var b bytes.Buffer
	head(&b)
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("<p>")
	const sentence = "The committee heard testimony for many hours without a break. "
	for written := 0; written < n; written += len(sentence) {
		b.WriteString(sentence)
	}
	b.WriteString("</p>\n</article>\n")
	tail(&b)
	return b.Bytes()
}

// Sized pads the article page with sidebar paragraphs (ordinary
// 200-element-per-10-KB markup) until it is at least n bytes.
func Sized(n int) []byte {
	var b bytes.Buffer
	head(&b)
	b.WriteString("<article>\n")
	article(&b, plain)
	b.WriteString("</article>\n<aside>\n")
	for i := 0; b.Len() < n-64; i++ {
		fmt.Fprintf(&b, "<div class=\"teaser\"><a href=\"/t/%d\">Teaser %d</a><p>A short summary of another story, with a few words.</p></div>\n", i, i)
	}
	b.WriteString("</aside>\n")
	tail(&b)
	return b.Bytes()
}
