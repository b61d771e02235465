package clean

import (
	"slices"
	"strings"

	"golang.org/x/net/html/atom"
)

// rules.go: every word list, pattern and threshold the heuristics use, in
// one place. A change here that fixes a page should add that page (or a
// small page of the same shape) under testdata/.

// Tuning knobs.
const (
	// minParagraphChars: a text block shorter than this does not vote for
	// its ancestors when looking for the main content.
	minParagraphChars = 25
	// siblingScoreRatio: a sibling of the best candidate joins the article
	// when its score is at least this share of the best score.
	siblingScoreRatio = 0.2
	// minArticleChars: less article text than this means "no article".
	minArticleChars = 250
	// minArticleParagraphs: fewer real paragraphs than this (with little
	// text) means "no article".
	minArticleParagraphs = 2
	// maxTeaserRatio: a page whose best candidate is mostly short linked
	// teasers is a list page (home page, search results).
	maxTeaserRatio = 0.55
	// spamBioMinHits: at least this many bio-generator phrases make a spam
	// author bio.
	spamBioMinHits = 2
	// spamBioMinShare: and they must be this share of the text's sentences.
	spamBioMinShare = 0.5
	// linkBoxMaxPlain: a link-heavy box inside the article is taken out
	// only when its text outside links is shorter than this (a section
	// with a few sentences and a list of sources is content).
	linkBoxMaxPlain = 150
	// richTextChars: an element with this much paragraph text and little
	// link text is not taken out on a weak (class/tag) hint alone.
	richTextChars = 400
	// expandMinGain: climb to an ancestor when it adds at least this share
	// of the current article's paragraph text…
	expandMinGain = 0.5
	// expandMinShare: …and that added text is mostly paragraphs…
	expandMinShare = 0.5
	// expandMaxLinkDensity: …and stop climbing when what an ancestor adds
	// is more links than this.
	expandMaxLinkDensity = 0.35
	// guardShare: an element holding this share of the page's paragraph
	// text is never taken out on a weak hint.
	guardShare = 0.5
	// richTextMaxLinkDensity: see richTextChars.
	richTextMaxLinkDensity = 0.25
	// expandMaxDuplicate: stop climbing when this share of what an
	// ancestor adds repeats paragraphs already in (a hidden second copy).
	expandMaxDuplicate = 0.3
	// expandMaxTeasers: stop climbing when what an ancestor adds holds
	// this many headings that are links, and they are expandTeaserShare
	// of its headings (a stream of other stories under the article; a
	// guide whose sections link to their own pages has plain headings too).
	expandMaxTeasers  = 3
	expandTeaserShare = 0.75
	// A headline list (home page, search results): at least minTeasers
	// linked headings, little text per heading, links a good share of it.
	minTeasers           = 6
	maxTeaserChars       = 250
	minTeaserLinkDensity = 0.25
	// teaserCardMaxChars: under a related-links label, a box of cards of
	// other stories holds at most this much text per linked heading.
	teaserCardMaxChars = 600
	// maxTeaserCards: a box holding more text than this many cards is not
	// looked at as one.
	maxTeaserCards = 24
	// promoBoxMaxChars: a call-to-action box inside the article holds at
	// most this much text.
	promoBoxMaxChars = 300
	// Figures next to the article body inside the article element (the
	// lead image between headline and body): at most maxNearFigures on
	// each side, each with at most figureMaxCaption runes of caption.
	maxNearFigures   = 3
	figureMaxCaption = 300
	// sentenceMinPlain: a link whose block holds at least this many runes
	// of plain (unlinked) text besides it sits inside a sentence and is
	// never taken out on its own ("For up-to-date options, see our
	// <a>Recommended VPN Services</a>.").
	sentenceMinPlain = 30
	// hintWordsMaxChars: an inline element of at most this much text inside
	// a sentence is not taken out on an "other", ad or related class hint
	// (a glossary popup or affiliate link on a word); see hintInSentence.
	hintWordsMaxChars = 50
	// A list of at least slideshowMinSlides slides numbered "k/N" inside
	// an article with at least slideshowMinOutside characters of text
	// besides it is an embedded photo gallery, taken out.
	slideshowMinSlides  = 5
	slideshowMinOutside = 1000
	// outsideMainFactor: when the page has one <main> (or role=main)
	// holding paragraph text, candidates beside it (a disclaimer in the
	// footer area, a sidebar) score this share.
	outsideMainFactor = 0.5
	// faqMinChars: a FAQ beside the article joins it with at least this
	// much paragraph text (see reFAQLabel).
	faqMinChars = 200
	// slugMinWords: an id of this many words of letters is a slug of a
	// heading (an anchor), not a component name.
	slugMinWords = 5
	// maxDepth guards the recursive passes against pathological trees.
	maxDepth = 2000
)

// blockTags are elements that break the text flow (not <br>, which
// writeText spaces on its own).
var blockTags = newAtomSet(
	atom.Address, atom.Article, atom.Aside, atom.Blockquote,
	atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl,
	atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
	atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
	atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
	atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol,
	atom.P, atom.Pre, atom.Section, atom.Table, atom.Ul,
	atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead,
	atom.Tfoot, atom.Caption, atom.Body, atom.Html, atom.Summary,
	atom.Menu, atom.Center,
)

// textBlockTags make one Block each when they hold text and no other
// text block.
var textBlockTags = newAtomSet(
	atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
	atom.H6, atom.Li, atom.Blockquote, atom.Figcaption, atom.Pre,
	atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Caption,
)

// dropTags never hold visible article text; they go before anything else.
var dropTags = newAtomSet(
	atom.Script, atom.Style, atom.Noscript, atom.Template,
	atom.Link, atom.Meta, atom.Iframe, atom.Object, atom.Embed,
	atom.Applet, atom.Frame, atom.Frameset, atom.Svg,
	atom.Canvas, atom.Audio, atom.Video, atom.Source, atom.Track,
	atom.Param, atom.Base, atom.Input, atom.Textarea, atom.Select,
	atom.Button, atom.Option, atom.Dialog, atom.Map,
)

// MathML is content (formulas in a paper, a tutorial); it comes out as
// text (see render.math). Annotations (the TeX source, or HTML in
// annotation-xml) are dropped; mathTokens hold the symbols and get spaces
// around their text, so "ax²" reads "a x 2", not "ax2".
var (
	mathTokens = words(`mi mn mo ms mtext`)
	mathDrop   = words(`annotation annotation-xml`)
)

// Class/id hints. A class or id is split into words at "-", "_" and
// spaces; every run of up to four words, joined without separators, is
// looked up in these tables ("td-post-sharing" gives "td", "post",
// "sharing", "tdpost", "postsharing", …). The first table in
// hintTables order that has a match names the kind.
var (
	// WordPress #respond, comment forms, reply boxes: "comment-respond".
	hintCommentForm = words(`respond commentform replyform commentrespond leaveareply leaveacomment
		commentreply commentsreply addcomment postcomment`)
	// Comment threads and embeds: "comments-area", "disqus_thread".
	hintComments = words(`comment comments commentlist commentsarea commentarea commentssection
		commentsection commentswrap commentswrapper commentscontainer commentsblock commentsthread
		commentsbox disqus disqusthread discussion coral fbcomments livefyre viafoura talkstream
		remark42 commento`)
	// Author boxes; spam detection decides between spam-byline and other.
	hintAuthorBox = words(`authorbox authorbio authorinfo authordetails authordescription authorabout
		authorcard authorwrap authorprofile abouttheauthor aboutauthor postauthorbio entryauthor
		saboxplugin bylinebio biobox userbox writerbio`)
	hintCookie = words(`cookie cookies cookiebanner cookienotice cookieconsent cookielaw cookiebar
		consent gdpr onetrust cookiebot ccbanner ccwindow eucookie`)
	hintNewsletter = words(`newsletter subscribe subscription signup mailchimp mc4wp optin
		emailsignup emailcapture emailform mcembedsignup paywall regwall`)
	hintShare = words(`share shares sharing sharebar sharebuttons sharetools sharelinks sharebox
		shareicons sharethis social sociallinks socialicons socialmedia socialbuttons socialbar
		socialsharing sharedaddy addtoany a2akit addthis shareaholic printshare followus sociable stbtns`)
	// Related and promoted links: "related-posts", "more-stories", "taboola".
	hintRelated = words(`related relatedposts jprelatedposts yarpp crprelated morestories morenews
		morearticles morefrom morelikethis moreon readnext readmorestories readalso alsoread
		recommend recommended recommendation recommendations youmaylike youmayalsolike trending
		popular mostread mostpopular mostviewed taboola outbrain zergnet revcontent mgid
		postnavigation navlinks navprevious navnext prevnext pagination nextpost previouspost
		teaser teasers promo promoted promotion promos sponsored partnercontent paidcontent
		furtherreading seealso upnext whattoread`)
	hintAd = words(`ad ads adv advert adverts advertisement advertising adslot adunit adcontainer
		adwrapper adwrap adbox adblock adbanner adzone adspace adlabel adplaceholder adsbygoogle
		dfp gptad googlead bannerad sponsor sponsors affiliate commercial doubleclick nativead
		dfpad tdarec`)
	hintNavigation = words(`nav navbar navigation menu menus breadcrumb breadcrumbs breadcrumbtrail
		siteheader masthead sitefooter footer headermenu headernav headertop headerbar topbar
		skiplink screenreadertext sronly visuallyhidden tags taglist posttags entrytags catlinks
		tagslinks categories toolbar sitenav mainnav mobilemenu offcanvas hamburger pager
		printonly hiddenprint toc tableofcontents eztoc eztoccontainer lwptoc rankmathtoc tocwrapper jumplinks`)
	hintOther = words(`testimonial testimonials wpmtst btn button buttons cta calltoaction wpblockbutton wpblockbuttons sidebar widgetarea rail rightrail leftrail aside modal popup overlay
		lightbox tooltip appromo login signin register donate donation rating ratings reactions
		emoji feedback survey poll authoravatar avatar metadata postmeta entrymeta byline
		dateline timestamp disclaimer copyright footnotead jumplink toctoggle outdated`)
	// Positive hints: the article body is here. For these, camelCase
	// names are split into words too ("ArticleTextGroup").
	hintPositive = words(`article articlebody articlecontent articletext articlemain articlepage
		articledetail articleentry bodytext bodycopy bodycontent story storybody storycontent
		storytext entry entrycontent post postbody postcontent posttext postentry content
		maincontent main pagecontent text blog blogpost hentry single richtext prose paragraph
		markdown md sectioncontent tdpostcontent centrycontent caasbody`)
)

// hintByline: where the page shows the author ("byline", "posts-author").
var hintByline = words(`byline author authors authorname postauthor postsauthor entryauthor
	writer articleauthor contributor reporter creator metaauthor storybyline cbyline`)

// hintFigure: a box holding an image and its caption ("story-visual",
// "wp-caption", "featured-image"); hintCaption: the caption inside it.
var hintFigure = words(`figure caption image img photo picture media visual thumbnail hero featured featuredimage postthumbnail`)
var hintCaption = words(`caption figcaption credit imagecaption photocaption`)

// hintBylineName: the name part inside a byline box ("author-name").
var hintBylineName = words(`authorname bylinename name authortitle bylineauthor`)

// hintCTA: button-like links ("btn-primary", "cta-button").
var hintCTA = words(`btn button cta calltoaction`)

// hintTables is the order kinds are tried in.
var hintTables = []struct {
	kind  Kind
	words map[string]bool
}{
	{KindCommentForm, hintCommentForm},
	{KindComments, hintComments},
	{kindAuthorBox, hintAuthorBox},
	{KindCookieBanner, hintCookie},
	{KindNewsletter, hintNewsletter},
	{KindShare, hintShare},
	{KindRelatedLinks, hintRelated},
	{KindAd, hintAd},
	{KindNavigation, hintNavigation},
	{KindOther, hintOther},
}

// kindAuthorBox is an internal marker: an author box, spam or not.
const kindAuthorBox Kind = "author-box"

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
		hintGramFilter.add(w)
	}
	return m
}

// hintGramFilter holds the first byte and length of every word of every
// words table: a class-name gram that fails it is in none of them and is
// not looked up (map look-ups hash in software in WASM).
var hintGramFilter gramFilter

// gramFilter: bit len%64 of entry b is set when a word of that length
// starts with byte b.
type gramFilter [256]uint64

func (f *gramFilter) add(w string) {
	if w != "" {
		f[w[0]] |= 1 << (len(w) & 63)
	}
}

// may is false when no word added has g's first byte and length.
func (f *gramFilter) may(g []byte) bool {
	return len(g) > 0 && f[g[0]]&(1<<(len(g)&63)) != 0
}

// Text patterns for whole short blocks.
var (
	// Labels of related-link boxes and inline promos ("More like this",
	// "You may also like", "READ MORE:", "ALSO READ").
	reRelatedLabel = gate(`(?i)^(more (like this|stories|news|articles|from|on this|to read|in)|related( (posts?|articles?|stories|news|content|links|coverage|reading|topics))?|((other|more|similar) (posts|articles|stories|recipes|guides|reads) )?you (may|might) (also )?(like|enjoy|be interested)|(other|more|similar) ([\p{L}]+ )?(posts|articles|stories|columns|recipes|guides|reads|news|videos|reviews)|read (next|more|also)|also read|see also|recommended( for you| stories| reading| articles)?|trending( now| stories| news)?|don'?t miss|do not miss|most (popular|read|viewed|shared)|popular (posts|stories|articles|now)|latest (news|posts|stories|articles)|recent (posts|articles|stories)|further reading|up next|what to read next|keep reading|in other news|in case you missed it|top stories|editor'?s picks?|sponsored( content| stories| links)?|promoted( stories| content)?|from our partners|around the web|you may have missed|explore more|more in|related video|watch next)\b`)
	// A paragraph that is only a cross-link: "READ MORE: Headline".
	reInlinePromo     = gate(`(?i)^\s*(read more|also read|read also|more|related|see also|read next|recommended|must read|don'?t miss|click here|related article|related story|related news|related coverage|more from|watch|listen|opinion|also see|further reading|related links|trending|sponsored|latest|more on this|more on)\s*[:|»›\-–—>]+`)
	reAdLabel         = gate(`(?i)^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|sponsor this newsletter|in partnership with|article continues below( this (ad|advertisement))?|story continues below( advertisement)?|continue reading below|content continues below|scroll to continue( with content)?|paid content|anzeige|publicité|werbung|publicidad|pubblicità|reklama)\W*$`)
	reShareLabel      = gate(`(?i)^(share( (this|post|article|story|on|via|the article))?|share this (post|article|story|page)|sharing is caring|spread the word|tweet|pin it|email|print|copy link|follow us( on)?|like us on facebook|share on (facebook|twitter|x|linkedin|whatsapp|email)|share your (story|thoughts|experience|feedback)|pin (this|it) for later|pin for later|save (this|it) for later|stay connected( with (me|us))?|follow (us|me)( on [\p{L} ]{1,20})?|follow [\p{L}' ]{1,30} on (facebook|twitter|instagram|x|social media|pinterest|youtube|tiktok|linkedin)[\p{L}, ]*|like us on facebook)\W*$`)
	reCommentFormText = phrase(`(?i)(please enter your (comment|name|email|e-mail)|you have entered an incorrect email|leave a (reply|comment)|post comment|save my name, email|your email address will not be published|required fields are marked|cancel reply|logged in as|you must be logged in to post a comment|add a comment|join the discussion|comments are closed)`)
	reNewsletterText  = phrase(`(?i)(sign up (for|to) (our|the) .*newsletter|subscribe to (our|my) |subscribe to the .*newsletter|get (our|the) .*newsletter|enter your email|delivered to your inbox|newsletter sign ?up|by signing up, you agree|join (our|my) (mailing|email) list|get updates from this|please check your inbox|subscribe (here|now|today)\b)`)
	reCookieText      = phrase(`(?i)(we use cookies|this (web)?site uses cookies|by continuing to (use|browse)|accept (all )?cookies|cookie (policy|settings))`)
	// Affiliate and editorial disclosures: "We may earn commission from links on this page".
	reDisclosure = phrase(`(?i)((earn|receive|get)s? (us )?(a |an )?(small |affiliate )?(commission|compensation)|affiliate links?|reader-supported|chosen independently|advertis(er|ing) (disclosure|policy)|editorial (policy|note|guidelines)|we (only )?recommend products|paid partnership|this (post|article) (may )?contains? affiliate)`)
	// A line that is only a date or a reading time: "Posted: 2 days ago", "4 min read".
	reDateline = gate(`(?i)^((posted|published|updated|last updated|modified|date)( on)?:?\s*)?(` + dateAlt + `)?[\s,.|•·–—-]*(at )?(\d{1,2}:\d{2}\s*(am|pm)?( [a-z]{2,4})?)?[\s,.|•·–—-]*(\d+ min(ute)?s?( read)?)?[\s,.|•·–—-]*$`)
	// Credits, copyright lines, bylines and loading placeholders that sit
	// in the body: "Image Source: Mises Institute", "Copyright © 2023 …",
	// "Written by Cassidy Horton", "Page 1 of 8", "Loading paragraph...",
	// "Loading prices for your region…".
	reBoilerplateLine = gate(`(?i)^((getty images|shutterstock|istock|alamy|adobe stock|unsplash|ap photo)\b.{0,40}$|(featured? |header |cover |lead |top )?(image|photo|picture|photograph)s?( credits?| source)?\s*(:|by\b)|(photo|image) credits?\b|credits?:|copyright\b|©|\(c\) \d{4}|all rights reserved|(written|posted|published|reviewed|edited|fact[- ]checked) by \S+( \S+){0,4}( (at|on) .*)?$|page \d+ of \d+$|loading( paragraph| content| comments)?(\.\.\.|…)?$|loading [\p{L} ]{1,40}(\.\.\.|…)$|advertisement:|.*\((sponsored|advertisement|ad)\)$)`)
	// The heading of a FAQ: "FAQ", "FAQs", "Frequently Asked Questions".
	reFAQLabel = gate(`(?i)^((\p{L}+ )?faqs?|(\p{L}+ )?frequently asked questions|common questions|questions and answers|q ?& ?a)\b`)
	// Labels of a table of contents: "Table of Contents", "In this article", "Jump to".
	reTOCLabel = gate(`(?i)^(table of contents?|contents|in this (article|post|guide|page)|on this page|jump to( section)?|skip to( section)?|quick links|article contents|toc)\W*$`)
	// Paywall and donation notices: "This article is exclusive to STAT+
	// subscribers", "This story is funded by readers like you".
	reSupportNotice = phrase(`(?i)(exclusive to .{0,30}subscribers|subscribe to (continue|keep) reading|already a (subscriber|member)\?|log ?in to (continue|read)|(funded|supported|made possible) by readers|support (our|independent|local) journalism|become a (member|subscriber|patron|supporter)|(donate|give) (now|today)|make a (donation|contribution)|how was this (issue|newsletter|email)|unsubscribe)`)
	// Invitations to follow the site on social networks: "Follow us on
	// Instagram", "Follow A Farmgirl's Kitchen on Pinterest", "Join the
	// Facebook group". A named account must be capitalised ("follow the
	// race on YouTube" is a sentence of the article).
	reSocialFollow = phrase(`(?i:\b(follow|like) (us|me)\b.{0,20}\bon (facebook|twitter|x|instagram|pinterest|youtube|tiktok|linkedin|threads|bluesky|mastodon|social media))|\b(?i:follow) [A-Z][\p{L}'’]*( [A-Z][\p{L}'’]*){0,3} (?i:on (facebook|twitter|instagram|pinterest|youtube|tiktok|linkedin|threads|bluesky|mastodon))\b|(?i:\bjoin (the|our) (facebook|linkedin|discord|slack|telegram|whatsapp|reddit) (group|community|server|channel|page))`)
	// Site notes under an article: "The views expressed on … are not
	// necessarily those of …", "Please take a moment to leave a star rating".
	reSiteNote = phrase(`(?i)((views|opinions) expressed (on|in|here|by).{0,80}?\b(are|do) not necessarily|leave a (star )?rating|rate this recipe)`)
	// An "updated" line under the article: "Last updated March 3, 2025
	// by Erik Demaine." (a page footer, not part of the text).
	reUpdatedLine = gate(`(?i)^(last )?(updated|modified)( on)?:?\s*(` + dateAlt + `)\b`)
	// The name of a newsletter standing alone: "Tech World With Milan
	// Newsletter", "The Morning Newsletter:".
	reNewsletterLabel = gate(`(?i)^[\p{L}\d'’&,. -]{0,50}\bnewsletters?\W*$`)
	// A heading that is only a call to action: "Register", "CONTACT US",
	// "Get the FREE eBook!", "Request a Free Consultation".
	reCTAHeading = gate(`(?i)^(contact( us)?|register( now)?|get in touch|sign up( now)?|subscribe( now)?|join us|donate( now)?|apply now|(get|download|grab|claim|request|book|schedule) (the |your |a |an |our )?free( [\p{L}\d'’-]+){1,6})\W*$`)
	// Calls to action that are a lone link or button: "Buy on Amazon", "Start free trial".
	reCTA = gate(`(?i)^(buy|shop|order|check (the )?price|see (the )?price|view (the )?(deal|price|offer)|get (it|the deal|started|a quote|a demo|a free)|start( (your|a|the))? (free )?(trial|now|today|learning)|try (it )?(now|for free|free)|learn more|read more|find out more|book (a|your|now|today)|schedule (a|your)|request (a|your)|sign up|subscribe|download|contact( us)?|get in touch|join|register|apply now|call (us|now)|enroll|donate)\b`)
)

// dateAlt matches one written date: "March 3, 2025", "3rd March 2025",
// "2025-03-03", "03/03/2025", "2 days ago".
const dateAlt = `(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d+ (second|minute|hour|day|week|month|year)s? ago`

// A cheap check run before reBoilerplateLine: every match of it starts
// with one of these (lower case) or ends in ")". The unanchored text
// patterns wrapped in phrase() need no such list: their required phrases
// are read from the patterns themselves (gate.go).
var (
	boilerplatePrefixes = []string{"getty images", "shutterstock", "istock", "alamy", "adobe stock", "unsplash", "ap photo", "feature", "header ", "cover ", "lead ", "top ", "image", "photo", "picture", "credit", "copyright", "©", "(c) ", "all rights reserved", "written by", "posted by", "published by", "reviewed by", "edited by", "fact", "page ", "loading", "advertisement:"}
)

// Bio-generator vocabulary: the nouns that close a sentence of an
// auto-generated author bio ("Wannabe pop culture fanatic. Zombie
// advocate."). Detection looks for runs of short sentences ending in one
// of these, not for known sentences.
var spamBioNouns = map[string]bool{
	"fanatic": true, "advocate": true, "evangelist": true, "guru": true, "ninja": true,
	"buff": true, "aficionado": true, "junkie": true, "maven": true, "scholar": true,
	"nerd": true, "specialist": true, "expert": true, "fan": true, "lover": true,
	"enthusiast": true, "practitioner": true, "trailblazer": true, "geek": true,
	"webaholic": true, "addict": true, "devotee": true, "pioneer": true, "fanatico": true,
	"thinker": true, "creator": true, "communicator": true, "introvert": true,
	"explorer": true, "gamer": true, "student": true, "entrepreneur": true,
	"alcoholaholic": true, "organizer": true, "troublemaker": true, "analyst": true,
	"writer": true, "reader": true, "problem solver": true, "solver": true,
	"zombieaholic": true, "beeraholic": true, "coffeeaholic": true, "baconaholic": true,
	"foodaholic": true, "tvaholic": true, "musicaholic": true, "internetaholic": true,
	"twitteraholic": true, "travelaholic": true, "fanatics": true, "champion": true,
	"wizard": true, "hipster": true, "aholic": true, "holic": true, "master": true,
	"obsessive": true, "connoisseur": true, "supporter": true, "lot": true,
}

// spamBioModifiers open such sentences ("Typical", "Hardcore", "Certified").
var spamBioModifiers = map[string]bool{
	"wannabe": true, "typical": true, "hardcore": true, "extreme": true, "certified": true,
	"professional": true, "friendly": true, "unapologetic": true, "incurable": true,
	"devoted": true, "proud": true, "lifelong": true, "total": true, "evil": true,
	"award-winning": true, "passionate": true, "infuriatingly": true, "amateur": true,
	"avid": true, "general": true, "subtly": true, "charming": true, "humble": true,
	"freelance": true, "falls": true, "hipster-friendly": true, "tv": true, "web": true,
	"internet": true, "twitter": true, "social": true, "pop": true, "culture": true,
	"music": true, "beer": true, "coffee": true, "bacon": true, "food": true, "travel": true,
	"zombie": true, "alcohol": true, "analyst": true, "student": true, "thinker": true,
	"reader": true, "writer": true, "explorer": true, "gamer": true, "organizer": true,
	"communicator": true, "creator": true, "entrepreneur": true, "introvert": true,
	"troublemaker": true, "problem": true, "solver": true, "media": true, "pop-culture": true,
	"friend": true, "of": true, "animals": true, "everywhere": true, "lover": true,
	"unable": true, "to": true, "type": true, "with": true, "boxing": true, "gloves": true,
	"on": true, "down": true, "a": true, "lot": true, "student.": true, "infuriating": true,
	"devoted.": true, "explorer.": true, "award": true, "winning": true, "hardcore.": true,
}

// atomSet is a set of elements, looked up by binary search: a map keyed by
// atom hashes every look-up, in software in WASM, and these sets are read
// for nearly every node of the page.
type atomSet []atom.Atom

func newAtomSet(as ...atom.Atom) atomSet {
	s := atomSet(slices.Clone(as))
	slices.Sort(s)
	return slices.Compact(s)
}

// has reports whether a is in the set.
func (s atomSet) has(a atom.Atom) bool {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case s[m] == a:
			return true
		case s[m] < a:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}
