// The content script's serialiser without a browser: cutting script and
// style texts and SVG content out of serialised markup (spliceSegments),
// given the segments
// segmentsOf would list, and the JSON-LD test. What segmentsOf lists from a
// real DOM, and that the result equals the markup of the page with those
// elements emptied, is checked in real Chromium and Firefox
// (tests/e2e/lib/flow.mjs, inlineScriptsFlow).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../extension/content/serialize.js';

const { spliceSegments, cutSegment, isJSONLD } = globalThis.SAYWHO_SERIALIZE;

// ---- building pages and their segments the way the browser would ----------

/** An element whose text is cut: its markup, its segment, its markup when empty. */
function cut(tag, attrs, text) {
  return {
    markup: `<${tag}${attrs}>${text}</${tag}>`,
    segment: cutSegment(tag, text.length, (at, n) => text.substr(at, n)),
    emptied: `<${tag}${attrs}></${tag}>`,
  };
}

/** A node sent as it is and listed (a comment, a JSON-LD script, a template …). */
function kept(markup) {
  return { markup, segment: { markup }, emptied: markup };
}

/** Markup between the listed nodes: other elements' tags and escaped text. */
function plain(markup) {
  return { markup, emptied: markup };
}

/** The serialised page, the segments in document order, and the expected result. */
function page(...pieces) {
  return {
    html: pieces.map((p) => p.markup).join(''),
    segments: pieces.filter((p) => p.segment).map((p) => p.segment),
    want: pieces.map((p) => p.emptied).join(''),
  };
}

function check(p) {
  assert.equal(spliceSegments(p.html, p.segments), p.want);
}

// ---- the tests ----------------------------------------------------------------

test('script and style texts are cut, their elements and everything else kept', () => {
  const p = page(
    plain('<html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title>'),
    cut('style', '', 'body { color: #222 } a > b { margin: 0 }'),
    cut('script', ' src="/app.js" defer=""', ''),
    cut('script', '', 'window.dataLayer = window.dataLayer || []; dataLayer.push({event: "start"});'),
    cut('script', ' id="__NEXT_DATA__" type="application/json"', '{"props":{"pageProps":{"story":{"body":"<p>Long text</p>"}}}}'),
    plain('</head><body><article><h1>Headline</h1><p>Text &lt;b&gt; here.</p></article>'),
    cut('style', ' media="print"', '.nav{display:none}'),
    plain('</body></html>'),
  );
  check(p);
  assert.equal(p.want, '<html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title><style></style>' +
    '<script src="/app.js" defer=""></script><script></script><script id="__NEXT_DATA__" type="application/json"></script>' +
    '</head><body><article><h1>Headline</h1><p>Text &lt;b&gt; here.</p></article><style media="print"></style></body></html>');
});

test('JSON-LD scripts keep their text', () => {
  const jsonld = '{"@type":"NewsArticle","headline":"Bridge to close","author":{"name":"Ana Diaz"}}';
  const p = page(
    plain('<html><head>'),
    kept(`<script type="application/ld+json">${jsonld}</script>`),
    cut('script', '', 'var a = 1;'),
    kept(`<script type="application/LD+JSON; charset=utf-8">${jsonld}</script>`),
    plain('</head><body></body></html>'),
  );
  check(p);
  assert.equal((p.want.match(/"headline"/g) ?? []).length, 2);
  assert.ok(!p.want.includes('var a'));
});

test('isJSONLD is the engine\'s test: the type, lower-cased, holds "ld+json"', () => {
  for (const type of ['application/ld+json', 'application/LD+JSON', 'Application/Ld+Json; charset=utf-8',
    'application/ld+json;profile="http://schema.org"', ' application/ld+json ']) {
    assert.equal(isJSONLD(type), true, type);
  }
  for (const type of [null, '', 'text/javascript', 'module', 'application/json', 'application/ld json', 'text/x-template']) {
    assert.equal(isJSONLD(type), false, String(type));
  }
});

test('empty scripts are found and left as they are', () => {
  const p = page(
    plain('<html><head>'),
    cut('script', ' src="a.js"', ''),
    cut('script', ' src="b.js" async=""', ''),
    cut('style', '', ''),
    cut('script', '', 'track();'),
    plain('</head></html>'),
  );
  check(p);
  assert.equal(p.want, '<html><head><script src="a.js"></script><script src="b.js" async=""></script><style></style><script></script></head></html>');
});

test('identical scripts are each cut at their own place', () => {
  const same = 'googletag.cmd.push(function () { googletag.display("ad-slot"); });';
  const p = page(
    plain('<html><body><div id="a">'),
    cut('script', '', same),
    plain('</div><p>one</p><div id="b">'),
    cut('script', '', same),
    plain('</div><p>two</p>'),
    cut('script', '', same),
    plain('<p>three</p></body></html>'),
  );
  check(p);
  assert.equal(p.want, '<html><body><div id="a"><script></script></div><p>one</p><div id="b"><script></script></div><p>two</p><script></script><p>three</p></body></html>');
});

test('a copy of a script in an earlier comment, template or attribute is not cut', () => {
  const text = 'gtag("config", "UA-1234-5");';
  const p = page(
    plain('<html><head>'),
    kept(`<!-- old tracking: <script>${text}</script> -->`),
    kept(`<template><script>${text}</script></template>`),
    // attribute values escape "<" and ">", so only the text can recur there
    plain(`<meta name="x" content="${text.replace(/"/g, '&quot;')}">`),
    kept(`<noscript><script>${text}</script></noscript>`),
    cut('script', '', text),
    plain('</head></html>'),
  );
  check(p);
  assert.equal(p.want, '<html><head>' +
    `<!-- old tracking: <script>${text}</script> -->` +
    `<template><script>${text}</script></template>` +
    '<meta name="x" content="gtag(&quot;config&quot;, &quot;UA-1234-5&quot;);">' +
    `<noscript><script>${text}</script></noscript>` +
    '<script></script></head></html>');
});

test('a script text that holds markup or another script\'s text is cut whole', () => {
  const p = page(
    plain('<html><body>'),
    cut('script', '', 'document.write("<script src=\'x.js\'><\\/script>"); var t = "<!-- not a comment -->";'),
    cut('script', '', 'x.js'),
    cut('style', '', '/* <style> */ a::after { content: "</div>" }'),
    plain('</body></html>'),
  );
  check(p);
  assert.equal(p.want, '<html><body><script></script><script></script><style></style></body></html>');
});

test('</script> casing: the browser writes its end tag in lower case whatever the text holds', () => {
  // Only a script can put "</SCRIPT>" into a script's text; the serialiser
  // writes it as it is, then the element's own end tag.
  const p = page(plain('<html><body>'), cut('script', ' type="text/javascript"', 'var s = "</SCRIPT>";'), plain('</body></html>'));
  check(p);
  assert.equal(p.want, '<html><body><script type="text/javascript"></script></body></html>');
  // An element that is not followed by its own end tag where its text ends is not cut.
  const upper = '<html><body><SCRIPT>var s = 1;</SCRIPT></body></html>';
  assert.equal(spliceSegments(upper, [cut('script', '', 'var s = 1;').segment]), upper);
});

test('start tags of other elements that begin the same are passed over', () => {
  const p = page(
    plain('<html><body><script-loader data-x="1"></script-loader><styled-box>a</styled-box>'),
    cut('script', ' async=""', 'load();'),
    cut('style', '', 'p{}'),
    plain('</body></html>'),
  );
  check(p);
});

test('non-ASCII text: lengths count UTF-16 code units, as the DOM does', () => {
  const p = page(
    plain('<html lang="ja"><head><title>日本語 😀</title>'),
    cut('script', '', 'const s = "naïve — 日本語 😀 🇩🇪"; // ✓'),
    cut('style', '', '.q::before { content: "«" } .e::after { content: "😀" }'),
    plain('</head><body><p>Grüße 😀</p></body></html>'),
  );
  check(p);
  assert.equal(p.want, '<html lang="ja"><head><title>日本語 😀</title><script></script><style></style></head><body><p>Grüße 😀</p></body></html>');
});

test('long texts are checked at both ends before they are cut', () => {
  const body = 'x'.repeat(50_000);
  const p = page(plain('<html><body>'), cut('script', '', `/*start*/${body}/*end*/`), plain('</body></html>'));
  check(p);
  // the same length but other characters at the end: not this element's text
  const wrong = cutSegment('script', p.segments[0].length, (at, n) => `/*start*/${body}/*END*/`.substr(at, n));
  assert.equal(spliceSegments(p.html, [wrong]), p.html);
  // one character longer: its end tag is not where the text would end
  const longer = cutSegment('script', p.segments[0].length + 1, (at, n) => `/*start*/${body}/*end*/ `.substr(at, n));
  assert.equal(spliceSegments(p.html, [longer]), p.html);
});

test('the content of every <svg> is cut, its start tag kept', () => {
  const icon = '<title>Share on X</title><path d="M2 12c3-3 5 3 8 0"></path>';
  const p = page(
    plain('<html><body><header><a href="/share">'),
    cut('svg', ' width="24" height="24" aria-hidden="true"', icon),
    plain('</a></header><article><p>Text.</p>'),
    // SVG <style> and <script>, a comment, a nested <svg> and HTML in a
    // <foreignObject> are part of the outer drawing and go with it
    cut('svg', ' viewBox="0 0 10 10"', '<style>.a { fill: red }</style><!-- <svg> --><svg><circle r="2"></circle></svg>' +
      '<foreignObject><p>caption</p><script>x()</script></foreignObject><script>if (a < b) go();</script>'),
    cut('svg', '', ''),
    cut('script', '', 'after();'),
    plain('</article></body></html>'),
  );
  check(p);
  assert.equal(p.want, '<html><body><header><a href="/share"><svg width="24" height="24" aria-hidden="true"></svg></a></header>' +
    '<article><p>Text.</p><svg viewBox="0 0 10 10"></svg><svg></svg><script></script></article></body></html>');
});

test('an <svg> whose content is not where it should be is not cut', () => {
  const html = '<html><body><svg><path d="M0 0"></path></svg><script>a();</script></body></html>';
  const shorter = cutSegment('svg', 5, (at, n) => '<path'.substr(at, n));
  assert.equal(spliceSegments(html, [shorter, cut('script', '', 'a();').segment]), html);
  // <svg-icon> is another element: the search passes over it
  const custom = '<html><body><svg-icon data-name="x"></svg-icon><svg><g></g></svg></body></html>';
  assert.equal(spliceSegments(custom, [cut('svg', '', '<g></g>').segment]), '<html><body><svg-icon data-name="x"></svg-icon><svg></svg></body></html>');
});

test('a segment that is not found ends the cutting; the rest is left as it is', () => {
  const html = '<html><head><style>a{}</style><!-- x --><script>one();</script><script>two();</script></head></html>';
  const segments = [
    cut('style', '', 'a{}').segment,
    { markup: '<!-- y -->' }, // not in the page
    cut('script', '', 'one();').segment,
    cut('script', '', 'two();').segment,
  ];
  assert.equal(spliceSegments(html, segments), '<html><head><style></style><!-- x --><script>one();</script><script>two();</script></head></html>');
  // an element whose text is not in the page
  assert.equal(spliceSegments(html, [cut('script', '', 'three();').segment]), html);
  // nothing to look for
  assert.equal(spliceSegments(html, []), html);
});

test('random pages: every cut lands on its element', () => {
  // A small deterministic generator (mulberry32) of pages mixing the pieces
  // a news page has, with earlier copies of later scripts in comments,
  // templates and raw text.
  let seed = 0x5a7e;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const texts = ['', 'a();', 'track("page");', 'window.__STATE__ = {"a":[1,2,3],"b":"</div>"};', 'p > a { color: red }',
    '日本語 😀 “quoted”', 'x'.repeat(40), 'x'.repeat(41), '<!-- -->', 'if (a < b && c > d) {}'];
  for (let round = 0; round < 300; round++) {
    const pieces = [plain('<html><head>')];
    for (let i = 0, n = 1 + Math.floor(rand() * 12); i < n; i++) {
      const text = pick(texts);
      const attrs = pick(['', ' async=""', ' src="/a.js"', ' type="module"', ' data-x="&lt;script&gt;"']);
      switch (Math.floor(rand() * 9)) {
        case 0: pieces.push(kept(`<!--<script${attrs}>${text}</script>-->`)); break;
        case 1: pieces.push(kept(`<template><script${attrs}>${text}</script></template>`)); break;
        case 2: pieces.push(kept(`<script type="application/ld+json">${text}</script>`)); break;
        case 3: pieces.push(plain(`<p class="t">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)); break;
        case 4: pieces.push(cut('style', attrs, text)); break;
        case 5: pieces.push(cut('svg', ' role="img"', `<title>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title><script>${text}</script>`)); break;
        default: pieces.push(cut('script', attrs, text));
      }
    }
    pieces.push(plain('</head><body></body></html>'));
    check(page(...pieces));
  }
});
