import { describe, expect, it } from 'vitest';
import { duration, fixed, mib, percent, renderMarkdown, renderText, type Table } from './table';

const table: Table = {
  title: 'T',
  columns: ['Name', 'Value'],
  rows: [
    ['a', '1.5'],
    ['long name', '12.25 ms'],
  ],
  notes: ['measured | twice'],
};

describe('renderText', () => {
  it('aligns columns and right-aligns numbers', () => {
    const lines = renderText(table).split('\n');
    expect(lines[0]).toBe('== T ==');
    expect(lines[1]).toBe('Name       Value');
    expect(lines[3]).toBe('a               1.5');
    expect(lines[4]).toBe('long name  12.25 ms');
    expect(lines[5]).toBe('  * measured | twice');
  });
});

describe('renderMarkdown', () => {
  it('writes a table with escaped pipes in cells and the notes as a list', () => {
    const text = renderMarkdown({ ...table, rows: [['a|b', '1']] });
    expect(text).toContain('| Name | Value |\n|---|---:|\n| a\\|b | 1 |');
    expect(text).toContain('\n\n- measured | twice');
    expect(text.startsWith('### T\n')).toBe(true);
  });
});

describe('formatters', () => {
  it.each([
    [fixed(1.23456, 2), '1.23'],
    [fixed(null, 2), '–'],
    [fixed(Number.NaN, 1), '–'],
    [duration(1234.4), '1234 ms'],
    [duration(12_345), '12.3 s'],
    [duration(null), '–'],
    [percent(0.256), '25.6 %'],
    [mib(3 * 1048576), '3.0 MiB'],
  ])('%s is %s', (got, expected) => expect(got).toBe(expected));
});
