// The engine as WASM in Node, through the loader the extension uses
// (extension/engine/engine.mjs). Run by scripts/bench.mjs in a child process:
//
//   node --expose-gc scripts/bench/node-wasm.mjs MODE ENGINE_DIR PAGES.json [WARMUP]
//
// ENGINE_DIR holds engine.mjs, wasm_exec.js and saywho.wasm; PAGES.json is a
// list of {corpus, id, path, url}. Prints one JSON object per line:
//   warm   compile and instantiation times, the first call, then every page
//          twice (one instance throughout): pass1, then the timed warm pass.
//          With WARMUP, each page under 1 MB is first run WARMUP times
//          untimed: a short list of pages (the synthetic sizes) would
//          otherwise be timed while V8 is still optimising the module, and
//          the small pages' times would say more about that than the page;
//   cold   per page, a new instance from the compiled module: instantiation
//          (Go's runtime start and package init) and the first call;
//   fresh  per page, a new Node process: read + compile + instantiate + call;
//   mem    per page, a new instance: WASM linear memory before and after one
//          call (the memory only grows, so after − before is the peak), and
//          after a second call of the same page;
//   inittrace  Go's package init costs inside the WASM (GODEBUG=inittrace=1).
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readPage } from './corpus.mjs';

const [mode, engineDir, pagesFile, warmupArg] = process.argv.slice(2);
const pages = pagesFile && pagesFile !== '-' ? JSON.parse(readFileSync(pagesFile, 'utf8')) : [];
const { createEngine, GO_ENV } = await import(pathToFileURL(join(engineDir, 'engine.mjs')).href);
const wasmPath = join(engineDir, 'saywho.wasm');
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const gc = globalThis.gc ?? (() => {});

function timeCall(engine, page, html) {
  const t0 = performance.now();
  let found = null;
  let error;
  try {
    found = engine.process(html, { url: page.url }).found;
  } catch (err) {
    error = String(err?.message ?? err).slice(0, 200);
  }
  return { ms: performance.now() - t0, found, error };
}

if (mode === 'warm') {
  const bytes = readFileSync(wasmPath);
  let t0 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const compileMs = performance.now() - t0;
  t0 = performance.now();
  const engine = await createEngine(module);
  const instantiateMs = performance.now() - t0;
  out({ kind: 'setup', compileMs, instantiateMs, wasmBytes: bytes.length });
  const htmls = pages.map((p) => new Uint8Array(readPage(p)));
  if (pages.length) out({ kind: 'first', corpus: pages[0].corpus, id: pages[0].id, bytes: htmls[0].length, ...timeCall(engine, pages[0], htmls[0]) });
  const warmup = Number(warmupArg ?? 0);
  for (let n = 0; n < warmup; n++) {
    pages.forEach((p, i) => {
      if (htmls[i].length < 1e6) timeCall(engine, p, htmls[i]);
    });
  }
  // Two passes: V8 first runs WASM from its baseline compiler and
  // optimises hot functions in the background, so the first pass over the
  // pages ("pass1") is what a worker that has seen a few pages gets; the
  // second ("page") is the engine fully warm.
  pages.forEach((p, i) => out({ kind: 'pass1', corpus: p.corpus, id: p.id, bytes: htmls[i].length, ...timeCall(engine, p, htmls[i]) }));
  pages.forEach((p, i) => out({ kind: 'page', corpus: p.corpus, id: p.id, bytes: htmls[i].length, ...timeCall(engine, p, htmls[i]) }));
  // The boundary, split: UTF-8 encoding of the page string (what
  // engine.process does with a string), the bridge call (copy in, engine,
  // encoding the result as JSON, copy out), JSON.parse.
  const api = globalThis.saywho;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  pages.slice(0, 40).forEach((p, i) => {
    const text = decoder.decode(htmls[i]);
    const t0 = performance.now();
    const bytes = encoder.encode(text);
    const t1 = performance.now();
    const r = api.process(bytes, { url: p.url });
    const t2 = performance.now();
    if (r.json !== undefined) JSON.parse(r.json);
    const t3 = performance.now();
    out({ kind: 'split', corpus: p.corpus, id: p.id, bytes: bytes.length, encodeMs: t1 - t0, callMs: t2 - t1, parseMs: t3 - t2, jsonBytes: r.json?.length ?? 0 });
  });
} else if (mode === 'cold') {
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  // Compiled code belongs to the module, so after the first page these
  // instances start with code already optimised: "fresh" is the true cold.
  for (const p of pages) {
    const html = new Uint8Array(readPage(p));
    gc();
    const t0 = performance.now();
    const engine = await createEngine(module);
    const instantiateMs = performance.now() - t0;
    out({ kind: 'cold', corpus: p.corpus, id: p.id, bytes: html.length, instantiateMs, ...timeCall(engine, p, html) });
  }
} else if (mode === 'fresh') {
  const self = fileURLToPath(import.meta.url);
  for (const p of pages) {
    const r = spawnSync(process.execPath, [self, 'fresh-child', engineDir, '-', JSON.stringify(p)], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop();
    try {
      out(JSON.parse(line));
    } catch {
      out({ kind: 'fresh', corpus: p.corpus, id: p.id, error: (r.stderr || r.stdout).slice(0, 300) });
    }
  }
} else if (mode === 'fresh-child') {
  const p = JSON.parse(process.argv[5]);
  const t0 = performance.now();
  const html = new Uint8Array(readPage(p));
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const t1 = performance.now();
  const engine = await createEngine(module);
  const t2 = performance.now();
  const call = timeCall(engine, p, html);
  out({ kind: 'fresh', corpus: p.corpus, id: p.id, bytes: html.length, compileMs: t1 - t0, instantiateMs: t2 - t1, ...call, totalMs: t2 - t0 + call.ms });
} else if (mode === 'mem') {
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  await import(pathToFileURL(join(engineDir, 'wasm_exec.js')).href);
  for (const p of pages) {
    const html = new Uint8Array(readPage(p));
    gc();
    // The loader's instantiation (with its runtime settings), by hand, to
    // reach the instance's memory.
    const go = new globalThis.Go();
    go.env = { ...GO_ENV };
    const instance = new WebAssembly.Instance(module, go.importObject);
    go.run(instance);
    const api = globalThis.saywho;
    const mem = instance.exports.mem;
    const before = mem.buffer.byteLength;
    const t0 = performance.now();
    const res = api.process(html, { url: p.url });
    const ms = performance.now() - t0;
    const after = mem.buffer.byteLength;
    // The same page again on the same instance: memory that only grows
    // shows here what a worker keeps after a few large pages.
    api.process(html, { url: p.url });
    const after2 = mem.buffer.byteLength;
    out({ kind: 'mem', corpus: p.corpus, id: p.id, bytes: html.length, ms, memBefore: before, memAfter: after, memAfter2: after2, growth: after - before, error: res.error });
    globalThis.saywho = undefined;
  }
} else if (mode === 'inittrace') {
  // Package initialisation inside the WASM: Go's GODEBUG=inittrace=1 lines,
  // which wasm_exec.js writes through console.log.
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  await import(pathToFileURL(join(engineDir, 'wasm_exec.js')).href);
  const lines = [];
  const log = console.log;
  console.log = (...a) => lines.push(a.join(' '));
  const go = new globalThis.Go();
  go.env = { GODEBUG: 'inittrace=1' };
  const t0 = performance.now();
  go.run(new WebAssembly.Instance(module, go.importObject));
  const ms = performance.now() - t0;
  console.log = log;
  out({ kind: 'inittrace', runMs: ms, lines: lines.join('\n').split('\n').filter((l) => l.startsWith('init ')) });
} else {
  console.error('usage: node-wasm.mjs warm|cold|fresh|mem|inittrace ENGINE_DIR PAGES.json');
  process.exit(2);
}
process.exit(0);
