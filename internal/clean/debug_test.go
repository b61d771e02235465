package clean

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"golang.org/x/net/html"
)

// TestDebugPage traces the root choice and junk marks for one page:
//
//	DEBUG_PAGE=page.html [DEBUG_KINDS=1] go test ./internal/clean -run DebugPage -v
//
// It is skipped unless DEBUG_PAGE is set.
func TestDebugPage(t *testing.T) {
	p := os.Getenv("DEBUG_PAGE")
	if p == "" {
		t.Skip("set DEBUG_PAGE=file.html to trace a page")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
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
	fmt.Println("notArticle:", c.notArticle())
	c.markInRoot()
	c.markLooseRuns()
	c.findLeads()
	if os.Getenv("DEBUG_KINDS") != "" {
		for n, k := range c.kind {
			fmt.Printf("%s <%s class=%q id=%q> %.60q\n", k, n.Data, attr(n, "class"), attr(n, "id"), textOf(n))
		}
	}
	for _, r := range c.roots {
		fmt.Printf("ROOT <%s class=%q id=%q> %d\n", r.Data, attr(r, "class"), attr(r, "id"), c.st(r).ptext)
	}
}
