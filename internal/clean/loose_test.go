package clean

import (
	"strings"
	"testing"
)

// TestLooseRunJunk: junk text that sits loose beside paragraphs, with no
// element of its own, is still taken out and listed.
func TestLooseRunJunk(t *testing.T) {
	page := `<html><head><title>Loose text test page</title></head><body><article><h1>Loose text test page</h1><div class="story">
Advertisement
<p>The first paragraph of the story is long enough to count as real article text, with commas, clauses, and detail.</p>
<p>The second paragraph adds more detail about what happened, who was there, and what they said about it afterwards.</p>
Posted by <a href="/u/david">David</a> at December 16, 2025 11:15 AM
<p>The third paragraph closes the story with a quote from an official and a note about what will happen next week.</p>
</div></article></body></html>`
	art, err := Clean([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(blockTexts(art.Blocks), "\n")
	for _, junk := range []string{"Advertisement", "Posted by"} {
		if strings.Contains(text, junk) {
			t.Errorf("%q kept:\n%s", junk, text)
		}
	}
	kinds := map[string]Kind{}
	for _, r := range art.Removed {
		kinds[r.Text] = r.Kind
	}
	if kinds["Advertisement"] != KindAd {
		t.Errorf("Advertisement listed as %q; removed: %v", kinds["Advertisement"], art.Removed)
	}
	if len(art.Blocks) != 3 {
		t.Errorf("%d blocks, want 3: %v", len(art.Blocks), art.Blocks)
	}
}
