#!/usr/bin/env node
// saywho — run the SayWho engine (the built WASM) on a saved page.
//
// Uses the same loader as the extension (extension/engine/engine.mjs), so
// what it prints is what the reader view would show.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../extension/engine/engine.mjs';

const USAGE = `usage: node scripts/saywho.mjs [--json] [--url URL] FILE|-

Cleans a news page and lists who said what.

  FILE        a saved HTML page; - reads the page from standard input
  --json      print the full result as JSON (the contract in docs/CONTRACT.md)
  --url URL   the page's address, to resolve relative links and images
  -h, --help  show this help

The engine must be built first: make build (or scripts/build.sh --wasm-only).
Exit status: 0 on success, 1 when the page can't be read or processed,
2 on a usage error.`;

const KIND_LABELS = {
  'comment-form': 'comment form',
  comments: 'comments',
  'spam-byline': 'spam author bio',
  'related-links': 'related links',
  share: 'share bar',
  newsletter: 'newsletter box',
  ad: 'advertisement',
  navigation: 'navigation',
  'cookie-banner': 'cookie banner',
  other: 'other',
};

function parseArgs(argv) {
  const opts = { json: false, url: '', file: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--url') {
      if (i + 1 >= argv.length) throw new UsageError('--url needs a value');
      opts.url = argv[++i];
    } else if (a.startsWith('--url=')) opts.url = a.slice(6);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (opts.file !== null) throw new UsageError('give one FILE only');
    else opts.file = a;
  }
  if (!opts.help && opts.file === null) throw new UsageError('missing FILE (or - for standard input)');
  return opts;
}

class UsageError extends Error {}

async function readInput(file) {
  if (file !== '-') return readFile(file);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The readable summary: title, byline, removals by kind, who said what. */
export function summary(result) {
  const out = [];
  if (!result.found) {
    out.push(`No article found: ${result.reason}`);
  } else {
    out.push(result.title || '(untitled)');
    const meta = [result.byline && `By ${result.byline}`, result.siteName, result.published].filter(Boolean);
    if (meta.length) out.push(meta.join(' · '));
    const words = result.text.split(/\s+/).filter(Boolean).length;
    out.push(`${words} words in ${result.text ? result.text.split('\n\n').length : 0} blocks`);
  }
  const byKind = new Map();
  for (const r of result.removed) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.text]);
  out.push('', `Removed (${result.removed.length}):`);
  if (byKind.size === 0) out.push('  nothing');
  for (const [kind, texts] of byKind) {
    out.push(`  ${KIND_LABELS[kind] ?? kind} ×${texts.length}`);
    for (const t of texts) out.push(`    - ${clip(t, 90)}`);
  }
  if (result.found) {
    out.push('', `Who said what (${result.speakers.length} speakers):`);
    if (result.speakers.length === 0) out.push('  no attributed statements');
    for (const sp of result.speakers) {
      out.push(`  ${sp.name}${sp.role ? ` — ${sp.role}` : ''} (${sp.kind})`);
      for (const st of sp.statements) {
        const said = st.direct ? `“${st.text}”` : `[reported] ${st.text}`;
        out.push(`    ${st.cue ? `${st.cue}: ` : ''}${said}`);
      }
    }
  }
  return out.join('\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`saywho: ${err.message}\n${USAGE.split('\n')[0]}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let page;
  try {
    page = await readInput(opts.file);
  } catch (err) {
    process.stderr.write(`saywho: cannot read ${opts.file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`);
    return 1;
  }
  const wasm = new URL('../extension/engine/saywho.wasm', import.meta.url);
  let engine;
  try {
    engine = await createEngine(wasm);
  } catch (err) {
    const hint = err.code === 'ENOENT' ? ` (${fileURLToPath(wasm)} missing: run make build)` : '';
    process.stderr.write(`saywho: cannot load the engine: ${err.message.split('\n')[0]}${hint}\n`);
    return 1;
  }
  let result;
  try {
    result = engine.process(new Uint8Array(page.buffer, page.byteOffset, page.byteLength), { url: opts.url });
  } catch (err) {
    process.stderr.write(`saywho: ${opts.file}: ${err.message.split('\n')[0]}\n`);
    return 1;
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${summary(result)}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main();
}
