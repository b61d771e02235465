package clean

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/saywho/saywho/internal/htmlprep"
)

// pageMeta is what <head>, JSON-LD and microdata say about the page.
type pageMeta struct {
	titleTag, ogTitle, ldHeadline string
	siteName                      string
	authors                       []string // from meta tags and JSON-LD, in priority order
	published                     string
	image                         string
	lang                          string
	ldBody                        string // JSON-LD articleBody, first 300 runes
	ldIsArticle                   bool
}

var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "techarticle": true, "scholarlyarticle": true, "report": true,
	"liveblogposting": true, "socialmediaposting": true, "medicalwebpage": true, "posting": true,
	"review": true, "recipe": true, "howto": true, "advertisercontentarticle": true, "satiricalarticle": true,
}

// readMeta reads the document-level metadata. It must run before prepare
// drops the <script> elements that hold JSON-LD.
func (c *cleaner) readMeta() {
	m := &c.meta
	if c.htmlEl != nil {
		m.lang = strings.TrimSpace(attr(c.htmlEl, "lang"))
		if m.lang == "" {
			m.lang = strings.TrimSpace(attr(c.htmlEl, "xml:lang"))
		}
	}
	var metaAuthors, metaDates []string
	var ogLocale, metaLang string
	c.walk(c.doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Svg:
			// A drawing: its <title> is a tooltip, and nothing in it is the
			// page's metadata (the content script sends it empty).
			return false
		case atom.Title:
			if m.titleTag == "" {
				m.titleTag = collapse(textOf(n))
			}
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(attr(n, "property") + " " + attr(n, "name") + " " + attr(n, "itemprop")))
			content := collapse(attr(n, "content"))
			if content == "" {
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
					metaLang = attr(n, "content")
				}
				return false
			}
			for _, k := range strings.Fields(key) {
				switch k {
				case "og:title":
					if m.ogTitle == "" {
						m.ogTitle = content
					}
				case "twitter:title", "dc.title", "sailthru.title":
					if m.ogTitle == "" {
						m.ogTitle = content
					}
				case "og:site_name", "application-name":
					if m.siteName == "" {
						m.siteName = content
					}
				case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "twitter:creator", "dcterms.creator", "citation_author":
					if !strings.HasPrefix(content, "http") && !strings.HasPrefix(content, "@") {
						metaAuthors = append(metaAuthors, content)
					}
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "article.published", "og:published_time", "citation_publication_date", "article:published", "published_time", "publication_date", "release_date", "date_published", "dcterms.date", "original-publish-date":
					metaDates = append(metaDates, content)
				case "og:image", "twitter:image", "twitter:image:src", "og:image:url", "og:image:secure_url":
					if m.image == "" {
						m.image = content
					}
				case "og:locale":
					ogLocale = content
				case "language", "content-language", "dc.language":
					metaLang = content
				}
			}
			return false
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				c.readJSONLD(textOfScript(n))
			}
			return false
		case atom.Body:
			return true
		}
		return true
	})
	if len(metaAuthors) > 0 {
		m.authors = append(m.authors, metaAuthors...)
	}
	if m.published == "" {
		for _, d := range metaDates {
			if t := normDate(d); t != "" {
				m.published = t
				break
			}
		}
	}
	if m.lang == "" {
		m.lang = strings.TrimSpace(metaLang)
	}
	if m.lang == "" && ogLocale != "" {
		m.lang = strings.ReplaceAll(ogLocale, "_", "-")
	}
}

func textOfScript(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			b.WriteString(ch.Data)
		}
	}
	return b.String()
}

// jsonLDSource is the JSON inside a JSON-LD <script>, without the HTML
// comment markers some pages wrap it in.
func jsonLDSource(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<!--")
	return strings.TrimSuffix(s, "-->")
}

func (c *cleaner) readJSONLD(s string) {
	v, err := decodeJSON(jsonLDSource(s))
	if err != nil {
		return
	}
	if c.ldIDs == nil {
		c.ldIDs = map[string]map[string]any{}
	}
	collectLDIDs(v, c.ldIDs, 0)
	c.visitLD(v, 0)
}

// collectLDIDs indexes JSON-LD objects by @id so that references such as
// Yoast's "author": {"@id": "…#/schema/person/…"} can be followed.
func collectLDIDs(v any, ids map[string]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectLDIDs(e, ids, depth+1)
		}
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) > 1 {
			if _, seen := ids[id]; !seen {
				ids[id] = x
			}
		}
		// In key order, not map order: when two objects share an @id the
		// first one met is kept, and that must be the same on every run.
		for _, k := range slices.Sorted(maps.Keys(x)) {
			collectLDIDs(x[k], ids, depth+1)
		}
	}
}

// ldDeref follows an {"@id": …} reference.
func (c *cleaner) ldDeref(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["@id"].(string); ok && x["name"] == nil {
			if full, ok := c.ldIDs[id]; ok {
				return full
			}
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = c.ldDeref(e)
		}
		return out
	}
	return v
}

func (c *cleaner) visitLD(v any, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			c.visitLD(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			c.visitLD(g, depth+1)
		}
		if !isArticleType(x["@type"]) {
			if me, ok := x["mainEntity"]; ok {
				c.visitLD(me, depth+1)
			}
			if depth == 0 || x["@type"] == "WebPage" {
				// A WebPage may still give a site name.
				if pub, ok := x["publisher"].(map[string]any); ok && c.meta.siteName == "" {
					c.meta.siteName = ldString(pub["name"])
				}
			}
			return
		}
		m := &c.meta
		if m.ldIsArticle {
			return // the first article object wins
		}
		m.ldIsArticle = true
		if h := ldString(x["headline"]); h != "" {
			m.ldHeadline = collapse(h)
		} else if h := ldString(x["name"]); h != "" {
			m.ldHeadline = collapse(h)
		}
		for _, a := range ldNames(c.ldDeref(x["author"])) {
			m.authors = append([]string{a}, m.authors...)
		}
		if d := normDate(ldString(x["datePublished"])); d != "" {
			m.published = d
		} else if d := normDate(ldString(x["dateCreated"])); d != "" {
			m.published = d
		}
		if pub, ok := c.ldDeref(x["publisher"]).(map[string]any); ok && m.siteName == "" {
			m.siteName = collapse(ldString(pub["name"]))
		}
		if img := ldImage(x["image"]); img != "" && m.image == "" {
			m.image = img
		}
		if b := ldString(x["articleBody"]); b != "" {
			b = collapse(b)
			if runeLen(b) > 300 {
				b = string([]rune(b)[:300])
			}
			m.ldBody = b
		}
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(scrubText(html.UnescapeString(x)))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s := ldString(x["@value"]); s != "" {
			return s
		}
	}
	return ""
}

// scrubText replaces with spaces the characters htmlprep keeps out of
// every page (controls, noncharacters), in a JSON-LD string: its \u
// escapes, and the character references it may hold, are decoded only
// here, after htmlprep has run. strings.Map returns s itself when no
// character changes.
func scrubText(s string) string {
	return strings.Map(func(r rune) rune {
		if htmlprep.Replaced(r) {
			return ' '
		}
		return r
	}, s)
}

func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if x = collapse(ldString(x)); x != "" && !strings.HasPrefix(x, "http") {
			out = append(out, x)
		}
	case map[string]any:
		if s := collapse(ldString(x["name"])); s != "" {
			out = append(out, s)
		}
	case []any:
		var names []string
		for _, e := range x {
			names = append(names, ldNames(e)...)
		}
		if len(names) > 0 {
			out = append(out, joinNames(names))
		}
	}
	return out
}

func joinNames(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func ldImage(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if s := ldString(x["url"]); s != "" {
			return s
		}
		return ldString(x["contentUrl"])
	case []any:
		if len(x) > 0 {
			return ldImage(x[0])
		}
	}
	return ""
}

var dateLayouts = []string{
	time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 Z0700", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02", "2006/01/02", "20060102", "2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05.999999999",
	time.RFC1123, time.RFC1123Z, time.RFC822, time.RFC822Z, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 January 2006", "2 Jan 2006", "January 2, 2006 15:04", "January 2, 2006 3:04 PM",
	"Jan. 2, 2006", "Monday, January 2, 2006", "02.01.2006", "2.1.2006",
}

var reDateSpace = regexp.MustCompile(`\s+`)

// normDate parses a date in one of the common formats and returns it as
// RFC 3339, or "".
func normDate(s string) string {
	s = strings.TrimSpace(reDateSpace.ReplaceAllString(s, " "))
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2100 {
				return ""
			}
			return t.Format(time.RFC3339)
		}
	}
	return ""
}

// fillMeta fills the article's metadata, preferring what the page shows.
func (c *cleaner) fillMeta(art *Article) {
	m := c.meta
	art.Title = c.pickTitle()
	art.Byline = c.pickByline()
	c.byline = art.Byline
	art.SiteName = m.siteName
	art.Published = m.published
	if art.Published == "" {
		art.Published = c.visibleDate()
	}
	art.Lang = m.lang
	if m.image != "" {
		art.Image = c.resolve(m.image)
	}
}

var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ", ": "}

// stripSiteSuffix removes " - Site Name" (or a prefix "Site Name | ").
func stripSiteSuffix(t, site string) string {
	t = collapse(t)
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if site != "" && (strings.EqualFold(tail, site) || strings.Contains(strings.ToLower(site), strings.ToLower(tail)) || strings.Contains(strings.ToLower(tail), strings.ToLower(site))) {
			return stripSiteSuffix(head, site)
		}
		if sep != ": " && countWords(tail) <= 4 && countWords(head) >= 3 {
			return head
		}
		j := strings.Index(t, sep)
		if site != "" && j > 0 && strings.EqualFold(t[:j], site) {
			return t[j+len(sep):]
		}
	}
	return t
}

// stripSiteName takes the site's name off the end of a visible headline
// ("The Car Checklist | Bridgestone Tires"), and nothing else: a short
// tail of a headline is usually part of it.
func stripSiteName(t, site string) string {
	if site == "" {
		return t
	}
	for _, sep := range titleSeps {
		if i := strings.LastIndex(t, sep); i > 0 && strings.EqualFold(strings.TrimSpace(t[i+len(sep):]), site) && countWords(t[:i]) >= 3 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

func (c *cleaner) findTitleNode() {
	if c.body == nil {
		return
	}
	cands := []string{c.meta.ogTitle, c.meta.ldHeadline, c.meta.titleTag}
	candWords := make([]map[string]bool, len(cands)) // made once, not per heading
	for i, cand := range cands {
		candWords[i] = wordSet(cand)
	}
	var best *html.Node
	bestScore := 0.0
	var h1s []*html.Node
	c.walk(c.body, func(n *html.Node) bool {
		level := titleLevel(n)
		if level == 0 {
			return true
		}
		if n.DataAtom == atom.H1 {
			h1s = append(h1s, n)
		}
		t := textOf(n)
		if t == "" || runeLen(t) > 300 {
			return false
		}
		s := 0.0
		hw := wordSet(t)
		for i, cand := range cands {
			if cand == "" {
				continue
			}
			if v := wordSimilarity(hw, candWords[i]); v > s {
				s = v
			}
		}
		if level == 1 {
			s += 0.15
		} else if level == 3 {
			s -= 0.1
		}
		if s > bestScore {
			best, bestScore = n, s
		}
		return false
	})
	if len(h1s) == 1 {
		c.loneH1 = h1s[0]
	}
	if best != nil && bestScore >= 0.6 {
		c.titleNode = best
		return
	}
	// No heading agrees with the metadata: take a lone h1 with enough words.
	if len(h1s) == 1 && countWords(textOf(h1s[0])) >= 3 && (cands[0]+cands[1]+cands[2]) == "" {
		c.titleNode = h1s[0]
	}
}

// titleLevel is the level (1-3) of an element that can be the headline,
// or 0: h1-h3; an ARIA heading (role=heading, aria-level, 2 by default);
// a custom element of a design system drawn as a heading
// (<x-typography variant="h2">).
func titleLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case 0:
		if !strings.Contains(n.Data, "-") {
			return 0
		}
		if v := attr(n, "variant"); len(v) == 2 && v[0] == 'h' && v[1] >= '1' && v[1] <= '3' {
			return int(v[1] - '0')
		}
	}
	if len(n.Attr) > 0 && attr(n, "role") == "heading" {
		switch attr(n, "aria-level") {
		case "1":
			return 1
		case "", "2":
			return 2
		case "3":
			return 3
		}
	}
	return 0
}

// wordSimilarity is the share of a heading's words (hw) found in a
// candidate title's (cw), lowered when the heading is much shorter.
func wordSimilarity(hw, cw map[string]bool) float64 {
	if len(hw) == 0 || len(cw) == 0 {
		return 0
	}
	in := 0
	for w := range hw {
		if cw[w] {
			in++
		}
	}
	s := float64(in) / float64(len(hw))
	cover := float64(in) / float64(len(cw))
	if cover < 0.5 {
		s *= cover * 2
	}
	return s
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), isWordSep) {
		m[w] = true
	}
	return m
}

func isWordSep(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return false
	case r < 128:
		return true
	}
	switch r {
	case '‘', '’', '“', '”', '–', '—', '…', '«', '»', '·', '•', '\u00a0':
		return true
	}
	return false
}

func (c *cleaner) pickTitle() string {
	if c.titleNode != nil {
		t := textOf(c.titleNode)
		if t != "" {
			if t == collapse(c.meta.titleTag) || t == collapse(c.meta.ogTitle) {
				// The headline repeats the document title word for word,
				// site suffix included: read it like the metadata (but a
				// colon in a headline is part of it).
				h := stripSiteSuffix(t, c.meta.siteName)
				if !(strings.HasPrefix(t, h) && strings.HasPrefix(t[len(h):], ":")) {
					return h
				}
			}
			return stripSiteName(t, c.meta.siteName)
		}
	}
	for _, t := range []string{c.meta.ldHeadline, c.meta.ogTitle, c.meta.titleTag} {
		if t != "" {
			return stripSiteSuffix(t, c.meta.siteName)
		}
	}
	return ""
}

// visibleDate reads <time datetime> or itemprop=datePublished.
func (c *cleaner) visibleDate() string {
	if c.body == nil {
		return ""
	}
	var out string
	c.walk(c.body, func(n *html.Node) bool {
		if out != "" {
			return false
		}
		if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			for _, v := range []string{attr(n, "content"), attr(n, "datetime"), textOf(n)} {
				if d := normDate(v); d != "" {
					out = d
					return false
				}
			}
		}
		if n.DataAtom == atom.Time {
			if d := normDate(attr(n, "datetime")); d != "" {
				out = d
			} else if d := normDate(textOf(n)); d != "" {
				out = d
			}
			return false
		}
		return true
	})
	return out
}

// findBodyHint finds an explicit article-body container: microdata
// itemprop=articleBody, or the element holding the start of JSON-LD
// articleBody.
func (c *cleaner) findBodyHint() {
	if c.body == nil {
		return
	}
	var best *html.Node
	c.walk(c.body, func(n *html.Node) bool {
		if best != nil {
			return false
		}
		ip := strings.ToLower(attr(n, "itemprop"))
		if ip == "articlebody" || (ip == "text" && strings.Contains(strings.ToLower(attr(n.Parent, "itemtype")), "article")) {
			if c.st(n).ptext >= 200 {
				best = n
			}
			return false
		}
		return true
	})
	c.bodyHint = best
}
