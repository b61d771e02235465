package score

import (
	"testing"

	"github.com/saywho/saywho/internal/attribution"
)

func TestCoverage(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       float64
	}{
		{"Putin would travel to Iran’s capital next week", "Putin would travel to Iran's capital", 1},
		{"talks are planned", "talks are planned between the three presidents", 3.0 / 7},
		{"", "anything", 0},
	}
	for _, tt := range tests {
		if got := Coverage(tt.pred, tt.gold); got != tt.want {
			t.Errorf("Coverage(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestNormRole(t *testing.T) {
	for in, want := range map[string]string{
		"the Kremlin’s spokesperson": "kremlin spokesperson",
		"A  Supervisor":              "supervisor",
		"":                           "",
	} {
		if got := NormRole(in); got != want {
			t.Errorf("NormRole(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScore(t *testing.T) {
	g := &Gold{Page: "p", Optional: []string{"maybe said this"}, Not: []string{"hardball"}}
	g.Speakers = append(g.Speakers, struct {
		Name       string   `json:"name"`
		Match      []string `json:"match"`
		Role       string   `json:"role"`
		Statements []struct {
			Text   string `json:"text"`
			Direct bool   `json:"direct"`
		} `json:"statements"`
	}{Name: "Jake Sullivan", Match: []string{"Sullivan"}, Role: "adviser"})
	g.Speakers[0].Statements = append(g.Speakers[0].Statements, struct {
		Text   string `json:"text"`
		Direct bool   `json:"direct"`
	}{Text: "Iran would train the Russians"})
	got := []attribution.Speaker{
		{Name: "Mr Sullivan", Role: "adviser", Statements: []attribution.Statement{{Text: "Iran would train the Russians to fly"}}},
		{Name: "Peskov", Statements: []attribution.Statement{{Text: "maybe said this"}, {Text: "play hardball"}}},
	}
	r := Score(g, got)
	if r.Gold != 1 || r.Found != 1 || r.Predicted != 2 || r.Correct != 1 || r.NotStatementHits != 1 || r.RolesRight != 1 {
		t.Errorf("got %+v", r)
	}
}
