package attribution

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "Peskov said so. Sullivan disagreed.", []string{"Peskov said so.", "Sullivan disagreed."}},
		{"quote not cut", "“We are ready. We will go,” she said. Then she left.", []string{"“We are ready. We will go,” she said.", "Then she left."}},
		{"abbreviations", "Mr. Smith met Dr. Jones in the U.S. on Monday. It rained.", []string{"Mr. Smith met Dr. Jones in the U.S. on Monday.", "It rained."}},
		{"initial", "J. K. Rowling said nothing. Fans waited.", []string{"J. K. Rowling said nothing.", "Fans waited."}},
		{"question then quote", "Was it safe? “No,” he said.", []string{"Was it safe?", "“No,” he said."}},
		{"quote ends its sentence", "It was “outlived its design.” He argued otherwise.", []string{"It was “outlived its design.”", "He argued otherwise."}},
		{"comma inside quote does not", "“We will go,” She said.", []string{"“We will go,” She said."}},
		{"lower case after stop", "It cost 3.5 million. ok then", []string{"It cost 3.5 million. ok then"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tt.in, findQuotes(tt.in)) {
				got = append(got, tt.in[sp.start:sp.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Putin’s trip", []string{"Putin", "’s", "trip"}},
		{"“Yes,” said O’Brien.", []string{"“Yes,”", "said", "O’Brien", "."}},
		{"l’Élysée a-t-il dit", []string{"l’", "Élysée", "a-t-il", "dit"}},
		{"the Iran-Russia Joint Chamber", []string{"the", "Iran-Russia", "Joint", "Chamber"}},
		{"the leaders’ plans", []string{"the", "leaders", "’", "plans"}},
	}
	for _, tt := range tests {
		qs := findQuotes(tt.in)
		var got []string
		for _, tk := range tokenize(tt.in, span{0, len(tt.in)}, qs) {
			got = append(got, tk.text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
