// Hostile and broken pages through the built WASM engine, with the same
// loader the extension uses: nothing may crash the Go runtime, hang, or
// come back executable. The Go tests (internal/engine/*_hostile_test.go)
// check the same pages natively and more thoroughly; this file proves the
// WASM build behaves the same and that refusals reach JS as EngineErrors
// with the messages the UI shows.
//
// The WASM is built first if it is missing, so nothing here is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createEngine, EngineError } from '../../extension/engine/engine.mjs';

const root = new URL('../../', import.meta.url);
const hostileDir = new URL('internal/engine/testdata/hostile/', root);
const wasm = new URL('extension/engine/saywho.wasm', root);

if (!existsSync(wasm)) {
  execFileSync('bash', ['scripts/build.sh', '--wasm-only'], { cwd: fileURLToPath(root), stdio: 'inherit' });
}
const engine = await createEngine(wasm);
const restartsAtStart = engine.restarts;

// What the reader view must never receive. The Go tests parse the HTML;
// here a textual check suffices because the engine's renderer writes
// every attribute as name="value" with the value escaped.
const ACTIVE_ELEMENT = /<(script|iframe|frame|frameset|object|embed|applet|form|base|meta|link|style|svg|math|template|input|button|textarea|select|noscript)\b/i;
const HANDLER = /<[^>]*\son[a-z]+\s*=/i;
const BAD_URL = /\s(href|src|action|formaction|srcset|poster|background|cite|data)\s*=\s*"\s*(javascript|vbscript|livescript|data:(?!image\/(?!svg)))/i;
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function assertInert(res, label) {
  assert.doesNotMatch(res.html, ACTIVE_ELEMENT, `${label}: active element in html`);
  assert.doesNotMatch(res.html, HANDLER, `${label}: event handler in html`);
  assert.doesNotMatch(res.html, BAD_URL, `${label}: script URL in html`);
  assert.doesNotMatch(res.image, /^\s*(javascript|vbscript|livescript|data:(?!image\/(?!svg)))/i, `${label}: image ${res.image}`);
  assert.doesNotMatch(res.text, CONTROL, `${label}: control character in text`);
  for (const sp of res.speakers) {
    for (const st of sp.statements) assert.doesNotMatch(st.text, CONTROL, `${label}: control character in a statement`);
  }
}

const article = (body, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge to close - Lakeside Courier</title>${head}</head><body><article>
<h1>Harbour authority votes to close the old swing bridge</h1><p class="byline">By Dana Whitfield</p>
<p>The harbour authority voted on Tuesday to close the old swing bridge for eighteen months of repairs, ending weeks of argument between ferry operators and residents of the north shore.</p>
<p>"We cannot keep patching a structure that was designed for horse carts," said Mayor Marisol Okafor, who cast the deciding vote after a four-hour meeting.</p>
${body}
<p>Engineers found corrosion in three of the bridge's eight main girders last spring. A temporary weight limit has been in place since then, forcing buses onto a detour that adds twenty minutes to the commute.</p>
<p>"The detour is already costing my members customers every single day," said Tomas Lindqvist, chair of the North Shore Business Association.</p>
</article></body></html>`;

// The time limit is 2 s of wall-clock time, and WASM code runs 10-50×
// slower on its first calls, before V8 has optimised it: each page is run
// once to warm up, and the second run is the one that counts.
test('pages 5,000 and 100,000 elements deep are cleaned', () => {
  for (const depth of [5000, 100000]) {
    const page = article('<div>'.repeat(depth) + '<p>The deepest paragraph of the story is still part of the article and must be kept.</p>' + '</div>'.repeat(depth));
    try { engine.process(page); } catch { /* warm-up */ }
    const started = performance.now();
    const res = engine.process(page);
    const ms = performance.now() - started;
    assert.equal(res.found, true, `${depth}: ${res.reason}`);
    assert.match(res.text, /The deepest paragraph of the story/);
    assert.match(res.text, /The detour is already costing my members/);
    console.log(`# ${depth} deep (${(page.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms in WASM`);
  }
});

test('every XSS vector comes back inert from the WASM engine', async () => {
  const lines = (await readFile(new URL('xss-vectors.txt', hostileDir), 'utf8')).split('\n');
  const vectors = lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('esc:'));
  assert.ok(vectors.length > 150, `only ${vectors.length} vectors`);
  let tried = 0;
  for (const v of vectors) {
    for (const page of [article(`<p>The council met ${v} on Tuesday.</p>`), article(v), article('', v)]) {
      const res = engine.process(page, { url: 'https://lakeside-courier.example/local/bridge/' });
      assertInert(res, v);
      tried++;
    }
  }
  assert.equal(tried, vectors.length * 3);
});

test('the e2e hostile pages come back inert, with quoted markup as text', async () => {
  for (const name of ['hostile.html', 'hostile-payloads.html']) {
    const html = await readFile(new URL(`tests/e2e/pages/${name}`, root), 'utf8');
    const res = engine.process(html, { url: 'https://test-gazette.example/news/ferry-fares' });
    assert.equal(res.found, true, `${name}: ${res.reason}`);
    assertInert(res, name);
    const quote = res.speakers.flatMap((s) => s.statements).find((st) => st.text.includes('is not a fare'));
    if (quote) assert.match(quote.text, /<img src=x/);
  }
});

test('odd pages give "no article found", never garbage', async () => {
  const garbage = new Uint8Array(65536);
  for (let i = 0, x = 1; i < garbage.length; i++) { x = (x * 1103515245 + 12345) >>> 0; garbage[i] = x >>> 24; }
  const pages = {
    empty: '',
    'NUL bytes': '\u0000'.repeat(1000),
    'binary garbage': garbage,
    frameset: await readFile(new URL('frameset.html', hostileDir)),
    'image only': await readFile(new URL('image-only.html', hostileDir)),
    'PDF viewer': await readFile(new URL('pdf-viewer.html', hostileDir)),
  };
  for (const [name, page] of Object.entries(pages)) {
    const res = engine.process(page instanceof Uint8Array ? new Uint8Array(page) : page);
    assert.equal(res.found, false, `${name}: found an article: ${res.text.slice(0, 200)}`);
    assert.match(res.reason, /^no article found/, name);
    assert.equal(res.html, '', name);
  }
});

test('windows-1252 bytes are decoded, Shift_JIS is reported', async () => {
  const cp1252 = await readFile(new URL('windows-1252.html', hostileDir));
  const res = engine.process(new Uint8Array(cp1252));
  assert.equal(res.found, true, res.reason);
  assert.match(res.text, /“We have served coffee here since my grandfather opened the doors in 1962,” said Renée Dupré/);
  const sjis = await readFile(new URL('shift_jis.html', hostileDir));
  assert.throws(() => engine.process(new Uint8Array(sjis)), (err) => err instanceof EngineError && /unsupported page encoding "shift_jis"/.test(err.message));
});

test('broken markup still gives the article', async () => {
  const res = engine.process(await readFile(new URL('unclosed-tags.html', hostileDir), 'utf8'));
  assert.equal(res.found, true, res.reason);
  assert.match(res.text, /Fuel costs have doubled/);
});

test('a page over the size cap is refused at once with "page too large"', () => {
  const page = new Uint8Array(20_000_000).fill(0x61);
  const started = performance.now();
  assert.throws(() => engine.process(page), (err) => err instanceof EngineError && /^page too large: 19\.1 MiB, the limit is 16\.0 MiB/.test(err.message));
  assert.ok(performance.now() - started < 2000);
});

test('a page too slow for the time limit ends with "this page is too complex"', () => {
  // 50,000 links take over a second natively and several in WASM; with a
  // 200 ms limit the loops polling the budget stop the call early.
  let links = '';
  for (let i = 0; i < 50000; i++) links += `<a href="/story/${i}">Another story number ${i}</a>\n`;
  const page = article('', '') + `<footer><nav>${links}</nav></footer>`;
  const started = performance.now();
  let outcome;
  try {
    outcome = engine.process(page, { timeoutMs: 200 });
  } catch (err) {
    outcome = err;
  }
  const ms = performance.now() - started;
  console.log(`# ${(page.length / 1e6).toFixed(1)} MB of links: ${outcome instanceof Error ? outcome.message : 'a result'} after ${ms.toFixed(0)} ms`);
  assert.ok(outcome instanceof EngineError, 'expected the time limit to stop the call');
  assert.match(outcome.message, /^this page is too complex/);
  assert.equal(outcome.code, 'too-complex');
});

test('after all of that, the same Go runtime still works', async () => {
  const html = await readFile(new URL('testdata/sample/harbor-bridge.html', root), 'utf8');
  const res = engine.process(html);
  assert.equal(res.found, true);
  assert.ok(res.speakers.length > 0);
  assert.equal(engine.restarts, restartsAtStart, 'the Go runtime died and was re-created');
});
