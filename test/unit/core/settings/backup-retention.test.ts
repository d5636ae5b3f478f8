/** Backups tab (issue 13): the per-server "keep the newest N" in the settings file. */
import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '../../../../src/core/settings/schema';

describe('settings.backupRetention', () => {
  it('a file from before it gets no rule anywhere, and nothing is reported as repaired', () => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { theme: 'dark' } });
    expect(document.settings.backupRetention).toEqual({});
    expect(repaired).toEqual([]);
  });

  it('keeps well-formed rules and drops the rest, naming them', () => {
    const { document, repaired } = sanitizeDocument({
      version: 2,
      accounts: [],
      settings: {
        backupRetention: {
          'acc1/1a2b3c4d': 3,
          'acc1/serv_abc': 100,
          'acc1/ffff0000': 0,
          '../x': 2,
          'acc1/eeee0000': 2.5,
          'acc1/dddd0000': 101,
          'acc1/cccc0000': '4',
        },
      },
    });
    expect(document.settings.backupRetention).toEqual({ 'acc1/1a2b3c4d': 3, 'acc1/serv_abc': 100 });
    expect(repaired.filter((p) => p.startsWith('settings.backupRetention')).sort()).toEqual(
      ['../x', 'acc1/cccc0000', 'acc1/dddd0000', 'acc1/eeee0000', 'acc1/ffff0000'].map((k) => `settings.backupRetention.${k}`).sort(),
    );
  });

  it('a value that is not an object is dropped whole', () => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { backupRetention: [3] } });
    expect(document.settings.backupRetention).toEqual({});
    expect(repaired).toContain('settings.backupRetention');
  });
});
