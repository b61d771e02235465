// web-ext lint on the built extension: no errors, and no warnings beyond the
// one the shared Chrome/Firefox manifest causes on purpose (Firefox ignores
// background.service_worker and uses background.scripts).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { DIST, ROOT } from './lib/harness.mjs';

const EXPECTED_WARNINGS = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);

test('web-ext lint accepts dist/unpacked', { timeout: 120_000 }, async (t) => {
  if (!fs.existsSync(path.join(DIST, 'manifest.json'))) {
    if (process.env.CI === 'true') assert.fail('dist/unpacked missing: run `make build` first');
    console.error('\n!!! SKIPPING web-ext lint: dist/unpacked missing, run `make build` first\n');
    t.skip('dist/unpacked missing');
    return;
  }
  const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
  const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', DIST, '--output', 'json', '--no-input'],
    { cwd: ROOT, maxBuffer: 16 << 20 }).catch((err) => err); // exits non-zero on errors; the JSON says why
  const report = JSON.parse(stdout);
  const show = (list) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`).join('\n');
  assert.equal(report.errors.length, 0, `web-ext lint errors:\n${show(report.errors)}`);
  const unexpected = report.warnings.filter((w) => !EXPECTED_WARNINGS.has(w.code));
  assert.equal(unexpected.length, 0, `web-ext lint warnings:\n${show(unexpected)}`);
});
