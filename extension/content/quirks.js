// Browser differences the content script has to work around, in one place.
// Classic script: injected before reader.js, publishes on globalThis.
(() => {
  if (globalThis.SAYWHO_QUIRKS) return;

  /**
   * Gives a shadow root its stylesheet. Constructed sheets are not subject to
   * the page's CSP (style-src); Firefox refuses sheets built in a content
   * script's compartment for page-owned roots, so there a <style> element in
   * our own shadow root is used instead.
   * @param {ShadowRoot} root
   * @param {string} cssText
   */
  function adoptStyles(root, cssText) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to <style>
    }
    const style = document.createElement('style');
    style.textContent = cssText;
    root.prepend(style);
  }

  /**
   * Adds a stylesheet to the page document without touching its DOM and
   * returns a function that takes it away again. Used only for @media print
   * (hide the page, print the reader). Returns a no-op when the browser does
   * not allow it from a content script.
   * @param {string} cssText
   * @returns {() => void}
   */
  function addDocumentSheet(cssText) {
    try {
      // Firefox: the page's own constructors and arrays, seen through Xray.
      const page = window.wrappedJSObject;
      if (page && typeof cloneInto === 'function') {
        const sheet = new page.CSSStyleSheet();
        sheet.replaceSync(cssText);
        const before = Array.from(page.document.adoptedStyleSheets);
        const withSheet = new page.Array();
        for (const s of before) withSheet.push(s);
        withSheet.push(sheet);
        page.document.adoptedStyleSheets = withSheet;
        return () => {
          const keep = new page.Array();
          for (const s of Array.from(page.document.adoptedStyleSheets)) if (s !== sheet) keep.push(s);
          page.document.adoptedStyleSheets = keep;
        };
      }
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      return () => {};
    }
  }

  /** The WebExtension API object: `browser` in Firefox, `chrome` in Chromium. */
  const api = globalThis.browser ?? globalThis.chrome;

  globalThis.SAYWHO_QUIRKS = Object.freeze({ api, adoptStyles, addDocumentSheet });
})();
