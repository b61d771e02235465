package clean

import (
	"regexp"

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
	// maxLinkDensityBlock: a block whose linked text is more than this share
	// of its text, and which is short, is treated as a link list.
	maxLinkDensityBlock = 0.5
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
	// richTextChars: an element with this much paragraph text and little
	// link text is not taken out on a weak (class/tag) hint alone.
	richTextChars = 400
	// expandMinGain: climb to an ancestor when it adds at least this share
	// of the current article's paragraph text…
	expandMinGain = 0.3
	// expandMinShare: …and that added text is mostly paragraphs…
	expandMinShare = 0.5
	// expandMaxLinkDensity: …and stop climbing when what an ancestor adds
	// is more links than this.
	expandMaxLinkDensity = 0.35
	// maxDepth guards the recursive passes against pathological trees.
	maxDepth = 2000
)

// blockTags are elements that break the text flow.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Caption: true, atom.Body: true, atom.Html: true, atom.Summary: true,
	atom.Menu: true, atom.Center: true, atom.Br: false,
}

// textBlockTags make one Block each when they hold text and no other
// text block.
var textBlockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Figcaption: true, atom.Pre: true,
	atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true, atom.Caption: true,
}

// dropTags never hold visible article text; they go before anything else.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Link: true, atom.Meta: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Applet: true, atom.Frame: true, atom.Frameset: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Source: true, atom.Track: true,
	atom.Param: true, atom.Base: true, atom.Input: true, atom.Textarea: true, atom.Select: true,
	atom.Button: true, atom.Option: true, atom.Dialog: true, atom.Map: true,
}

// Class/id hints. Each is matched against "class id" lower-cased. The
// first pattern that matches names the kind (see hintKind); order matters.
var (
	// WordPress #respond, comment-form, reply boxes: "comment-respond".
	reCommentForm = regexp.MustCompile(`(^|[\s_-])(respond|comment-?form|commentform|reply-?form|comment-respond|leave-?a-?(reply|comment)|comments?-?reply|add-?comment|post-?comment)([\s_-]|$)`)
	// Comment threads and embeds: "comments-area", "disqus_thread".
	reComments = regexp.MustCompile(`(^|[\s_-])(comments?|commentlist|comment-?list|comments?-?(area|section|wrap|wrapper|container|block|thread|box)|disqus(_thread)?|discussion|coral|fb-comments|livefyre|viafoura|talk-?stream|remark42|commento)([\s_-]|$)`)
	// Auto-generated or real author boxes; spam detection decides the kind.
	reAuthorBox = regexp.MustCompile(`(^|[\s_-])(author-?(box|bio|info|details|description|about|card|wrap|profile)|about-?(the-?)?author|post-?author-?bio|entry-?author|saboxplugin|byline-?bio|bio-?box|userbox|writer-?bio)([\s_-]|$)`)
	// Related and promoted links: "related-posts", "more-stories", "taboola".
	reRelated    = regexp.MustCompile(`(^|[\s_-])(related|relatedposts|related-?(posts?|articles?|stories|content|links?|news|items?)|jp-relatedposts|yarpp|crp_related|more-?(stories|news|articles|from|like-?this|on)|read-?(next|more-?stories|also)|also-?read|recommend(ed|ations?)?|you-?may-?(also-?)?like|trending|popular|most-?(read|popular|viewed)|taboola|outbrain|zergnet|revcontent|mgid|post-?navigation|nav-?links|nav-?previous|nav-?next|prev-?next|pagination|next-?post|previous-?post|teasers?|promo(ted|tion|s)?|sponsored|partner-?content|paid-?content|further-?reading|see-?also|up-?next|what-?to-?read)([\s_-]|$)`)
	reShare      = regexp.MustCompile(`(^|[\s_-])(share|shares|sharing|share-?(bar|buttons?|tools?|links?|box|icons?|this)|social|social-?(share|links?|icons?|media|buttons?|bar|sharing)|sharedaddy|addtoany|a2a_kit|addthis|shareaholic|sharethis|print-?share|follow-?us|sociable|st-?btns)([\s_-]|$)`)
	reNewsletter = regexp.MustCompile(`(^|[\s_-])(newsletter|subscribe|subscription|signup|sign-?up|mailchimp|mc4wp|optin|opt-?in|email-?(signup|capture|form)|mc_embed_signup|paywall|regwall)([\s_-]|$)`)
	reAd         = regexp.MustCompile(`(^|[\s_-])(ad|ads|adv|advert|adverts|advertisement|advertising|ad-?(slot|unit|container|wrapper|wrap|box|block|banner|zone|space|label|placeholder)|adsbygoogle|dfp|gpt-?ad|google-?ad|banner-?ad|sponsor|sponsors|affiliate|commercial|doubleclick|native-?ad|dfp-?ad|td-a-rec)([\s_-]|$)`)
	reCookie     = regexp.MustCompile(`(^|[\s_-])(cookie|cookies|cookie-?(banner|notice|consent|law|bar)|consent|gdpr|cmp|onetrust|cookiebot|cc-?banner|cc-?window|eu-?cookie)([\s_-]|$)`)
	reNavigation = regexp.MustCompile(`(^|[\s_-])(nav|navbar|navigation|menu|menus|breadcrumbs?|breadcrumb-?trail|site-?header|masthead|site-?footer|footer|header-?(menu|nav|top|bar)|top-?bar|topbar|skip-?link|screen-?reader-?text|sr-only|visually-?hidden|tags|tag-?list|post-?tags|entry-?tags|cat-?links|tags-?links|categories|toolbar|site-?nav|main-?nav|mobile-?menu|offcanvas|off-?canvas|hamburger|pager|print-?only|hidden-?print)([\s_-]|$)`)
	reOther      = regexp.MustCompile(`(^|[\s_-])(sidebar|side-?bar|widget-?area|widget_[a-z_]+|secondary|rail|right-?rail|left-?rail|aside|modal|popup|pop-?up|overlay|lightbox|tooltip|app-?promo|login|signin|sign-?in|register|donate|donation|rating|ratings|reactions|emoji|feedback|survey|poll|author-?avatar|avatar|meta-?data|post-?meta|entry-?meta|byline|dateline|timestamp|disclaimer|copyright|footnote-?ad|jump-?link|toc-?toggle|outdated)([\s_-]|$)`)
	// Positive hints: the article body is here.
	rePositive = regexp.MustCompile(`(^|[\s_-])(article|articlebody|article-?(body|content|text|main|page|detail|entry)|body-?(text|copy|content)|story|story-?(body|content|text)|entry|entry-?content|post|post-?(body|content|text|entry)|content|main-?content|main|page-?content|text|blog|blog-?post|hentry|single|rich-?text|richtext|prose|paragraph|markdown|md|section-?content|td-post-content|c-entry-content|caas-body|article__body|article__content|story__body|l-container)([\s_-]|$)`)
)

// Text patterns for whole short blocks.
var (
	// Labels of related-link boxes and inline promos ("More like this",
	// "You may also like", "READ MORE:", "ALSO READ").
	reRelatedLabel = regexp.MustCompile(`(?i)^(more (like this|stories|news|articles|from|on this|to read|in)|related( (posts?|articles?|stories|news|content|links|coverage|reading|topics))?|you (may|might) (also )?(like|enjoy|be interested)|read (next|more|also)|also read|see also|recommended( for you| stories| reading| articles)?|trending( now| stories| news)?|don'?t miss|do not miss|most (popular|read|viewed|shared)|popular (posts|stories|articles|now)|latest (news|posts|stories|articles)|recent (posts|articles|stories)|further reading|up next|what to read next|keep reading|in other news|in case you missed it|top stories|editor'?s picks?|sponsored( content| stories| links)?|promoted( stories| content)?|from our partners|around the web|you may have missed|explore more|more in|related video|watch next)\b`)
	// A paragraph that is only a cross-link: "READ MORE: Headline".
	reInlinePromo     = regexp.MustCompile(`(?i)^\s*(read more|also read|read also|more|related|see also|read next|recommended|must read|don'?t miss|click here|related article|related story|related news|related coverage|more from|watch|listen|opinion|also see|further reading|related links|trending|sponsored|latest|more on this|more on)\s*[:|»›\-–—>]+`)
	reAdLabel         = regexp.MustCompile(`(?i)^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|article continues below( this (ad|advertisement))?|story continues below( advertisement)?|continue reading below|content continues below|scroll to continue( with content)?|paid content|anzeige|publicité|werbung|publicidad|pubblicità|reklama)\W*$`)
	reShareLabel      = regexp.MustCompile(`(?i)^(share( (this|post|article|story|on|via|the article))?|share this (post|article|story|page)|sharing is caring|spread the word|tweet|pin it|email|print|copy link|follow us( on)?|like us on facebook|share on (facebook|twitter|x|linkedin|whatsapp|email))\W*$`)
	reCommentFormText = regexp.MustCompile(`(?i)(please enter your (comment|name|email|e-mail)|you have entered an incorrect email|leave a (reply|comment)|post comment|save my name, email|your email address will not be published|required fields are marked|cancel reply|logged in as|you must be logged in to post a comment|add a comment|join the discussion|comments are closed)`)
	reNewsletterText  = regexp.MustCompile(`(?i)(sign up (for|to) (our|the) .*newsletter|subscribe to (our|the) .*newsletter|get (our|the) .*newsletter|enter your email|delivered to your inbox|newsletter sign ?up|by signing up, you agree)`)
	reCookieText      = regexp.MustCompile(`(?i)(we use cookies|this (web)?site uses cookies|by continuing to (use|browse)|accept (all )?cookies|cookie (policy|settings))`)
	reNoArticle       = regexp.MustCompile(`(?i)^(search results|page not found|404|nothing found|no results)`)
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
