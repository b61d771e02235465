package clean

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDebugPage traces the root choice and junk marks for one page:
//
//	DEBUG_PAGE=page.html [DEBUG_KINDS=1] [DEBUG_FIND=text] go test ./internal/clean -run DebugPage -v
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
	if want := os.Getenv("DEBUG_FIND"); want != "" {
		// The chain of elements above the innermost one holding the text,
		// with their junk marks and whether they are article roots.
		var deepest *html.Node
		var find func(n *html.Node)
		find = func(n *html.Node) {
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if ch.Type == html.ElementNode && strings.Contains(textOf(ch), want) {
					deepest = ch
					find(ch)
					return
				}
			}
		}
		find(c.body)
		for n := deepest; n != nil && n.Type == html.ElementNode; n = n.Parent {
			fmt.Printf("FIND <%s class=%.50q id=%.30q> kind=%q root=%v text=%d\n", n.Data, attr(n, "class"), attr(n, "id"), c.kind[n], c.rootSet[n], c.st(n).text)
		}
	}
	for _, r := range c.roots {
		fmt.Printf("ROOT <%s class=%q id=%q> %d\n", r.Data, attr(r, "class"), attr(r, "id"), c.st(r).ptext)
	}
}
