// Node tests of the built WASM engine, through the same loader the
// extension uses. Run after `make build` (or `make wasm`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createEngine, EngineError } from '../../extension/engine/engine.mjs';

const root = new URL('../../', import.meta.url);
const engineDir = new URL('internal/engine/testdata/', root);
const wasm = new URL('extension/engine/saywho.wasm', root);

const engine = await createEngine(wasm);

const pages = JSON.parse(await readFile(new URL('pages.json', engineDir), 'utf8'));

// The Go tests pin each page's result as golden JSON; the WASM build must
// give exactly the same result.
for (const page of pages) {
  test(`WASM result equals the Go golden JSON: ${page.name}`, async () => {
    const html = await readFile(new URL(page.file, engineDir));
    const got = engine.process(new Uint8Array(html), { url: page.url });
    const want = JSON.parse(await readFile(new URL(`golden/${page.name}.json`, engineDir), 'utf8'));
    assert.deepEqual(got, want);
  });
}

test('a string page and a byte page give the same result', async () => {
  const html = await readFile(new URL('testdata/sample/harbor-bridge.html', root));
  assert.deepEqual(engine.process(html.toString('utf8')), engine.process(new Uint8Array(html)));
});

test('a Go panic comes back as an EngineError and the engine keeps working', async () => {
  assert.throws(() => engine.selfTest('panic'), (err) => err instanceof EngineError && /self-test panic/.test(err.message));
  const html = await readFile(new URL('testdata/sample/harbor-bridge.html', root), 'utf8');
  const res = engine.process(html);
  assert.equal(res.found, true);
  assert.ok(res.speakers.length > 0);
});

test('after the Go runtime exits, the next call re-creates it', async () => {
  const before = engine.restarts;
  engine.selfTest('exit');
  // let wasm_exec's exit promise settle, as it would between two toggles
  await new Promise((r) => setTimeout(r, 10));
  const html = await readFile(new URL('testdata/sample/harbor-bridge.html', root), 'utf8');
  const res = engine.process(html);
  assert.equal(res.found, true);
  assert.equal(engine.restarts, before + 1);
});

test('bad arguments are reported, not crashed on', () => {
  assert.throws(() => engine.process(42), TypeError);
  const res = engine.process('');
  assert.equal(res.found, false);
  assert.match(res.reason, /\S/);
});
