package clean

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho/saywho/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// goldenArticle is the part of an Article pinned by testdata/NAME.golden.json.
type goldenArticle struct {
	Found     bool      `json:"found"`
	Reason    string    `json:"reason,omitempty"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	SiteName  string    `json:"siteName"`
	Published string    `json:"published"`
	Lang      string    `json:"lang"`
	Image     string    `json:"image"`
	Blocks    []Block   `json:"blocks"`
	Removed   []Removed `json:"removed"`
	HTML      string    `json:"html"`
}

// TestGolden runs Clean over every testdata/*.html page (small pages
// written for one junk pattern or layout each) and compares the result
// with NAME.golden.json. Run with -update to accept new output.
func TestGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no testdata pages")
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			art, err := Clean(in, Options{URL: "https://news.example/2024/03/story/"})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			got := goldenArticle{art.Found, art.Reason, art.Title, art.Byline, art.SiteName, art.Published, art.Lang, art.Image, art.Blocks, art.Removed, art.HTML}
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			gotJSON = append(gotJSON, '\n')
			golden.Check(t, strings.TrimSuffix(page, ".html")+".golden.json", gotJSON, *update)
		})
	}
}
