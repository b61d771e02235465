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
	debugf = func(f string, a ...any) { fmt.Printf(f+"\n", a...) }
	defer func() { debugf = nil }()
	c := newCleaner(doc, Options{})
	c.readMeta()
	c.prepare()
	c.measure()
	c.findTitleNode()
	c.findBodyHint()
	c.markJunk()
	c.measureClean(c.body, 0)
	c.findRoots()
	for n, k := range c.kind {
		if os.Getenv("DEBUG_KINDS") == "" {
			break
		}
		fmt.Printf("%s <%s class=%q id=%q> %.60q\n", k, n.Data, attr(n, "class"), attr(n, "id"), textOf(n))
	}
	for _, r := range c.roots {
		fmt.Printf("ROOT <%s class=%q id=%q> %d\n", r.Data, attr(r, "class"), attr(r, "id"), c.st(r).ptext)
		for p := r; p != nil && p.Type == 3; p = p.Parent {
			st := c.st(p)
			fmt.Printf("   up <%s class=%.50q id=%q> cptext=%d ctext=%d clink=%d\n", p.Data, attr(p, "class"), attr(p, "id"), st.cptext, st.ctext, st.clink)
		}
	}
}

func parseForDebug(b []byte) (*htmlNode, error) { return htmlParse(b) }
