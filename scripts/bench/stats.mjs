// Summary statistics for lists of per-page timings.

/** Nearest-rank percentile of a sorted list. */
function pct(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * @param {{ms: number, bytes: number}[]} rows one per page
 * @returns {{n, mean, p50, p90, p99, max, mbps, pps, totalMs, totalBytes}}
 */
export function summarize(rows) {
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const totalMs = ms.reduce((a, b) => a + b, 0);
  const totalBytes = rows.reduce((a, r) => a + (r.bytes || 0), 0);
  return {
    n: ms.length,
    mean: ms.length ? totalMs / ms.length : NaN,
    p50: pct(ms, 50),
    p90: pct(ms, 90),
    p99: pct(ms, 99),
    max: ms.length ? ms[ms.length - 1] : NaN,
    mbps: totalMs ? totalBytes / 1e6 / (totalMs / 1000) : NaN,
    pps: totalMs ? ms.length / (totalMs / 1000) : NaN,
    totalMs,
    totalBytes,
  };
}

export function fmt(x, digits = 1) {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (Math.abs(x) >= 1000) return x.toFixed(0);
  return x.toFixed(digits);
}
