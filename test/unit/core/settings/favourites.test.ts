import { describe, expect, it } from 'vitest';
import { favouriteChange } from '../../../../src/core/settings/favourites';
import { MAX_FAVOURITES, sanitizeDocument } from '../../../../src/core/settings/schema';

describe('favouriteChange', () => {
  it('adds at the end, removes wherever it is, and changes nothing twice', () => {
    expect(favouriteChange(['a/1'], 'a/serv_abc', true)).toEqual({ favourites: ['a/1', 'a/serv_abc'] });
    expect(favouriteChange(['a/1', 'a/serv_abc'], 'a/serv_abc', true)).toEqual({ favourites: ['a/1', 'a/serv_abc'] });
    expect(favouriteChange(['a/1', 'a/2', 'a/3'], 'a/2', false)).toEqual({ favourites: ['a/1', 'a/3'] });
    expect(favouriteChange(['a/1'], 'a/2', false)).toEqual({ favourites: ['a/1'] });
  });

  it('refuses one more than the limit, but still removes at the limit', () => {
    const full = Array.from({ length: MAX_FAVOURITES }, (_, i) => `a/s${i}`);
    expect(favouriteChange(full, 'a/new', true)).toEqual({ problem: 'too-many' });
    expect(favouriteChange(full, 'a/s0', true)).toEqual({ favourites: full });
    expect(favouriteChange(full, 'a/s0', false)).toEqual({ favourites: full.slice(1) });
  });
});

describe('settings file: favourites', () => {
  const read = (favourites: unknown) => sanitizeDocument({ version: 2, accounts: [], settings: { favourites } });

  it('keeps well-formed keys of every identifier shape, once each, in order', () => {
    const keys = ['acc-1/1a2b3c4d', 'acc-1/serv_7k2m4q8w9e3r5t6y1u2i3o4p5a', 'acc-2/5f0c2d8e-1b3a-4c5d-9e8f-0a1b2c3d4e5f'];
    const { document, repaired } = read([...keys, keys[0]]);
    expect(document.settings.favourites).toEqual(keys);
    expect(repaired).toEqual(['settings.favourites']);
  });

  it('drops what is not a key and reports it; a missing list is simply empty', () => {
    const { document, repaired } = read(['acc/ok', '../x', 'no-slash', 'a/b/c', 7, null, '__proto__/x']);
    expect(document.settings.favourites).toEqual(['acc/ok', '__proto__/x']);
    expect(repaired).toEqual(['settings.favourites']);
    expect(read('acc/ok').document.settings.favourites).toEqual([]);
    const absent = sanitizeDocument({ version: 2, accounts: [], settings: {} });
    expect(absent.document.settings.favourites).toEqual([]);
    expect(absent.repaired).toEqual([]);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: MAX_FAVOURITES + 5 }, (_, i) => `a/s${i}`);
    expect(read(many).document.settings.favourites).toHaveLength(MAX_FAVOURITES);
  });
});
