/**
 * 24-bit colour escapes rewritten to the nearest of the 256 xterm colours.
 *
 * Why: xterm.js's DOM renderer paints 24-bit colours with `setAttribute('style', …)` on each
 * character span (DomRendererRowFactory._addStyle), and the window's CSP blocks style attributes,
 * so such text would lose its colour. 256-colour text is painted with classes, which work. The
 * difference is hard to see in a console.
 */

const CUBE = [0, 95, 135, 175, 215, 255];

const cubeIndex = (v: number): number => (v < 48 ? 0 : v < 115 ? 1 : Math.min(5, Math.floor((v - 35) / 40)));
const distance = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, v, i) => sum + (v - b[i]!) ** 2, 0);

/** The xterm-256 colour closest to an RGB colour: from the 6×6×6 cube or the grey ramp. */
export function nearest256(r: number, g: number, b: number): number {
  const [ri, gi, bi] = [cubeIndex(r), cubeIndex(g), cubeIndex(b)];
  const cube = [CUBE[ri]!, CUBE[gi]!, CUBE[bi]!];
  const greyIndex = Math.max(0, Math.min(23, Math.round(((r + g + b) / 3 - 8) / 10)));
  const grey = 8 + greyIndex * 10;
  return distance([r, g, b], [grey, grey, grey]) < distance([r, g, b], cube) ? 232 + greyIndex : 16 + 36 * ri + 6 * gi + bi;
}

const clampByte = (value: string | undefined): number => Math.max(0, Math.min(255, Number.parseInt(value ?? '0', 10) || 0));

function rewriteParams(params: string): string {
  // Colon sub-parameters (38:2::r:g:b) are rare; they are read the same as the semicolon form.
  const parts = params.replace(/:/g, ';').split(';');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if ((p === '38' || p === '48') && parts[i + 1] === '2') {
      // `38;2;r;g;b`, or with the colour-space slot of the colon form (`38:2::r:g:b`).
      const offset = params.includes(':') && parts[i + 2] === '' ? 3 : 2;
      const [r, g, b] = [parts[i + offset], parts[i + offset + 1], parts[i + offset + 2]].map(clampByte) as [number, number, number];
      out.push(p, '5', String(nearest256(r, g, b)));
      i += offset + 2;
    } else out.push(p ?? '');
  }
  return out.join(';');
}

/** The text with every 24-bit SGR colour replaced by its 256-colour equivalent. */
export function downsampleTrueColor(text: string): string {
  if (!text.includes('2;') && !text.includes('2:')) return text;
  // eslint-disable-next-line no-control-regex -- matching the terminal's own escape character
  return text.replace(/\u001b\[([0-9;:]*)m/g, (whole, params: string) => (/(^|[;:])[34]8[;:]2[;:]/.test(params) ? `\u001b[${rewriteParams(params)}m` : whole));
}
