// Tests of the Node CLI, scripts/saywho.mjs, run as a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = 'testdata/sample/harbor-bridge.html';

function saywho(args, input) {
  return spawnSync(process.execPath, ['scripts/saywho.mjs', ...args], { cwd: root, input, encoding: 'utf8' });
}

test('--help prints usage and exits 0', () => {
  const r = saywho(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^usage: node scripts\/saywho\.mjs \[--json\] \[--url URL\] FILE\|-/);
});

test('a missing file exits non-zero with one line on stderr', () => {
  const r = saywho(['no/such/page.html']);
  assert.notEqual(r.status, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /cannot read no\/such\/page\.html/);
});

test('an unknown option is a usage error', () => {
  const r = saywho(['--frobnicate', sample]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option --frobnicate/);
});

test('--json prints the contract fields', () => {
  const r = saywho(['--json', '--url', 'https://lakeside-courier.example/local/harbor-bridge/', sample]);
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(r.stdout);
  for (const key of ['title', 'byline', 'siteName', 'published', 'lang', 'html', 'text', 'removed', 'speakers']) {
    assert.ok(key in res, `missing ${key}`);
  }
  assert.ok(res.speakers.some((s) => s.name === 'Marisol Okafor'));
  assert.ok(!res.text.includes('Please enter your comment!'));
});

test('the summary reads from standard input and names speakers and removals', () => {
  const r = saywho(['-'], readFileSync(`${root}/${sample}`));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Council approves \$48m repair plan/);
  assert.match(r.stdout, /Removed \(\d+\):/);
  assert.match(r.stdout, /comment form ×\d/);
  assert.match(r.stdout, /Marisol Okafor/);
});
