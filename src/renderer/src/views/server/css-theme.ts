/**
 * The design tokens of styles/app.css as values, for the libraries that draw on a canvas or keep
 * their own colours (uPlot, xterm.js), and a watch that says when the theme changed: the system's
 * light/dark preference or the `data-theme` override on <html>.
 */

/** Reads CSS custom properties (`--text` is read as `text`) from the root element. */
export function readCssVars<K extends string>(names: readonly K[], root: Element = document.documentElement): Record<K, string> {
  const style = getComputedStyle(root);
  const values = {} as Record<K, string>;
  for (const name of names) values[name] = style.getPropertyValue(`--${name}`).trim();
  return values;
}

/** Calls `onChange` when the theme may have changed; returns the stop. */
export function watchTheme(onChange: () => void, root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    media?.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

/** `#rrggbb` or `#rgb` with an alpha, as canvas fill styles want; other colours pass unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Relative luminance of a `#rrggbb`/`#rgb` colour (0 black … 1 white); 1 when it cannot tell. */
export function luminance(color: string): number {
  const rgba = /rgba\((\d+), (\d+), (\d+)/.exec(withAlpha(color, 1));
  if (!rgba) return 1;
  const [r, g, b] = rgba.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
