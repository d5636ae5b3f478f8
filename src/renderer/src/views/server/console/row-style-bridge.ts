/**
 * xterm.js's DOM renderer gives a cell an inline colour with `setAttribute('style', …)`
 * (DomRendererRowFactory._addStyle): selected text (its selection colours), and text in a
 * search match. The window's CSP (`style-src 'self'`) blocks style attributes, so each selection
 * printed a violation report and lost its per-cell colours. Styles set through CSSOM
 * (`element.style`) are not governed by the CSP, so the factory's one method is pointed at
 * `style.cssText` instead. Upstream: xtermjs/xterm.js#4445 (the DOM renderer under a strict CSP).
 *
 * The factory is xterm's private part (`_core._renderService._renderer.value._rowFactory` in
 * 6.0): where the shape differs (another version), nothing is changed and the CSP keeps
 * blocking those few colours, as before; the console's end-to-end test then reports it.
 */
import type { Terminal } from '@xterm/xterm';

interface RowFactory {
  _addStyle(element: HTMLElement, style: string): void;
}

function rowFactoryOf(term: Terminal): RowFactory | null {
  // Private fields of xterm 6.0, read defensively (see above).
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: { _rowFactory?: unknown } } } } })._core;
  const factory = core?._renderService?._renderer?.value?._rowFactory as Partial<RowFactory> | undefined;
  return factory && typeof factory._addStyle === 'function' ? (factory as RowFactory) : null;
}

/** Sends the DOM renderer's inline cell styles through CSSOM; true when the renderer had the expected shape. Call after open(). */
export function styleRowsThroughCssom(term: Terminal): boolean {
  const factory = rowFactoryOf(term);
  if (!factory) return false;
  factory._addStyle = (element, style) => {
    element.style.cssText = `${element.style.cssText}${style};`;
  };
  return true;
}
