// Metrics shared by eval-extract.mjs: word-level F1 (WCXB's measure),
// snippet checks, normalisation.

/** Lower-cased words (letters and digits, any script). */
export function words(s) {
  return (s || '').toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) || [];
}

/** Bag-of-words precision, recall and F1 of got against want. */
export function wordF1(got, want) {
  const g = words(got), w = words(want);
  if (g.length === 0 && w.length === 0) return { p: 1, r: 1, f1: 1 };
  if (g.length === 0 || w.length === 0) return { p: 0, r: 0, f1: 0 };
  const counts = new Map();
  for (const x of w) counts.set(x, (counts.get(x) || 0) + 1);
  let common = 0;
  for (const x of g) {
    const c = counts.get(x);
    if (c > 0) { common++; counts.set(x, c - 1); }
  }
  const p = common / g.length, r = common / w.length;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** White space collapsed, typographic quotes and dashes folded. */
export function norm(s) {
  return (s || '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/**
 * Whether snippet occurs in text: normalised, case-sensitive. With
 * wholeWords, not inside a longer word ("Home" does not match
 * "Homemade"); `with` snippets are checked without it because WCXB cuts
 * some of them mid-word ("high-bandwidt").
 */
export function contains(text, snippet, wholeWords = true) {
  const t = norm(text), s = norm(snippet);
  if (!s) return true;
  if (!wholeWords) return t.includes(s);
  const re = new RegExp('(^|[^\\p{L}\\p{N}])' + escapeRe(s) + '($|[^\\p{L}\\p{N}])', 'u');
  return re.test(t);
}

/** Loose comparison for titles and bylines. */
export function sameMeta(a, b) {
  const f = (x) => words((x || '').replace(/^\s*by\s+/i, '')).join(' ');
  return f(a) === f(b);
}

export function mean(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0; }
export function median(xs) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
