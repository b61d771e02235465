package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// fixturesShared holds the evaluation material beside the checkout. A user's
// clone doesn't have it, so tests that need it skip.
const fixturesShared = "../../../shared"

// gold is the answer file for a fixture page (see ../shared/README.md).
type gold struct {
	Title  string   `json:"title"`
	Byline string   `json:"byline"`
	Keep   []string `json:"keep"`
	Remove []struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
	} `json:"remove"`
	Speakers []struct {
		Name       string   `json:"name"`
		Match      []string `json:"match"`
		Role       string   `json:"role"`
		Statements []struct {
			Text   string `json:"text"`
			Direct bool   `json:"direct"`
		} `json:"statements"`
	} `json:"speakers"`
	NotStatements []string `json:"not_statements"`
}

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
			var g gold
			raw, err := os.ReadFile(gpath)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &g); err != nil {
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

func checkGold(t *testing.T, res *Result, g gold) {
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
		if gs.Role != "" && coverage(sp.Role, gs.Role) < 0.7 {
			t.Errorf("speaker %q: role %q, want %q", gs.Name, sp.Role, gs.Role)
		}
		for _, st := range gs.Statements {
			ok := false
			for _, got := range sp.Statements {
				if coverage(got.Text, st.Text) >= 0.7 {
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
			for _, ns := range g.NotStatements {
				if coverage(st.Text, ns) >= 0.7 {
					t.Errorf("not a statement, but reported for %q: %q", sp.Name, st.Text)
				}
			}
		}
	}
}

// findSpeaker finds the predicted speaker for a gold one: same name, or a
// name holding one of the gold's short forms.
func findSpeaker(speakers []Speaker, name string, match []string) *Speaker {
	for i := range speakers {
		if fold(speakers[i].Name) == fold(name) {
			return &speakers[i]
		}
	}
	for i := range speakers {
		for _, m := range match {
			if strings.Contains(fold(speakers[i].Name), fold(m)) {
				return &speakers[i]
			}
		}
	}
	return nil
}

// coverage is the share of want's words that appear in got.
func coverage(got, want string) float64 {
	have := map[string]bool{}
	for _, w := range words(got) {
		have[w] = true
	}
	ws := words(want)
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// fold lower-cases, unifies quote marks and apostrophes and collapses
// whitespace, so typography doesn't decide a match.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u00a0", " ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
