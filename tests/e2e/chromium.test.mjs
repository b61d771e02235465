// SayWho in real Chromium. The toolbar button is clicked through CDP
// (Extensions.triggerAction, puppeteer's page.triggerExtensionAction), which
// runs the extension's action.onClicked handler with activeTab granted, the
// same as a user's click. The product extension from dist/unpacked is loaded
// unchanged.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CHROMIUM, artifactPath, inReader, launchChromium, missingPrerequisite, recordSentChromium, sleep, startServer, waitInReader } from './lib/harness.mjs';
import { articleFlow, cspFlow, engineErrorFlow, hostileFlow, hostilePayloadsFlow, inlineScriptsFlow, noArticleFlow, openPage, serializerFlow, settingsFlow, waitOpen } from './lib/flow.mjs';

const skip = missingPrerequisite(CHROMIUM);
const env = { name: 'chromium' };

test('SayWho in Chromium', { skip: skip ?? false, timeout: 170_000 }, async (t) => {
  env.server = await startServer();
  const launched = await launchChromium();
  env.browser = launched.browser;
  env.toggle = (page) => page.triggerExtensionAction(launched.extension);
  env.recordSent = async () => {
    const [worker] = await launched.extension.workers();
    assert.ok(worker, 'the background service worker is not running');
    return recordSentChromium(worker);
  };
  t.after(async () => {
    await env.browser.close();
    await env.server.close();
  });

  await t.test('article: clean view, panel, highlight, exact restore', (tt) => articleFlow(env, tt));
  await t.test('settings persist; screenshots', (tt) => settingsFlow(env, tt));
  await t.test('page CSP blocking WebAssembly', () => cspFlow(env));
  await t.test('hostile markup never runs', () => hostileFlow(env));
  await t.test('no payload of the hostile article runs', () => hostilePayloadsFlow(env));
  await t.test('script and style texts do not reach the engine; JSON-LD does', () => inlineScriptsFlow(env));
  await t.test('the serialiser gives the page with script and style texts and SVG content emptied', () => serializerFlow(env));
  await t.test('no article found', () => noArticleFlow(env));
  await t.test('an engine refusal is explained and the page left as it was', () => engineErrorFlow(env));

  await t.test('privacy: the extension makes no network requests of its own', async () => {
    // Watch the background service worker's network over CDP, and the page's.
    const sw = await env.browser.waitForTarget((target) => target.type() === 'service_worker' &&
      target.url().startsWith(`chrome-extension://${launched.extension.id}/`));
    const cdp = await sw.createCDPSession();
    const fromWorker = [];
    cdp.on('Network.requestWillBeSent', (e) => fromWorker.push(e.request.url));
    await cdp.send('Network.enable');
    const page = await openPage(env, '/harbor-bridge.html');
    await sleep(300);
    const fromPage = [];
    page.on('request', (r) => fromPage.push(r.url()));
    const served = env.server.log.length;
    await env.toggle(page);
    await waitOpen(page);
    await sleep(1000);
    // the only loads allowed are the article's own images, shown in the reader
    const images = await inReader(page, (root) => Array.from(root.querySelectorAll('img'), (i) => i.src));
    await env.toggle(page);
    await sleep(300);
    await cdp.detach();
    assert.deepEqual(fromWorker.filter((u) => /^(https?|wss?):/.test(u)), [], 'the background made network requests');
    const stray = fromPage.filter((u) => !images.includes(u) && !u.startsWith('data:'));
    assert.deepEqual(stray, [], 'the reader view loaded something other than the article\'s images');
    const asked = env.server.log.slice(served).filter((p) => !images.some((u) => new URL(u).pathname === p));
    assert.deepEqual(asked, [], 'the test server was asked for something other than the article\'s images');
    await page.close();
  });

  await t.test('browser pages: the button explains it cannot work there', async () => {
    const page = await env.browser.newPage();
    await page.goto('chrome://version');
    await env.toggle(page);
    const [worker] = await launched.extension.workers();
    assert.ok(worker, 'background service worker is running');
    let state;
    for (let i = 0; i < 50; i++) {
      state = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
      });
      if (state.badge) break;
      await sleep(100);
    }
    assert.equal(state.badge, '×');
    assert.match(state.title, /can't work on this page/);
    await page.close();
  });

  await t.test('system preferences: dark scheme and reduced motion', async () => {
    const page = await openPage(env, '/harbor-bridge.html');
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: 'dark' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await env.toggle(page);
    await waitOpen(page);
    const look = await inReader(page, (root) => ({
      theme: root.querySelector('.sw-app').dataset.theme,
      bg: getComputedStyle(root.querySelector('.sw-app')).backgroundColor,
      scroll: getComputedStyle(root.querySelector('.sw-scroll')).scrollBehavior,
    }));
    assert.deepEqual(look, { theme: 'auto', bg: 'rgb(23, 24, 28)', scroll: 'auto' });
    await page.close();
  });

  await t.test('printing prints the article, not the page', async () => {
    const page = await openPage(env, '/harbor-bridge.html');
    await env.toggle(page);
    await waitOpen(page);
    await page.emulateMediaType('print');
    const styles = await page.evaluate(() => ({
      body: getComputedStyle(document.body).display,
      host: getComputedStyle(document.querySelector('saywho-reader')).position,
    }));
    assert.deepEqual(styles, { body: 'none', host: 'static' });
    const bar = await inReader(page, (root) => getComputedStyle(root.querySelector('.sw-bar')).display);
    assert.equal(bar, 'none');
    await page.pdf({ path: artifactPath('chromium-print.pdf'), format: 'A4' });
    await page.emulateMediaType(null);
    await page.close();
  });

  await t.test('"always open this site" leads to the options page with the site filled in', async () => {
    const page = await openPage(env, '/harbor-bridge.html');
    await env.toggle(page);
    await waitOpen(page);
    const opened = env.browser.waitForTarget((target) => target.url().includes('/extension/options/options.html#add='), { timeout: 10000 });
    await inReader(page, (root) => {
      root.querySelector('button[aria-controls="sw-settings"]').click();
      root.querySelector('#sw-settings .sw-link').click();
    });
    const target = await opened;
    const options = await target.page();
    await options.bringToFront();
    await options.waitForFunction(() => document.getElementById('site').value !== '');
    assert.equal(await options.$eval('#site', (i) => i.value), new URL(env.server.base).origin);
    await options.close();
    await page.close();
  });

  await t.test('options page changes reach an open reader', async () => {
    const page = await openPage(env, '/harbor-bridge.html');
    await env.toggle(page);
    await waitOpen(page);
    const options = await env.browser.newPage();
    await options.goto(`chrome-extension://${launched.extension.id}/extension/options/options.html`);
    assert.equal(await options.$eval('h1', (h) => h.textContent), 'SayWho settings');
    await options.click('input[name="font"][value="sans"]');
    await page.bringToFront();
    const font = await waitInReader(page, (root) => root.querySelector('.sw-app').dataset.font === 'sans' && 'sans');
    assert.equal(font, 'sans');
    await options.bringToFront(); // input to a background tab never completes
    await options.click('input[name="font"][value="serif"]');
    await options.close();
    await page.close();
  });

  await t.test('German browser: German reader', async () => {
    const de = await launchChromium({ lang: 'de' });
    try {
      const page = await openPage({ ...env, browser: de.browser }, '/harbor-bridge.html');
      await page.triggerExtensionAction(de.extension);
      await waitOpen(page);
      const ui = await inReader(page, (root) => ({
        panel: root.querySelector('#sw-panel-title').textContent,
        removed: root.querySelector('.sw-removed h2').textContent,
        date: root.querySelector('.sw-date').textContent,
        lang: root.querySelector('.sw-app').lang,
      }));
      assert.deepEqual(ui, { panel: 'Wer sagte was', removed: 'Was entfernt wurde', date: '14. März 2026', lang: 'de' });
    } finally {
      await de.browser.close();
    }
  });
});
