// WCAG AA contrast of every theme of the reader view, read from the
// stylesheet itself: 4.5:1 for text, 3:1 for focus rings and borders of
// controls that carry meaning (accent).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './lib/harness.mjs';

const css = fs.readFileSync(path.join(ROOT, 'extension/content/reader.css'), 'utf8');

function themeVars(selector) {
  const at = css.indexOf(selector);
  assert.ok(at >= 0, `no ${selector} in reader.css`);
  const block = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries(Array.from(block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi), (m) => [m[1], m[2]]));
}

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background, minimum]
const PAIRS = [
  ['fg', 'bg', 4.5], ['muted', 'bg', 4.5], ['link', 'bg', 4.5],
  ['fg', 'panel-bg', 4.5], ['muted', 'panel-bg', 4.5], ['link', 'panel-bg', 4.5],
  ['fg', 'bar-bg', 4.5], ['muted', 'bar-bg', 4.5], ['fg', 'btn-bg', 4.5],
  ['mark-fg', 'mark-bg', 4.5], ['tag-fg', 'tag-bg', 4.5],
  ['accent', 'bg', 3], ['accent', 'panel-bg', 3],
];

const THEMES = {
  light: '.sw-app[data-theme="light"]',
  sepia: '.sw-app[data-theme="sepia"]',
  dark: '.sw-app[data-theme="dark"]',
  'auto (dark system)': '.sw-app[data-theme="auto"]',
};

for (const [name, selector] of Object.entries(THEMES)) {
  test(`contrast of the ${name} theme meets WCAG AA`, () => {
    const vars = themeVars(selector);
    for (const [fg, bg, min] of PAIRS) {
      assert.ok(vars[fg] && vars[bg], `${name}: --${fg} or --${bg} missing`);
      const ratio = contrast(vars[fg], vars[bg]);
      assert.ok(ratio >= min, `${name}: --${fg} ${vars[fg]} on --${bg} ${vars[bg]} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
    }
  });
}
