// Readability.js and SayWho side by side in headless Chromium, on the same
// pages in the same browser. Run by scripts/bench.mjs in a child process:
//
//   node scripts/bench/chromium.mjs EXT_DIR PAGES.json COLD_N
//
// Pages are served from 127.0.0.1 with their scripts stripped and a CSP that
// forbids scripts; every other host resolves to nothing, so no page fetches
// anything from the network. For each page, once it has loaded, in this
// order, each timed step after the page has painted and been left idle for
// a moment (settle), so that it does not share the CPU with painting:
//   readability  new Readability(document.cloneNode(true)).parse() in the
//                page, timed in the page (first run, then a second run);
//   sw           the engine alone inside the extension's service worker:
//                globalThis.saywho.process(UTF-8 of the serialised page)
//                plus JSON.parse, timed in the worker (warm);
//   e2e          the toolbar action, as a click: serialise → message →
//                engine → render, timed from the trigger until the reader's
//                host element is in the page and a frame has run (warm).
//                On the first page it goes before sw: the first toggle of
//                a new browser.
// Then COLD_N pages get a cold first toggle: every service worker stopped
// (CDP ServiceWorker.stopAllWorkers) before the click, so the worker starts,
// compiles and instantiates the WASM and runs its first call.
// Prints one JSON object per line.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { readPage } from './corpus.mjs';

const [extDir, pagesFile, coldArg] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
const coldN = Number(coldArg ?? 0);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const require = createRequire(import.meta.url);
const readabilitySrc = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
// the content script's serialiser, so that the engine rows get what the extension sends
const serializerSrc = readFileSync(join(extDir, 'extension/content/serialize.js'), 'utf8');

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// ---- the page server -------------------------------------------------------

/** The page without scripts, refreshes or base-less surprises. */
function stripScripts(buf) {
  return buf.toString('latin1') // byte-preserving: the browser sniffs the charset
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '')
    .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
}

function serve() {
  const server = createServer((req, res) => {
    const m = /^\/p\/(\d+)\//.exec(req.url);
    const page = m && pages[Number(m[1])];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-security-policy': "script-src 'none'; connect-src 'none'; frame-src 'none'; worker-src 'none'; object-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(Buffer.from(stripScripts(readPage(page)), 'latin1'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- the browser ------------------------------------------------------------

async function launch(profile) {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [extDir],
    userDataDir: profile,
    args: [...CHROMIUM_FLAGS, '--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

async function extensionWorker(browser, extId) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extId}/`),
    { timeout: 20000 },
  );
  return target.worker();
}

// In the page: resolves when the reader host is appended (state "open"), or
// when a toast other than the loading one shows (no article, error); then
// waits one animation frame. Times are epoch milliseconds.
function watchReader() {
  globalThis.__swBench = new Promise((resolve) => {
    let toasts = 0;
    const done = (state) => {
      const at = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => resolve({ state, at, painted: performance.timeOrigin + performance.now() }));
    };
    new MutationObserver((records, obs) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          const tag = n.nodeName.toLowerCase();
          if (tag === 'saywho-reader') {
            obs.disconnect();
            done('open');
            return;
          }
          if (tag === 'saywho-toast' && ++toasts === 2) {
            obs.disconnect();
            done('toast');
            return;
          }
        }
      }
    }).observe(document.documentElement, { childList: true });
  });
}

async function toggleTimed(page, extension) {
  await page.evaluate(watchReader);
  const t0 = performance.timeOrigin + performance.now();
  await page.triggerExtensionAction(extension);
  const r = await Promise.race([
    page.evaluate(() => globalThis.__swBench),
    new Promise((resolve) => setTimeout(() => resolve({ state: 'timeout' }), Number(process.env.BENCH_TOGGLE_TIMEOUT || 30000))),
  ]);
  if (r.state === 'timeout') return { e2eMs: null, e2eState: 'timeout' };
  return { e2eMs: r.painted - t0, e2eInsertMs: r.at - t0, e2eState: r.state };
}

// How long the page is left idle before a timed step, after two frames:
// a page just loaded (or a reader just opened) is still being painted, and
// on a machine with few cores that work would be timed with the step.
const SETTLE_MS = 100;

/** Waits until the page has painted twice and then SETTLE_MS more. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** The page as the content script sends it (extension/content/serialize.js). */
async function serializeInPage(page) {
  await page.evaluate(serializerSrc);
  return page.evaluate(() => globalThis.SAYWHO_SERIALIZE.serializeDocument());
}

function readabilityInPage() {
  const t0 = performance.now();
  const a = new globalThis.Readability(document.cloneNode(true)).parse();
  const t1 = performance.now();
  new globalThis.Readability(document.cloneNode(true)).parse();
  const t2 = performance.now();
  return { readMs: t1 - t0, readMs2: t2 - t1, readFound: !!a };
}

// In the worker: the engine the background made (globalThis.saywho is the
// bridge's global), or one made here the same way if no toggle ran yet.
async function engineInWorker(html, url) {
  if (!globalThis.saywho) {
    const go = new globalThis.Go();
    const wasm = fetch(chrome.runtime.getURL('extension/engine/saywho.wasm'));
    const { instance } = await WebAssembly.instantiateStreaming(wasm, go.importObject);
    go.run(instance);
  }
  const t0 = performance.now();
  const bytes = new TextEncoder().encode(html);
  const r = globalThis.saywho.process(bytes, { url });
  const res = r.json !== undefined ? JSON.parse(r.json) : null;
  return { swMs: performance.now() - t0, swFound: res ? res.found : null, swError: r.error, swBytes: bytes.length };
}

async function main() {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'saywho-bench-profile-'));
  const browser = await launch(profile);
  try {
    out({ kind: 'setup', chromium: await browser.version() });
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20000 });
    const extensions = await browser.extensions();
    const extension = [...extensions.values()].find((e) => e.path === extDir || e.name === 'SayWho') ?? [...extensions.values()][0];
    if (!extension) throw new Error('the extension did not load');
    let worker = await extensionWorker(browser, extension.id);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const warmup = Math.min(3, pages.length);
    for (let i = 0; i < pages.length + warmup; i++) {
      const idx = i < warmup ? i : i - warmup;
      const p = pages[idx];
      const row = { kind: i === 0 ? 'first' : i < warmup ? 'warmup' : 'page', corpus: p.corpus, id: p.id };
      try {
        await page.goto(`${base}/p/${idx}/`, { waitUntil: 'load', timeout: 30000 });
        await page.evaluate(readabilitySrc);
        await settle(page);
        Object.assign(row, await page.evaluate(readabilityInPage));
        const html = await serializeInPage(page);
        row.bytes = Buffer.byteLength(html);
        // On the very first page the toggle goes first: it is the first
        // toggle of a new browser (worker running, engine not yet made).
        // Otherwise the engine alone goes before the toggle, so that it does
        // not share the CPU with the reader view still being painted.
        if (i === 0) Object.assign(row, await toggleTimed(page, extension));
        await settle(page);
        Object.assign(row, await worker.evaluate(engineInWorker, html, p.url));
        if (i !== 0) Object.assign(row, await toggleTimed(page, extension));
      } catch (err) {
        row.error = String(err?.message ?? err).slice(0, 300);
      }
      out(row);
      if (i >= warmup && (i - warmup + 1) % 100 === 0) console.error(`[bench] chromium: ${i - warmup + 1}/${pages.length} pages`);
    }

    // Cold first toggles: stop the worker, then click. A worker session held
    // open by the benchmark keeps the worker from restarting on the click:
    // close it first (puppeteer's close() of a service worker also stops it).
    await worker.close().catch(() => {});
    worker = null;
    const session = await page.createCDPSession();
    await session.send('ServiceWorker.enable');
    const coldPages = pickCold(pages, coldN);
    for (const idx of coldPages) {
      const p = pages[idx];
      const row = { kind: 'cold', corpus: p.corpus, id: p.id };
      try {
        await page.goto(`${base}/p/${idx}/`, { waitUntil: 'load', timeout: 30000 });
        row.bytes = Buffer.byteLength(await serializeInPage(page));
        await stopWorkers(session);
        Object.assign(row, await toggleTimed(page, extension));
        if (process.env.BENCH_DEBUG) {
          row.targets = browser.targets().map((t) => `${t.type()} ${t.url().slice(0, 50)}`);
          row.children = await page.evaluate(() => [...document.documentElement.children].map((e) => e.tagName));
        }
      } catch (err) {
        row.error = String(err?.message ?? err).slice(0, 300);
      }
      out(row);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Stops every service worker and waits until the extension's is reported
 * stopped (a click while it is still stopping can be lost).
 */
async function stopWorkers(session) {
  const stopped = new Promise((resolve) => {
    const onUpdate = ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) {
        session.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve(true);
      }
    };
    session.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await session.send('ServiceWorker.stopAllWorkers');
  const ok = await Promise.race([stopped, new Promise((r) => setTimeout(() => r(false), 10000))]);
  if (!ok) throw new Error('the service worker did not stop');
  await new Promise((r) => setTimeout(r, 300));
}

/** COLD_N page indexes, spread over the list. */
function pickCold(list, n) {
  if (!n) return [];
  n = Math.min(n, list.length);
  return Array.from({ length: n }, (_, i) => Math.floor((i * list.length) / n));
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
