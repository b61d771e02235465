// Shared machinery for the end-to-end tests: a local web server, launching
// real Chromium and Firefox with the built extension, reaching into the
// reader's closed shadow root, and the "browser missing" policy.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(ROOT, 'dist/unpacked');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
const SAMPLE = path.join(ROOT, 'testdata/sample/harbor-bridge.html');
const PAGES = path.join(ROOT, 'tests/e2e/pages');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Decides whether a browser test can run. A missing browser or a missing
 * build fails the test under CI=true; locally the test is skipped with a loud
 * message (never silently counted as a pass).
 * @returns {string|null} the reason to skip, or null to run
 */
export function missingPrerequisite(binary) {
  const problems = [];
  if (!fs.existsSync(binary)) problems.push(`browser not found at ${binary}`);
  if (!fs.existsSync(path.join(DIST, 'extension/engine/saywho.wasm'))) {
    problems.push('dist/unpacked has no engine: run `make build` first');
  }
  if (problems.length === 0) return null;
  const reason = problems.join('; ');
  if (process.env.CI === 'true') throw new Error(`e2e prerequisite missing under CI: ${reason}`);
  console.error(`\n!!! SKIPPING browser e2e test: ${reason}\n`);
  return reason;
}

let tooLarge = null;
/** An article padded past the engine's size cap (17 MiB of paragraphs). */
function tooLargePage() {
  if (!tooLarge) {
    const para = '<p>The council met again on Thursday to discuss the harbour, the bridge and the ferry timetable for the coming year.</p>\n';
    tooLarge = Buffer.from(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body><article><h1>Long page</h1>${para.repeat(Math.ceil((17 << 20) / para.length))}</article></body></html>`);
  }
  return tooLarge;
}

/** Serves the sample page and tests/e2e/pages on 127.0.0.1 at a random port. */
export async function startServer() {
  const routes = {
    '/harbor-bridge.html': { file: SAMPLE },
    // The same article behind a CSP that forbids WebAssembly (and inline
    // script) for the page and its content scripts.
    '/csp/harbor-bridge.html': { file: SAMPLE, headers: { 'Content-Security-Policy': "script-src 'self'; object-src 'none'" } },
    // ...and behind one that also forbids inline styles.
    '/csp-strict/harbor-bridge.html': { file: SAMPLE, headers: { 'Content-Security-Policy': "default-src 'self'; style-src 'self'; script-src 'self'" } },
    // A page over the engine's 16 MiB size cap, made on first request.
    '/generated/too-large.html': { body: () => tooLargePage() },
    // The sample's lead image, so screenshots show the figure.
    '/uploads/2026/03/harbor-bridge.png': { file: path.join(path.dirname(SAMPLE), 'harbor-bridge.png'), headers: { 'content-type': 'image/png' } },
  };
  // every path the server was asked for, in order: the privacy test reads it
  const log = [];
  const server = http.createServer((req, res) => {
    log.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    let route = routes[url.pathname];
    if (!route && url.pathname.startsWith('/pages/')) {
      const file = path.join(PAGES, path.basename(url.pathname));
      if (fs.existsSync(file)) route = { file };
    }
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(route.headers || {}) });
    res.end(route.body ? route.body() : fs.readFileSync(route.file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, log, close: () => new Promise((resolve) => server.close(resolve)) };
}

function tmpDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

// Launches a browser that runs from the temporary directory dir. Closing
// it, or a failed launch, removes dir, so test runs leave nothing behind
// in the system's temp directory.
async function launchFrom(dir, options) {
  let browser;
  try {
    browser = await puppeteer.launch(options);
  } catch (err) {
    removeDir(dir);
    throw err;
  }
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      removeDir(dir);
    }
  };
  return browser;
}

// Runs the steps that make a new browser ready; if one fails, the browser
// is closed before the error goes on.
async function setUp(browser, steps) {
  try {
    return await steps();
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Real Chromium with the product extension from dist/unpacked. */
export async function launchChromium({ lang = 'en-US' } = {}) {
  const profile = tmpDir('saywho-chromium-');
  const browser = await launchFrom(profile, {
    executablePath: CHROMIUM,
    pipe: true,
    env: { ...process.env, LANGUAGE: lang },
    args: [
      `--lang=${lang}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      // lets the test click the toolbar button over CDP (Extensions.triggerAction)
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  return setUp(browser, async () => {
    const extensions = await browser.extensions();
    const extension = [...extensions.values()].find((e) => e.path && path.resolve(e.path) === DIST) ??
      [...extensions.values()].find((e) => e.name.startsWith('SayWho'));
    if (!extension) throw new Error('SayWho extension did not load in Chromium');
    // The first toolbar click right after start-up must find the background
    // listening: wait until its service worker runs.
    await browser.waitForTarget((target) => target.type() === 'service_worker' &&
      target.url().startsWith(`chrome-extension://${extension.id}/`), { timeout: 15000 });
    return { browser, extension, profile };
  });
}

/**
 * Firefox cannot click an extension's toolbar button from WebDriver BiDi, and
 * activeTab is granted only by that click. The Firefox test therefore loads a
 * test copy of dist/unpacked whose manifest adds host access to
 * http://127.0.0.1/* and a driver page; the driver page imports the
 * background's toggle module and calls toggleTab, the function the toolbar
 * click handler calls. It also keeps the last page HTML the content script
 * sent for the engine (takeSent). The product manifest is not changed.
 */
export function firefoxTestCopy() {
  const dir = tmpDir('saywho-firefox-ext-');
  fs.cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'test-driver.html'),
    '<!doctype html><meta charset="utf-8"><title>driver</title><script type="module" src="test-driver.js"></script>\n');
  fs.writeFileSync(path.join(dir, 'test-driver.js'), `
import './extension/shared/messages.js';
import './extension/shared/settings.js';
import { toggleTab } from './extension/background/toggle.js';
const api = globalThis.browser;
// The tab showing url. Tabs whose URL this copy may not see (browser pages)
// are found as the active tab the test brought to the front; their URL is
// filled in as a toolbar click would reveal it through activeTab.
async function findTab(url) {
  const tab = (await api.tabs.query({})).find((t) => t.url === url) ??
    (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (!tab) throw new Error('no tab with ' + url);
  return { ...tab, url: tab.url || url };
}
globalThis.toggleUrl = async (url) => toggleTab(await findTab(url), 'toggle');
globalThis.badgeOf = async (url) => {
  const tab = await findTab(url);
  return { badge: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
};
globalThis.setSync = (items) => api.storage.sync.set(items);
// The page HTML the content script sent the engine last: an extension page
// hears the content script's runtime messages too (it does not answer them).
let sent = null;
api.runtime.onMessage.addListener((msg) => {
  if (msg?.type === globalThis.SAYWHO_MESSAGES.CS_BG_PROCESS) sent = msg.html;
});
globalThis.takeSent = () => {
  const html = sent;
  sent = null;
  return html;
};
document.title = 'driver-ready';
`);
  return { dir, id: manifest.browser_specific_settings.gecko.id };
}

export const FIREFOX_UUID = '5a7e0000-5a7e-4000-8000-000000005a7e';

/** Real Firefox ESR with the test copy of the extension (see firefoxTestCopy). */
export async function launchFirefox({ beforeInstall } = {}) {
  const copy = firefoxTestCopy();
  const browser = await launchFrom(copy.dir, {
    browser: 'firefox',
    executablePath: FIREFOX,
    defaultViewport: null, // puppeteer's viewport call needs a newer BiDi; see setViewport
    extraPrefsFirefox: {
      // a fixed internal UUID so the test can open the driver page
      'extensions.webextensions.uuids': JSON.stringify({ [copy.id]: FIREFOX_UUID }),
    },
  });
  return setUp(browser, async () => {
    const early = beforeInstall ? await beforeInstall(browser) : undefined;
    await browser.installExtension(copy.dir);
    return { browser, copy, early };
  });
}

/** Opens the Firefox driver page; returns a function toggling the tab at url. */
export async function firefoxDriver(browser) {
  const driver = await browser.newPage();
  // The moz-extension page replaces the initial about:blank in another
  // process; puppeteer reports the old frame as detached, the page still works.
  driver.goto(`moz-extension://${FIREFOX_UUID}/test-driver.html`).catch(() => {});
  const deadline = Date.now() + 15000;
  for (;;) {
    const title = await driver.evaluate(() => document.title).catch(() => '');
    if (title === 'driver-ready') break;
    if (Date.now() > deadline) throw new Error('Firefox test driver page did not load');
    await sleep(100);
  }
  return {
    page: driver,
    toggle: (url) => driver.evaluate((u) => globalThis.toggleUrl(u), url),
    badge: (url) => driver.evaluate((u) => globalThis.badgeOf(u), url),
    setSync: (items) => driver.evaluate((i) => globalThis.setSync(i), items),
    takeSent: () => driver.evaluate(() => globalThis.takeSent()),
  };
}

/**
 * Sets the page's viewport size. Firefox ESR lacks a BiDi command that
 * puppeteer's setViewport sends, so there the plain BiDi command is used.
 */
export async function setViewport(page, width, height) {
  const context = page.mainFrame().browsingContext;
  if (!context) {
    await page.setViewport({ width, height });
    return;
  }
  await context.userContext.browser.session.send('browsingContext.setViewport', {
    context: context.id,
    viewport: { width, height },
  });
}

// -------------------------------------------------------- closed shadow root

/**
 * Runs fn(shadowRoot, ...args) in the page against the reader's closed
 * shadow root and returns its JSON-serialisable result, or null when the
 * reader is not open. Chromium: CDP can resolve closed shadow roots.
 * Firefox: WebDriver BiDi serialises closed shadow roots with
 * includeShadowTree: "all".
 */
export function inReader(page, fn, ...args) {
  return inShadow(page, 'html > saywho-reader', fn, ...args);
}

/** Like inReader, for the closed shadow root of the first element matching hostSelector. */
export async function inShadow(page, hostSelector, fn, ...args) {
  const wrapped = `function (root, argsJson) { return Promise.resolve((${fn.toString()})(root, ...JSON.parse(argsJson))).then((v) => JSON.stringify(v === undefined ? null : v)); }`;
  const argsJson = JSON.stringify(args);
  const frame = page.mainFrame();
  const find = `document.querySelector(${JSON.stringify(hostSelector)})`;
  if (frame.browsingContext) return bidiInShadow(frame.browsingContext, find, wrapped, argsJson);
  return cdpInShadow(page, find, wrapped, argsJson);
}

const cdpSessions = new WeakMap();

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function cdpInShadow(page, find, wrapped, argsJson) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    cdpSessions.set(page, cdp);
  }
  const run = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: find });
    if (!result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const r = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (argsJson) { return (${wrapped})(this, argsJson); }`,
      arguments: [{ value: argsJson }],
      returnByValue: true,
      awaitPromise: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => {});
    if (r.exceptionDetails) throw new Error(`in reader: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return JSON.parse(r.result.value);
  };
  return withTimeout(run(), 10000, 'reading the reader over CDP');
}

async function bidiInShadow(context, find, wrapped, argsJson) {
  const session = context.userContext.browser.session;
  const target = { context: context.id };
  const found = await session.send('script.evaluate', {
    expression: find,
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const host = found.result.result;
  const shadowId = host?.value?.shadowRoot?.sharedId;
  if (host?.type !== 'node' || !shadowId) return null;
  const r = await session.send('script.callFunction', {
    functionDeclaration: wrapped,
    arguments: [{ sharedId: shadowId }, { type: 'string', value: argsJson }],
    target,
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (r.result.type === 'exception') throw new Error(`in reader: ${r.result.exceptionDetails?.text}`);
  return JSON.parse(r.result.result.value);
}
// (BiDi calls are bounded by puppeteer's protocol timeout.)

/** Waits until check(shadowRoot) returns a truthy value; returns it. */
export async function waitInReader(page, check, { timeout = 20000, args = [] } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await inReader(page, check, ...args).catch((err) => `error: ${err.message}`);
    if (last && !(typeof last === 'string' && last.startsWith('error:'))) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting in reader (last: ${JSON.stringify(last)})`);
    await sleep(100);
  }
}

/** The page as a test compares it: doctype + <html> markup, and the scroll position. */
export function pageSnapshot(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
  }));
}

/**
 * Starts recording what the content script sends the engine in Chromium:
 * a listener of the test's own, added in the background's service worker
 * (the product's listener answers). Returns a function giving the last
 * page HTML sent since, or null.
 * @param {import('puppeteer-core').WebWorker} worker
 */
export async function recordSentChromium(worker) {
  await worker.evaluate(() => {
    if (!('__sentPage' in globalThis)) {
      chrome.runtime.onMessage.addListener((msg) => {
        if (msg?.type === globalThis.SAYWHO_MESSAGES.CS_BG_PROCESS) globalThis.__sentPage = msg.html;
      });
    }
    globalThis.__sentPage = null;
  });
  return () => worker.evaluate(() => globalThis.__sentPage);
}

export function artifactPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
