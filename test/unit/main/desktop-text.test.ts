import { describe, expect, it } from 'vitest';
import { BODY_MAX_CHARS, TITLE_MAX_CHARS, desktopText, escapeBodyMarkup } from '../../../src/main/notifications/desktop-text';

const LINK = '<a href="https://evil.example/login">Sign in</a>';

describe('escapeBodyMarkup', () => {
  it.each([
    ['nothing to escape', 'Wings is restarting it.', 'Wings is restarting it.'],
    ['a link', LINK, '&lt;a href="https://evil.example/login"&gt;Sign in&lt;/a&gt;'],
    ['& first, so an entity is not made twice', 'a &lt; b & c', 'a &amp;lt; b &amp; c'],
    ['a broken tag', '<b unclosed', '&lt;b unclosed'],
    ['quotes need no escape outside attributes', `"it's"`, `"it's"`],
  ])('%s', (_what, input, expected) => {
    expect(escapeBodyMarkup(input)).toBe(expected);
  });
});

describe('desktopText', () => {
  const hostile = { title: `${LINK} crashed\n\u202Efake`, body: `${LINK} & more\u0007` };

  it.each([
    // libnotify (Linux, and the BSDs that share it): the body is markup to the server, the title plain.
    [
      'linux',
      { title: 'a href="https://evil.example/login"Sign in/a crashed fake', body: '&lt;a href="https://evil.example/login"&gt;Sign in&lt;/a&gt; &amp; more' },
    ],
    [
      'freebsd',
      { title: 'a href="https://evil.example/login"Sign in/a crashed fake', body: '&lt;a href="https://evil.example/login"&gt;Sign in&lt;/a&gt; &amp; more' },
    ],
    // macOS and Windows read no markup: escaping would show the entities. Cleaned only.
    ['darwin', { title: `${LINK} crashed fake`, body: `${LINK} & more` }],
    ['win32', { title: `${LINK} crashed fake`, body: `${LINK} & more` }],
  ] as const)('on %s', (platform, expected) => {
    expect(desktopText(platform, hostile)).toEqual(expected);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('leaves our own words alone on %s', (platform) => {
    const ours = { title: 'Survival crashed', body: 'Wings did not restart it: start it by hand.' };
    expect(desktopText(platform, ours)).toEqual(ours);
  });

  it('keeps a title with & readable on Linux: the summary is plain text', () => {
    expect(desktopText('linux', { title: 'Tom & Jerry crashed', body: '' }).title).toBe('Tom & Jerry crashed');
  });

  it('caps both, and on Linux cuts the body before escaping, never inside an entity', () => {
    const long = desktopText('linux', { title: 't'.repeat(500), body: `${'b'.repeat(BODY_MAX_CHARS - 2)}<<<<` });
    expect(Array.from(long.title)).toHaveLength(TITLE_MAX_CHARS);
    expect(long.body).toBe(`${'b'.repeat(BODY_MAX_CHARS - 2)}&lt;…`);
  });
});
