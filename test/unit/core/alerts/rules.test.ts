import { describe, expect, it } from 'vitest';
import { decide, isWithinQuietHours } from '../../../../src/core/alerts/rules';
import { channel, crashIncident } from '../../../helpers/alert-fixtures';

const at = (h: number, m = 0): number => h * 60 + m;

describe('isWithinQuietHours', () => {
  it.each([
    { start: at(22), end: at(7), minute: at(23), inside: true },
    { start: at(22), end: at(7), minute: at(3), inside: true },
    { start: at(22), end: at(7), minute: at(7), inside: false },
    { start: at(22), end: at(7), minute: at(21, 59), inside: false },
    { start: at(22), end: at(7), minute: at(22), inside: true },
    { start: at(9), end: at(17), minute: at(12), inside: true },
    { start: at(9), end: at(17), minute: at(17), inside: false },
    { start: at(9), end: at(17), minute: at(8), inside: false },
    { start: at(9), end: at(9), minute: at(9), inside: false },
  ])('$start–$end at $minute → $inside', ({ start, end, minute, inside }) => {
    expect(isWithinQuietHours({ startMinute: start, endMinute: end, allowCritical: false }, minute)).toBe(inside);
  });
});

describe('decide', () => {
  const noon = { isPaused: false, localMinute: at(12) };
  const night = { isPaused: false, localMinute: at(23) };
  const quiet = { startMinute: at(22), endMinute: at(7), allowCritical: false };
  const stateChange = crashIncident({ kind: 'state', severity: 'info', title: 'Survival 1 went down' });

  it.each([
    { name: 'everything, by default', ch: channel(), incident: crashIncident(), ctx: noon, expected: { send: true } },
    { name: 'a channel switched off', ch: channel({ isEnabled: false }), incident: crashIncident(), ctx: noon, expected: { send: false, reason: 'disabled' } },
    { name: 'the pause', ch: channel(), incident: crashIncident(), ctx: { ...noon, isPaused: true }, expected: { send: false, reason: 'paused' } },
    {
      name: 'another account',
      ch: channel({ rules: { accounts: ['acc2'], servers: null, kinds: null, minSeverity: 'info' } }),
      incident: crashIncident(),
      ctx: noon,
      expected: { send: false, reason: 'rules' },
    },
    {
      name: 'the listed server',
      ch: channel({ rules: { accounts: null, servers: ['acc1/abcd1234'], kinds: null, minSeverity: 'info' } }),
      incident: crashIncident(),
      ctx: noon,
      expected: { send: true },
    },
    {
      name: 'a panel-wide incident past a server list',
      ch: channel({ rules: { accounts: null, servers: ['acc1/abcd1234'], kinds: null, minSeverity: 'info' } }),
      incident: crashIncident({ kind: 'key-revoked', server: null }),
      ctx: noon,
      expected: { send: false, reason: 'rules' },
    },
    {
      name: 'a kind not chosen',
      ch: channel({ rules: { accounts: null, servers: null, kinds: ['crash'], minSeverity: 'info' } }),
      incident: stateChange,
      ctx: noon,
      expected: { send: false, reason: 'rules' },
    },
    {
      name: 'below the least severity',
      ch: channel({ rules: { accounts: null, servers: null, kinds: null, minSeverity: 'warning' } }),
      incident: stateChange,
      ctx: noon,
      expected: { send: false, reason: 'rules' },
    },
    { name: 'quiet hours', ch: channel({ quietHours: quiet }), incident: crashIncident(), ctx: night, expected: { send: false, reason: 'quiet-hours' } },
    {
      name: 'a crash in quiet hours that let critical through',
      ch: channel({ quietHours: { ...quiet, allowCritical: true } }),
      incident: crashIncident(),
      ctx: night,
      expected: { send: true },
    },
    {
      name: 'an info in quiet hours that let critical through',
      ch: channel({ quietHours: { ...quiet, allowCritical: true } }),
      incident: stateChange,
      ctx: night,
      expected: { send: false, reason: 'quiet-hours' },
    },
    { name: 'outside quiet hours', ch: channel({ quietHours: quiet }), incident: stateChange, ctx: noon, expected: { send: true } },
  ])('$name', ({ ch, incident, ctx, expected }) => {
    expect(decide(ch, incident, ctx)).toEqual(expected);
  });
});
