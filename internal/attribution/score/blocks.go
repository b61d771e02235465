package score

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/saywho/saywho/internal/attribution"
	"github.com/saywho/saywho/internal/clean"
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

// ReadHTML turns a page into article blocks with clean.Clean, falling back
// to the headings and paragraphs of its <article> when Clean finds none.
// The second result names the extractor used.
func ReadHTML(path string) ([]attribution.Block, string, error) {
	page, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("score: read page: %w", err)
	}
	if art, err := clean.Clean(page, clean.Options{}); err == nil && art != nil && art.Found && len(art.Blocks) > 0 {
		var out []attribution.Block
		for _, b := range art.Blocks {
			h := len(b.Tag) == 2 && b.Tag[0] == 'h'
			out = append(out, attribution.Block{Text: b.Text, Heading: h})
		}
		return out, "clean", nil
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, "", fmt.Errorf("score: parse page: %w", err)
	}
	var out []attribution.Block
	doc.Find("article").First().Find("p, h2, h3, h4").Each(func(_ int, s *goquery.Selection) {
		t := strings.Join(strings.Fields(s.Text()), " ")
		if t != "" {
			out = append(out, attribution.Block{Text: t, Heading: goquery.NodeName(s) != "p"})
		}
	})
	return out, "article-p", nil
}
