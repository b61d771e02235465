#!/usr/bin/env node
// The content script's serialiser (extension/content/serialize.js) against
// plain doctype + outerHTML, on wcxb-dev-articles pages that hold scripts:
// the UTF-8 bytes each sends to the engine and the time each takes.
//
//   node scripts/bench/serialize.mjs [N]     (N pages, evenly spaced; default 30)
//
// Pages are served from 127.0.0.1 as stored (scripts included) and loaded
// into headless Chromium with JavaScript disabled, so their scripts stay in
// the DOM but never run; every other host resolves to nothing. Note that
// without JavaScript a <noscript> holds elements rather than text. Times are
// taken in the page after one untimed call of each: per page the median of
// 5 rounds, each round timing 5 calls of either serialiser back to back.
// Needs ../shared (or $SAYWHO_SHARED). Prints a summary; --json prints one
// line per page too.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { evenlySpaced, listPages, readPage, sharedDir } from './corpus.mjs';
import { fmt, summarize } from './stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 30);
const perPage = process.argv.includes('--json');
const shared = sharedDir(root);
if (!shared) throw new Error('no ../shared/corpus (set SAYWHO_SHARED)');

const withScripts = listPages(shared, 0)
  .filter((p) => p.corpus === 'wcxb' && /<script/i.test(readPage(p).toString('latin1')));
const pages = evenlySpaced(withScripts, n);
const serializer = readFileSync(join(root, 'extension/content/serialize.js'), 'utf8');

// In the page: both serialisers' UTF-8 sizes, then their timings.
function measureInPage() {
  const { serializeDocument } = globalThis.SAYWHO_SERIALIZE;
  // what the content script sent before: the doctype and the whole markup
  const old = () => {
    const dt = document.doctype;
    let doctype = '';
    if (dt) {
      doctype = `<!DOCTYPE ${dt.name}`;
      if (dt.publicId) doctype += ` PUBLIC "${dt.publicId}"`;
      if (dt.systemId) doctype += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
      doctype += '>\n';
    }
    return doctype + document.documentElement.outerHTML;
  };
  const utf8 = (s) => new TextEncoder().encode(s).length;
  const ROUNDS = 5;
  const CALLS = 5;
  const time = (fn) => {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) fn();
    return (performance.now() - t0) / CALLS;
  };
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const before = utf8(old());
  const after = utf8(serializeDocument());
  const oldMs = [];
  const newMs = [];
  for (let r = 0; r < ROUNDS; r++) {
    oldMs.push(time(old));
    newMs.push(time(serializeDocument));
  }
  return { before, after, oldMs: median(oldMs), newMs: median(newMs) };
}

const server = createServer((req, res) => {
  const page = pages[Number(req.url.slice(1))];
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
  res.end(readPage(page));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const rows = [];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const setup = `${cpus()[0]?.model}, ${cpus().length} cores; ${await browser.version()}; load average ${load()} at start`;
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  for (let i = 0; i < pages.length; i++) {
    await page.goto(`http://127.0.0.1:${server.address().port}/${i}`, { waitUntil: 'load', timeout: 30000 });
    await page.evaluate(serializer);
    const row = { id: pages[i].id, ...(await page.evaluate(measureInPage)) };
    rows.push(row);
    if (perPage) console.log(JSON.stringify(row));
  }
} finally {
  await browser.close();
  server.close();
}

const stat = (key) => summarize(rows.map((r) => ({ ms: r[key] })));
const kb = (x) => `${fmt(x / 1024)} KB`;
const sizes = { before: stat('before'), after: stat('after') };
const ms = { old: stat('oldMs'), new: stat('newMs') };
const kept = rows.reduce((a, r) => a + r.after, 0) / rows.reduce((a, r) => a + r.before, 0);
console.log(`${setup}, ${load()} at end`);
console.log(`${rows.length} wcxb pages with scripts (of ${withScripts.length}), JavaScript disabled`);
console.log(`bytes sent   before: mean ${kb(sizes.before.mean)}, median ${kb(sizes.before.p50)}`);
console.log(`             after:  mean ${kb(sizes.after.mean)}, median ${kb(sizes.after.p50)} (${fmt(kept * 100)}% of the bytes)`);
console.log(`serialise    old:    mean ${fmt(ms.old.mean, 2)} ms, p90 ${fmt(ms.old.p90, 2)} ms`);
console.log(`             new:    mean ${fmt(ms.new.mean, 2)} ms, p90 ${fmt(ms.new.p90, 2)} ms`);
