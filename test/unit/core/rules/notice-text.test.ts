import { describe, expect, it } from 'vitest';
import { NOTICE_NAME_MAX_CHARS, capChars, noticeName, plainLine } from '../../../../src/core/rules/notice-text';

describe('plainLine', () => {
  it.each([
    ['plain text stays', 'Survival crashed', 'Survival crashed'],
    ['markup is not its business', '<b>Lobby</b> & co', '<b>Lobby</b> & co'],
    ['a line break becomes a space', 'one\ntwo\r\nthree', 'one two three'],
    ['tabs, bells, NUL, escapes', 'a\tb\u0007c\u0000d\u001b[31me', 'a b c d [31me'],
    ['C1 controls and DEL', 'a\u0085b\u009bc\u007fd', 'a b c d'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['overrides and embeddings U+202A–U+202E go', 'x\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee', 'xabcde'],
    ['isolates U+2066–U+2069 go', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['a reversed "crashed" cannot be faked', 'Lobby\u202E dehsarc', 'Lobby dehsarc'],
    ['direction marks stay (they reorder nothing)', 'שרת\u200F 1', 'שרת\u200F 1'],
    ['runs of white space become one, ends trimmed', '  a \u00a0  b  ', 'a b'],
    ['nothing left', '\u202E\u0007\n', ''],
  ])('%s', (_what, input, expected) => {
    expect(plainLine(input)).toBe(expected);
  });
});

describe('capChars', () => {
  it.each([
    ['short enough', 'abc', 3, 'abc'],
    ['one over', 'abcd', 3, 'ab…'],
    ['counts code points, not UTF-16 units', '😀😀😀😀', 3, '😀😀…'],
    ['never ends on a space before the ellipsis', 'ab cd', 4, 'ab…'],
  ])('%s', (_what, input, max, expected) => {
    expect(capChars(input, max)).toBe(expected);
  });

  it('never leaves half a surrogate pair', () => {
    const capped = capChars('a😀'.repeat(50), 10);
    expect(Array.from(capped)).toHaveLength(10);
    // A lone surrogate would not survive a round trip through UTF-8.
    expect(Buffer.from(capped, 'utf8').toString('utf8')).toBe(capped);
  });
});

describe('noticeName', () => {
  it.each([
    ['a plain name', 'Survival', 'abcd1234', 'Survival'],
    ['cleaned like a line', 'Lobby\u202E\n2', 'abcd1234', 'Lobby 2'],
    ['nothing left: the fallback', '\u202E\u2066 \u0007', 'abcd1234', 'abcd1234'],
    ['an empty name: the fallback', '', 'A node', 'A node'],
    ['the fallback is cleaned too', '', 'ab\u202Ecd', 'abcd'],
  ])('%s', (_what, name, fallback, expected) => {
    expect(noticeName(name, fallback)).toBe(expected);
  });

  it(`keeps a name to ${NOTICE_NAME_MAX_CHARS} characters`, () => {
    const name = noticeName('n'.repeat(500), 'x');
    expect(Array.from(name)).toHaveLength(NOTICE_NAME_MAX_CHARS);
    expect(name.endsWith('…')).toBe(true);
  });
});
