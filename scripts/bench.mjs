#!/usr/bin/env node
// SayWho's side-by-side benchmark: the engine natively, as WASM in Node
// (warm, cold, fresh process), and in headless Chromium next to
// Readability.js on the live DOM, over the shared corpora; then the budgets,
// checked and printed as PASS/FAIL lines.
//
//   node scripts/bench.mjs [--quick] [--limit N] [--cold N] [--write] [--json FILE] [--profile]
//
//   --quick     10 pages per corpus, 6 cold toggles, synthetic pages up to 2 MB
//   --limit N   N pages per corpus, evenly spaced (default: all)
//   --cold N    cold first toggles in Chromium (default 20)
//   --write     put the tables in docs/PERFORMANCE.md
//   --json F    write every raw measurement to F
//   --profile   also write a native CPU profile of the corpus benchmark and
//               print its top functions
//   --no-chromium  skip the browser part
//
// Everything it builds goes to a temporary directory: the engine WASM with
// the flags of scripts/build.sh, a baseline WASM of goquery + minify alone
// (scripts/bench/baseline), the per-page native timer (scripts/bench/native),
// the engine without its time limit for the size rows (scripts/bench/nolimit)
// and an unpacked copy of the extension. The corpora are read in place from
// ../shared (or $SAYWHO_SHARED); without them the corpus rows are skipped.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listPages, sharedDir, syntheticPage, SYNTHETIC_SIZES } from './bench/corpus.mjs';
import { summarize, fmt } from './bench/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const quick = flag('--quick');
const limit = Number(option('--limit', quick ? 10 : 0));
const coldN = Number(option('--cold', quick ? 6 : 20));
const sizes = quick ? SYNTHETIC_SIZES.filter((s) => s <= 2e6) : SYNTHETIC_SIZES;
const withChromium = !flag('--no-chromium');

// ---------------------------------------------------------------- helpers

const log = (...a) => console.error('[bench]', ...a);
const MiB = 1024 * 1024;

function run(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 512 * MiB, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Runs a command and collects its JSON lines (and its stderr). */
function runJSON(cmd, argv, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => {
      stderr += d;
      for (const line of String(d).split('\n')) if (line.startsWith('[bench]')) console.error(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const rows = [];
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          rows.push(JSON.parse(line));
        } catch {
          // a truncated line
        }
      }
      if (code !== 0 && rows.length === 0) reject(new Error(`${cmd} ${argv.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      else resolvePromise({ rows, stderr, code });
    });
  });
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model.trim(),
    cores: cpus().length,
    go: run('go', ['version']).trim().replace(/^go version /, ''),
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadStart: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

// ---------------------------------------------------------------- build

function build(tmp) {
  const eng = join(tmp, 'engine');
  mkdirSync(eng, { recursive: true });
  const goroot = run('go', ['env', 'GOROOT']).trim();
  const wasmEnv = { ...process.env, GOOS: 'js', GOARCH: 'wasm' };
  log('building the engine WASM, the baseline WASM and the native timer');
  run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(eng, 'saywho.wasm'), './wasm'], { env: wasmEnv });
  run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(tmp, 'baseline.wasm'), './scripts/bench/baseline'], { env: wasmEnv });
  run('go', ['build', '-o', join(tmp, 'native'), './scripts/bench/native']);
  cpSync(join(goroot, 'lib', 'wasm', 'wasm_exec.js'), join(eng, 'wasm_exec.js'));
  cpSync(join(root, 'extension', 'engine', 'engine.mjs'), join(eng, 'engine.mjs'));
  // The same engine without its time limit, for the size and memory rows.
  const nolimit = join(tmp, 'nolimit');
  mkdirSync(nolimit);
  run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(nolimit, 'saywho.wasm'), './scripts/bench/nolimit'], { env: wasmEnv });
  cpSync(join(eng, 'wasm_exec.js'), join(nolimit, 'wasm_exec.js'));
  cpSync(join(eng, 'engine.mjs'), join(nolimit, 'engine.mjs'));
  // The unpacked extension, as scripts/build.sh assembles it.
  const ext = join(tmp, 'extension');
  mkdirSync(ext);
  cpSync(join(root, 'manifest.json'), join(ext, 'manifest.json'));
  if (existsSync(join(root, '_locales'))) cpSync(join(root, '_locales'), join(ext, '_locales'), { recursive: true });
  cpSync(join(root, 'extension'), join(ext, 'extension'), { recursive: true });
  cpSync(join(eng, 'saywho.wasm'), join(ext, 'extension', 'engine', 'saywho.wasm'));
  cpSync(join(eng, 'wasm_exec.js'), join(ext, 'extension', 'engine', 'wasm_exec.js'));
  const size = {
    raw: readFileSync(join(eng, 'saywho.wasm')).length,
    gzip: gz(join(eng, 'saywho.wasm')),
    baseRaw: readFileSync(join(tmp, 'baseline.wasm')).length,
    baseGzip: gz(join(tmp, 'baseline.wasm')),
  };
  return { eng, nolimit, ext, size, native: join(tmp, 'native') };
}

// ---------------------------------------------------------------- measurements

function parseInitTrace(text) {
  const rows = [];
  for (const m of text.matchAll(/^init (\S+) @[\d.]+ m?s, ([\d.]+) (m?s) clock, (\d+) bytes, (\d+) allocs/gm)) {
    rows.push({ pkg: m[1], ms: Number(m[2]) * (m[3] === 's' ? 1000 : 1), bytes: Number(m[4]), allocs: Number(m[5]) });
  }
  return rows;
}

async function native(tools, tmp, pagesTsv, synthTsv) {
  log('native: per-page times');
  const env = { ...process.env, GODEBUG: 'inittrace=1' };
  const corpus = await runJSON(tools.native, ['-list', pagesTsv], { env });
  const synth = await runJSON(tools.native, ['-list', synthTsv, '-warm', '1', '-repeat', '3', '-nolimit']);
  const mem = await runJSON(tools.native, ['-mem', synthTsv, '-nolimit']);
  return { corpus: corpus.rows, init: parseInitTrace(corpus.stderr), synth: synth.rows.filter((r) => !r.first), mem: mem.rows };
}

async function goBench() {
  log('native: go test -bench Corpus');
  const env = { ...process.env, SAYWHO_BENCH_LIMIT: String(limit || 0) };
  const out = await new Promise((res) => {
    const child = spawn('go', ['test', '-v', '-run', '^$', '-bench', 'Corpus', '-benchmem', '-benchtime=1x', './internal/engine'], { cwd: root, env });
    let s = '';
    child.stdout.on('data', (d) => { s += d; });
    child.stderr.on('data', (d) => { s += d; });
    child.on('close', () => res(s));
  });
  const rows = [];
  for (const line of out.split('\n')) {
    const m = /^BenchmarkCorpus\/(\w+)\S*\s+\d+\s+(\d+) ns\/op\s+([\d.]+) MB\/s\s+([\d.]+) ms\/page\s+([\d.]+) pages\s+(\d+) B\/op\s+(\d+) allocs\/op/.exec(line);
    if (m) {
      const pages = Number(m[5]);
      rows.push({ corpus: m[1], nsPerOp: Number(m[2]), mbps: Number(m[3]), msPerPage: Number(m[4]), pages, bytesPerPage: Number(m[6]) / pages, allocsPerPage: Number(m[7]) / pages });
    }
  }
  if (!rows.length && !/skipping the corpus benchmark/.test(out)) log('go test -bench gave no result:\n' + out.slice(-1500));
  return { rows, skipped: /skipping the corpus benchmark/.test(out) };
}

async function profile(tmp) {
  const prof = join(tmp, 'cpu.pprof');
  log(`native: CPU profile → ${prof}`);
  const env = { ...process.env, SAYWHO_BENCH_LIMIT: String(limit || 0) };
  run('go', ['test', '-run', '^$', '-bench', 'Corpus', '-benchtime=2x', '-cpuprofile', prof, '-o', join(tmp, 'engine.test'), './internal/engine'], { env });
  return run('go', ['tool', 'pprof', '-top', '-nodecount=35', join(tmp, 'engine.test'), prof]);
}

async function nodeWasm(tools, pagesJson, coldJson, freshJson, synthJson) {
  const script = join(root, 'scripts', 'bench', 'node-wasm.mjs');
  const node = (mode, file, dir = tools.eng, ...more) => runJSON(process.execPath, ['--expose-gc', script, mode, dir, file, ...more]);
  log('WASM in Node: warm');
  const warm = (await node('warm', pagesJson)).rows;
  log('WASM in Node: cold instances');
  const cold = (await node('cold', coldJson)).rows;
  log('WASM in Node: fresh processes');
  const fresh = (await node('fresh', freshJson)).rows;
  log('WASM in Node: synthetic pages and memory');
  // the synthetic pages are few: the small ones run 10 times untimed first (node-wasm.mjs)
  const synth = (await node('warm', synthJson, tools.nolimit, '10')).rows.filter((r) => r.kind === 'page' || r.kind === 'pass1');
  const mem = (await node('mem', synthJson, tools.nolimit)).rows;
  const init = (await node('inittrace', '-')).rows[0];
  return { warm, cold, fresh, synth, mem, init: { runMs: init?.runMs, pkgs: parseInitTrace((init?.lines ?? []).join('\n')) } };
}

async function chromium(tools, pagesJson) {
  log(`Chromium: Readability.js, engine in the service worker, end to end (+${coldN} cold toggles)`);
  const script = join(root, 'scripts', 'bench', 'chromium.mjs');
  const r = await runJSON(process.execPath, [script, tools.ext, pagesJson, String(coldN)]);
  if (r.code !== 0) log(`chromium run ended with ${r.code}: ${r.stderr.slice(-800)}`);
  return r.rows;
}

// ---------------------------------------------------------------- report

const CORPORA = ['readability', 'wcxb'];

/**
 * A page failed when the engine gave an error (its time limit included) or
 * the reader did not open although the engine found an article. Failed
 * pages keep their time in the statistics: the user waited that long.
 */
function failed(r, key) {
  if (key === 'swMs') return Boolean(r.swError);
  if (key === 'e2eMs') return r.e2eState === 'timeout' || (r.e2eState !== 'open' && r.swFound !== false);
  if (key === 'readMs' || key === 'readMs2') return false;
  return Boolean(r.error);
}

function statRows(label, rows, key = 'ms') {
  const out = [];
  const valid = rows.filter((r) => typeof r[key] === 'number');
  for (const corpus of [...CORPORA, 'all']) {
    const sel = corpus === 'all' ? valid : valid.filter((r) => r.corpus === corpus);
    if (!sel.length) continue;
    const all = corpus === 'all' ? rows : rows.filter((r) => r.corpus === corpus);
    out.push({ label, corpus, failed: all.filter((r) => failed(r, key)).length, ...summarize(sel.map((r) => ({ ms: r[key], bytes: r.bytes }))) });
  }
  return out;
}

function table(rows) {
  const head = '| measure | corpus | pages | failed | mean ms | p50 | p90 | p99 | max | MB/s | pages/s |';
  const sep = '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const lines = rows.map((r) => `| ${r.label} | ${r.corpus} | ${r.n} | ${r.failed || ''} | ${fmt(r.mean)} | ${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.mbps, 2)} | ${fmt(r.pps)} |`);
  return [head, sep, ...lines].join('\n');
}

function mean(xs) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'saywho-bench-'));
  const result = { machine: machine(), options: { quick, limit, coldN, sizes }, synthPages: [], native: { corpus: [], init: [], synth: [], mem: [] }, goBench: { rows: [] }, node: { warm: [], cold: [], fresh: [], synth: [], mem: [], init: { pkgs: [] } }, chromium: [] };
  try {
    const tools = build(tmp);
    result.size = tools.size;
    const shared = sharedDir(root);
    const pages = shared ? listPages(shared, limit) : [];
    if (!shared) log('shared corpora not found (../shared or $SAYWHO_SHARED): corpus rows skipped');
    const synth = sizes.map((s) => {
      const path = join(tmp, `synthetic-${s}.html`);
      writeFileSync(path, syntheticPage(s));
      return { corpus: 'synthetic', id: s >= 1e6 ? `${s / 1e6} MB` : `${s / 1e3} KB`, path, url: 'https://lakeside-courier.example/local/harbour-bridge/' };
    });
    const write = (name, list) => {
      writeFileSync(join(tmp, `${name}.json`), JSON.stringify(list));
      writeFileSync(join(tmp, `${name}.tsv`), list.map((p) => `${p.corpus}\t${p.path}\t${p.url}`).join('\n'));
      return join(tmp, `${name}.json`);
    };
    const pagesJson = write('pages', pages);
    const synthJson = write('synthetic', synth);
    result.synthPages = synth;
    const spread = (n) => Array.from({ length: Math.min(n, pages.length) }, (_, i) => pages[Math.floor((i * pages.length) / Math.min(n, pages.length))]);
    const coldJson = write('cold', spread(coldN));
    const freshJson = write('fresh', spread(quick ? 3 : 8));

    result.native = await native(tools, tmp, join(tmp, 'pages.tsv'), join(tmp, 'synthetic.tsv'));
    result.goBench = await goBench();
    result.node = await nodeWasm(tools, pagesJson, coldJson, freshJson, synthJson);
    result.chromium = withChromium && pages.length ? await chromium(tools, pagesJson) : [];
    if (flag('--profile')) result.profile = await profile(tmp);
    result.machine.loadEnd = loadavg().map((x) => x.toFixed(2)).join(' ');
    const chromiumSetup = result.chromium.find((r) => r.kind === 'setup');
    result.machine.chromium = chromiumSetup?.chromium ?? run('/usr/bin/chromium', ['--version']).trim();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const report = render(result);
  console.log(report.text);
  if (flag('--write')) {
    // The generated part is replaced; a hand-written analysis from
    // HANDWRITTEN to the end of the file is kept.
    const docPath = join(root, 'docs', 'PERFORMANCE.md');
    const old = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
    const at = old.indexOf(HANDWRITTEN);
    writeFileSync(docPath, at >= 0 ? `${report.doc}\n${old.slice(at)}` : report.doc);
    log('wrote docs/PERFORMANCE.md');
  }
  const jsonOut = option('--json');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 1));
  process.exitCode = report.failed ? 1 : 0;
}

function render(R) {
  const nativeRows = R.native.corpus.filter((r) => !r.first);
  const nodeWarm = R.node.warm.filter((r) => r.kind === 'page');
  const nodeCold = R.node.cold;
  const chrome = R.chromium.filter((r) => r.kind === 'page');
  const chromeCold = R.chromium.filter((r) => r.kind === 'cold');
  const chromeFirst = R.chromium.filter((r) => r.kind === 'first');
  const setup = R.node.warm.find((r) => r.kind === 'setup') ?? {};
  const split = R.node.warm.filter((r) => r.kind === 'split');

  // ms per page, by measure and corpus
  const rows = [
    ...statRows('Go native, warm', nativeRows),
    ...statRows('WASM in Node, 1st pass (warming up)', R.node.warm.filter((r) => r.kind === 'pass1')),
    ...statRows('WASM in Node, warm', nodeWarm),
    ...statRows('WASM in Node, cold: instantiate', nodeCold, 'instantiateMs'),
    ...statRows('WASM in Node, cold: first call', nodeCold),
    ...statRows('WASM in Node, fresh process: compile+instantiate+call', R.node.fresh, 'totalMs'),
    ...statRows('Chromium: Readability.js on the DOM (1st run)', chrome, 'readMs'),
    ...statRows('Chromium: Readability.js on the DOM (2nd run)', chrome, 'readMs2'),
    ...statRows('Chromium: SayWho engine in the service worker, warm', chrome, 'swMs'),
    ...statRows('Chromium: SayWho end to end, warm', chrome, 'e2eMs'),
    ...statRows('Chromium: SayWho end to end, cold (worker stopped)', chromeCold, 'e2eMs'),
  ];
  // the Chromium rows carry the serialised page size as bytes: fine for MB/s

  // ratios SayWho / Readability on the same pages
  const both = chrome.filter((r) => typeof r.readMs === 'number' && typeof r.swMs === 'number' && !r.error);
  const bothE2E = both.filter((r) => typeof r.e2eMs === 'number');
  const ratio = (sel, key) => ({
    ofMeans: mean(sel.map((r) => r[key])) / mean(sel.map((r) => r.readMs)),
    medianPerPage: median(sel.map((r) => r[key] / Math.max(r.readMs, 0.1))),
    n: sel.length,
  });
  const ratios = [];
  for (const corpus of [...CORPORA, 'all']) {
    const sel = corpus === 'all' ? both : both.filter((r) => r.corpus === corpus);
    const selE = corpus === 'all' ? bothE2E : bothE2E.filter((r) => r.corpus === corpus);
    if (!sel.length) continue;
    ratios.push({ corpus, engine: ratio(sel, 'swMs'), e2e: ratio(selE, 'e2eMs') });
  }

  // size linearity
  const lin = R.synthPages.map((p) => {
    const n = R.native.synth.find((x) => x.path === p.path);
    const nm = R.native.mem.find((x) => x.path === p.path);
    // the faster of the two WASM passes: one slow pass is a GC or a busy machine
    const ws = R.node.synth.filter((x) => x.id === p.id && typeof x.ms === 'number');
    const w = ws.length ? ws.reduce((a, b) => (b.ms < a.ms ? b : a)) : undefined;
    const m = R.node.mem.find((x) => x.id === p.id);
    return { id: p.id, bytes: n?.bytes ?? w?.bytes ?? m?.bytes, nativeMs: n?.ms, wasmMs: w?.ms, wasmErr: w?.error ?? m?.error, wasmMem: m?.memAfter, wasmMem2: m?.memAfter2, wasmGrowth: m?.growth, nativePeak: nm?.peakHeap, nativeAlloc: nm?.allocBytes };
  });

  // ---------------------------------------------------------------- budgets
  const budgets = [];
  const check = (name, pass, detail) => budgets.push({ name, pass, detail });
  const all = (label) => rows.find((r) => r.label === label && r.corpus === 'all');
  const swAll = all('Chromium: SayWho engine in the service worker, warm');
  const rdAll = all('Chromium: Readability.js on the DOM (1st run)');
  const eAll = all('Chromium: SayWho end to end, warm');
  const cAll = all('Chromium: SayWho end to end, cold (worker stopped)');
  const nwAll = all('WASM in Node, warm');
  const rAll = ratios.find((r) => r.corpus === 'all');
  if (rAll) {
    check('warm engine time in Chromium ≤ 1.0× Readability.js on the DOM (mean, same pages)', rAll.engine.ofMeans <= 1.0,
      `SayWho ${fmt(swAll.mean)} ms vs Readability.js ${fmt(rdAll.mean)} ms mean over ${rAll.engine.n} pages = ${fmt(rAll.engine.ofMeans, 2)}× (median per-page ratio ${fmt(rAll.engine.medianPerPage, 2)}×)`);
  } else check('warm engine time in Chromium ≤ 1.0× Readability.js', null, 'not measured (no corpus pages or no browser run)');
  if (cAll) check('cold first toggle (fresh service worker) ≤ 300 ms p50', cAll.p50 <= 300, `p50 ${fmt(cAll.p50)} ms, mean ${fmt(cAll.mean)} ms, max ${fmt(cAll.max)} ms over ${cAll.n} pages`);
  else check('cold first toggle ≤ 300 ms p50', null, 'not measured (no corpus pages or no browser run)');
  if (eAll) {
    check('warm p99 ≤ 100 ms (end to end in Chromium)', eAll.p99 <= 100, `p99 ${fmt(eAll.p99)} ms end to end; engine alone in the worker p99 ${fmt(swAll?.p99)} ms; WASM in Node p99 ${fmt(nwAll?.p99)} ms`);
    const maxes = [['end to end', eAll.max], ['engine in worker', swAll?.max], ['WASM in Node', nwAll?.max]];
    const fails = (eAll.failed || 0) + (swAll?.failed || 0) + (nwAll?.failed || 0);
    check('no page over 1 s (warm)', maxes.every(([, m]) => !(m > 1000)) && fails === 0, `${maxes.map(([k, m]) => `${k} max ${fmt(m)} ms`).join(', ')}; ${fails} failed page(s)`);
  } else if (nwAll) {
    check('warm p99 ≤ 100 ms (WASM in Node)', nwAll.p99 <= 100, `p99 ${fmt(nwAll.p99)} ms`);
    check('no page over 1 s (WASM in Node)', nwAll.max <= 1000, `max ${fmt(nwAll.max)} ms`);
  }
  // linear: per-byte cost of the biggest page within 1.5× that of the 100 KB page
  const per = (r, k) => r[k] / (r.bytes / 1e3);
  const ref = lin.find((r) => r.bytes >= 90e3 && r.bytes <= 110e3);
  const big = lin[lin.length - 1];
  if (ref && big) {
    const nat = per(big, 'nativeMs') / per(ref, 'nativeMs');
    const was = big.wasmMs ? per(big, 'wasmMs') / per(ref, 'wasmMs') : NaN;
    check(`cost linear in page size (ms/KB at ${big.id} ≤ 1.5× ms/KB at 100 KB)`, nat <= 1.5 && (Number.isNaN(was) ? false : was <= 1.5),
      `native ${fmt(nat, 2)}×, WASM ${Number.isNaN(was) ? 'failed: ' + (big.wasmErr ?? 'no result') : fmt(was, 2) + '×'}`);
  }
  const two = lin.find((r) => r.bytes >= 1.9e6 && r.bytes <= 2.1e6);
  if (two) {
    const peak = Math.max(two.wasmMem ?? Infinity, two.wasmMem2 ?? 0);
    check('peak engine memory ≤ 64 MiB on a 2 MB page (WASM linear memory)', two.wasmMem !== undefined && peak <= 64 * MiB,
      `WASM memory ${fmt((two.wasmMem ?? NaN) / MiB)} MiB after the call (grew ${fmt((two.wasmGrowth ?? NaN) / MiB)} MiB from ${fmt(((two.wasmMem ?? 0) - (two.wasmGrowth ?? 0)) / MiB)} MiB at start), ${fmt((two.wasmMem2 ?? NaN) / MiB)} MiB after the same page again; native peak heap ${fmt((two.nativePeak ?? NaN) / MiB)} MiB, ${fmt((two.nativeAlloc ?? NaN) / MiB)} MiB allocated`);
  }
  const s = R.size;
  check('WASM size ≤ 1.10× goquery + minify alone', s.raw <= 1.1 * s.baseRaw && s.gzip <= 1.1 * s.baseGzip,
    `saywho.wasm ${fmt(s.raw / MiB, 2)} MiB raw / ${fmt(s.gzip / MiB, 2)} MiB gzip; baseline ${fmt(s.baseRaw / MiB, 2)} / ${fmt(s.baseGzip / MiB, 2)} MiB = ${fmt(s.raw / s.baseRaw, 3)}× raw, ${fmt(s.gzip / s.baseGzip, 3)}× gzip`);
  const failed = budgets.filter((b) => b.pass === false).length;

  // ---------------------------------------------------------------- text
  const M = R.machine;
  const cmd = `node scripts/bench.mjs${quick ? ' --quick' : ''}${limit && !quick ? ` --limit ${limit}` : ''}${!quick && coldN !== 20 ? ` --cold ${coldN}` : ''}`;
  const gb = R.goBench.rows.map((r) => `| ${r.corpus} | ${r.pages} | ${fmt(r.msPerPage)} | ${fmt(r.mbps, 2)} | ${fmt(r.allocsPerPage, 0)} | ${fmt(r.bytesPerPage / MiB, 2)} |`);
  const initTop = (pkgs) => pkgs.slice().sort((a, b) => b.ms - a.ms).slice(0, 8)
    .map((p) => `${p.pkg} ${fmt(p.ms)} ms${p.bytes > 50000 ? ` (${fmt(p.bytes / 1024, 0)} KiB)` : ''}`).join(', ');
  const initSum = (pkgs) => pkgs.reduce((a, p) => a + p.ms, 0);
  const coldInst = all('WASM in Node, cold: instantiate');
  const first = R.native.corpus.find((r) => r.first);
  const linTable = [
    '| page | native ms | native ms/MB | WASM (Node) ms | WASM ms/MB | WASM memory after | native peak heap |',
    '|--:|--:|--:|--:|--:|--:|--:|',
    ...lin.map((r) => `| ${r.id} | ${fmt(r.nativeMs)} | ${fmt(r.nativeMs / (r.bytes / 1e6))} | ${r.wasmMs !== undefined ? fmt(r.wasmMs) : r.wasmErr ? 'error' : '–'} | ${r.wasmMs !== undefined ? fmt(r.wasmMs / (r.bytes / 1e6)) : '–'} | ${r.wasmMem ? fmt(r.wasmMem / MiB) + ' MiB' : '–'} | ${r.nativePeak !== undefined ? fmt(r.nativePeak / MiB) + ' MiB' : '–'} |`),
  ];
  const ratioTable = [
    '| corpus | pages | engine in worker ÷ Readability.js (ratio of means) | median per-page ratio | end to end ÷ Readability.js (ratio of means) | median per-page ratio |',
    '|---|--:|--:|--:|--:|--:|',
    ...ratios.map((r) => `| ${r.corpus} | ${r.engine.n} | ${fmt(r.engine.ofMeans, 2)}× | ${fmt(r.engine.medianPerPage, 2)}× | ${fmt(r.e2e.ofMeans, 2)}× | ${fmt(r.e2e.medianPerPage, 2)}× |`),
  ];
  const budgetLines = budgets.map((b) => `${b.pass === null ? 'SKIP' : b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.detail}`);
  const errors = [...R.chromium, ...nodeWarm, ...R.native.corpus].filter((r) => r.error || r.e2eState === 'timeout');
  const firstToggle = chromeFirst[0];

  const body = [
    `Machine: ${M.cpu}, ${M.cores} cores; ${M.go}; Node ${M.node}; Chromium ${M.chromium}. Run ${M.date}, load average ${M.loadStart} at start, ${M.loadEnd} at end.`,
    '',
    `Pages: ${limit ? `${limit} per corpus, evenly spaced` : 'every page'} of corpus/readability (source.html) and corpus/wcxb-dev-articles; ${coldN} cold toggles; synthetic pages ${lin.map((r) => r.id).join(', ')}.`,
    '',
    '### Milliseconds per page',
    '',
    table(rows),
    '',
    'MB/s and pages/s are page bytes (the Chromium rows: the serialised DOM) and pages over the summed per-page times. *failed*: the engine returned an error (its 2 s time limit included) or the reader did not open on a page with an article; those pages keep their time in the statistics.',
    '',
    '### SayWho ÷ Readability.js, same pages, same browser',
    '',
    ratioTable.join('\n'),
    '',
    '### Budgets',
    '',
    '```',
    ...budgetLines,
    '```',
    '',
    '### Start-up',
    '',
    `- WASM: compile ${fmt(setup.compileMs)} ms, instantiate (Go runtime + package init) ${fmt(setup.instantiateMs)} ms, first call ${fmt(R.node.warm.find((r) => r.kind === 'first')?.ms)} ms (Node); cold instances from the compiled module: instantiate p50 ${fmt(coldInst?.p50)} ms.`,
    `- First toggle in a new browser (worker running, engine not yet made): ${firstToggle ? fmt(firstToggle.e2eMs) + ' ms' : '–'}.`,
    `- Package init inside the WASM (GODEBUG=inittrace=1): ${fmt(initSum(R.node.init.pkgs))} ms in all (go.run ${fmt(R.node.init.runMs)} ms); biggest: ${initTop(R.node.init.pkgs)}.`,
    `- Go↔JS boundary (WASM in Node, ${split.length} pages, means): UTF-8 encoding of the page ${fmt(mean(split.map((r) => r.encodeMs)), 2)} ms, bridge call ${fmt(mean(split.map((r) => r.callMs)), 1)} ms, JSON.parse of the result ${fmt(mean(split.map((r) => r.parseMs)), 2)} ms (result ${fmt(mean(split.map((r) => r.jsonBytes)) / 1024, 0)} KiB). Natively encoding the result (Result.JSON) takes ${fmt(mean(nativeRows.map((r) => r.jsonMs ?? 0)), 2)} ms per page, ${fmt((100 * mean(nativeRows.map((r) => r.jsonMs ?? 0))) / mean(nativeRows.map((r) => r.ms)), 1)}% of Process.`,
    `- Package init natively: ${fmt(initSum(R.native.init))} ms in all; biggest: ${initTop(R.native.init)}. First native call ${fmt(first?.ms)} ms.`,
    '',
    '### Go benchmark (`go test -bench Corpus -benchmem ./internal/engine`)',
    '',
    '| corpus | pages | ms/page | MB/s | allocs/page | MiB allocated/page |',
    '|---|--:|--:|--:|--:|--:|',
    ...gb,
    '',
    '### Cost against page size (synthetic news pages, generated by the benchmark; fastest of 3 native runs and of 2 WASM runs, the WASM after 10 untimed runs of each page under 1 MB; engine time limit lifted)',
    '',
    linTable.join('\n'),
    '',
    `### WASM size`,
    '',
    `saywho.wasm ${s.raw} bytes raw, ${s.gzip} gzip; goquery + minify alone (scripts/bench/baseline) ${s.baseRaw} raw, ${s.baseGzip} gzip.`,
    ...(errors.length ? ['', `### Pages with errors or timeouts (${errors.length})`, '', ...errors.slice(0, 15).map((e) => `- ${e.corpus}/${e.id}: ${e.error ?? e.e2eState}`.slice(0, 220))] : []),
  ].join('\n');

  const text = [`# SayWho benchmark — ${cmd}`, '', body, ...(R.profile ? ['', '### CPU profile (native, top)', '', '```', R.profile.trim(), '```'] : [])].join('\n');
  const doc = [
    '# Performance',
    '',
    'SayWho has to feel like a built-in reader mode. `node scripts/bench.mjs` measures it',
    'side by side with Readability.js on the live DOM in the same Chromium, over the shared',
    'corpora, and checks the budgets below. What each row measures:',
    '',
    '- **Go native**: `engine.Process` per page after a short warm-up (scripts/bench/native).',
    '- **WASM in Node**: `engine.process(bytes)` through `extension/engine/engine.mjs`, one',
    '  instance, every page twice; includes the copy into Go and `JSON.parse` of the result.',
    '  The *1st pass* runs while V8 is still optimising the module (what a worker that has',
    '  seen a few pages gets); *warm* is the second pass.',
    '- **cold**: a new instance from the compiled module (Go runtime start and package init),',
    '  then its first call. **fresh process**: a new Node process reading, compiling and',
    '  instantiating the WASM, then one call — the closest Node gets to a cold worker.',
    '- **Chromium**: pages served from 127.0.0.1 with scripts stripped, a CSP forbidding',
    '  scripts and every other host unresolvable. *Readability.js* is',
    '  `new Readability(document.cloneNode(true)).parse()` timed in the page. *Engine in the',
    '  service worker* is the bridge call inside the extension\'s worker on the page as the',
    '  content script serialises it. *End to end* is the toolbar action (CDP',
    '  `Extensions.triggerAction`) until the reader\'s host element is in the page and one',
    '  frame has run: serialise, message, engine, render. Each timed step starts after the',
    '  page has painted twice and been idle 100 ms, and the engine alone runs before the',
    '  toggle, so no step shares the CPU with painting (on 2 cores that added about 10% to',
    '  the engine row). *Cold* stops the worker first (`ServiceWorker.stopAllWorkers`).',
    '',
    `## Latest run (\`${cmd}\`)`,
    '',
    body,
    '',
    '## Running it',
    '',
    '```',
    'node scripts/bench.mjs            # every page (takes a while; run it on an idle machine)',
    'node scripts/bench.mjs --quick    # 10 pages per corpus, to try a change',
    'node scripts/bench.mjs --write    # also rewrite everything above (the section below is kept)',
    'node scripts/bench.mjs --profile  # also print the native CPU profile\'s top functions',
    'go test -run \'^$\' -bench Corpus -benchmem ./internal/engine   # the Go benchmark alone',
    '```',
    '',
    'The corpora are read from `../shared`; without them only the synthetic pages and the',
    'size check run. The exit status is 1 when a budget fails.',
    '',
  ].join('\n');
  return { text, doc, failed };
}

/** The heading from which docs/PERFORMANCE.md is written by hand (kept by --write). */
const HANDWRITTEN = '## What limits the numbers';

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
