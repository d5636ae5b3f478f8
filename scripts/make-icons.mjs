#!/usr/bin/env node
// Draws the tray and app icons into resources/ as PNGs: a glyph (a server rack: two stacked
// rounded bars) with a status dot. Run once when the design changes; the PNGs are committed.
// Variants: -light (dark glyph, for light trays), -dark (light glyph, for dark trays), and macOS
// template images (black + alpha, "Template" in the name), each at 1x (16 px) and @2x (32 px).
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a 16-unit design space; coverage by 4x4 supersampling.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));

const rack = union(
  minus(roundRect(1, 2, 13, 7, 1.6), union(circle(4, 4.5, 0.9), roundRect(6.5, 4, 11, 5, 0.5))),
  minus(roundRect(1, 8.5, 13, 13.5, 1.6), union(circle(4, 11, 0.9), roundRect(6.5, 10.5, 11, 11.5, 0.5))),
);
const dotCut = circle(12.5, 12.5, 4.2);
const dot = circle(12.5, 12.5, 3.1);
const pauseBars = union(roundRect(10.8, 10.4, 11.9, 14.6, 0.3), roundRect(13.1, 10.4, 14.2, 14.6, 0.3));

const STATUS = {
  ok: [46, 160, 67],
  attention: [219, 155, 17],
  problem: [215, 58, 73],
  paused: [128, 128, 128],
};

function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const s = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const [shape, color] of layers) {
        let hits = 0;
        for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape((px + (sx + 0.5) / 4) * s, (py + (sy + 0.5) / 4) * s)) hits++;
        const cov = (hits / 16) * (color[3] ?? 1);
        // "over" compositing, premultiplied
        r = color[0] * cov + r * (1 - cov);
        g = color[1] * cov + g * (1 - cov);
        b = color[2] * cov + b * (1 - cov);
        a = cov + a * (1 - cov);
      }
      const o = (py * size + px) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a * 255);
    }
  }
  return out;
}

mkdirSync('resources/tray', { recursive: true });
const glyph = { light: [36, 41, 47], dark: [240, 242, 245] };
for (const [status, color] of Object.entries(STATUS)) {
  for (const [variant, ink] of Object.entries(glyph)) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ]) {
      const mark = status === 'paused' ? [[pauseBars, color]] : [[dot, color]];
      const layers = [[minus(rack, dotCut), ink], ...mark];
      writeFileSync(`resources/tray/tray-${status}-${variant}${suffix}.png`, png(size, render(size, layers)));
    }
  }
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ]) {
    // Template images carry meaning in alpha only; macOS tints them. The status shows as the
    // shape of the mark: a dot for ok, a ring for attention, a bar for problem, bars for paused.
    const marks = {
      ok: dot,
      attention: minus(dot, circle(12.5, 12.5, 1.6)),
      problem: union(roundRect(11.9, 9.6, 13.1, 13.2, 0.4), circle(12.5, 14.6, 0.7)),
      paused: pauseBars,
    };
    writeFileSync(`resources/tray/tray-${status}Template${suffix}.png`, png(size, render(size, [[union(minus(rack, dotCut), marks[status]), [0, 0, 0]]])));
  }
}
// The app icon: the glyph on a rounded tile.
const tile = roundRect(0.5, 0.5, 15.5, 15.5, 3.5);
const appLayers = [
  [tile, [38, 84, 124]],
  [(x, y) => rack((x - 1.6) * 1.2, (y - 1.5) * 1.2), [240, 242, 245]],
];
writeFileSync('resources/icon.png', png(512, render(512, appLayers)));
console.log('icons written to resources/');
