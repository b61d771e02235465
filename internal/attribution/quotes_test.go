package attribution

import (
	"reflect"
	"testing"
)

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // quoted words
		unclosed bool     // the last quote runs to the end
	}{
		{"curly double", `“We are ready,” she said.`, []string{"We are ready,"}, false},
		{"straight double", `"We are ready," she said.`, []string{"We are ready,"}, false},
		{"british single with apostrophes", `‘We can’t lose Putin’s trust,’ he said.`, []string{"We can’t lose Putin’s trust,"}, false},
		{"straight single with apostrophe", `'It's done,' she said.`, []string{"It's done,"}, false},
		{"plural possessive inside", `‘The leaders’ plans are dead,’ he said.`, []string{"The leaders’ plans are dead,"}, false},
		{"german low-high", `„Das ist gut“, sagte sie.`, []string{"Das ist gut"}, false},
		{"french guillemets with spaces", `« C'est fini », a-t-il dit.`, []string{" C'est fini "}, false},
		{"german reversed guillemets", `»Das reicht«, sagte er.`, []string{"Das reicht"}, false},
		{"single guillemets", `‹Nein›, sagte er.`, []string{"Nein"}, false},
		{"nested keeps outer", `“He called it ‘a deal’ today,” she said.`, []string{"He called it ‘a deal’ today,"}, false},
		{"split quote", `“We are ready,” she said, “but not at any price.”`, []string{"We are ready,", "but not at any price."}, false},
		{"apostrophes only", `Putin’s trip isn’t over and the leaders’ talks go on.`, nil, false},
		{"unclosed double runs on", `“This paragraph continues`, []string{"This paragraph continues"}, true},
		{"unclosed single is an apostrophe", `the ’90s were good`, nil, false},
		{"empty", ``, nil, false},
		{"lone mark", `“`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := findQuotes(tt.in)
			var got []string
			for _, q := range qs {
				got = append(got, tt.in[q.start:q.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("findQuotes(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(qs) > 0 && qs[len(qs)-1].closed == tt.unclosed {
				t.Errorf("last quote closed = %v, want %v", qs[len(qs)-1].closed, !tt.unclosed)
			}
		})
	}
}

func TestStartsWithOpener(t *testing.T) {
	for in, want := range map[string]bool{
		`“And then`:   true,
		`  « Et puis`: true,
		`The end`:     false,
		`’tis`:        false,
	} {
		if got := startsWithOpener(in); got != want {
			t.Errorf("startsWithOpener(%q) = %v, want %v", in, got, want)
		}
	}
}
