// Message types exchanged between the parts of the extension, named by
// direction: "cs-bg-…" content script → background, "bg-cs-…" background →
// content script. Each context has exactly one runtime.onMessage switch
// (background/background.js, content/reader.js).
//
// This file is loaded both as a classic content script (injected before
// content/reader.js) and as a side-effect import by the background module, so
// it publishes the table on globalThis instead of exporting it.
globalThis.SAYWHO_MESSAGES = Object.freeze({
  /** {html, url} → {ok: true, result, css} | {ok: false, error} */
  CS_BG_PROCESS: 'cs-bg-process',
  /** {state: "open"|"closed"|"no-article"|"error", detail?} → badge and title */
  CS_BG_STATE: 'cs-bg-state',
  /** {} every 20 s while a reader is open → keeps the worker and its warm engine alive */
  CS_BG_KEEPALIVE: 'cs-bg-keepalive',
  /** {site?} → opens the options page (with the site ready to add) */
  CS_BG_OPEN_OPTIONS: 'cs-bg-open-options',
  /** {mode: "toggle"|"open"} → {state} */
  BG_CS_TOGGLE: 'bg-cs-toggle',
});
