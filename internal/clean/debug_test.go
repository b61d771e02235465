package clean

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugKinds(t *testing.T) {
	p := os.Getenv("DEBUG_PAGE")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	doc, _ := parseForDebug(b)
	c := newCleaner(doc, Options{})
	c.readMeta()
	c.prepare()
	c.measure()
	c.findTitleNode()
	c.findBodyHint()
	c.markJunk()
	c.findRoots()
	for n, k := range c.kind {
		fmt.Printf("%s <%s class=%q id=%q> %.60q\n", k, n.Data, attr(n, "class"), attr(n, "id"), textOf(n))
	}
	for _, r := range c.roots {
		fmt.Printf("ROOT <%s class=%q id=%q> %d\n", r.Data, attr(r, "class"), attr(r, "id"), c.st(r).ptext)
	}
}

func parseForDebug(b []byte) (*htmlNode, error) { return htmlParse(b) }
