// Differences between Chromium and Firefox that the background has to know
// about, in one place.

/** The WebExtension API object: Firefox has promise-based `browser`, Chromium `chrome`. */
export const api = globalThis.browser ?? globalThis.chrome;

/** Firefox runs the background as an event page; Chromium as a service worker. */
export const isFirefox = typeof globalThis.browser !== 'undefined' &&
  typeof api.runtime.getBrowserInfo === 'function';

// Pages no extension may script: the browsers' own pages and their add-on
// stores. Injection there fails; we say so instead of failing silently.
const PROTECTED_SCHEMES = /^(chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|jar|data|blob|javascript):/i;
const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

/**
 * True for URLs the browser never lets an extension touch. An empty URL
 * (activeTab not granted, or a page still loading) is not judged here.
 * @param {string|undefined} url
 */
export function isProtectedUrl(url) {
  if (!url) return false;
  return PROTECTED_SCHEMES.test(url) || STORE_PAGES.some((re) => re.test(url));
}

/**
 * Error messages of scripting.executeScript that mean "this page is off
 * limits" in Chromium ("Cannot access a chrome:// URL", "The extensions
 * gallery cannot be scripted") and Firefox ("Missing host permission").
 * @param {unknown} err
 */
export function isAccessError(err) {
  const msg = String(err?.message ?? err);
  return /cannot access|cannot be scripted|missing host permission|no permission|not allowed/i.test(msg);
}
