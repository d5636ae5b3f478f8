import { describe, expect, it } from 'vitest';
import { DaemonConfigError, fieldPath, parseDaemonConfig } from './config-schema';

function problemsOf(config: unknown): readonly string[] {
  try {
    parseDaemonConfig(typeof config === 'string' ? config : JSON.stringify(config), 'test.json');
  } catch (error) {
    if (error instanceof DaemonConfigError) return error.problems;
    throw error;
  }
  return [];
}

const account = { name: 'main', url: 'https://panel.example.com', keyEnv: 'MAIN_KEY' };

describe('parseDaemonConfig', () => {
  it('accepts the documented example and fills the defaults', () => {
    const config = parseDaemonConfig(
      JSON.stringify({
        accounts: [account, { id: 'eu-1', name: 'eu', url: 'https://eu.example.com', keyFile: 'eu.key', allowPlainHttp: false }],
        store: '/var/lib/pterotray/history.sqlite',
        channels: [
          {
            type: 'discord',
            name: 'ops',
            urlEnv: 'DISCORD_URL',
            rules: { kinds: ['crash'], servers: ['1a2b3c4d'] },
            quietHours: { from: '22:00', to: '07:00' },
          },
          { type: 'ntfy', name: 'phone', topic: 'my-servers', tokenFile: 'ntfy.token' },
          { type: 'webhook', name: 'hook', urlFile: 'hook.url', secretEnv: 'HOOK_SECRET' },
        ],
      }),
      'test.json',
    );
    expect(config.accounts).toHaveLength(2);
    expect(config.channels[1]).toMatchObject({ type: 'ntfy', server: 'https://ntfy.sh', topic: 'my-servers' });
    expect(parseDaemonConfig(JSON.stringify({ accounts: [account] }), 'x').channels).toEqual([]);
  });

  it.each([
    ['not JSON', '{"accounts": [', /^the file: is not valid JSON .*: fix the syntax/],
    ['not an object', '[]', /^the file: must be a JSON object with "accounts"/],
    ['no accounts', {}, /^accounts: is required/],
    ['an empty list', { accounts: [] }, /^accounts: must list at least one panel/],
    ['a misspelt field', { accounts: [account], chanels: [] }, /^the file: unknown field "chanels": check the spelling/],
    ['a misspelt account field', { accounts: [{ ...account, keyenv: 'X' }] }, /^accounts\[0\]: unknown field "keyenv"/],
    ['no name', { accounts: [{ url: 'https://p', keyEnv: 'K' }] }, /^accounts\[0\]\.name: is required/],
    ['an empty url', { accounts: [{ ...account, url: ' ' }] }, /^accounts\[0\]\.url: must be the panel's address/],
    ['no key', { accounts: [{ name: 'a', url: 'https://p' }] }, /^accounts\[0\]: needs its API key: "keyEnv" .* or "keyFile" .*chmod 600/],
    ['two keys', { accounts: [{ ...account, keyFile: 'k' }] }, /^accounts\[0\]\.keyFile: give either keyEnv or keyFile for its API key, not both/],
    ['a bad variable name', { accounts: [{ ...account, keyEnv: 'MY-KEY' }] }, /^accounts\[0\]\.keyEnv: must be the name of an environment variable/],
    ['a key in the file', { accounts: [{ ...account, key: 'ptlc_x' }] }, /^accounts\[0\]: unknown field "key"/],
    ['allowPlainHttp as text', { accounts: [{ ...account, allowPlainHttp: 'yes' }] }, /^accounts\[0\]\.allowPlainHttp: must be true or false/],
    ['the same name twice', { accounts: [account, { ...account, keyEnv: 'B' }] }, /^accounts\[1\]\.name: 'main' is already used by accounts\[0\]/],
    [
      'a channel without type',
      { accounts: [account], channels: [{ name: 'x' }] },
      /^channels\[0\]\.type: must say its "type": "discord", "slack", "ntfy" or "webhook"/,
    ],
    ['a channel without URL', { accounts: [account], channels: [{ type: 'slack', name: 's' }] }, /^channels\[0\]: needs its webhook URL: "urlEnv"/],
    [
      'an unknown kind',
      { accounts: [account], channels: [{ type: 'slack', name: 's', urlEnv: 'U', rules: { kinds: ['boom'] } }] },
      /^channels\[0\]\.rules\.kinds\[0\]: must be one of: state, crash/,
    ],
    [
      'quiet hours as 10pm',
      { accounts: [account], channels: [{ type: 'slack', name: 's', urlEnv: 'U', quietHours: { from: '10pm', to: '07:00' } }] },
      /^channels\[0\]\.quietHours\.from: must be a time of day as HH:MM/,
    ],
    [
      'ntfy password without user',
      { accounts: [account], channels: [{ type: 'ntfy', name: 'n', topic: 't', passwordEnv: 'P' }] },
      /^channels\[0\]\.user: a password needs its "user"/,
    ],
    [
      'ntfy user without password',
      { accounts: [account], channels: [{ type: 'ntfy', name: 'n', topic: 't', user: 'me' }] },
      /^channels\[0\]: needs its password/,
    ],
  ])('%s: names the field and says what to do', (_what, config, expected) => {
    const problems = problemsOf(config);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      accounts: [
        { name: 'a', url: 'https://p' },
        { ...account, keyEnv: 'bad name' },
      ],
      store: '',
    });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['accounts[0]', 'accounts[1].keyEnv', 'store']));
  });
});

describe('fieldPath', () => {
  it.each([
    [['accounts', 1, 'keyFile'], 'accounts[1].keyFile'],
    [['channels', 0, 'rules', 'kinds', 2], 'channels[0].rules.kinds[2]'],
    [[], ''],
  ])('%j → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});
