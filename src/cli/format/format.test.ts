import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../output';
import { createProgress, progressText } from '../progress';
import { formatTable } from './table';
import { formatBytes, formatDuration, formatLimitMib } from './units';

describe('formatTable', () => {
  it('pads columns to the widest cell, right-aligns numbers, strips control characters', () => {
    const lines = formatTable(
      [{ header: 'NAME' }, { header: 'SIZE', alignRight: true }],
      [
        ['ünï', '1 B'],
        ['tab\there', '10.0 KiB'],
      ],
    );
    expect(lines).toEqual(['NAME          SIZE', 'ünï            1 B', 'tab here  10.0 KiB']);
  });
});

describe('units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [200 * 1024 * 1024, '200.0 MiB'],
  ])('formatBytes(%i) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0, '0s'],
    [61_000, '1m 1s'],
    [93_784_000, '1d 2h 3m 4s'],
    [3_600_000, '1h'],
  ])('formatDuration(%i) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('shows a 0 MiB limit as unlimited', () => {
    expect(formatLimitMib(0)).toBe('unlimited');
    expect(formatLimitMib(2048)).toBe('2.0 GiB');
  });
});

describe('progress', () => {
  it('formats with and without a total', () => {
    expect(progressText('a.zip', 512, null)).toBe('a.zip  512 B');
    expect(progressText('a.zip', 50 * 1024 * 1024, 200 * 1024 * 1024)).toBe('a.zip  50.0 MiB / 200.0 MiB  25%');
  });

  it('draws only on a terminal, and ends with the final count', () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (c: Buffer) => (written += c.toString()));
    const { stderr } = createOutput(new PassThrough(), stream);
    const notTty = createProgress(stderr, 'x', { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} });
    notTty.update(1, 2);
    notTty.done();
    expect(written).toBe('');

    Object.assign(stream, { isTTY: true });
    let now = 0;
    const tty = createProgress(stderr, 'x', { now: () => now, setTimeout: () => 0, clearTimeout: () => {} });
    tty.update(1, 4);
    now += 10;
    tty.update(4, 4); // within the redraw interval: skipped, but drawn by done()
    tty.done();
    expect(written).toBe('\rx  1 B / 4 B  25%\rx  4 B / 4 B  100%\n');
  });
});
