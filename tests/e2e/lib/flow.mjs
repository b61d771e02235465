// The end-to-end scenarios, written once and run by chromium.test.mjs and
// firefox.test.mjs against a real browser. `env` supplies what differs:
//   env.name          "chromium" | "firefox"
//   env.browser       the puppeteer Browser
//   env.toggle(page)  does what a click on the toolbar button does for that tab
//   env.server        {base}
//   env.recordSent()  starts recording what the content script sends the
//                     engine; returns a function giving the last page HTML
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, artifactPath, inReader, inShadow, pageSnapshot, setViewport, sleep, waitInReader } from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

export async function openPage(env, path, viewport = DESKTOP) {
  const page = await env.browser.newPage();
  await setViewport(page, viewport.width, viewport.height);
  await page.goto(env.server.base + path, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

const readerOpen = (root) => Boolean(root.querySelector('.sw-title'));

export async function waitOpen(page) {
  try {
    await waitInReader(page, readerOpen, { timeout: 30000 });
  } catch (err) {
    const hosts = await page.evaluate(() => Array.from(document.querySelectorAll('saywho-reader, saywho-toast'), (e) => e.localName)).catch((e) => e.message);
    throw new Error(`${err.message}; hosts in page: ${JSON.stringify(hosts)}; url ${page.url()}`);
  }
}

export async function waitClosed(page) {
  const deadline = Date.now() + 10000;
  while (await page.evaluate(() => Boolean(document.querySelector('html > saywho-reader')))) {
    if (Date.now() > deadline) throw new Error('reader did not close');
    await sleep(50);
  }
}

/** Clicks an element inside the reader with the real mouse. */
export async function clickInReader(page, selector, index = 0) {
  const box = await inReader(page, (root, sel, i) => {
    const el = root.querySelectorAll(sel)[i];
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, selector, index);
  assert.ok(box, `nothing to click at ${selector}[${index}]`);
  await page.mouse.click(box.x, box.y);
}

/** Toggle on → check cleaning and the panel → click a statement → toggle off, page restored. */
export async function articleFlow(env, t, page = null) {
  page ??= await openPage(env, '/harbor-bridge.html');
  await page.evaluate(() => {
    window.scrollTo(0, 420);
    document.querySelector('.entry-content a').focus({ preventScroll: true });
  });
  const before = await pageSnapshot(page);
  assert.ok(before.scrollY > 0, 'the test page must be scrollable');

  await env.toggle(page);
  await waitOpen(page);

  await t.test('junk is gone from the reader view', async () => {
    const view = await inReader(page, (root) => ({
      article: root.querySelector('.sw-article').textContent,
      title: root.querySelector('.sw-title').textContent,
      byline: root.querySelector('.sw-byline')?.textContent ?? '',
      summary: root.querySelector('.sw-removed-summary').textContent,
      kinds: Array.from(root.querySelectorAll('.sw-removed-kind'), (d) => d.dataset.kind),
      focusInside: root.activeElement !== null,
      landmarks: ['main', 'aside', 'header'].map((s) => Boolean(root.querySelector(s))),
    }));
    assert.match(view.title, /Harbor Street bridge/);
    assert.match(view.byline, /Daniel Reyes/);
    assert.match(view.article, /voted 7-2 on Thursday night/);
    for (const junk of ['Leave a Reply', 'Please enter your comment', 'More like this', 'School board delays vote',
      'Certified coffee evangelist', 'Share post']) {
      assert.ok(!view.article.includes(junk), `"${junk}" is still in the reader view`);
    }
    for (const kind of ['comment-form', 'related-links', 'spam-byline']) {
      assert.ok(view.kinds.includes(kind), `removed blocks list no ${kind}`);
    }
    assert.match(view.summary, /comment form/);
    assert.match(view.summary, /related-link block/);
    assert.match(view.summary, /spam bio/);
    assert.ok(view.focusInside, 'focus was not moved into the reader');
    assert.deepEqual(view.landmarks, [true, true, true]);
  });

  await t.test('removed text can be read', async () => {
    await inReader(page, (root) => { root.querySelector('.sw-removed-kind[data-kind="spam-byline"] summary').click(); });
    const text = await inReader(page, (root) => {
      const d = root.querySelector('.sw-removed-kind[data-kind="spam-byline"]');
      return d.open ? d.textContent : '';
    });
    assert.match(text, /coffee evangelist/);
  });

  await t.test('the panel lists the main speaker', async () => {
    const speakers = await inReader(page, (root) => Array.from(root.querySelectorAll('.sw-speaker'), (li) => ({
      name: li.querySelector('.sw-name').textContent,
      count: li.querySelectorAll('.sw-statement').length,
      direct: li.querySelectorAll('.sw-direct q').length,
    })));
    const main = speakers.find((s) => s.name === 'Marisol Okafor');
    assert.ok(main, `Marisol Okafor not in ${JSON.stringify(speakers)}`);
    assert.ok(main.count >= 2, 'Okafor should have several statements');
    assert.ok(main.direct >= 1, 'direct quotes are shown in quote marks (<q>)');
  });

  await t.test('clicking a statement scrolls its sentence into view and highlights it', async () => {
    // a statement whose sentence is far down the article
    const index = await inReader(page, (root) => {
      const buttons = Array.from(root.querySelectorAll('.sw-speaker .sw-statement'));
      const i = buttons.findIndex((b) => /follow the work|something slips/i.test(b.textContent));
      return i >= 0 ? i : buttons.length - 1;
    });
    await inReader(page, (root) => { root.querySelector('.sw-scroll').scrollTop = 0; });
    const wanted = await inReader(page, (root, i) => root.querySelectorAll('.sw-speaker .sw-statement')[i].textContent, index);
    await clickInReader(page, '.sw-speaker .sw-statement', index);
    const hl = await waitInReader(page, (root) => {
      const marks = Array.from(root.querySelectorAll('.sw-article mark.sw-hl, .sw-article .sw-hl-block'));
      if (!marks.length) return null;
      const r = marks[0].getBoundingClientRect();
      const inView = r.top >= 0 && r.bottom <= innerHeight;
      return inView ? { text: marks.map((m) => m.textContent).join(''), scrolled: root.querySelector('.sw-scroll').scrollTop } : null;
    });
    assert.ok(hl.scrolled > 0, 'the article did not scroll');
    const words = wanted.replace(/^Reported\s*/i, '').replace(/[“”"]/g, '').split(/\s+/).filter((w) => w.length > 3).slice(0, 3);
    for (const w of words) assert.ok(hl.text.includes(w), `highlight "${hl.text}" lacks "${w}"`);
  });

  await t.test('statements work by keyboard alone', async () => {
    await inReader(page, (root) => root.querySelectorAll('.sw-speaker .sw-statement')[0].focus());
    await page.keyboard.press('Enter');
    const text = await waitInReader(page, (root) => root.querySelector('.sw-article mark.sw-hl')?.textContent);
    assert.match(text, /far side of the inlet/);
  });

  await t.test('toggling back restores the page exactly', async () => {
    await env.toggle(page);
    await waitClosed(page);
    const after = await pageSnapshot(page);
    assert.equal(after.html, before.html);
    assert.equal(after.scrollY, before.scrollY);
    assert.equal(after.scrollX, before.scrollX);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    assert.equal(focused, '/local/ferry-timetable-changes/', 'focus goes back where it was');
  });

  await t.test('Esc closes the reader too', async () => {
    await env.toggle(page);
    await waitOpen(page);
    await page.keyboard.press('Escape');
    await waitClosed(page);
    const after = await pageSnapshot(page);
    assert.equal(after.html, before.html);
    assert.equal(after.scrollY, before.scrollY);
  });
  await page.close();
}

/** A theme chosen in the reader persists across a reload; screenshots of all themes. */
export async function settingsFlow(env, t) {
  const page = await openPage(env, '/harbor-bridge.html');
  await env.toggle(page);
  await waitOpen(page);

  await t.test('a theme picked in the reader persists after reload', async () => {
    await clickInReader(page, 'button[aria-controls="sw-settings"]');
    await clickInReader(page, 'input[name="sw-theme"][value="sepia"]');
    const theme = await waitInReader(page, (root) => root.querySelector('.sw-app').dataset.theme === 'sepia' && 'sepia');
    assert.equal(theme, 'sepia');
    await page.keyboard.press('Escape'); // closes the settings popover first
    assert.ok(await inReader(page, (root) => root.querySelector('#sw-settings').hidden), 'Esc should close the settings first');
    await sleep(300); // storage.sync write
    await page.reload({ waitUntil: 'load' });
    await env.toggle(page);
    await waitOpen(page);
    const after = await inReader(page, (root) => ({
      theme: root.querySelector('.sw-app').dataset.theme,
      bg: getComputedStyle(root.querySelector('.sw-app')).backgroundColor,
    }));
    assert.equal(after.theme, 'sepia');
    assert.equal(after.bg, 'rgb(246, 239, 221)');
  });

  await t.test('screenshots: light, sepia, dark at desktop and phone width', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await setViewport(page, viewport.width, viewport.height);
      await sleep(150);
      const isPhone = viewport === PHONE;
      for (const theme of ['light', 'sepia', 'dark']) {
        await inReader(page, (root, th) => {
          const settings = root.querySelector('#sw-settings');
          if (settings.hidden) root.querySelector('button[aria-controls="sw-settings"]').click();
          root.querySelector(`input[name="sw-theme"][value="${th}"]`).click();
          root.querySelector('button[aria-controls="sw-settings"]').click();
        }, theme);
        await waitInReader(page, (root, th) => root.querySelector('.sw-app').dataset.theme === th, { args: [theme] });
        // the panel: open by default on desktop, a drawer opened by button on phones
        await inReader(page, (root) => {
          const panel = root.querySelector('#sw-panel');
          if (panel.hidden) root.querySelector('.sw-panel-toggle').click();
          root.querySelector('.sw-scroll').scrollTop = 0;
        });
        await sleep(250);
        const shape = await inReader(page, (root) => {
          const p = root.querySelector('#sw-panel').getBoundingClientRect();
          const s = root.querySelector('.sw-scroll');
          return { panelWidth: p.width, overflowX: s.scrollWidth - s.clientWidth, position: getComputedStyle(root.querySelector('#sw-panel')).position };
        });
        assert.ok(shape.panelWidth > 200, 'panel visible');
        assert.ok(shape.overflowX <= 1, `no horizontal scrolling at ${viewport.width}px`);
        if (isPhone) assert.equal(shape.position, 'absolute', 'on phones the panel is an overlay drawer');
        await page.screenshot({ path: artifactPath(`${env.name}-${theme}-${viewport.width}.png`) });
        if (isPhone) {
          await inReader(page, (root) => root.querySelector('.sw-panel-close').click());
          await page.screenshot({ path: artifactPath(`${env.name}-${theme}-${viewport.width}-article.png`) });
        }
      }
    }
    await setViewport(page, DESKTOP.width, DESKTOP.height);
  });

  // leave the default theme behind for the other scenarios
  await inReader(page, (root) => {
    root.querySelector('button[aria-controls="sw-settings"]').click();
    root.querySelector('input[name="sw-theme"][value="auto"]').click();
  });
  await sleep(200);
  await page.close();
}

/** The engine runs in the background, so a page CSP that blocks WebAssembly does not matter. */
export async function cspFlow(env) {
  const page = await openPage(env, '/csp/harbor-bridge.html');
  const pageWasm = await page.evaluate(async () => {
    try {
      await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return 'allowed';
    } catch (err) {
      return `blocked: ${err.message}`;
    }
  });
  assert.match(pageWasm, /^blocked/, 'the test page CSP should block WebAssembly in the page');
  await env.toggle(page);
  await waitOpen(page);
  const names = await inReader(page, (root) => Array.from(root.querySelectorAll('.sw-name'), (n) => n.textContent));
  assert.ok(names.includes('Marisol Okafor'), `speakers: ${names}`);
  await page.close();

  // A CSP without inline styles must not leave the reader unstyled.
  const strict = await openPage(env, '/csp-strict/harbor-bridge.html');
  const sheetsBefore = await strict.evaluate(() => document.adoptedStyleSheets.length);
  await env.toggle(strict);
  await waitOpen(strict);
  const look = await inReader(strict, (root) => {
    const app = getComputedStyle(root.querySelector('.sw-app'));
    return { position: app.position, display: app.display, panel: getComputedStyle(root.querySelector('.sw-statement')).borderRadius };
  });
  assert.deepEqual(look, { position: 'absolute', display: 'flex', panel: '8px' });
  assert.equal(await strict.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore + 1, 'print sheet adopted');
  await env.toggle(strict);
  await waitClosed(strict);
  assert.equal(await strict.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore, 'print sheet removed');
  await strict.close();
}

/** Hostile markup in the article and in a quote never runs. */
export async function hostileFlow(env) {
  const page = await openPage(env, '/pages/hostile.html');
  await sleep(300);
  // the original page runs its own script and iframe; from here on nothing may
  await page.evaluate(() => { window.__pwned.length = 0; });
  await env.toggle(page);
  await waitOpen(page);
  await sleep(800); // time for an onerror or a script to fire, if one could
  const view = await inReader(page, (root) => ({
    active: root.querySelectorAll('script, iframe, object, embed, [onerror], [onclick], [srcdoc], a[href^="javascript"]').length,
    statements: Array.from(root.querySelectorAll('.sw-statement'), (b) => ({ text: b.textContent, elements: b.querySelectorAll('img').length })),
  }));
  assert.deepEqual(await page.evaluate(() => window.__pwned), []);
  assert.equal(view.active, 0, 'active content reached the reader');
  const quote = view.statements.find((s) => s.text.includes('is not a fare'));
  assert.ok(quote, `statements: ${JSON.stringify(view.statements)}`);
  assert.ok(quote.text.includes('<img src=x'), 'markup in a quote is shown as text');
  assert.equal(quote.elements, 0);
  await page.close();
}

/**
 * The payload-stuffed article: the page's own payloads run when it loads
 * (they are meant to), but none of them may run again once the reader view
 * shows the engine's output.
 */
export async function hostilePayloadsFlow(env) {
  const page = await openPage(env, '/pages/hostile-payloads.html');
  await sleep(300);
  await page.evaluate(() => { window.__pwned.length = 0; document.title = 'before'; });
  await env.toggle(page);
  await waitOpen(page);
  await sleep(800);
  const active = await inReader(page, (root) => root.querySelectorAll('script, iframe, object, embed, base, meta, link, form, [srcdoc], [onerror], [onload], [onclick], a[href^="javascript"], [src^="javascript"]').length);
  assert.deepEqual(await page.evaluate(() => window.__pwned), []);
  assert.equal(await page.evaluate(() => document.title), 'before');
  assert.equal(active, 0, 'active content reached the reader');
  await page.close();
}

/**
 * In the page: the page as it would serialise with the text of every HTML
 * <script> (JSON-LD excepted) and <style> emptied, and every <svg> — what
 * the content script must send, computed the plain way. Empties them for
 * good: the page is closed afterwards.
 */
function emptiedPage() {
  for (const el of document.querySelectorAll('script, style')) {
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (el.localName === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '')) continue;
    el.textContent = '';
  }
  for (const svg of document.querySelectorAll('svg')) svg.replaceChildren();
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

/**
 * A page heavy with inline script, JSON state and style: the engine gets it
 * without their texts and its SVG content but with its JSON-LD, exactly as
 * the page would be
 * with those elements empty, the page never sees its scripts change, and
 * the reader shows the byline, date and site name that only the JSON-LD has.
 */
export async function inlineScriptsFlow(env) {
  const page = await openPage(env, '/pages/inline-scripts.html');
  assert.equal(await page.evaluate(() => window.__bundle?.ready), true, 'the page\'s own scripts ran');
  // the watcher has seen the parser add the scripts below it; from here on nothing may change
  await page.evaluate(() => { window.__scriptMutations.length = 0; });
  const before = await pageSnapshot(page);
  const takeSent = await env.recordSent();
  await env.toggle(page);
  await waitOpen(page);

  const view = await inReader(page, (root) => ({
    title: root.querySelector('.sw-title').textContent,
    site: root.querySelector('.sw-site').textContent,
    byline: root.querySelector('.sw-byline')?.textContent ?? '',
    date: root.querySelector('.sw-date')?.getAttribute('datetime') ?? '',
    article: root.querySelector('.sw-article').textContent,
    speakers: Array.from(root.querySelectorAll('.sw-name'), (n) => n.textContent),
  }));
  assert.equal(view.title, 'Northshore ferry returns after a winter without sailings');
  assert.equal(view.byline, 'Imogen Castellanos');
  assert.equal(view.site, 'Northshore Ledger');
  assert.match(view.date, /^2026-02-03/);
  assert.match(view.article, /first crossing of the year/);
  assert.match(view.article, /replace the older of its two boats/);
  assert.ok(view.speakers.includes('Harriet Okonkwo'), `speakers: ${view.speakers}`);

  const sent = await takeSent();
  assert.equal(typeof sent, 'string', 'no page HTML was recorded');
  for (const gone of ['BUNDLE-MARKER', 'STATE-MARKER', 'STYLE-MARKER', "window.__inline = 'same'", '__scriptMutations']) {
    assert.ok(!sent.includes(gone), `"${gone}" reached the engine`);
  }
  for (const kept of [
    '"name":"Imogen Castellanos"', // JSON-LD, type="Application/LD+JSON"
    '"@type":"BreadcrumbList"', // type="application/ld+json; charset=utf-8"
    '<script id="__NEXT_DATA__" type="application/json"></script>',
    '<script defer="" src="data:text/javascript,window.__deferred%3Dtrue"></script>',
    '<!-- Old tracking, kept for reference: <script>window.__track = (window.__track || 0) + 1; /* ANALYTICS */</script> -->',
    '<template id="card"><script>window.__fromTemplate = true;</script><p>card</p></template>',
    '<noscript><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="pixel"></noscript>',
    '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"></svg>', // its <style> and <path> cut
  ]) {
    assert.ok(sent.includes(kept), `"${kept}" is not in what the engine got`);
  }
  assert.ok(!sent.includes('.wave'), 'the SVG <style> reached the engine');
  // the bundle, the analytics, the page's watcher and the two identical inline scripts
  assert.equal(sent.match(/<script><\/script>/g)?.length, 5);
  assert.deepEqual(await page.evaluate(() => window.__scriptMutations), [], 'the page saw its scripts or styles change');

  await env.toggle(page);
  await waitClosed(page);
  assert.equal((await pageSnapshot(page)).html, before.html);
  assert.equal(sent, await page.evaluate(emptiedPage));
  await page.close();
}

/**
 * The content script's serialiser, run in the page itself on the e2e pages
 * (hostile markup included): exactly the page with its script and style
 * texts and SVG content emptied, JSON-LD kept.
 */
export async function serializerFlow(env) {
  const source = fs.readFileSync(path.join(DIST, 'extension/content/serialize.js'), 'utf8');
  for (const url of ['/harbor-bridge.html', '/pages/hostile.html', '/pages/hostile-payloads.html', '/pages/inline-scripts.html', '/pages/no-article.html']) {
    const page = await openPage(env, url);
    await page.evaluate(source);
    const { got, whole } = await page.evaluate(() => ({
      got: globalThis.SAYWHO_SERIALIZE.serializeDocument(),
      whole: document.documentElement.outerHTML,
    }));
    assert.equal(got, await page.evaluate(emptiedPage), url);
    if (url !== '/pages/no-article.html') assert.ok(got.length < whole.length, `${url}: nothing was cut`);
    await page.close();
  }
}

/**
 * An engine refusal (here: a page over the size cap) is a message in words
 * the user can read, and the page is left as it was.
 */
export async function engineErrorFlow(env) {
  const page = await openPage(env, '/generated/too-large.html');
  const before = await pageSnapshot(page);
  await env.toggle(page);
  const message = await waitToast(page);
  assert.match(message, /too large/i);
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('saywho-reader'))), false);
  const deadline = Date.now() + 15000;
  while (await page.evaluate(() => Boolean(document.querySelector('saywho-toast')))) {
    if (Date.now() > deadline) throw new Error('toast did not go away');
    await sleep(200);
  }
  assert.equal((await pageSnapshot(page)).html, before.html);
  await page.close();
}

/** No article: a message, and the page is left as it was. */
export async function noArticleFlow(env) {
  const page = await openPage(env, '/pages/no-article.html');
  const before = await pageSnapshot(page);
  await env.toggle(page);
  const message = await waitToast(page);
  assert.match(message, /No article found on this page/);
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('saywho-reader'))), false);
  // the toast goes away by itself; then the page is exactly as before
  const deadline = Date.now() + 10000;
  while (await page.evaluate(() => Boolean(document.querySelector('saywho-toast')))) {
    if (Date.now() > deadline) throw new Error('toast did not go away');
    await sleep(200);
  }
  assert.equal((await pageSnapshot(page)).html, before.html);
  await page.close();
}

/** Reads the text of the SayWho toast (closed shadow root) once it shows. */
async function waitToast(page) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const text = await inShadow(page, 'html > saywho-toast', (root) => root.querySelector('[role=status]')?.textContent ?? null)
      .catch(() => null);
    if (text && !/Preparing/.test(text)) return text;
    if (Date.now() > deadline) throw new Error('no toast');
    await sleep(100);
  }
}
