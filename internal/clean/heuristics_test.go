package clean

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsSpamBio(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"generator run", "Wannabe pop culture fanatic. Zombie advocate. Typical travel buff. Beer aficionado.", true},
		{"quoted", "“Infuriatingly humble social media ninja. Certified coffee evangelist. Extreme music guru.”", true},
		{"aholic words", "Travel fanatic. Unable to type with boxing gloves on. Proud web evangelist. Alcoholaholic.", true},
		{"mixed case and name", "Lena Ortiz Professional problem solver. Devoted food lover. Twitter specialist.", true},
		{"real bio", "Jane Smith covers energy and climate for the paper. She previously worked in Brussels.", false},
		{"one phrase only", "Coffee lover.", false},
		{"article sentence", "The minister, a lifelong football fan, said the stadium would be rebuilt by 2026.", false},
		{"long paragraph", strings.Repeat("The council met on Tuesday to discuss the plan. ", 20), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSpamBio(tt.in); got != tt.want {
				t.Errorf("isSpamBio(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextOnlyKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"Advertisement", KindAd},
		{"Article continues below", KindAd},
		{"Story continues below advertisement", KindAd},
		{"Share post:", KindShare},
		{"Share this article", KindShare},
		{"Please enter your comment!", KindCommentForm},
		{"Please enter your name here", KindCommentForm},
		{"You have entered an incorrect email address!", KindCommentForm},
		{"More like this", KindRelatedLinks},
		{"More Stories", KindRelatedLinks},
		{"You may also like", KindRelatedLinks},
		{"Read next", KindRelatedLinks},
		{"Don't miss", KindRelatedLinks},
		{"Most Popular", KindRelatedLinks},
		{"Recommended for you", KindRelatedLinks},
		{"Sign up for our daily newsletter to get the news delivered to your inbox", KindNewsletter},
		{"We use cookies to give you the best experience.", KindCookieBanner},
		{"We may earn commission from links on this page.", KindOther},
		{"Posted: 2 days ago", KindOther},
		{"March 3, 2025 · 5 min read", KindOther},
		{"Wannabe pop culture fanatic. Zombie advocate. Typical travel buff.", KindSpamByline},
		{"This article is exclusive to STAT+ subscribers", KindOther},
		{"This story is funded by readers like you", KindOther},
		{"You may be interested in the following topics as well:", KindRelatedLinks},
		{"Other Opinion Columns", KindRelatedLinks},
		{"Table of Contents", KindNavigation},
		{"Image Source: Mises Institute", KindOther},
		{"Page 1 of 8", KindNavigation},
		{"Pin this for later!", KindShare},
		{"Subscribe to our blog", KindNewsletter},
		{"Sponsor this newsletter", KindAd},
		{"Posted by David at December 16, 2025 11:15 AM", KindOther},
		// Article text stays.
		{"Related research shows that the effect is small.", ""},
		{"The ad campaign cost £2m, the company said.", ""},
		{"Shares in the company fell 4% on Monday.", ""},
		{"Most popular tourist sites reopened on Friday after the storm.", ""},
		{"2024年3月5日", ""},
		{"Follow the steps below:", ""},
		{"With the SaaS model, customers subscribe to the software service on a monthly basis.", ""},
		{"By car", ""},
		{"这是一个很长的中文段落，没有日期，也不是广告。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := textOnlyKind(tt.in); got != tt.want {
				t.Errorf("textOnlyKind(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHintTableKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"comment-respond", KindCommentForm},
		{"comments-area", KindComments},
		{"disqus_thread", KindComments},
		{"td-post-sharing td-ps-bg", KindShare},
		{"sharedaddy sd-sharing-enabled", KindShare},
		{"jp-relatedposts", KindRelatedLinks},
		{"td_module_related_posts", KindRelatedLinks},
		{"post-navigation", KindRelatedLinks},
		{"taboola-below-article", KindRelatedLinks},
		{"mc4wp-form", KindNewsletter},
		{"ad-slot", KindAd},
		{"adsbygoogle", KindAd},
		{"cookie-notice", KindCookieBanner},
		{"breadcrumbs", KindNavigation},
		{"site-footer", KindNavigation},
		{"widget-area sidebar", KindOther},
		{"aft-author-box", kindAuthorBox},
		// Content containers are not junk.
		{"entry-content", ""},
		{"article-body", ""},
		{"elementor-widget-text-editor", ""},
		{"td-post-content", ""},
		{"header-image", ""},
		{"loader-adjust", ""},
	}
	c := newCleaner(nil, Options{})
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := c.hintTableKind(tt.in + " "); got != tt.want {
				t.Errorf("hintTableKind(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Grace Whitfield -", "Grace Whitfield"},
		{"Posted by Soliant", "Soliant"},
		{"Hermione Blake 3 years ago", "Hermione Blake"},
		{"Ryan Carrigan • 5 min read", "Ryan Carrigan"},
		{"Patrick Allan ProfileFollowUnfollow", "Patrick Allan"},
		{"Dylan Bailey, MS Dylan Bailey, MS", "Dylan Bailey, MS"},
		{"Parisa Ostovari", "Parisa Ostovari"},
		{"By", ""},
		{"Last Updated:", ""},
		{"Full Bio", ""},
		{"ops@example.com", ""},
		{"By Jane Doe | March 3, 2024", "Jane Doe"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Putin travels to Tehran for talks - Daily World Brief", "Daily World Brief", "Putin travels to Tehran for talks"},
		{"How to Build a Terrarium | eHow", "", "How to Build a Terrarium"},
		{"Rail fares to rise by 4.9% in March | The Northern Post", "The Northern Post", "Rail fares to rise by 4.9% in March"},
		{"Daily World Brief | Putin travels to Tehran for talks", "Daily World Brief", "Putin travels to Tehran for talks"},
		{"Brexit: what happens next", "", "Brexit: what happens next"},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.title, tt.site); got != tt.want {
			t.Errorf("stripSiteSuffix(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestNormDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-07-19T06:12:44+00:00", "2022-07-19T06:12:44Z"},
		{"2022-08-10T07:00:00+02:00", "2022-08-10T07:00:00+02:00"},
		{"2021-04-12", "2021-04-12T00:00:00Z"},
		{"July 18, 2023", "2023-07-18T00:00:00Z"},
		{"Tue, 05 Mar 2024 08:30:00 GMT", "2024-03-05T08:30:00Z"},
		{"yesterday", ""},
		{"1850-01-01", ""},
	}
	for _, tt := range tests {
		if got := normDate(tt.in); got != tt.want {
			t.Errorf("normDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	c := newCleaner(nil, Options{URL: "https://news.example/world/story.html"})
	tests := []struct{ in, want string }{
		{"/img/a.jpg", "https://news.example/img/a.jpg"},
		{"b.jpg", "https://news.example/world/b.jpg"},
		{"https://cdn.example/x.png", "https://cdn.example/x.png"},
		{"javascript:alert(1)", ""},
		{" JaVaScRiPt:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"vbscript:msgbox", ""},
		{"data:text/html;base64,PHNjcmlwdD4=", ""},
		{"data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64,iVBORw0KGgo="},
		{"#section-2", "#section-2"},
		{"mailto:desk@news.example", "mailto:desk@news.example"},
	}
	for _, tt := range tests {
		if got := c.resolve(tt.in); got != tt.want {
			t.Errorf("resolve(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextKindBlocks: rules that hold only for a whole block, so that a
// link inside a sentence stays.
func TestTextKindBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string // the first element of the body is classified
		want Kind
	}{
		{"follow us", `<p>Follow us on Instagram for daily recipes.</p>`, KindShare},
		{"follow a named account", `<p>Follow A Farmgirl's Kitchen on PINTEREST and YouTube!</p>`, KindShare},
		{"join the group", `<p>Join the Facebook group – https://facebook.example/group</p>`, KindShare},
		{"follow in a sentence", `<p>Fans can follow the race on YouTube from Sunday.</p>`, ""},
		{"views disclaimer", `<p>Note: The views expressed on Example.org are not necessarily those of the Institute.</p>`, KindOther},
		{"recipe rating", `<p>Did you make this recipe? Please take a moment to leave a star rating.</p>`, KindOther},
		{"newsletter name", `<p>Tech World With Milan Newsletter</p>`, KindNewsletter},
		{"newsletter link in a sentence", `<a href="/n">Idle Digest Newsletter</a>`, ""},
		{"cta heading", `<h3>CONTACT US</h3>`, KindOther},
		{"cta word in a paragraph", `<p>Register</p>`, ""},
		{"free offer heading", `<h3>Get the FREE eBook!</h3>`, KindOther},
		{"free consultation heading", `<h2>Request A Free Consultation  for Accounting Services</h2>`, KindOther},
		{"free in a heading of the text", `<h2>Why free apps still cost you something</h2>`, ""},
		{"free offer in a paragraph", `<p>Get the free eBook!</p>`, ""},
		{"updated by line", `<p>Last updated March 3, 2025 by Erik Demaine.</p>`, KindOther},
		{"update in the text", `<p>The register was last updated in 1998 by the council.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			c := newCleaner(doc, Options{})
			c.measure()
			n := findFirst(c.body, func(*html.Node) bool { return true })
			if got := c.textKind(n, textOf(n), c.st(n)); got != tt.want {
				t.Errorf("textKind(%s) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestClassWeightCamelCase: camelCase names count for the article-body
// words, but not beside a junk word.
func TestClassWeightCamelCase(t *testing.T) {
	tests := []struct {
		class string
		want  float64
	}{
		{"ArticleTextGroup", 25},
		{"ColumnMain col-sm-6", 25},
		{"article-body", 25},
		{"Sidebar_storyCard", -25},
		{"sidebar entry-content", 0},
		{"CtxtMenu_Attached_0", 0},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(`<html><body><div class="` + tt.class + `">x</div></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		c := newCleaner(doc, Options{})
		n := findFirst(c.body, func(*html.Node) bool { return true })
		if got := c.classWeight(n); got != tt.want {
			t.Errorf("classWeight(class=%q) = %v, want %v", tt.class, got, tt.want)
		}
	}
}

// TestIsSlideshow: numbered slides, not fractions or dates.
func TestIsSlideshow(t *testing.T) {
	items := func(f func(i int) string) string {
		s := "<ul>"
		for i := 1; i <= 5; i++ {
			s += "<li>" + f(i) + " text of the item</li>"
		}
		return s + "</ul>"
	}
	tests := []struct {
		name, in string
		want     bool
	}{
		{"slides", items(func(i int) string { return `<h2><span class="counter">` + strconv.Itoa(i) + `/5</span> Title</h2>` }), true},
		{"slides with of", items(func(i int) string { return strconv.Itoa(i) + " of 5" }), true},
		{"dates", items(func(i int) string { return strconv.Itoa(i) + "/12" }), false},
		{"fractions", items(func(i int) string { return "1/" + strconv.Itoa(i+1) + " cup" }), false},
		{"plain list", items(func(i int) string { return "Step" }), false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		c := newCleaner(doc, Options{})
		c.measure()
		n := findFirst(c.body, func(*html.Node) bool { return true })
		if got := c.isSlideshow(n); got != tt.want {
			t.Errorf("%s: isSlideshow = %v, want %v", tt.name, got, tt.want)
		}
	}
}
