// Reader settings kept in storage.sync, with their defaults and limits.
// Loaded as a classic script by the content script and the options page and
// imported for its side effect by the background, so it publishes on
// globalThis.
(() => {
  const DEFAULTS = Object.freeze({
    theme: 'auto', // auto follows prefers-color-scheme; or light, sepia, dark
    font: 'serif', // serif or sans
    size: 19, // article font size in CSS px
    width: 'medium', // narrow, medium or wide column
    lineHeight: 1.6,
    panelOpen: true, // "Who said what" open when the reader opens (wide screens)
    autoSites: [], // origins ("https://example.com") always opened in reader view
  });
  const CHOICES = Object.freeze({
    theme: ['auto', 'light', 'sepia', 'dark'],
    font: ['serif', 'sans'],
    width: ['narrow', 'medium', 'wide'],
    lineHeight: [1.4, 1.6, 1.8, 2],
  });
  const SIZE_MIN = 14;
  const SIZE_MAX = 28;

  /** Returns a complete, valid settings object from whatever was stored. */
  function normalize(stored) {
    const s = { ...DEFAULTS, ...(stored || {}) };
    for (const [key, allowed] of Object.entries(CHOICES)) {
      if (!allowed.includes(s[key])) s[key] = DEFAULTS[key];
    }
    const size = Math.round(Number(s.size));
    s.size = Number.isFinite(size) ? Math.min(SIZE_MAX, Math.max(SIZE_MIN, size)) : DEFAULTS.size;
    s.panelOpen = Boolean(s.panelOpen);
    s.autoSites = Array.isArray(s.autoSites)
      ? s.autoSites.filter((o) => typeof o === 'string' && /^https?:\/\/[^/]+$/.test(o))
      : [];
    return s;
  }

  /**
   * The host-permission pattern for a site origin. Without the port: Firefox
   * rejects ports in match patterns, and a pattern without one covers all.
   * @param {string} origin "https://news.example" or "http://127.0.0.1:8080"
   */
  function originPattern(origin) {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  }

  globalThis.SAYWHO_SETTINGS = Object.freeze({ DEFAULTS, CHOICES, SIZE_MIN, SIZE_MAX, normalize, originPattern });
})();
