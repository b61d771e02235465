// The page as the engine gets it: <!DOCTYPE> + <html> markup, with the text
// of every <script> and <style> left out, JSON-LD scripts excepted, and the
// content of every <svg> left out. On news pages inline bundles, JSON state,
// CSS and icon drawings are often half the bytes or more; every byte costs
// time in extension messaging and in the engine's parse, and the engine
// reads no script text but JSON-LD (internal/clean/meta.go), no style text
// and nothing inside an <svg> (it drops the element whole). Short texts are
// cut too: a cut costs one more slice, and "as if empty" then holds for
// every such element.
//
// The result is exactly the markup the page would give had those elements
// been empty, and the page is not touched (a page's MutationObserver sees
// nothing): the document is serialised once with outerHTML, as before, and
// the texts are cut out of that string.
//
// Finding an element in the string. Attribute values and text escape "<";
// only the nodes written unescaped can hold one that starts no tag:
// comments, processing instructions, and the elements whose content is
// written as is (script, style, template, xmp, iframe, noembed, noframes,
// noscript, plaintext). segmentsOf lists those and every <svg>, in document
// order, and spliceSegments looks for each from where the previous one
// ended: a node sent as it is by its whole markup, an element to cut by its
// start tag. Between two of them the string holds only other elements' tags
// and escaped text, where no "<script", "<style", "<svg", "<!--" … can
// start, so each search lands on the node it looks for, never on a copy of
// its markup in a comment, a template or another script. Where its content
// should be, the length, the end tag and the content's first and last
// characters are checked before anything is cut.
//
// Classic script, injected before reader.js; publishes on globalThis. The
// Node tests import it for the functions that need no DOM.
(() => {
  if (globalThis.SAYWHO_SERIALIZE) return;

  const XHTML = 'http://www.w3.org/1999/xhtml';
  // Elements whose content the HTML serialiser writes without escaping.
  const UNESCAPED = 'script,style,template,xmp,iframe,noembed,noframes,noscript,plaintext';
  // The elements segmentsOf lists: those, and <svg>, whose content is cut.
  const LISTED = `${UNESCAPED},svg`;

  /**
   * The page's markup for the engine.
   * @param {Document} [doc]
   * @returns {string}
   */
  function serializeDocument(doc = document) {
    const html = doc.documentElement.outerHTML;
    if (!escapesAttributeBrackets(doc)) return doctypeOf(doc) + html;
    let cut = html;
    try {
      cut = spliceSegments(html, segmentsOf(doc.documentElement));
    } catch {
      // a DOM this code did not foresee: the page goes whole, as it did before
    }
    return doctypeOf(doc) + cut;
  }

  function doctypeOf(doc) {
    const dt = doc.doctype;
    if (!dt) return '';
    let doctype = `<!DOCTYPE ${dt.name}`;
    if (dt.publicId) doctype += ` PUBLIC "${dt.publicId}"`;
    if (dt.systemId) doctype += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
    return `${doctype}>\n`;
  }

  /**
   * Whether this document serialises as HTML with "<" and ">" escaped in
   * attribute values, which finding elements in the string relies on.
   * Current Chromium and Firefox do; an older browser, or an XML document
   * (written as XML), gets its page sent whole. The probe is never inserted.
   */
  function escapesAttributeBrackets(doc) {
    const probe = doc.createElement('p');
    probe.setAttribute('title', '<>');
    return probe.outerHTML === '<p title="&lt;&gt;"></p>';
  }

  /**
   * Every node under root whose markup may hold an unescaped "<", and
   * every <svg>, in document order, as segments for spliceSegments. Nodes
   * inside one already listed are part of its markup and not listed again.
   * @param {Element} root
   * @returns {Segment[]}
   */
  function segmentsOf(root) {
    const elements = root.querySelectorAll(LISTED);
    const others = [];
    const it = root.ownerDocument.createNodeIterator(root, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION);
    for (let n = it.nextNode(); n; n = it.nextNode()) others.push(n);

    const segments = [];
    let outer = null; // the last element listed
    let i = 0;
    let j = 0;
    while (i < elements.length || j < others.length) {
      const el = elements[i];
      const other = others[j];
      // merge the two lists, both in document order
      const isElement = el !== undefined && (other === undefined ||
        (el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      const node = isElement ? elements[i++] : others[j++];
      if (outer !== null && outer.contains(node)) continue;
      if (!isElement) {
        const markup = node.nodeType === Node.COMMENT_NODE ? `<!--${node.data}-->` : `<?${node.target} ${node.data}>`;
        segments.push({ markup });
      } else if (node.localName === 'svg') {
        // a drawing: its content is cut whatever it holds (shapes, <title>,
        // SVG <style> and <script>, nested <svg>, <foreignObject>)
        outer = node;
        const inner = node.innerHTML;
        segments.push(cutSegment('svg', inner.length, (at, n) => inner.substr(at, n)));
      } else if (isCut(node)) {
        outer = node;
        const text = node.firstChild; // or null: an empty element is found the same way, quicker than by outerHTML
        segments.push(cutSegment(node.localName, text?.length ?? 0, (at, n) => text.substringData(at, n)));
      } else if (writesBracket(node)) {
        outer = node;
        segments.push({ markup: node.outerHTML });
      }
    }
    return segments;
  }

  /**
   * Whether el's markup may hold a "<" that the list does not account for:
   * always for <script>, <style> and <template> (its content is not in the
   * document's lists); for the others, only when a text child holds one. A
   * <noscript> parsed with scripting off (the browser's JavaScript
   * disabled) holds elements, and those are listed one by one.
   */
  function writesBracket(el) {
    const name = el.localName;
    if (name === 'script' || name === 'style' || name === 'template') return true;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE && n.data.includes('<')) return true;
    }
    return false;
  }

  /**
   * An HTML <script> other than JSON-LD, or an HTML <style>, that is empty
   * or whose one child is text: its markup is then start tag + that text +
   * end tag. SVG's <script> and <style> go with their <svg>.
   */
  function isCut(el) {
    if (el.namespaceURI !== XHTML) return false;
    if (el.localName === 'script') {
      if (isJSONLD(el.getAttribute('type'))) return false;
    } else if (el.localName !== 'style') {
      return false;
    }
    const text = el.firstChild;
    return text === null || (text === el.lastChild && text.nodeType === Node.TEXT_NODE);
  }

  /**
   * Whether a <script> with this type attribute is JSON-LD, the one script
   * text the engine reads; the engine's own test (internal/clean/meta.go):
   * the type, lower-cased, holds "ld+json".
   * @param {string|null} type
   */
  function isJSONLD(type) {
    return (type ?? '').toLowerCase().includes('ld+json');
  }

  // How many characters at each end of a text are compared with the string
  // before it is cut: a check that the element was found where it is, at the
  // cost of two short comparisons instead of reading the whole text.
  const EDGE = 32;

  /**
   * A segment in spliceSegments's list:
   *  - {markup}: a node sent as it is; its markup is looked for and skipped;
   *  - {tag, length, head, tail}: an element whose content (if any) is cut;
   *    it is found by its start tag, and its content must run `length`
   *    characters, begin with head and end with tail, right before </tag>.
   * @typedef {{markup: string} | {tag: string, length: number, head: string, tail: string}} Segment
   */

  /**
   * The segment of an element <tag> whose text, `length` characters long
   * (0: none), is cut. text(at, n) returns n characters of the text from at.
   * @param {string} tag
   * @param {number} length
   * @param {(at: number, n: number) => string} text
   * @returns {Segment}
   */
  function cutSegment(tag, length, text) {
    if (length === 0) return { tag, length, head: '', tail: '' };
    const n = Math.min(EDGE, length);
    return { tag, length, head: text(0, n), tail: text(length - n, n) };
  }

  /**
   * The markup html with the texts of the cut segments taken out. Each
   * segment is looked for from where the previous one ended. A segment
   * that is not found, or whose text is not where it should be, ends the
   * cutting — it cannot happen for segmentsOf's list (see the top of this
   * file) — and the rest of the page is sent as it is.
   * @param {string} html
   * @param {Segment[]} segments
   * @returns {string}
   */
  function spliceSegments(html, segments) {
    const parts = [];
    let copied = 0; // html before this index is in parts
    let from = 0; // where the next search starts
    for (const seg of segments) {
      if (seg.markup !== undefined) {
        const at = html.indexOf(seg.markup, from);
        if (at < 0) break;
        from = at + seg.markup.length;
        continue;
      }
      const at = startTagAt(html, seg.tag, from);
      if (at < 0) break;
      // attribute values escape ">": the first one ends the start tag
      const textAt = html.indexOf('>', at) + 1;
      if (textAt === 0) break;
      const endAt = textAt + seg.length;
      const endTag = `</${seg.tag}>`;
      if (!html.startsWith(endTag, endAt) || !html.startsWith(seg.head, textAt) ||
        !html.startsWith(seg.tail, endAt - seg.tail.length)) break;
      if (seg.length > 0) {
        parts.push(html.slice(copied, textAt));
        copied = endAt;
      }
      from = endAt + endTag.length;
    }
    if (copied === 0) return html;
    parts.push(html.slice(copied));
    return parts.join('');
  }

  /** Where the next start tag <tag> (not <tag-name>) is in html from `from`, or -1. */
  function startTagAt(html, tag, from) {
    const open = `<${tag}`;
    for (let at = html.indexOf(open, from); at >= 0; at = html.indexOf(open, at + 1)) {
      const next = html[at + open.length];
      if (next === '>' || next === ' ') return at;
    }
    return -1;
  }

  globalThis.SAYWHO_SERIALIZE = Object.freeze({ serializeDocument, segmentsOf, spliceSegments, cutSegment, isJSONLD });
})();
