// The reader view, injected on demand into the active tab (classic script,
// after shared/messages.js, shared/settings.js, content/quirks.js and
// content/serialize.js).
//
// Opening: the page's current HTML (script and style texts and SVG content
// left out, see serialize.js) goes to the background, which runs the
// engine; the answer is rendered in a closed shadow root on a host element
// appended to <html>.
// The page itself is left alone apart from that host, an `overflow: hidden`
// on <html> (its style attribute is saved and put back byte for byte) and a
// print-only stylesheet adopted by the document.
// Closing removes all of that and restores the scroll position and focus.
(() => {
  'use strict';
  if (globalThis.__sayWhoReader) return;
  globalThis.__sayWhoReader = true;

  const M = globalThis.SAYWHO_MESSAGES;
  const SETTINGS = globalThis.SAYWHO_SETTINGS;
  const { api, adoptStyles, addDocumentSheet } = globalThis.SAYWHO_QUIRKS;
  const { serializeDocument } = globalThis.SAYWHO_SERIALIZE;

  const HOST_TAG = 'saywho-reader';
  const TOAST_TAG = 'saywho-toast';
  // how often an open reader pings the background (its idle limit is ~30 s)
  const KEEPALIVE_MS = 20_000;
  const NARROW = '(max-width: 799px)';
  const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
  const TOAST_MS = 5000;

  /** @param {string} key @param {string|string[]} [subs] */
  const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

  /** The open reader, or null. */
  let session = null;
  let busy = false;

  // The one message switch of the content script.
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id) return false;
    switch (msg?.type) {
      case M.BG_CS_TOGGLE:
        toggle(msg.mode).then(
          (state) => sendResponse({ state }),
          (err) => {
            report('error', String(err?.message ?? err));
            sendResponse({ state: 'error', error: String(err?.message ?? err) });
          },
        );
        return true;
      default:
        return false;
    }
  });

  function report(state, detail) {
    api.runtime.sendMessage({ type: M.CS_BG_STATE, state, detail }).catch?.(() => {});
  }

  /** @param {"toggle"|"open"} mode */
  async function toggle(mode) {
    if (busy) return 'busy';
    if (session) {
      if (mode === 'open') return 'open';
      close();
      return 'closed';
    }
    busy = true;
    try {
      return await open();
    } finally {
      busy = false;
    }
  }

  // ---------------------------------------------------------------- opening

  async function open() {
    const html = serializeDocument();
    const loading = toast(t('loading'), 0);
    // The settings are read while the engine works, not after.
    const settingsRead = Promise.resolve(api.storage.sync.get(SETTINGS.DEFAULTS)).catch(() => ({}));
    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: M.CS_BG_PROCESS, html, url: location.href });
    } catch (err) {
      reply = { ok: false, error: String(err?.message ?? err) };
    } finally {
      loading.remove();
    }
    if (!reply?.ok) {
      // The engine's error codes (engine.ErrorCode) have their own words;
      // anything else shows the engine's message after a general one.
      const byCode = { 'too-complex': 'errorTooComplex', 'too-large': 'errorTooLarge', encoding: 'errorEncoding' };
      const key = byCode[reply?.code];
      toast(key ? t(key) : t('stateError') + (reply?.error ? ` (${reply.error})` : ''));
      report('error', reply?.error);
      return 'error';
    }
    const { result, css } = reply;
    if (!result?.found) {
      toast(t('stateNoArticle'));
      report('no-article', result?.reason);
      return 'no-article';
    }
    const settings = SETTINGS.normalize(await settingsRead);
    session = render(result, css, settings);
    // An MV3 worker stops after about 30 s without events, and the next
    // page would pay a cold engine start: while the reader is open, ping
    // the background now and then so it stays warm.
    const keepAlive = setInterval(() => {
      try {
        Promise.resolve(api.runtime.sendMessage({ type: M.CS_BG_KEEPALIVE })).catch(() => {});
      } catch {
        // the extension was updated or removed: nothing to keep alive
      }
    }, KEEPALIVE_MS);
    session.cleanups.push(() => clearInterval(keepAlive));
    report('open');
    return 'open';
  }

  // -------------------------------------------------------------- closing

  function close() {
    const s = session;
    session = null;
    if (!s) return;
    for (const undo of s.cleanups.reverse()) {
      try {
        undo();
      } catch {
        // keep restoring the rest
      }
    }
    s.host.remove();
    const root = document.documentElement;
    // Chromium writes CSSOM changes back to the style attribute lazily; read
    // it first, or a later serialisation can resurrect an empty style="".
    root.getAttribute('style');
    if (s.saved.rootStyle === null) root.removeAttribute('style');
    else root.setAttribute('style', s.saved.rootStyle);
    window.scrollTo({ left: s.saved.scrollX, top: s.saved.scrollY, behavior: 'instant' });
    const back = s.saved.focus;
    if (back && back.isConnected && back !== document.body && typeof back.focus === 'function') {
      back.focus({ preventScroll: true });
    }
    report('closed');
  }

  // ---------------------------------------------------------------- toasts

  const TOAST_CSS = `
    :host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
      left: 50% !important; bottom: 24px !important; transform: translateX(-50%) !important; display: block !important; }
    div { font: 15px/1.4 system-ui, sans-serif; background: #1f1f1f; color: #fff; padding: 10px 16px;
      border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.35); max-width: min(90vw, 36rem); }`;

  /**
   * Shows a short message at the bottom of the page. ms = 0 keeps it until
   * .remove() is called on the returned host.
   */
  function toast(text, ms = TOAST_MS) {
    const host = document.createElement(TOAST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root, TOAST_CSS);
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.textContent = text;
    root.append(box);
    document.documentElement.append(host);
    if (ms > 0) setTimeout(() => host.remove(), ms);
    return host;
  }

  // ------------------------------------------------------------- rendering

  /**
   * Small element builder. attrs: plain attributes, plus `text` (textContent)
   * and `on` ({event: handler}). Children: nodes or strings (as text).
   */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }

  // Elements and attributes never allowed into the reader, whatever the
  // engine sent: a second line of defence behind the engine's sanitiser.
  const DROP_ELEMENTS = 'script,style,link,meta,base,title,iframe,frame,frameset,object,embed,applet,' +
    'form,input,button,select,textarea,option,template,noscript,dialog,portal,slot,math,svg';
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'cite', 'background', 'ping']);

  /** Parses the engine's article HTML into inert nodes and strips anything active. */
  function articleFragment(html) {
    const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    for (const el of doc.body.querySelectorAll(DROP_ELEMENTS)) el.remove();
    for (const el of doc.body.querySelectorAll('*')) {
      // Attribute names as strings, and a value read only where it is
      // checked: a quarter less time than walking Attr objects on a long
      // article (24 -> 18 ms for 5,000 elements in Chromium).
      if (el.hasAttributes()) {
        for (const raw of el.getAttributeNames()) {
          const name = raw.toLowerCase();
          let drop = name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'id';
          if (!drop && (URL_ATTRS.has(name) || name === 'srcset')) {
            // Only URL values are read: control characters and spaces out, lower case.
            const value = el.getAttribute(raw).replace(/[\u0000-\u0020]/g, '').toLowerCase();
            drop = name === 'srcset'
              ? /(javascript|vbscript):/.test(value)
              : /^(javascript|vbscript|data):/.test(value) && !/^data:image\/(png|gif|jpe?g|webp|avif);/.test(value);
          }
          if (drop) el.removeAttribute(raw);
        }
      }
      if (el.localName === 'a') {
        if (el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
      } else if (el.localName === 'img') {
        el.setAttribute('loading', 'lazy');
      }
    }
    const frag = document.createDocumentFragment();
    frag.append(...Array.from(doc.body.childNodes));
    return frag;
  }

  function formatDate(iso, lang) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    try {
      return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' }).format(d);
    } catch {
      return d.toDateString();
    }
  }

  function hostOf(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  }

  /** "3 related-link blocks · 1 comment form" from the removed list. */
  function removedGroups(removed) {
    const groups = new Map();
    for (const r of removed || []) {
      const kind = typeof r?.kind === 'string' ? r.kind : 'other';
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind).push(String(r?.text ?? ''));
    }
    return groups;
  }

  function kindKey(kind) {
    const known = ['comment-form', 'comments', 'spam-byline', 'related-links', 'share', 'newsletter',
      'ad', 'navigation', 'cookie-banner', 'other'];
    return (known.includes(kind) ? kind : 'other').replace(/-/g, '_');
  }

  function countLabel(kind, n) {
    return t(`removed_${kindKey(kind)}_${n === 1 ? 'one' : 'other'}`, [String(n)]);
  }

  const PANEL_ID = 'sw-panel';
  const SETTINGS_ID = 'sw-settings';

  /**
   * Builds the reader for one result.
   * @param {import('../shared/result.js').Result} result
   * @param {string} css
   * @param {ReturnType<typeof SETTINGS.normalize>} settings
   */
  function render(result, css, settings) {
    const saved = {
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      rootStyle: document.documentElement.getAttribute('style'),
      focus: document.activeElement,
    };
    const cleanups = [];
    const uiLang = t('uiLang'); // the language of the strings shown, not the browser's
    const narrow = window.matchMedia(NARROW);
    const reducedMotion = window.matchMedia(REDUCED_MOTION);

    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root, css);

    // Header: site, title, byline, date.
    const site = result.siteName || hostOf(location.href);
    const date = formatDate(result.published, uiLang);
    const titleId = 'sw-title';
    const header = h('header', { class: 'sw-header' },
      h('p', { class: 'sw-site', text: site }),
      h('h1', { id: titleId, class: 'sw-title', tabindex: '-1', text: result.title || document.title }),
      (result.byline || date) && h('p', { class: 'sw-meta' },
        result.byline && h('span', { class: 'sw-byline', text: result.byline }),
        result.byline && date && h('span', { class: 'sw-sep', 'aria-hidden': 'true', text: ' · ' }),
        date && h('time', { class: 'sw-date', datetime: result.published, text: date })));

    // Article body, with the lead image when the body does not show it.
    const article = h('article', { class: 'sw-article', lang: result.lang || null });
    article.append(articleFragment(result.html || ''));
    if (result.image && !Array.from(article.querySelectorAll('img')).some((img) => img.getAttribute('src') === result.image)) {
      article.prepend(h('figure', { class: 'sw-lead' }, h('img', { src: result.image, alt: '' })));
    }

    const main = h('main', { class: 'sw-main', 'aria-labelledby': titleId }, article, removedSection(result.removed));

    // Who said what.
    const panel = whoPanel(result.speakers || []);

    // Controls.
    const panelButton = h('button', {
      type: 'button', class: 'sw-btn sw-panel-toggle', 'aria-controls': PANEL_ID, 'aria-expanded': 'false',
      text: t('panelButton', [String((result.speakers || []).length)]),
    });
    const settingsButton = h('button', {
      type: 'button', class: 'sw-btn', 'aria-controls': SETTINGS_ID, 'aria-expanded': 'false',
      title: t('settingsTitle'), 'aria-label': t('settingsTitle'), text: 'Aa',
    });
    const closeButton = h('button', {
      type: 'button', class: 'sw-btn sw-close', title: t('closeReader'), 'aria-label': t('closeReader'), text: '✕',
    });
    const settingsBox = settingsPanel(settings);
    const bar = h('div', { class: 'sw-bar', role: 'region', 'aria-label': t('controlsLabel') },
      h('span', { class: 'sw-brand', text: t('extShortName') }),
      h('span', { class: 'sw-spacer' }),
      panelButton, settingsButton, closeButton);

    const scroller = h('div', { class: 'sw-scroll' }, header, main);
    const live = h('div', { class: 'sw-live', role: 'status', 'aria-live': 'polite' });
    const body = h('div', { class: 'sw-body' }, scroller, panel.el);
    const app = h('div', { class: 'sw-app', lang: uiLang },
      h('span', { class: 'sw-sentinel', tabindex: '0', 'data-wrap': 'end' }),
      bar, settingsBox.el,
      body,
      live,
      h('span', { class: 'sw-sentinel', tabindex: '0', 'data-wrap': 'start' }));
    root.append(app);

    // --- behaviour

    const setPanel = (show) => {
      panel.el.hidden = !show;
      panelButton.setAttribute('aria-expanded', String(show));
      app.classList.toggle('sw-panel-open', show);
    };
    setPanel(settings.panelOpen && !narrow.matches);
    panelButton.addEventListener('click', () => {
      const show = panel.el.hidden;
      setPanel(show);
      if (show) panel.heading.focus();
    });
    body.addEventListener('click', (ev) => {
      // only the drawer's scrim (::before of .sw-body) targets the body itself
      if (ev.target === body && narrow.matches && !panel.el.hidden) {
        setPanel(false);
        panelButton.focus();
      }
    });
    panel.closeButton.addEventListener('click', () => {
      setPanel(false);
      panelButton.focus();
    });

    const setSettingsOpen = (show) => {
      settingsBox.el.hidden = !show;
      settingsButton.setAttribute('aria-expanded', String(show));
      if (show) settingsBox.first.focus();
    };
    settingsButton.addEventListener('click', () => setSettingsOpen(settingsBox.el.hidden));
    closeButton.addEventListener('click', () => close());

    const applySettings = (s) => {
      app.dataset.theme = s.theme;
      app.dataset.font = s.font;
      app.dataset.width = s.width;
      app.style.setProperty('--sw-size', `${s.size}px`);
      app.style.setProperty('--sw-line', String(s.lineHeight));
      settingsBox.reflect(s);
    };
    applySettings(settings);

    const onStorage = async (changes, area) => {
      if (area !== 'sync' || !session) return;
      applySettings(SETTINGS.normalize(await api.storage.sync.get(SETTINGS.DEFAULTS)));
    };
    api.storage.onChanged.addListener(onStorage);
    cleanups.push(() => api.storage.onChanged.removeListener(onStorage));

    // Statement → sentence in the article.
    panel.el.addEventListener('click', (ev) => {
      const button = ev.target.closest?.('.sw-statement');
      if (!button) return;
      const st = panel.statements.get(button);
      if (!st) return;
      article.classList.add('sw-laid-out'); // real sizes before scrolling (reader.css)
      const target = highlight(article, st);
      if (!target) return;
      for (const b of panel.el.querySelectorAll('.sw-statement[aria-current]')) b.removeAttribute('aria-current');
      button.setAttribute('aria-current', 'true');
      target.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'instant' : 'smooth' });
      const said = target.textContent.trim();
      live.textContent = t('highlightAnnounce', [said.length > 120 ? `${said.slice(0, 120)}…` : said]);
      if (narrow.matches) {
        setPanel(false);
        target.focus({ preventScroll: true });
      }
    });

    // Keyboard: Esc closes (the innermost thing first), focus stays inside.
    app.addEventListener('keydown', (ev) => {
      ev.stopPropagation(); // the page's own shortcuts must not fire while reading
      if (ev.key !== 'Escape') return;
      ev.preventDefault();
      if (!settingsBox.el.hidden) {
        setSettingsOpen(false);
        settingsButton.focus();
      } else if (narrow.matches && !panel.el.hidden) {
        setPanel(false);
        panelButton.focus();
      } else {
        close();
      }
    });
    for (const sentinel of app.querySelectorAll('.sw-sentinel')) {
      sentinel.addEventListener('focus', () => {
        const focusables = Array.from(app.querySelectorAll('button, a[href], select, input, summary, [tabindex="0"]:not(.sw-sentinel)'))
          .filter((el) => !el.closest('[hidden]'));
        const next = sentinel.dataset.wrap === 'start' ? focusables[0] : focusables[focusables.length - 1];
        next?.focus();
      });
    }

    settingsBox.onChange((key, value) => {
      api.storage.sync.set({ [key]: value });
    });
    settingsBox.onSiteRequest(() => {
      api.runtime.sendMessage({ type: M.CS_BG_OPEN_OPTIONS, site: location.origin }).catch?.(() => {});
    });

    // Hide the page underneath; print the reader instead of the page.
    // content-visibility: hidden lets the browser skip the page's layout and
    // paint while the reader covers it (on a large page the relayout that
    // overflow: hidden would cost is most of the time between the engine's
    // answer and the first frame), and keeps its rendering state for close.
    document.documentElement.style.setProperty('overflow', 'hidden', 'important');
    document.documentElement.getAttribute('style'); // flush, see close()
    cleanups.push(addDocumentSheet(`@media screen {
      body { content-visibility: hidden !important; }
    }
    @media print {
      body { display: none !important; }
      html { overflow: visible !important; }
    }`));

    document.documentElement.append(host);
    header.querySelector('h1').focus({ preventScroll: true });
    // The first frame lays out only the blocks in view (reader.css); the
    // rest of the article is laid out once the browser is idle.
    const layOutAll = () => article.classList.add('sw-laid-out');
    if (typeof requestIdleCallback === 'function') requestIdleCallback(layOutAll, { timeout: 1000 });
    else setTimeout(layOutAll, 200);

    return { host, root, app, article, saved, cleanups };
  }

  /** The "What was removed" section: counts by kind, each readable. */
  function removedSection(removed) {
    const groups = removedGroups(removed);
    const id = 'sw-removed-title';
    const section = h('section', { class: 'sw-removed', 'aria-labelledby': id },
      h('h2', { id, text: t('removedTitle') }));
    if (groups.size === 0) {
      section.append(h('p', { class: 'sw-removed-summary', text: t('removedNothing') }));
      return section;
    }
    section.append(h('p', { class: 'sw-removed-summary',
      text: Array.from(groups, ([kind, texts]) => countLabel(kind, texts.length)).join(' · ') }));
    for (const [kind, texts] of groups) {
      section.append(h('details', { class: 'sw-removed-kind', 'data-kind': kind },
        h('summary', { text: countLabel(kind, texts.length) }),
        h('ol', {}, texts.map((text) => h('li', { class: 'sw-removed-text', text })))));
    }
    return section;
  }

  /** The "Who said what" side panel. */
  function whoPanel(speakers) {
    const statements = new Map();
    const headingId = 'sw-panel-title';
    const heading = h('h2', { id: headingId, tabindex: '-1', text: t('panelTitle') });
    const closeButton = h('button', { type: 'button', class: 'sw-btn sw-panel-close',
      'aria-label': t('panelClose'), title: t('panelClose'), text: '✕' });
    const el = h('aside', { id: PANEL_ID, class: 'sw-panel', 'aria-labelledby': headingId },
      h('div', { class: 'sw-panel-head' }, heading, closeButton));
    if (speakers.length === 0) {
      el.append(h('p', { class: 'sw-empty', text: t('panelEmpty') }));
      return { el, heading, closeButton, statements };
    }
    const list = h('ol', { class: 'sw-speakers' });
    for (const sp of speakers) {
      const sts = Array.isArray(sp.statements) ? sp.statements : [];
      const items = sts.map((st) => {
        const text = String(st.text ?? '');
        const button = h('button', { type: 'button', class: `sw-statement ${st.direct ? 'sw-direct' : 'sw-reported'}` },
          st.direct
            ? h('q', { class: 'sw-quote', text })
            : [h('span', { class: 'sw-tag', text: t('reported') }), ' ', h('span', { class: 'sw-said', text })]);
        statements.set(button, st);
        return h('li', {}, button);
      });
      list.append(h('li', { class: 'sw-speaker', 'data-kind': sp.kind || 'person' },
        h('details', { open: true },
          h('summary', {},
            h('span', { class: 'sw-name', text: String(sp.name ?? '') }),
            sp.role ? h('span', { class: 'sw-role', text: String(sp.role) }) : null,
            h('span', { class: 'sw-count', text: t(sts.length === 1 ? 'statementsOne' : 'statementsOther', [String(sts.length)]) })),
          h('ol', { class: 'sw-statements' }, items))));
    }
    el.append(list);
    return { el, heading, closeButton, statements };
  }

  /** The reader settings popover; writes go to storage.sync. */
  function settingsPanel(initial) {
    let changeHandler = () => {};
    let siteHandler = () => {};
    const radios = (key, values, labelKey) => {
      const name = `sw-${key}`;
      return h('fieldset', { class: `sw-field sw-field-${key}` },
        h('legend', { text: t(labelKey) }),
        values.map((v) => h('label', { class: 'sw-choice' },
          h('input', { type: 'radio', name, value: String(v), on: { change: () => changeHandler(key, v) } }),
          h('span', { text: t(`${key}_${String(v).replace('.', '_')}`) }))));
    };
    const sizeOut = h('output', { class: 'sw-size-value' });
    let current = initial;
    const step = (d) => {
      const size = Math.min(SETTINGS.SIZE_MAX, Math.max(SETTINGS.SIZE_MIN, current.size + d));
      if (size !== current.size) changeHandler('size', size);
    };
    const smaller = h('button', { type: 'button', class: 'sw-btn', 'aria-label': t('sizeSmaller'), text: 'A−', on: { click: () => step(-1) } });
    const larger = h('button', { type: 'button', class: 'sw-btn', 'aria-label': t('sizeLarger'), text: 'A+', on: { click: () => step(1) } });
    const lineSelect = h('select', { class: 'sw-select', on: { change: (e) => changeHandler('lineHeight', Number(e.target.value)) } },
      SETTINGS.CHOICES.lineHeight.map((v) => h('option', { value: String(v), text: String(v) })));
    const panelToggle = h('input', { type: 'checkbox', on: { change: (e) => changeHandler('panelOpen', e.target.checked) } });
    const el = h('div', { id: SETTINGS_ID, class: 'sw-settings', role: 'group', 'aria-label': t('settingsTitle'), hidden: true },
      radios('theme', SETTINGS.CHOICES.theme, 'themeLabel'),
      radios('font', SETTINGS.CHOICES.font, 'fontLabel'),
      h('div', { class: 'sw-field', role: 'group', 'aria-label': t('sizeLabel') },
        h('span', { class: 'sw-legend', text: t('sizeLabel') }), smaller, sizeOut, larger),
      radios('width', SETTINGS.CHOICES.width, 'widthLabel'),
      h('label', { class: 'sw-field' }, h('span', { class: 'sw-legend', text: t('lineHeightLabel') }), lineSelect),
      h('label', { class: 'sw-field sw-check' }, panelToggle, h('span', { text: t('panelOpenLabel') })),
      h('button', { type: 'button', class: 'sw-link', text: t('alwaysOpenSite'), on: { click: () => siteHandler() } }));
    const first = el.querySelector('input');
    return {
      el,
      first,
      reflect(s) {
        current = s;
        for (const input of el.querySelectorAll('input[type=radio]')) {
          const key = input.name.slice(3);
          input.checked = String(s[key]) === input.value;
        }
        sizeOut.textContent = `${s.size}px`;
        lineSelect.value = String(s.lineHeight);
        panelToggle.checked = s.panelOpen;
      },
      onChange(fn) { changeHandler = fn; },
      onSiteRequest(fn) { siteHandler = fn; },
    };
  }

  // ---------------------------------------------------------- highlighting

  // Characters treated as equal when looking for a sentence: curly and
  // straight quotes, dashes. One character maps to one, so offsets hold.
  const FOLD = new Map(Object.entries({
    '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
    '\u2013': '-', '\u2014': '-', '\u2212': '-',
  }));
  const fold = (c) => FOLD.get(c) ?? c;
  const normalizeNeedle = (s) => Array.from(String(s ?? '').replace(/\s+/g, ' ').trim(), fold).join('');

  /** A Range over the first occurrence of `needle` in root's text, whitespace- and quote-insensitive. */
  function findText(root, needle) {
    const want = normalizeNeedle(needle);
    if (!want) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let flat = '';
    const map = [];
    let space = true;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.data;
      for (let i = 0; i < s.length; i++) {
        let c = s[i];
        if (/\s/.test(c)) {
          if (space) continue;
          c = ' ';
          space = true;
        } else {
          space = false;
        }
        flat += fold(c);
        map.push([n, i]);
      }
    }
    let at = flat.indexOf(want);
    if (at < 0) at = flat.toLowerCase().indexOf(want.toLowerCase());
    if (at < 0) return null;
    const [sn, so] = map[at];
    const [en, eo] = map[at + want.length - 1];
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo + 1);
    return range;
  }

  /** Wraps the text of a range in <mark class="sw-hl"> elements. */
  function wrapRange(range) {
    let container = range.commonAncestorContainer;
    if (container.nodeType === Node.TEXT_NODE) container = container.parentNode;
    const parts = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!range.intersectsNode(n)) continue;
      const start = n === range.startContainer ? range.startOffset : 0;
      const end = n === range.endContainer ? range.endOffset : n.data.length;
      if (end > start) parts.push([n, start, end]);
    }
    const marks = [];
    for (const [n, start, end] of parts) {
      let piece = n;
      if (start > 0) piece = piece.splitText(start);
      if (end - start < piece.data.length) piece.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'sw-hl';
      piece.replaceWith(mark);
      mark.append(piece);
      marks.push(mark);
    }
    return marks;
  }

  function clearHighlight(article) {
    for (const mark of article.querySelectorAll('mark.sw-hl')) {
      const parent = mark.parentNode;
      mark.replaceWith(...Array.from(mark.childNodes));
      parent.normalize();
    }
    for (const el of article.querySelectorAll('.sw-hl-block')) {
      el.classList.remove('sw-hl-block');
      el.removeAttribute('tabindex');
    }
  }

  /**
   * Highlights a statement's sentence: in its block first, then anywhere in
   * the article; the whole block when the sentence cannot be matched.
   * Returns the element to scroll to.
   */
  function highlight(article, st) {
    clearHighlight(article);
    const n = Number(st.block);
    const block = Number.isInteger(n) && n >= 0 ? article.querySelector(`[data-sw-block="${n}"]`) : null;
    const range = (block && findText(block, st.sentence)) || findText(article, st.sentence) ||
      (block && findText(block, st.text)) || findText(article, st.text);
    if (range) {
      const marks = wrapRange(range);
      if (marks.length) {
        marks[0].tabIndex = -1;
        return marks[0];
      }
    }
    if (block) {
      block.classList.add('sw-hl-block');
      block.tabIndex = -1;
      return block;
    }
    return null;
  }
})();
