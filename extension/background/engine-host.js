// Owns the one engine instance of the background. The WASM is compiled on
// first use (or ahead of time by warmUp) and reused; createEngine itself
// replaces a Go runtime that died.
import { createEngine } from '../engine/engine.mjs';
import { api } from './quirks.js';

const WASM_URL = new URL('../engine/saywho.wasm', import.meta.url);
const READER_CSS_URL = new URL('../content/reader.css', import.meta.url);

/** @type {Promise<Awaited<ReturnType<typeof createEngine>>>|null} */
let enginePromise = null;
/** @type {Promise<string>|null} */
let cssPromise = null;

function engine() {
  if (!enginePromise) {
    enginePromise = createEngine(WASM_URL).catch((err) => {
      enginePromise = null; // let the next page try again
      throw err;
    });
  }
  return enginePromise;
}

// The reader's stylesheet is an extension file the content script cannot
// fetch without making it web-accessible; the background hands it over.
function readerCss() {
  if (!cssPromise) {
    cssPromise = fetch(READER_CSS_URL).then((r) => r.text()).catch((err) => {
      cssPromise = null;
      throw err;
    });
  }
  return cssPromise;
}

/** Starts compiling the engine while the content script is being injected. */
export function warmUp() {
  engine().catch(() => {});
  readerCss().catch(() => {});
}

/**
 * Runs the engine on one page.
 * @param {{html: string, url: string}} page
 * @returns {Promise<{ok: true, result: import('../shared/result.js').Result, css: string} | {ok: false, error: string, code: string}>}
 */
export async function processPage({ html, url }) {
  try {
    const [e, css] = await Promise.all([engine(), readerCss()]);
    if (typeof html !== 'string') throw new TypeError('no page HTML received');
    const result = e.process(html, { url: String(url ?? '') });
    return { ok: true, result, css };
  } catch (err) {
    console.warn('SayWho engine error', err);
    return {
      ok: false,
      error: String(err?.message ?? err) || api.i18n.getMessage('errorUnknown'),
      code: typeof err?.code === 'string' ? err.code : 'failed',
    };
  }
}
