#!/usr/bin/env node
// Measures internal/clean against three sets in one run, with Mozilla's
// Readability.js (on linkedom) run over the same pages beside it:
//   1. Readability's own test suite (../shared/corpus/readability):
//      word F1 against the text of expected.html, title/byline agreement;
//   2. WCXB dev articles (../shared/corpus/wcxb-dev-articles): word F1
//      against ground_truth.main_content, `with` snippets kept,
//      `without` snippets leaked;
//   3. the seed fixtures (../shared/fixtures): keep/remove/kinds, title,
//      byline.
// Our engine runs natively through scripts/evalclean (built once).
//
// Usage: node scripts/eval-extract.mjs [--json out.json] [--only wcxb|readability|seeds]
//        [--limit N] [--no-readability] [--worst N]
// EVAL_RJS_CACHE=file keeps Readability.js's results in file and reuses them
// on the next run (they only change with the pages).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordF1, contains, sameMeta, mean, median } from './eval/metrics.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const args = process.argv.slice(2);
const USAGE = `usage: node scripts/eval-extract.mjs [--json out.json] [--only wcxb|readability|seeds]
       [--limit N] [--no-readability] [--worst N]
  --json F          also write the summary and every page's results to F
  --only SET        measure one set: wcxb, readability or seeds
  --limit N         at most N pages per corpus
  --no-readability  skip Readability.js
  --worst N         list the N lowest pages of each corpus (default 10)
Environment: EVAL_RJS_CACHE=file reuses Readability.js results kept in file.`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
for (let i = 0; i < args.length; i++) {
  if (['--json', '--only', '--limit', '--worst'].includes(args[i])) i++;
  else if (args[i] !== '--no-readability') {
    console.error(`eval-extract: unknown argument ${args[i]}\n${USAGE}`);
    process.exit(2);
  }
}
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const only = opt('--only', '');
const limit = Number(opt('--limit', '0')) || Infinity;
const worstN = Number(opt('--worst', '10'));
const jsonOut = opt('--json', '');
const runReadability = !args.includes('--no-readability');

if (!existsSync(shared)) {
  console.log('eval-extract: ../shared is absent; nothing to measure.');
  process.exit(0);
}

// ---------- collect pages ----------
const pages = []; // {id, set, path, url, gold}
if (!only || only === 'readability') {
  const dir = join(shared, 'corpus', 'readability');
  for (const name of readdirSync(dir).sort()) {
    const src = join(dir, name, 'source.html');
    if (!existsSync(src)) continue;
    if (pages.filter((p) => p.set === 'readability').length >= limit) break;
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'));
    pages.push({ id: 'readability/' + name, set: 'readability', path: src, url: 'http://fakehost/test/page.html',
      gold: { expectedHTML: readFileSync(join(dir, name, 'expected.html'), 'utf8'), meta } });
  }
}
if (!only || only === 'wcxb') {
  const dir = join(shared, 'corpus', 'wcxb-dev-articles');
  for (const f of readdirSync(join(dir, 'html')).sort()) {
    if (!f.endsWith('.html.gz')) continue;
    if (pages.filter((p) => p.set === 'wcxb').length >= limit) break;
    const id = f.replace('.html.gz', '');
    const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', id + '.json'), 'utf8'));
    pages.push({ id: 'wcxb/' + id, set: 'wcxb', path: join(dir, 'html', f), url: gt.url, gold: gt });
  }
}
if (!only || only === 'seeds') {
  const dir = join(shared, 'fixtures');
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.gold.json')) continue;
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    pages.push({ id: 'seeds/' + gold.page, set: 'seeds', path: join(dir, gold.page), url: 'https://news.example/2022/07/article/', gold });
  }
}

// ---------- run our engine ----------
const binDir = mkdtempSync(join(tmpdir(), 'evalclean-'));
const bin = join(binDir, 'evalclean');
process.on('exit', () => rmSync(binDir, { recursive: true, force: true }));
execFileSync('go', ['build', '-o', bin, './scripts/evalclean'], { cwd: root, stdio: 'inherit' });

function runOurs() {
  return new Promise((resolveRun, reject) => {
    const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out = new Map();
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        if (line.trim()) { const r = JSON.parse(line); out.set(r.id, r); }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (out.size < pages.length) console.log(`evalclean exited ${code} after ${out.size}/${pages.length} pages`);
      resolveRun(out);
    });
    for (const p of pages) child.stdin.write(JSON.stringify({ id: p.id, path: p.path, url: p.url }) + '\n');
    child.stdin.end();
  });
}

// ---------- Readability.js ----------
let Readability, parseHTML;
async function loadReadability() {
  try {
    ({ Readability } = await import('@mozilla/readability'));
    ({ parseHTML } = await import('linkedom'));
    return true;
  } catch (e) {
    console.log('Readability.js not run (npm install @mozilla/readability linkedom):', e.message);
    return false;
  }
}
function readPage(p) {
  const b = readFileSync(p.path);
  return (p.path.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
}
function htmlText(html) {
  const { document } = parseHTML('<!doctype html><html><body>' + html + '</body></html>');
  // Block elements end with a break so words do not run together.
  for (const el of document.querySelectorAll('p,div,li,h1,h2,h3,h4,h5,h6,br,td,th,tr,blockquote,pre,figcaption,dt,dd,section,article')) {
    el.appendChild(document.createTextNode('\n'));
  }
  return document.body.textContent || '';
}
// EVAL_RJS_CACHE=file keeps Readability.js results between runs (they do
// not change while tuning SayWho).
const rjsCachePath = process.env.EVAL_RJS_CACHE || '';
const rjsCache = rjsCachePath && existsSync(rjsCachePath) ? JSON.parse(readFileSync(rjsCachePath, 'utf8')) : {};
function runReadabilityJS(p) {
  if (rjsCache[p.id]) return rjsCache[p.id];
  const r = runReadabilityJSUncached(p);
  rjsCache[p.id] = r;
  return r;
}
function runReadabilityJSUncached(p) {
  const t0 = performance.now();
  try {
    const { document } = parseHTML(readPage(p));
    const art = new Readability(document).parse();
    const ms = performance.now() - t0;
    if (!art) return { ms, text: '', title: '', byline: '' };
    return { ms, text: htmlText(art.content || ''), title: art.title || '', byline: art.byline || '' };
  } catch (e) {
    return { ms: performance.now() - t0, text: '', title: '', byline: '', error: String(e) };
  }
}

// ---------- score ----------
const JUNK_KINDS = new Set(['comment-form', 'comments', 'spam-byline', 'related-links', 'share', 'newsletter', 'ad', 'cookie-banner']);
const fmt = (x) => (x * 100).toFixed(1) + '%';
const f3 = (x) => x.toFixed(3);

const ours = await runOurs();
({ parseHTML } = await import('linkedom'));
const haveRjs = runReadability && (await loadReadability());
const results = [];
for (const p of pages) {
  const o = ours.get(p.id) || { error: 'no output', text: '', removed: [] };
  const r = { id: p.id, set: p.set, ms: o.ms, msFirst: o.msFirst, error: o.error || '', found: o.found, reason: o.reason || '' };
  const rjs = haveRjs && p.set !== 'seeds' ? runReadabilityJS(p) : null;
  if (p.set === 'readability') {
    const want = htmlText(p.gold.expectedHTML);
    Object.assign(r, wordF1(o.text, want));
    r.titleOK = sameMeta(o.title, p.gold.meta.title);
    r.bylineOK = sameMeta(o.byline, p.gold.meta.byline);
    r.wantLen = want.trim().length;
    // Junk Readability keeps: blocks we removed as a specific junk kind
    // whose text is in expected.html.
    const wantNorm = want.replace(/\s+/g, ' ');
    r.junkInExpected = (o.removed || []).filter((x) => JUNK_KINDS.has(x.kind) && x.text.length >= 12 && wantNorm.includes(x.text))
      .map((x) => `${x.kind}: ${x.text.slice(0, 70)}`);
    r.title = o.title; r.wantTitle = p.gold.meta.title; r.byline = o.byline; r.wantByline = p.gold.meta.byline;
    if (rjs) { r.rjs = wordF1(rjs.text, want).f1; r.rjsMs = rjs.ms; }
  } else if (p.set === 'wcxb') {
    const g = p.gold.ground_truth;
    Object.assign(r, wordF1(o.text, g.main_content));
    const withS = g.with || [], withoutS = g.without || [];
    r.withKept = withS.filter((s) => contains(o.text, s, false)).length; r.withN = withS.length;
    r.withoutLeaked = withoutS.filter((s) => contains(o.text, s)).length; r.withoutN = withoutS.length;
    r.missed = withS.filter((s) => !contains(o.text, s, false));
    r.leaked = withoutS.filter((s) => contains(o.text, s));
    r.titleOK = sameMeta(o.title, g.title); r.title = o.title; r.wantTitle = g.title;
    r.bylineOK = g.author ? sameMeta(o.byline, g.author) : null; r.byline = o.byline; r.wantByline = g.author;
    if (rjs) {
      r.rjs = wordF1(rjs.text, g.main_content).f1; r.rjsMs = rjs.ms;
      r.rjsWithKept = withS.filter((s) => contains(rjs.text, s, false)).length;
      r.rjsWithoutLeaked = withoutS.filter((s) => contains(rjs.text, s)).length;
    }
  } else if (p.set === 'seeds') {
    const g = p.gold, fails = [];
    for (const k of g.keep) if (!contains(o.text, k)) fails.push('keep missing: ' + k);
    for (const rm of g.remove) {
      if (contains(o.text, rm.text)) fails.push(`remove leaked (${rm.kind}): ${rm.text}`);
      if (['comment-form', 'spam-byline', 'related-links', 'share'].includes(rm.kind)) {
        const hit = (o.removed || []).find((x) => contains(x.text, rm.text) || x.text.includes(rm.text));
        if (!hit) fails.push(`not in removed (${rm.kind}): ${rm.text}`);
        else if (hit.kind !== rm.kind) fails.push(`wrong kind ${hit.kind} for (${rm.kind}): ${rm.text}`);
      }
    }
    if (o.title !== g.title) fails.push(`title: got "${o.title}" want "${g.title}"`);
    if (o.byline !== g.byline) fails.push(`byline: got "${o.byline}" want "${g.byline}"`);
    r.fails = fails;
    r.pass = fails.length === 0 && !o.error && o.found;
  }
  results.push(r);
}

// ---------- report ----------
const lines = [];
const log = (s = '') => { lines.push(s); console.log(s); };
const sets = (s) => results.filter((r) => r.set === s);

const rd = sets('readability');
if (rd.length) {
  log(`## Readability test suite (${rd.length} pages): word F1 vs expected.html`);
  const f = rd.map((r) => r.f1);
  log(`SayWho       mean F1 ${f3(mean(f))}  median ${f3(median(f))}  P ${f3(mean(rd.map((r) => r.p)))}  R ${f3(mean(rd.map((r) => r.r)))}`);
  if (haveRjs) log(`Readability  mean F1 ${f3(mean(rd.map((r) => r.rjs)))}  (its own suite: near 1 by construction)`);
  const real = rd.filter((r) => r.wantLen >= 300);
  log(`  over the ${real.length} pages whose expected text has at least 300 characters (leaving out the suite's synthetic micro-pages): mean F1 ${f3(mean(real.map((r) => r.f1)))}`);
  log(`not found: ${rd.filter((r) => r.found === false).map((r) => r.id.slice(12)).join(', ') || 'none'}`);
  log(`title agrees ${fmt(mean(rd.map((r) => +r.titleOK)))} (Readability keeps " | Site" suffixes SayWho strips)  byline agrees ${fmt(mean(rd.map((r) => +r.bylineOK)))}`);
  const junky = rd.filter((r) => r.junkInExpected.length);
  log(`junk Readability keeps that SayWho removes: ${junky.length} pages, ${junky.reduce((a, r) => a + r.junkInExpected.length, 0)} removed entries, e.g.`);
  for (const r of junky.slice(0, 8)) log(`  ${r.id.slice(12)}: ${r.junkInExpected.slice(0, 2).join(' | ')}`);
  log(`worst pages:`);
  for (const r of [...rd].sort((a, b) => a.f1 - b.f1).slice(0, worstN)) log(`  ${r.id}  F1 ${f3(r.f1)} (P ${f3(r.p)} R ${f3(r.r)})${r.found === false ? '  not found: ' + r.reason : ''}`);
  log();
}
const wc = sets('wcxb');
if (wc.length) {
  log(`## WCXB dev articles (${wc.length} pages): word F1 vs ground_truth.main_content`);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const withN = sum(wc.map((r) => r.withN)), withoutN = sum(wc.map((r) => r.withoutN));
  log(`SayWho       mean F1 ${f3(mean(wc.map((r) => r.f1)))}  median ${f3(median(wc.map((r) => r.f1)))}  P ${f3(mean(wc.map((r) => r.p)))}  R ${f3(mean(wc.map((r) => r.r)))}  with kept ${fmt(sum(wc.map((r) => r.withKept)) / withN)}  without leaked ${fmt(sum(wc.map((r) => r.withoutLeaked)) / withoutN)}`);
  if (haveRjs) log(`Readability  mean F1 ${f3(mean(wc.map((r) => r.rjs)))}  median ${f3(median(wc.map((r) => r.rjs)))}  with kept ${fmt(sum(wc.map((r) => r.rjsWithKept)) / withN)}  without leaked ${fmt(sum(wc.map((r) => r.rjsWithoutLeaked)) / withoutN)}`);
  log(`not found: ${wc.filter((r) => r.found === false).length}  title agrees ${fmt(mean(wc.map((r) => +r.titleOK)))}  byline agrees ${fmt(mean(wc.filter((r) => r.bylineOK !== null).map((r) => +r.bylineOK)))}`);
  if (haveRjs) log(`pages where SayWho beats Readability.js by > 0.05: ${wc.filter((r) => r.f1 - r.rjs > 0.05).length}; worse by > 0.05: ${wc.filter((r) => r.rjs - r.f1 > 0.05).length}`);
  log(`worst pages:`);
  for (const r of [...wc].sort((a, b) => a.f1 - b.f1).slice(0, worstN)) log(`  ${r.id}  F1 ${f3(r.f1)} (P ${f3(r.p)} R ${f3(r.r)})${haveRjs ? '  rjs ' + f3(r.rjs) : ''}${r.found === false ? '  not found: ' + r.reason : ''}`);
  log();
}
const sd = sets('seeds');
if (sd.length) {
  log(`## Seed fixtures: ${sd.filter((r) => r.pass).length}/${sd.length} pass`);
  for (const r of sd) {
    log(`  ${r.id}: ${r.pass ? 'pass' : 'FAIL'}`);
    for (const f of r.fails) log(`    ${f}`);
  }
  log();
}
const ms = results.map((r) => r.ms || 0);
const errs = results.filter((r) => r.error);
const msFirst = results.map((r) => r.msFirst || 0);
const sortedMs = [...ms].sort((a, b) => a - b);
log(`## Time (native, per page): mean ${mean(ms).toFixed(1)} ms  median ${median(ms).toFixed(1)} ms  p99 ${sortedMs[Math.floor(sortedMs.length * 0.99)]?.toFixed(1)} ms  max ${Math.max(...ms).toFixed(1)} ms (${results.find((r) => r.ms === Math.max(...ms))?.id})  over 1 s: ${ms.filter((x) => x > 1000).length}`);
log(`  (slow pages re-timed, best of 3; first runs: max ${Math.max(...msFirst).toFixed(1)} ms, over 1 s: ${msFirst.filter((x) => x > 1000).length}; load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
if (haveRjs) { const rm = results.filter((r) => r.rjsMs).map((r) => r.rjsMs); log(`Readability.js on linkedom: mean ${mean(rm).toFixed(1)} ms  max ${Math.max(...rm).toFixed(1)} ms`); }
log(`errors: ${errs.length}${errs.length ? ' — ' + errs.slice(0, 5).map((r) => r.id + ': ' + r.error).join('; ') : ''}`);
if (rjsCachePath) writeFileSync(rjsCachePath, JSON.stringify(rjsCache));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary: lines, results }, null, 1));
