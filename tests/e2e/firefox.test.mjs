// SayWho in real Firefox ESR. WebDriver BiDi cannot click an extension's
// toolbar button, and activeTab is granted only by that click, so this test
// loads a test copy of dist/unpacked with host access to http://127.0.0.1/*
// and a driver page that calls the background's toggleTab — the function the
// toolbar click handler calls (see lib/harness.mjs, firefoxTestCopy). The
// content script, the background engine and the UI are the product's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIREFOX, firefoxDriver, launchFirefox, missingPrerequisite, startServer } from './lib/harness.mjs';
import { articleFlow, cspFlow, engineErrorFlow, hostileFlow, hostilePayloadsFlow, inlineScriptsFlow, noArticleFlow, openPage, serializerFlow, settingsFlow, waitOpen } from './lib/flow.mjs';

const skip = missingPrerequisite(FIREFOX);
const env = { name: 'firefox' };

test('SayWho in Firefox', { skip: skip ?? false, timeout: 170_000 }, async (t) => {
  env.server = await startServer();
  // The article tab is opened before the extension is installed: injection
  // on demand must work on tabs that were already open.
  const launched = await launchFirefox({ beforeInstall: (browser) => openPage({ browser, server: env.server }, '/harbor-bridge.html') });
  env.browser = launched.browser;
  const driver = await firefoxDriver(env.browser);
  env.toggle = async (page) => {
    const state = await driver.toggle(page.url());
    await page.bringToFront();
    return state;
  };
  env.recordSent = async () => {
    await driver.takeSent(); // forget what was sent before
    return () => driver.takeSent();
  };
  t.after(async () => {
    await env.browser.close();
    await env.server.close();
  });

  await t.test('article (tab open before install): clean view, panel, highlight, exact restore',
    (tt) => articleFlow(env, tt, launched.early));
  await t.test('settings persist; screenshots', (tt) => settingsFlow(env, tt));
  await t.test('page CSP blocking WebAssembly', () => cspFlow(env));
  await t.test('hostile markup never runs', () => hostileFlow(env));
  await t.test('no payload of the hostile article runs', () => hostilePayloadsFlow(env));
  await t.test('script and style texts do not reach the engine; JSON-LD does', () => inlineScriptsFlow(env));
  await t.test('the serialiser gives the page with script and style texts and SVG content emptied', () => serializerFlow(env));
  await t.test('no article found', () => noArticleFlow(env));
  await t.test('an engine refusal is explained and the page left as it was', () => engineErrorFlow(env));

  await t.test('browser pages: the button explains it cannot work there', async () => {
    const page = await env.browser.newPage();
    await page.bringToFront(); // a new tab shows about:blank, off limits to extensions
    const url = page.url();
    assert.match(url, /^about:/);
    const result = await driver.toggle(url);
    assert.equal(result, 'protected');
    const state = await driver.badge(url);
    assert.equal(state.badge, '×');
    assert.match(state.title, /can't work on this page/);
    await page.close();
  });

  // The test copy holds host access to 127.0.0.1 — what the options page
  // requests for a site the user adds — so the background's per-site opening
  // can run for real here.
  await t.test('a site marked "always open" opens in reader view by itself', async () => {
    await driver.setSync({ autoSites: [env.server.base] });
    try {
      const page = await openPage(env, '/harbor-bridge.html');
      await waitOpen(page);
      await page.close();
    } finally {
      await driver.setSync({ autoSites: [] });
    }
  });
});
