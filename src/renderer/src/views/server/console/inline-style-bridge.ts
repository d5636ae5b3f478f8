/**
 * Makes xterm.js's DOM renderer work under the window's CSP (`style-src 'self'`).
 *
 * xterm.js 6 writes its per-terminal rules (ANSI colours, font, selection, scrollbar, row size)
 * into <style> elements it appends inside the terminal and rewrites on every theme change and
 * resize; the CSP blocks them, so the terminal would lose its colours and font. Upstream:
 * xtermjs/xterm.js#4445 (a constructed-stylesheet change was proposed in #4611, but the DOM
 * renderer of 6.0 still appends <style> elements).
 *
 * This bridge copies their text into one constructed stylesheet adopted by the document, which
 * the CSP does not govern, and takes each element out of the document once seen: xterm keeps
 * writing to it (the bridge observes it detached), and a detached <style> is never checked, so
 * later rewrites do not flood the console with violation reports. xterm scopes these rules to its
 * own terminal class, so adopting them document-wide changes nothing else.
 *
 * A <style> is checked the moment it is connected and at each rewrite before the observer can
 * take it out, so xterm's open() still printed a dozen violation reports (seen in the window's
 * end-to-end tests). withInertStyleElements hands xterm inert, hidden <inline-style> stand-ins
 * instead while it opens: the CSP governs <style> elements only, and the bridge reads the
 * stand-ins' text the same way.
 */

/** The element that stands in for a <style> element (see withInertStyleElements). */
const STAND_IN = 'inline-style';
const WATCHED = `style, ${STAND_IN}`;

/**
 * Runs `open` with `doc.createElement('style')` answering an inert, hidden stand-in, so the
 * <style> elements a library creates meanwhile never reach the CSP; other tags are untouched.
 */
export function withInertStyleElements<T>(doc: Document, open: () => T): T {
  const own = Object.getOwnPropertyDescriptor(doc, 'createElement');
  const create = doc.createElement.bind(doc) as (tagName: string, options?: ElementCreationOptions) => HTMLElement;
  const standIn = (tagName: string, options?: ElementCreationOptions): HTMLElement => {
    if (tagName.toLowerCase() !== 'style') return create(tagName, options);
    const standInElement = create(STAND_IN);
    standInElement.hidden = true;
    return standInElement;
  };
  Object.defineProperty(doc, 'createElement', { value: standIn, configurable: true, writable: true });
  try {
    return open();
  } finally {
    if (own) Object.defineProperty(doc, 'createElement', own);
    else Reflect.deleteProperty(doc, 'createElement');
  }
}

/** Mirrors the <style> elements (and stand-ins) appended under `host` into an adopted stylesheet; returns the stop. */
export function mirrorInlineStyles(host: HTMLElement, doc: Document = host.ownerDocument): () => void {
  const sheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const styles = new Set<HTMLElement>();
  let lastText = '';
  const sync = (): void => {
    for (const style of host.querySelectorAll<HTMLElement>(WATCHED)) {
      if (styles.has(style)) continue;
      styles.add(style);
      observer.observe(style, { subtree: true, childList: true, characterData: true });
      style.remove();
    }
    const text = [...styles].map((style) => style.textContent ?? '').join('\n');
    if (text === lastText) return;
    lastText = text;
    sheet.replaceSync(text);
  };
  const observer = new MutationObserver(sync);
  observer.observe(host, { subtree: true, childList: true });
  sync();
  return () => {
    observer.disconnect();
    styles.clear();
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
