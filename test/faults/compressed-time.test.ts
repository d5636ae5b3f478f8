/**
 * Faults whose recovery takes minutes by design, run on compressed time: the monitor stack the
 * app runs (ServerMonitor, PanelClient, WingsSocket) against the real simulated panel over real
 * sockets, with a manual clock (helpers/compressed-clock.ts) that fires the monitor's timers in
 * order and lets each one's I/O settle before the next. Five minutes of back-offs take a second or
 * two. The full-app tests show the same faults reaching the tray and window; these show that the
 * app gets out of them by itself, within the back-off it promises, without a storm.
 *
 * Every attempt to reach the panel or the node is counted on the client side (helpers/
 * compressed-rig.ts), so the budget is checked even while nothing listens on the panel's port.
 */
import { afterEach, describe, expect } from 'vitest';
import { DOWN_RETRY_MAX_MS } from '../../src/core/monitor/account-status';
import { LIST_MIN_GAP_MS } from '../../src/core/monitor/account-watch';
import { FOLLOW_RETRY_MAX_MS } from '../../src/core/monitor/follow-outcome';
import { NODE_UNREACHABLE_NOTICE_MS } from '../../src/core/monitor/node-health';
import type { ServerAvailability } from '../../src/shared/types';
import { startCompressedRig, type CompressedRig } from './helpers/compressed-rig';
import { simVersions } from '../helpers/sim-versions';
import { faultCase } from './helpers/fault-ledger';

const MINUTE = 60_000;
const LIST_REFRESH_MS = 5 * MINUTE;

let rig: CompressedRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

function liveRig(): CompressedRig {
  if (!rig) throw new Error('no rig');
  return rig;
}

/** The panel as the rig has it now (not null outside a vanish). */
function panel(r: CompressedRig) {
  if (!r.sim) throw new Error('the panel is gone');
  return r.sim;
}

/** Only notifiable events of these types were seen since `fromMs`. */
function eventTypesSince(r: CompressedRig, fromMs: number): string[] {
  return r.events.filter((e) => e.seenAtMs >= fromMs).map((e) => e.type);
}

// Cheap (seconds on compressed time), so against every panel release: their limits and close codes differ.
describe.each(simVersions())('on compressed time (%s)', (version) => {
  faultCase('a panel that vanishes for five minutes and comes back', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const names = panel(r)
      .control.servers()
      .map((s) => s.name);
    const startMs = r.clock.now();
    await r.vanish();
    let wasUnreachable = false;
    for (let t = 0; t < 5 * MINUTE; t += 5_000) {
      await r.clock.advance(5_000);
      wasUnreachable ||= r.accountStatus() === 'unreachable';
    }
    expect(wasUnreachable).toBe(true);
    expect(r.accountStatus()).toBe('unreachable');
    // The tray says so, and still lists every server with its last known state, as of when it was seen.
    const section = r.tray().sections[0];
    expect(section?.problem).toBe('Panel unreachable: retrying');
    expect(section?.servers.map((s) => s.name)).toEqual(names);
    expect(section?.servers.every((s) => / \(as of .+\)$/.test(s.label))).toBe(true);
    expect(r.monitor.servers().every((s) => !s.isStateCurrent)).toBe(true);
    // Budget: list checks every 3-6 s for the first two minutes (at most 40), then on a back-off
    // from 15 s doubling (at most 5 more in the next three), at most two failed token fetches per
    // server before its socket gives up, no websocket at all.
    const during = r.attemptsBetween(startMs);
    const lists = during.filter((a) => a.what === 'GET /api/client');
    expect(lists.filter((a) => a.atMs < startMs + 2 * MINUTE).length).toBeLessThanOrEqual(40);
    expect(lists.filter((a) => a.atMs >= startMs + 2 * MINUTE + 6_000).length).toBeLessThanOrEqual(5);
    expect(during.filter((a) => a.what.endsWith('/websocket')).length).toBeLessThanOrEqual(2 * names.length);
    expect(during.length).toBeLessThanOrEqual(lists.length + 3 * names.length);
    await r.comeBack();
    const backAtMs = r.clock.now();
    // The next check is at most one back-off ceiling away, and it brings the account back.
    await r.clock.advanceUntil('account ok again', () => r.accountStatus() === 'ok', DOWN_RETRY_MAX_MS + LIST_MIN_GAP_MS);
    expect(r.tray().sections[0]?.problem).toBeNull();
    await r.clock.advanceUntil('every server live again', r.isSettled, FOLLOW_RETRY_MAX_MS);
    // Nothing crashed and nothing went down: the panel was away, the servers were not.
    expect(eventTypesSince(r, startMs)).toEqual([]);
    expect(r.attemptsBetween(backAtMs).filter((a) => a.what === 'GET /api/client').length).toBeLessThanOrEqual(3);
  });

  // Wired like main (ClientPool.forMonitor): the refused client goes back to the pool, and the
  // next check builds one with the key read anew.
  faultCase('401 mid-session, until a new key is in the keychain', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const startMs = r.clock.now();
    panel(r).control.revokeKey();
    // Tokens expire: every socket asks for a new one and meets the 401.
    panel(r).control.expireTokens();
    await r.clock.advanceUntil('key-revoked', () => r.accountStatus() === 'key-revoked', MINUTE, 500);
    expect(r.tray().sections[0]?.problem).toBe('API key rejected: add a new key in Settings');
    expect(r.monitor.servers().some((s) => s.isLive)).toBe(false);
    // While the key is refused: one slow check per list refresh, no retry storm.
    const revokedAtMs = r.clock.now();
    await r.clock.advance(LIST_REFRESH_MS - 10_000);
    // (The request that met the 401 was made at revokedAtMs itself.)
    expect(r.attemptsBetween(revokedAtMs + 1)).toEqual([]);
    const newKey = `ptlc_${'N'.repeat(11)}${'k'.repeat(32)}`;
    panel(r).control.setApiKey(newKey);
    r.setKey(newKey);
    await r.clock.advanceUntil('every server live with the new key', r.isSettled, LIST_REFRESH_MS + FOLLOW_RETRY_MAX_MS);
    // One notice for the revoked key, then the recovery that ends its episode; nothing else.
    expect(eventTypesSince(r, startMs)).toEqual(['key-revoked', 'account-recovered']);
    expect(r.attemptsBetween(revokedAtMs, revokedAtMs + LIST_REFRESH_MS + 5_000).filter((a) => a.what === 'GET /api/client').length).toBeLessThanOrEqual(2);
  });

  faultCase('400 two-factor required, until the person enables it', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const startMs = r.clock.now();
    panel(r).control.setTwoFactorRequired(true);
    panel(r).control.expireTokens();
    await r.clock.advanceUntil('two-factor-required', () => r.accountStatus() === 'two-factor-required', MINUTE, 500);
    expect(r.tray().sections[0]?.problem).toBe('The panel requires two-factor authentication');
    const blockedAtMs = r.clock.now();
    await r.clock.advance(LIST_REFRESH_MS - 10_000);
    expect(r.attemptsBetween(blockedAtMs + 1)).toEqual([]);
    panel(r).control.setTwoFactorRequired(false);
    await r.clock.advanceUntil('every server live again', r.isSettled, LIST_REFRESH_MS + FOLLOW_RETRY_MAX_MS);
    // The tray line is the message: no desktop notice, and no server event from the pause.
    expect(eventTypesSince(r, startMs)).toEqual([]);
  });

  faultCase('timeouts: a panel that stops answering', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const startMs = r.clock.now();
    // Every list request hangs (the sim holds it for 10 minutes of real time); the client gives up after 20 s.
    panel(r).control.injectFault({ route: 'GET /api/client', count: 1_000, fault: { type: 'delay', ms: 600_000 } });
    const refreshing = r.monitor.refresh();
    await r.clock.advance(21_000);
    await refreshing;
    expect(r.accountStatus()).toBe('unreachable');
    await r.clock.advance(3 * MINUTE);
    // A hung request is never stacked: one list at a time (each given up after 20 s), on the back-off.
    const lists = r.attemptsBetween(startMs).filter((a) => a.what === 'GET /api/client');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists.length).toBeLessThanOrEqual(Math.ceil((21_000 + 3 * MINUTE) / 23_000));
    const gaps = lists.slice(1).map((a, i) => a.atMs - (lists[i]?.atMs ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20_000);
    panel(r).control.clearFaults();
    await r.clock.advanceUntil('account ok again', () => r.accountStatus() === 'ok', DOWN_RETRY_MAX_MS + 30_000);
    await r.clock.advanceUntil('every server live', r.isSettled, FOLLOW_RETRY_MAX_MS);
    expect(eventTypesSince(r, startMs)).toEqual([]);
  });

  faultCase('a Wings that refuses the socket (403, as for a wrong Origin), until it is fixed', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const servers = panel(r).control.servers();
    const startMs = r.clock.now();
    // Wings restarts with a `remote` that no longer matches the panel's URL: every upgrade is refused.
    panel(r).control.injectFault({ route: 'GET /api/servers/:uuid/ws', count: 10_000, fault: { type: 'status', status: 403 } });
    await panel(r).control.setNodeReachable(false);
    await panel(r).control.setNodeReachable(true);
    await r.clock.advanceUntil('every server polled instead', () => r.monitor.servers().every((s) => !s.isLive && s.state !== 'unknown'), 2 * MINUTE);
    await r.clock.advance(10 * MINUTE);
    // States stay right from polls; sockets are retried on a back-off (1 min doubling), not hammered.
    expect(r.tray().sections[0]?.servers.map((s) => s.label)).toEqual(servers.map((s) => `${s.state === 'running' ? '●' : '○'} ${s.name}`));
    // Two tries per round, rounds 1, 2, 4, 8… minutes apart: a handful per server in ten minutes.
    const upgrades = r.attemptsBetween(startMs).filter((a) => a.kind === 'ws').length;
    const rounds = 1 + Math.ceil(Math.log2((r.clock.now() - startMs) / MINUTE + 1));
    expect(upgrades).toBeLessThanOrEqual(servers.length * 2 * rounds);
    expect(eventTypesSince(r, startMs)).toEqual([]);
    panel(r).control.clearFaults();
    await r.clock.advanceUntil('followed live again', r.isSettled, FOLLOW_RETRY_MAX_MS + MINUTE);
    expect(eventTypesSince(r, startMs)).toEqual([]);
  });

  faultCase('a node unreachable for over a minute (504), then back', async () => {
    rig = await startCompressedRig({ sim: { version } });
    const r = liveRig();
    const servers = panel(r).control.servers();
    const startMs = r.clock.now();
    await panel(r).control.setNodeReachable(false);
    await r.clock.advanceUntil('servers seen node-unreachable', () => r.monitor.servers().every((s) => s.availability === 'node-unreachable'), 2 * MINUTE);
    await r.clock.advance(NODE_UNREACHABLE_NOTICE_MS + 30_000);
    expect(r.tray().sections[0]?.servers.every((s) => s.label.startsWith('⚠ '))).toBe(true);
    expect(r.accountStatus()).toBe('ok');
    // One notice for the node, however many servers it carries and however long it lasts.
    expect(eventTypesSince(r, startMs)).toEqual(['node-unreachable']);
    // Polls while it is down: each server about once per 30 s interval (a 504 GET is retried twice).
    const downMs = r.clock.now() - startMs;
    const polls = r.attemptsBetween(startMs).filter((a) => a.what.endsWith('/resources')).length;
    expect(polls).toBeLessThanOrEqual(3 * servers.length * Math.ceil(downMs / 30_000));
    const backAtMs = r.clock.now();
    await panel(r).control.setNodeReachable(true);
    await r.clock.advanceUntil('every server live again', r.isSettled, FOLLOW_RETRY_MAX_MS);
    expect(eventTypesSince(r, backAtMs)).toEqual(['node-recovered']);
  });
});

type Reason = Exclude<ServerAvailability, 'ok' | 'install-failed' | 'node-unreachable' | 'unknown'>;

const REASON_TEXT: Record<Reason, string> = {
  suspended: 'suspended by the panel: power actions are unavailable until it is unsuspended',
  installing: 'installing: power actions are unavailable until the install finishes',
  transferring: 'moving to another node: power actions wait until the transfer is done',
  restoring: 'restoring a backup: power actions wait until the restore is done',
  'node-maintenance': 'its node is in maintenance: power actions wait until it is back',
};

/** Puts a server into the conflict state (true) or out of it (false), as the panel would. */
function setConflict(r: CompressedRig, reason: Reason, identifier: string, on: boolean): void {
  const control = panel(r).control;
  if (reason === 'suspended') control.suspend(identifier, on);
  if (reason === 'installing') control.setStatus(identifier, on ? 'installing' : null);
  if (reason === 'restoring') control.setStatus(identifier, on ? 'restoring_backup' : null);
  if (reason === 'transferring') control.setTransferring(identifier, on);
  if (reason === 'node-maintenance') control.setNodeMaintenance(on);
}

describe.each(simVersions())('409 for each reason, on compressed time (%s)', (version) => {
  for (const reason of Object.keys(REASON_TEXT) as Reason[]) {
    faultCase(`409 ${reason}: shown, then ready again by itself`, async () => {
      // A running server: suspending, reinstalling or restoring it makes Wings stop it first
      // (stopping, then offline), which must never read as a crash.
      rig = await startCompressedRig({ sim: { version, servers: 3 } });
      const r = liveRig();
      const target = panel(r)
        .control.servers()
        .find((s) => s.state === 'running');
      if (!target) throw new Error('no running server');
      const startMs = r.clock.now();
      setConflict(r, reason, target.identifier, true);
      // The list (every 5 min), a 409 on a poll or a Wings event tells; whichever comes first.
      await r.clock.advanceUntil(`${reason} seen`, () => r.view(target.identifier)?.availability === reason, LIST_REFRESH_MS + 10_000);
      const item = r.tray().sections[0]?.servers.find((s) => s.identifier === target.identifier);
      expect(item?.label).toBe(`⊘ ${target.name}`);
      expect(item?.stateText).toBe(REASON_TEXT[reason]);
      expect(Object.values(item?.actions ?? {}).some(Boolean)).toBe(false);
      const seenAtMs = r.clock.now();
      await r.clock.advance(2 * MINUTE);
      // Polled slowly while it cannot be used: at most one poll a minute per server (each retried
      // at most twice), plus a list refresh.
      const servers = reason === 'node-maintenance' ? 3 : 1;
      const polls = r.attemptsBetween(seenAtMs).filter((a) => a.what.endsWith('/resources')).length;
      expect(polls).toBeLessThanOrEqual(2 * servers + 1);
      setConflict(r, reason, target.identifier, false);
      await r.clock.advanceUntil('ready and followed again', r.isSettled, LIST_REFRESH_MS + FOLLOW_RETRY_MAX_MS);
      // No crash, and no notice beyond the state change of a server Wings stopped on purpose (and,
      // for a suspension, the suspension itself, ended when it was lifted).
      const events = r.events.filter((e) => e.seenAtMs >= startMs);
      expect(events.filter((e) => e.type === 'crash' || (e.type === 'state' && e.isCrash))).toEqual([]);
      expect(eventTypesSince(r, startMs).filter((t) => t !== 'state')).toEqual(reason === 'suspended' ? ['suspended', 'unsuspended'] : []);
      const stopsServer = reason === 'suspended' || reason === 'installing' || reason === 'restoring';
      expect(r.view(target.identifier)?.state).toBe(stopsServer ? 'offline' : 'running');
    });
  }
});
