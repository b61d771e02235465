package attribution

import (
	"strings"
	"testing"
	"time"
)

func TestDeadlineStopsEarly(t *testing.T) {
	para := `“We will rebuild the pier before the summer,” said Mayor Ana Ruiz. `
	blocks := make([]Block, 2000)
	for i := range blocks {
		blocks[i] = Block{Text: strings.Repeat(para, 3)}
	}
	if got := Attribute(blocks[:1], Options{}); len(got) != 1 {
		t.Fatalf("without a deadline: %d speakers, want 1", len(got))
	}
	if got := Attribute(blocks, Options{Deadline: time.Now().Add(-time.Second)}); got != nil {
		t.Errorf("past deadline: got %d speakers, want nil (stopped early)", len(got))
	}
}
