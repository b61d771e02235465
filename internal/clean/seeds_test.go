package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho/saywho/internal/attribution/score"
)

// reportedKinds must appear in Removed with the gold kind.
var reportedKinds = map[string]bool{"comment-form": true, "spam-byline": true, "related-links": true, "share": true}

// TestSeedFixtures checks the two seed pages against their gold: every
// keep passage kept, every remove string gone (and reported with its kind
// for the four reported kinds), title and byline.
func TestSeedFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "fixtures")
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(golds) == 0 {
		t.Skip("../shared/fixtures is absent: seed fixtures not checked")
	}
	for _, gp := range golds {
		g, err := score.Load(gp) // the gold format the engine's fixture test reads too
		if err != nil {
			t.Fatal(err)
		}
		t.Run(g.Page, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, g.Page))
			if err != nil {
				t.Fatal(err)
			}
			art, err := Clean(page, Options{URL: "https://news.example/2022/07/article/"})
			if err != nil {
				t.Fatal(err)
			}
			if !art.Found {
				t.Fatalf("no article: %s", art.Reason)
			}
			text := strings.Join(blockTexts(art.Blocks), "\n\n")
			for _, k := range g.Keep {
				if !strings.Contains(text, k) {
					t.Errorf("keep passage missing: %q", k)
				}
			}
			for _, r := range g.Remove {
				if strings.Contains(text, r.Text) {
					t.Errorf("junk kept (%s): %q", r.Kind, r.Text)
				}
				if !reportedKinds[r.Kind] {
					continue
				}
				var hit *Removed
				for i := range art.Removed {
					if strings.Contains(art.Removed[i].Text, r.Text) {
						hit = &art.Removed[i]
						break
					}
				}
				switch {
				case hit == nil:
					t.Errorf("not reported in Removed (%s): %q", r.Kind, r.Text)
				case string(hit.Kind) != r.Kind:
					t.Errorf("reported as %s, want %s: %q", hit.Kind, r.Kind, r.Text)
				}
			}
			if art.Title != g.Title {
				t.Errorf("title = %q, want %q", art.Title, g.Title)
			}
			if art.Byline != g.Byline {
				t.Errorf("byline = %q, want %q", art.Byline, g.Byline)
			}
		})
	}
}
