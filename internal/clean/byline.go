package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// byline.go: the author as the page shows it. Candidates are elements
// hinted as bylines (class "byline"/"author", rel=author,
// itemprop=author); from each the name is taken from itemprop=name, author
// links, or "…name" children before the element's own text, then cleaned
// of "By", dates, roles and labels. A visible byline wins over metadata;
// when it contains a metadata author's name, that clean name is used.

var (
	reByPrefix    = regexp.MustCompile(`(?i)^\s*(by|written by|posted by|published by|words by|story by|author|authors|von|par|por|di|door|av|af|автор|作者)(\s*[:：]\s*|\s+)`)
	reBylineTail  = regexp.MustCompile(`\s*[` + bylineSeparators + `]+\s*$`)
	reBylineLabel = regexp.MustCompile(`(?i)^(by|author|authors|the author|about the author|full bio|bio|profile|follow|unfollow|read more|more|posted|published|updated|last updated|written|staff|admin|share|email|contributor|contributors|see all|view all|view profile|author'?s profile|author profile|fact checked|fact-checked|reviewed|medically reviewed|edited)\W*$`)
	// Trailing labels glued to a name: "ProfileFollowUnfollow", "Verified expert".
	reBylineJunk = phrase(`(?i)\s*(profile\s*follow\s*unfollow|follow\s*unfollow|verified expert|author'?s profile|view profile|full bio|read more.*|more by.*|advertiser disclosure.*|fact checked by.*|reviewed by.*|medically reviewed.*|edited by.*|updated:?.*|published:?.*|last updated:?.*|\d+\s*min(ute)?s?\s+read.*)$`)
)

// pickByline returns the byline a reader sees; metadata only when the page
// shows none.
func (c *cleaner) pickByline() string {
	v := c.visibleByline()
	for _, a := range c.meta.authors {
		a = cleanByline(a)
		if a == "" || runeLen(a) > 100 {
			continue
		}
		if v == "" {
			return a
		}
		// The visible text holds the metadata name plus noise: use the name.
		if strings.Contains(strings.ToLower(v), strings.ToLower(a)) && runeLen(v) > runeLen(a) {
			return a
		}
		break
	}
	return v
}

// cleanByline strips "By ", dates, trailing labels and separators: "By
// Grace Whitfield -" becomes "Grace Whitfield".
func cleanByline(s string) string {
	s = collapse(s)
	for i := 0; i < 2; i++ {
		s = reByPrefix.ReplaceAllString(s, "")
		s = stripDateTail(s)
		s = reBylineJunk.ReplaceAllString(s, "")
		if endsWithSeparator(s) {
			s = reBylineTail.ReplaceAllString(s, "")
		}
		s = strings.TrimSpace(s)
	}
	// "Name • 5 min read", "Name | Guest Columnists": keep the first part.
	for _, sep := range []string{" • ", " | ", " · ", " / "} {
		if i := strings.Index(s, sep); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	s = dedupeRepeat(s)
	if reBylineLabel.MatchString(s) || !hasLetter(s) || strings.Contains(s, "@") || strings.Contains(s, "://") {
		return ""
	}
	return s
}

// bylineSeparators are the characters reBylineTail strips from the end of
// a byline ("Grace Whitfield –").
const bylineSeparators = `-–—|,•·/`

// endsWithSeparator: the last character of s before white space is one of
// bylineSeparators — which every match of reBylineTail needs, so a byline
// without it skips the pattern.
func endsWithSeparator(s string) bool {
	t := strings.TrimRight(s, "\t\n\f\r ")
	r, _ := utf8.DecodeLastRuneInString(t)
	return t != "" && strings.ContainsRune(bylineSeparators, r)
}

// dedupeRepeat turns "A B A B" into "A B" (names shown twice for mobile).
func dedupeRepeat(s string) string {
	w := strings.Fields(s)
	if n := len(w); n >= 2 && n%2 == 0 && strings.Join(w[:n/2], " ") == strings.Join(w[n/2:], " ") {
		return strings.Join(w[:n/2], " ")
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func (c *cleaner) visibleByline() string {
	if c.body == nil {
		return ""
	}
	var found string
	c.walk(c.body, func(n *html.Node) bool {
		if found != "" {
			return false
		}
		if k, ok := c.kind[n]; ok && k != KindOther && k != KindNavigation {
			return false // not in comments, related boxes, author bios
		}
		rel := strings.ToLower(attr(n, "rel"))
		ip := strings.ToLower(attr(n, "itemprop"))
		hint := rel == "author" || ip == "author" || ip == "creator" || hintMatch(classID(n), hintByline)
		if !hint {
			return true
		}
		if t := c.bylineFrom(n); t != "" {
			found = t
			return false
		}
		return true
	})
	return found
}

// bylineFrom extracts a name from a byline-hinted element, or "".
func (c *cleaner) bylineFrom(n *html.Node) string {
	st := c.st(n)
	if st.text == 0 || st.text > 300 {
		return ""
	}
	if nm := findFirst(n, func(x *html.Node) bool { return strings.EqualFold(attr(x, "itemprop"), "name") }); nm != nil {
		if t := cleanByline(textOf(nm)); t != "" {
			return t
		}
	}
	var names []string
	seen := map[string]bool{}
	collect := func(x *html.Node) {
		if t := cleanByline(textOf(x)); t != "" && countWords(t) <= 6 && !seen[t] {
			seen[t] = true
			names = append(names, t)
		}
	}
	if isAuthorLink(n) {
		collect(n)
	}
	c.walk(n, func(x *html.Node) bool {
		if isAuthorLink(x) {
			collect(x)
			return false
		}
		return true
	})
	if len(names) > 0 {
		return joinNames(names)
	}
	if nm := findFirst(n, func(x *html.Node) bool {
		return hintMatch(classID(x), hintBylineName) && c.st(x).text > 0
	}); nm != nil {
		if t := cleanByline(textOf(nm)); t != "" && countWords(t) <= 8 {
			return t
		}
	}
	if st.text > 150 {
		return ""
	}
	t := textOfSkip(n, func(x *html.Node) bool {
		if x.DataAtom == atom.Time || x.DataAtom == atom.Img || x.DataAtom == atom.Figure {
			return true
		}
		k := c.kind[x]
		return k == KindSpamByline || k == KindShare
	})
	if t == "" || isSpamBio(t) {
		return ""
	}
	t = cleanByline(t)
	if t == "" || countWords(t) > 8 || strings.HasPrefix(strings.ToLower(t), "about ") {
		return ""
	}
	return t
}

// isAuthorLink: <a rel=author> or a link to an author page.
func isAuthorLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	if strings.EqualFold(attr(n, "rel"), "author") {
		return true
	}
	h := strings.ToLower(attr(n, "href"))
	return strings.Contains(h, "/author/") || strings.Contains(h, "/authors/") || strings.Contains(h, "/profile/") || strings.Contains(h, "/people/") || strings.Contains(h, "/staff/") || strings.Contains(h, "/by/") || strings.Contains(h, "/writers/") || strings.Contains(h, "/contributors/") || strings.Contains(h, "/team/")
}

var reDateTail = regexp.MustCompile(`(?i)\s*([-–—|•·,]|\bon\b|\bupdated\b|\bpublished\b)?\s*((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago|(před|vor|il y a|hace)\s+\d+.*).*$`)

// stripDateTail cuts a date and what follows it off the end of s. Every
// match of reDateTail holds a digit, so s without one skips the pattern.
func stripDateTail(s string) string {
	if !hasDigit(s) {
		return s
	}
	return reDateTail.ReplaceAllString(s, "")
}
