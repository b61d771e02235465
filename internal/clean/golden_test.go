package clean

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// golden is the part of an Article pinned by testdata/NAME.golden.json.
type golden struct {
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
			got := golden{art.Found, art.Reason, art.Title, art.Byline, art.SiteName, art.Published, art.Lang, art.Image, art.Blocks, art.Removed, art.HTML}
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			gotJSON = append(gotJSON, '\n')
			path := strings.TrimSuffix(page, ".html") + ".golden.json"
			if *update {
				if err := os.WriteFile(path, gotJSON, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/clean -run Golden -update)", err)
			}
			if string(want) != string(gotJSON) {
				t.Errorf("%s differs from %s (run with -update to accept):\n%s", name, path, lineDiff(string(want), string(gotJSON)))
			}
		})
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + a + "\n  got:  " + c + "\n")
			if shown++; shown >= 8 {
				b.WriteString("  …\n")
				break
			}
		}
	}
	return b.String()
}
