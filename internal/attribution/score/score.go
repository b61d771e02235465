// Package score measures attribution output against gold files in the
// format of the shared fixtures: a prediction matches a gold statement when
// it covers at least 70% of the gold snippet's words and is attributed to
// the right speaker (same name, or a name containing one of the gold
// speaker's "match" forms).
package score

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/saywho/saywho/internal/attribution"
)

// MinCoverage is the share of a gold snippet's words a prediction must
// contain to match it.
const MinCoverage = 0.7

// Gold is one gold file. Title, Byline, Keep and Remove are the page-level
// answers of the shared fixtures; attribution scoring reads only the rest.
type Gold struct {
	Page   string   `json:"page"`
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
	Optional []string `json:"optional_statements"`
	Not      []string `json:"not_statements"`
}

// Load reads a gold file.
func Load(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("score: read gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("score: parse gold %s: %w", path, err)
	}
	return &g, nil
}

// Result counts one or more pages.
type Result struct {
	Gold, Found        int // gold statements, and those found with the right speaker
	Predicted, Correct int // predictions not covering an optional statement, and correct ones
	WrongSpeaker       int // predictions covering a gold statement of another speaker
	NotStatementHits   int // predictions containing a not_statement
	Roles, RolesRight  int // gold speakers found, and those with the right role
	Misses, FalsePos   []string
	RoleErrors         []string
}

// Add sums r2 into r.
func (r *Result) Add(r2 Result) {
	r.Gold += r2.Gold
	r.Found += r2.Found
	r.Predicted += r2.Predicted
	r.Correct += r2.Correct
	r.WrongSpeaker += r2.WrongSpeaker
	r.NotStatementHits += r2.NotStatementHits
	r.Roles += r2.Roles
	r.RolesRight += r2.RolesRight
	r.Misses = append(r.Misses, r2.Misses...)
	r.FalsePos = append(r.FalsePos, r2.FalsePos...)
	r.RoleErrors = append(r.RoleErrors, r2.RoleErrors...)
}

// Recall is the share of gold statements found with the right speaker.
func (r Result) Recall() float64 { return ratio(r.Found, r.Gold) }

// Precision is the share of predictions that are right.
func (r Result) Precision() float64 { return ratio(r.Correct, r.Predicted) }

// RoleAccuracy is the share of found gold speakers with the right role.
func (r Result) RoleAccuracy() float64 { return ratio(r.RolesRight, r.Roles) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func words(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Coverage is the share of gold's words found in pred, each word of pred
// counted once.
func Coverage(pred, gold string) float64 {
	gw := words(gold)
	if len(gw) == 0 {
		return 0
	}
	bag := map[string]int{}
	for _, w := range words(pred) {
		bag[w]++
	}
	hit := 0
	for _, w := range gw {
		if bag[w] > 0 {
			bag[w]--
			hit++
		}
	}
	return float64(hit) / float64(len(gw))
}

// SpeakerMatches reports whether a predicted speaker name is the gold
// speaker: the same name, or one holding a short form from match.
func SpeakerMatches(name, goldName string, match []string) bool {
	n := strings.ToLower(name)
	if n == strings.ToLower(goldName) {
		return true
	}
	for _, m := range match {
		if strings.Contains(n, strings.ToLower(m)) {
			return true
		}
	}
	return false
}

// NormRole lower-cases a role and drops a leading article and possessives
// for comparison.
func NormRole(r string) string {
	r = strings.ToLower(strings.ReplaceAll(r, "’", "'"))
	r = strings.ReplaceAll(r, "'s ", " ")
	f := strings.Fields(r)
	if len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// Score compares one page's speakers with its gold.
func Score(g *Gold, got []attribution.Speaker) Result {
	var r Result
	type pred struct {
		sp  *attribution.Speaker
		st  attribution.Statement
		hit bool
	}
	var preds []*pred
	for i := range got {
		for _, st := range got[i].Statements {
			preds = append(preds, &pred{sp: &got[i], st: st})
		}
	}
	for _, gs := range g.Speakers {
		var found *attribution.Speaker
		for _, st := range gs.Statements {
			r.Gold++
			ok := false
			for _, p := range preds {
				if Coverage(p.st.Text, st.Text) >= MinCoverage && SpeakerMatches(p.sp.Name, gs.Name, gs.Match) {
					p.hit, ok = true, true
					found = p.sp
				}
			}
			if ok {
				r.Found++
			} else {
				r.Misses = append(r.Misses, fmt.Sprintf("%s: %s: %q", g.Page, gs.Name, st.Text))
			}
		}
		if found != nil {
			r.Roles++
			if NormRole(found.Role) == NormRole(gs.Role) {
				r.RolesRight++
			} else {
				r.RoleErrors = append(r.RoleErrors, fmt.Sprintf("%s: %s: got %q, want %q", g.Page, gs.Name, found.Role, gs.Role))
			}
		}
	}
	for _, p := range preds {
		bad := false
		for _, n := range g.Not {
			if Coverage(p.st.Text, n) >= MinCoverage {
				r.NotStatementHits++
				bad = true
			}
		}
		if p.hit && !bad {
			r.Predicted++
			r.Correct++
			continue
		}
		optional := false
		for _, o := range g.Optional {
			if Coverage(p.st.Text, o) >= MinCoverage {
				optional = true
			}
		}
		if optional && !bad {
			continue
		}
		r.Predicted++
		for _, gs := range g.Speakers {
			for _, st := range gs.Statements {
				if Coverage(p.st.Text, st.Text) >= MinCoverage {
					r.WrongSpeaker++
				}
			}
		}
		r.FalsePos = append(r.FalsePos, fmt.Sprintf("%s: %s: %q", g.Page, p.sp.Name, p.st.Text))
	}
	return r
}
