import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../output';
import { keepOnlyColours, stripControl, stripControlKeepingLines, toJson } from './sanitize';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** Any C0 control but newline and tab, DEL, or C1: what must never reach a terminal from a panel. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('stripControl', () => {
  it.each([
    ['OSC 52 (clipboard), BEL-terminated', `a${ESC}]52;c;aGVsbG8=${BEL}b`, 'ab'],
    ['OSC 0 (window title), ST-terminated', `a${ESC}]0;owned${ST}b`, 'ab'],
    ['OSC 8 (hyperlink) around text', `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`, 'click'],
    ['OSC in its C1 form, C1 ST', 'a\u009d0;owned\u009cb', 'ab'],
    ['an OSC never terminated', `a${ESC}]52;c;AAAA`, 'a'],
    ['CSI erase screen and home', `a${ESC}[2J${ESC}[Hb`, 'ab'],
    ['CSI with a private marker', `a${ESC}[?1049hb`, 'ab'],
    ['CSI SGR (stripped here too)', `${ESC}[1;31mred${ESC}[0m`, 'red'],
    ['CSI in its C1 form', 'a\u009b2Jb', 'ab'],
    ['DCS (DECRQSS)', `a${ESC}P$qm${ST}b`, 'ab'],
    ['APC', `a${ESC}_payload${ST}b`, 'ab'],
    ['PM', `a${ESC}^privacy${ST}b`, 'ab'],
    ['SOS', `a${ESC}Xstring${ST}b`, 'ab'],
    ['DCS in its C1 form', 'a\u0090q#0;2;0;0;0\u009cb', 'ab'],
    ['ESC c (reset the terminal)', `a${ESC}cb`, 'ab'],
    ['ESC 7 / ESC 8 (cursor save/restore)', `a${ESC}7b${ESC}8`, 'ab'],
    ['ESC ( 0 (line-drawing set)', `a${ESC}(0b`, 'ab'],
    ['a lone ESC at the end', `a${ESC}`, 'a '],
    ['C0: tab, newline, carriage return, BEL, NUL', 'a\tb\nc\rd\u0007e\u0000f', 'a b c d e f'],
    ['DEL and other C1 (NEL)', 'a\u007fb\u0085c', 'a b c'],
    ['printable text left alone', 'Lobby ünï 文件 ♥ [1] ~', 'Lobby ünï 文件 ♥ [1] ~'],
  ])('%s', (_what, input, expected) => {
    expect(stripControl(input)).toBe(expected);
    expect(CONTROL.test(stripControl(input))).toBe(false);
  });
});

describe('stripControlKeepingLines', () => {
  it('keeps newlines and tabs, removes the rest', () => {
    expect(stripControlKeepingLines(`a\nb\tc${ESC}]0;t${BEL}\rd\u009b2J`)).toBe('a\nb\tc d');
  });
});

describe('keepOnlyColours (the console on a terminal)', () => {
  it.each([
    ['SGR colours and bold', `${ESC}[1;33mwarn${ESC}[0m`, `${ESC}[1;33mwarn${ESC}[0m`],
    ['256 colours and an empty reset', `${ESC}[38;5;208mx${ESC}[m`, `${ESC}[38;5;208mx${ESC}[m`],
    ['truecolour with colons', `${ESC}[38:2::1:2:3mx`, `${ESC}[38:2::1:2:3mx`],
    ['every other CSI removed', `${ESC}[2J${ESC}[31mred${ESC}[?25l${ESC}[1A`, `${ESC}[31mred`],
    ['an m-ending CSI with a private marker is not SGR', `${ESC}[>4;2mx`, 'x'],
    ['the C1 form of SGR is not kept', '\u009b31mx', 'x'],
    ['OSC 52 and OSC 0', `${ESC}]52;c;AAAA${BEL}${ESC}]0;owned${ST}line`, 'line'],
    ['DCS and APC', `${ESC}Pdata${ST}${ESC}_x${ST}ok`, 'ok'],
    ['tabs stay, carriage returns do not', '\tat Main.main\r', '\tat Main.main '],
  ])('%s', (_what, input, expected) => {
    expect(keepOnlyColours(input)).toBe(expected);
  });
});

describe('toJson', () => {
  it('escapes DEL and C1 as well as C0, and stays the same JSON value', () => {
    const value = { name: `a\u009b2Jb\u009d0;t\u009c\u007f${ESC}[31m` };
    const json = toJson(value, 2);
    expect(CONTROL.test(json)).toBe(false);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
    expect(toJson({ a: 'ü文' })).toBe('{"a":"ü文"}');
  });
});

describe('OutputStream', () => {
  it('cleans every line, and writes raw only through write()', () => {
    const stdout = new PassThrough();
    let written = '';
    stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const out = createOutput(stdout, new PassThrough());
    out.stdout.line(`a${ESC}]52;c;AAAA${BEL}b\n\tc\u009b2J`);
    out.stdout.write(`${ESC}[31mraw`);
    expect(written).toBe(`ab\n\tc\n${ESC}[31mraw`);
  });
});
