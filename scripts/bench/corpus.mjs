// Pages for the benchmark: the two shared corpora (read in place, never
// copied) and synthetic pages of chosen sizes, generated here at run time.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

/** The shared material beside the checkout (or $SAYWHO_SHARED), or null. */
export function sharedDir(root) {
  const dir = process.env.SAYWHO_SHARED || resolve(root, '..', 'shared');
  return existsSync(join(dir, 'corpus')) ? dir : null;
}

/** n items spread evenly over the list (all of them when n is 0 or large). */
export function evenlySpaced(list, n) {
  if (!n || n >= list.length) return list.slice();
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

/**
 * The corpus pages, each {corpus, id, path, url}; limit = pages per corpus.
 * The Go benchmark (internal/engine/bench_corpus_test.go) picks the same ones.
 */
export function listPages(shared, limit) {
  const rdir = join(shared, 'corpus', 'readability');
  const readability = readdirSync(rdir)
    .filter((d) => existsSync(join(rdir, d, 'source.html')))
    .map((d) => ({ corpus: 'readability', id: d, path: join(rdir, d, 'source.html'), url: 'http://fakehost/test/page.html' }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)); // the order of Go's filepath.Glob
  const wdir = join(shared, 'corpus', 'wcxb-dev-articles', 'html');
  const wcxb = readdirSync(wdir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ corpus: 'wcxb', id: f.replace(/\.html\.gz$/, ''), path: join(wdir, f), url: 'https://news.example/article' }));
  return [...evenlySpaced(readability, limit), ...evenlySpaced(wcxb, limit)];
}

/** The page's bytes (gunzipped). */
export function readPage(page) {
  const raw = readFileSync(page.path);
  return page.path.endsWith('.gz') ? gunzipSync(raw) : raw;
}

// ---- synthetic pages -------------------------------------------------------
// A WordPress-like news page: header and menu, an article of reported
// speech, then the usual junk (share bar, related stories, author bio,
// comment thread, comment form, footer). To reach a size the article body and
// the junk grow together, so the share of junk stays realistic.

const PARAGRAPHS = [
  'The council voted seven to two on Tuesday night to close the east ramp of the harbour bridge for fourteen months while crews replace its corroded bearings.',
  '“We cannot keep patching a structure that was designed for half the traffic it carries today,” said Marisol Okafor, the city’s mayor, after the vote.',
  'Engineers first flagged the bearings in an inspection two years ago. A follow-up report, released in March, found that water had reached the steel in four of the six supports.',
  'Business owners on Quay Street said the closure would cost them customers. “Half of my lunch trade comes over that bridge,” said Tomas Reyes, who runs a café beside the ramp.',
  'According to the transport department, buses will be rerouted along Mill Road and a temporary ferry will run every twenty minutes during peak hours.',
  'Councillor Priya Natarajan, who voted against the plan, told reporters the city had known about the problem for years and had chosen to wait. “This is the bill for that delay,” she said.',
  'The work is expected to cost 38 million dollars, about a third of which will come from a regional infrastructure grant awarded last autumn.',
  'Residents can comment on the detour plan at two public meetings next month, the first at the library on Harbour Avenue and the second online.',
];

const JUNK = [
  '<div class="share-bar"><span>Share post:</span><a href="/share/fb">Facebook</a><a href="/share/x">X</a><a href="/share/mail">Email</a></div>',
  '<aside class="related"><h3>More like this</h3><ul><li><a href="/news/1">Ferry timetable changes from Monday</a></li><li><a href="/news/2">Library extends opening hours</a></li><li><a href="/news/3">Storm warning for the coast tonight</a></li></ul></aside>',
  '<div class="author-bio"><img src="/img/avatar.png" alt=""><p>Zombie advocate. Typical travel buff. Coffee junkie. Internet scholar.</p></div>',
  '<div class="ad-slot"><span>Advertisement</span><a href="https://ads.example/click"><img src="/img/banner.jpg" alt="Sale"></a></div>',
  '<li class="comment"><div class="comment-author">reader42</div><p>Finally. That ramp has been falling apart for years, I drive over it every day.</p><a class="reply" href="#respond">Reply</a></li>',
  '<nav class="menu"><ul><li><a href="/local">Local</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>',
];

function head(title) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} - Lakeside Courier</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Lakeside Courier">
<meta name="author" content="Dana Whitfield"><meta property="article:published_time" content="2026-03-14T08:30:00Z">
<link rel="stylesheet" href="/style.css"><style>.menu{display:flex}.share-bar a{margin:0 4px}</style></head>`;
}

/** A synthetic news page of about `bytes` bytes (UTF-8). */
export function syntheticPage(bytes) {
  const title = 'Harbour bridge ramp to close for fourteen months';
  const top = `${head(title)}<body class="post-template"><header class="site-header"><a href="/" class="logo">Lakeside Courier</a>${JUNK[5]}</header>
<main><article class="post"><h1 class="entry-title">${title}</h1><p class="byline">By <a href="/author/dana">Dana Whitfield</a> · March 14, 2026</p><div class="entry-content">`;
  const mid = `</div></article><section id="comments"><h3>Comments</h3><ol class="comment-list">`;
  const bottom = `</ol><div id="respond"><h3>Leave a Reply</h3><form><textarea placeholder="Please enter your comment!"></textarea><input name="author" placeholder="Name"><button>Post Comment</button></form></div></section></main>
<footer class="site-footer">${JUNK[5]}<p>© 2026 Lakeside Courier</p></footer></body></html>`;
  const article = [];
  const junk = [];
  let size = Buffer.byteLength(top + mid + bottom);
  for (let i = 0; size < bytes; i++) {
    // about 45% article text, 55% junk, as on a typical news page
    if (i % 9 < 4) {
      const p = `<p>${PARAGRAPHS[i % PARAGRAPHS.length]}${i >= PARAGRAPHS.length ? ` (update ${i})` : ''}</p>`;
      article.push(p);
      size += Buffer.byteLength(p);
      if (i % 36 === 17) {
        const j = JUNK[(i >> 2) % 4];
        article.push(j);
        size += j.length;
      }
    } else {
      const j = JUNK[4].replace('reader42', `reader${i}`);
      junk.push(j);
      size += j.length;
    }
  }
  return Buffer.from(top + article.join('\n') + mid + junk.join('\n') + bottom);
}

/** The sizes of the linearity table. */
export const SYNTHETIC_SIZES = [10e3, 30e3, 100e3, 300e3, 1e6, 2e6, 5e6, 10e6];
