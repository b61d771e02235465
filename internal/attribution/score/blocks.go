package score

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/saywho/saywho/internal/attribution"
)

// ReadText reads a dev-set article: blocks separated by blank lines, a
// block starting with "# " being a heading.
func ReadText(path string) ([]attribution.Block, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("score: read article: %w", err)
	}
	var out []attribution.Block
	for _, p := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		if h, ok := strings.CutPrefix(p, "# "); ok {
			out = append(out, attribution.Block{Text: h, Heading: true})
			continue
		}
		out = append(out, attribution.Block{Text: p})
	}
	return out, nil
}

// ReadHTML turns a page into article blocks: the paragraphs and
// sub-headings inside its first <article> (or <main>, or <body>). It is a
// deliberately simple extraction, so that scoring attribution does not
// depend on the cleaner; cmd/score can use clean.Clean instead.
func ReadHTML(path string) ([]attribution.Block, error) {
	page, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("score: read page: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("score: parse page: %w", err)
	}
	root := doc.Find("article").First()
	if root.Length() == 0 {
		root = doc.Find("main").First()
	}
	if root.Length() == 0 {
		root = doc.Find("body")
	}
	var out []attribution.Block
	root.Find("p, h2, h3, h4").Each(func(_ int, s *goquery.Selection) {
		t := strings.Join(strings.Fields(s.Text()), " ")
		if t != "" {
			out = append(out, attribution.Block{Text: t, Heading: goquery.NodeName(s) != "p"})
		}
	})
	return out, nil
}
