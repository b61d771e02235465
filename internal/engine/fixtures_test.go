package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho/saywho/internal/attribution/score"
)

// fixturesShared holds the evaluation material beside the checkout. A user's
// clone doesn't have it, so tests that need it skip.
const fixturesShared = "../../../shared"

// reportedKinds are the removal kinds the gold files require by name; the
// rest only have to be gone from the article.
var reportedKinds = map[string]bool{"comment-form": true, "spam-byline": true, "related-links": true, "share": true}

// TestSharedFixtures runs the whole pipeline on the fixture pages and checks
// every gold answer: title, byline, passages kept, junk gone and reported
// with its kind, every statement found with its speaker and role, and no
// non-statement reported.
func TestSharedFixtures(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(fixturesShared, "fixtures", "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no fixtures in %s (the shared evaluation data is not beside this checkout)", fixturesShared)
	}
	for _, gpath := range golds {
		name := strings.TrimSuffix(filepath.Base(gpath), ".gold.json")
		t.Run(name, func(t *testing.T) {
			g, err := score.Load(gpath)
			if err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(filepath.Dir(gpath), name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Process(page, Options{URL: "https://news.example/" + name})
			if err != nil {
				t.Fatal(err)
			}
			checkGold(t, res, g)
		})
	}
}

func checkGold(t *testing.T, res *Result, g *score.Gold) {
	t.Helper()
	if res.Title != g.Title {
		t.Errorf("title = %q, want %q", res.Title, g.Title)
	}
	if res.Byline != g.Byline {
		t.Errorf("byline = %q, want %q", res.Byline, g.Byline)
	}
	text := fold(res.Text)
	for _, k := range g.Keep {
		if !strings.Contains(text, fold(k)) {
			t.Errorf("keep: lost %q", k)
		}
	}
	for _, r := range g.Remove {
		if strings.Contains(text, fold(r.Text)) {
			t.Errorf("remove: %s %q left in the article", r.Kind, r.Text)
		}
		if !reportedKinds[r.Kind] {
			continue
		}
		reported := false
		for _, rm := range res.Removed {
			if rm.Kind == r.Kind && strings.Contains(fold(rm.Text), fold(r.Text)) {
				reported = true
				break
			}
		}
		if !reported {
			t.Errorf("remove: %q not reported as %s", r.Text, r.Kind)
		}
	}
	for _, gs := range g.Speakers {
		sp := findSpeaker(res.Speakers, gs.Name, gs.Match)
		if sp == nil {
			t.Errorf("speaker %q missing", gs.Name)
			continue
		}
		if gs.Role != "" && score.Coverage(sp.Role, gs.Role) < score.MinCoverage {
			t.Errorf("speaker %q: role %q, want %q", gs.Name, sp.Role, gs.Role)
		}
		for _, st := range gs.Statements {
			ok := false
			for _, got := range sp.Statements {
				if score.Coverage(got.Text, st.Text) >= score.MinCoverage {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("speaker %q: statement %q not found", gs.Name, st.Text)
			}
		}
	}
	for _, sp := range res.Speakers {
		for _, st := range sp.Statements {
			for _, ns := range g.Not {
				if score.Coverage(st.Text, ns) >= score.MinCoverage {
					t.Errorf("not a statement, but reported for %q: %q", sp.Name, st.Text)
				}
			}
		}
	}
}

// findSpeaker finds the predicted speaker for a gold one: the same name
// first, else a name holding one of the gold's short forms.
func findSpeaker(speakers []Speaker, name string, match []string) *Speaker {
	for _, forms := range [][]string{nil, match} {
		for i := range speakers {
			if score.SpeakerMatches(speakers[i].Name, name, forms) {
				return &speakers[i]
			}
		}
	}
	return nil
}

// fold lower-cases, unifies quote marks and apostrophes and collapses
// whitespace, so typography doesn't decide a match.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u00a0", " ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
