#!/usr/bin/env node
// Two builds of the engine WASM, compared on the same pages in one Node
// process: which is faster, by how much. On a shared machine the time a
// page takes can swing by 20% from one minute to the next, so rounds of
// "all pages with A, then all pages with B" mostly measure the machine.
// Here every page runs with both builds back to back, in alternating
// order, so a slow moment costs both the same; the ratio of the summed
// times and the median of the per-page ratios are printed. Comparing a
// build with itself shows what is noise: within 0.5% over all pages and
// three rounds on the 2-core machine of docs/PERFORMANCE.md.
//
//   node scripts/bench/ab.mjs A.wasm B.wasm [--limit N] [--rounds R]
//
//   --limit N   N pages per corpus, evenly spaced (default: all)
//   --rounds R  timed passes over the pages (default 3), after one untimed
//
// Build each side with the flags of scripts/build.sh, for example:
//   GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o /tmp/b.wasm ./wasm
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listPages, readPage, sharedDir } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args.splice(i, 2)[1]);
  if (!Number.isInteger(v) || v < 0) usage(`${name} wants a whole number`);
  return v;
};
function usage(msg) {
  const out = msg ? process.stderr : process.stdout;
  if (msg) out.write(`ab.mjs: ${msg}\n`);
  out.write('usage: node scripts/bench/ab.mjs A.wasm B.wasm [--limit N] [--rounds R]\n');
  process.exit(msg ? 2 : 0);
}
if (args.includes('-h') || args.includes('--help')) usage();
const limit = flag('--limit', 0);
const rounds = flag('--rounds', 3);
if (args.length !== 2 || rounds < 1) usage('two WASM files and at least one round');

const shared = sharedDir(root);
if (!shared) usage('the shared corpora were not found (../shared beside the checkout, or $SAYWHO_SHARED)');
const pages = listPages(shared, limit);
const htmls = pages.map((p) => new Uint8Array(readPage(p)));
const { createEngine } = await import(pathToFileURL(join(root, 'extension', 'engine', 'engine.mjs')).href);
const [a, b] = await Promise.all(args.map(async (path) => createEngine(await WebAssembly.compile(readFileSync(path)))));

const time = (engine, i) => {
  const t0 = performance.now();
  engine.process(htmls[i], { url: pages[i].url });
  return performance.now() - t0;
};
for (let i = 0; i < htmls.length; i++) { time(a, i); time(b, i); } // warm both up
let sumA = 0;
let sumB = 0;
const ratios = [];
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < htmls.length; i++) {
    let ta;
    let tb;
    if ((i + r) % 2) { ta = time(a, i); tb = time(b, i); } else { tb = time(b, i); ta = time(a, i); }
    sumA += ta;
    sumB += tb;
    ratios.push(tb / ta);
  }
}
ratios.sort((x, y) => x - y);
const n = ratios.length;
console.log(`${pages.length} pages × ${rounds} rounds: A ${(sumA / n).toFixed(2)} ms, B ${(sumB / n).toFixed(2)} ms a page; ` +
  `B/A ${(sumB / sumA).toFixed(3)} (summed times), ${ratios[n >> 1].toFixed(3)} (median per page)`);
