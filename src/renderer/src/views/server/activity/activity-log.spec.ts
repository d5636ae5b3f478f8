import { describe, expect, it, vi } from 'vitest';
import type { ActivityPageView } from '../../../../../shared/ipc/activity';
import { ActivityLog } from './activity-log.svelte';
import { actorOf, describeEvent, relativeTime } from './activity-events';
import { t } from '../../../lib/strings';

const ref = { accountId: 'a1', identifier: '1a2b3c4d' };
const pageOf = (page: number, totalPages: number): ActivityPageView => ({ entries: [], page, totalPages, total: totalPages * 25, perPage: 25 });

describe('the activity log’s paging and filter', () => {
  it('goes forward and back within the panel’s pages, and a new filter starts at page 1', async () => {
    const load = vi.fn(async ({ page }: { page: number; event: string }) => pageOf(page, 3));
    const log = new ActivityLog(() => ref, load);
    await log.resource.reload();
    expect([log.hasPrevious, log.hasNext]).toEqual([false, true]);
    await log.go(3);
    expect(log.hasNext).toBe(false);
    await log.go(9);
    expect(log.page).toBe(3);
    await log.filter('  power ');
    expect(load).toHaveBeenLastCalledWith({ server: ref, page: 1, event: 'power' });
    await log.go(0);
    expect(log.page).toBe(1);
  });
});

describe('events in words', () => {
  it("uses the panel's sentence with the properties put in, and the raw event otherwise", () => {
    expect(describeEvent('server:subuser.create', { email: 'a@b.c', count: 2 })).toBe('Added a@b.c as a subuser');
    expect(describeEvent('server:file.delete', { directory: '/', files: ['x'], count: 1 })).toBe('Deleted /x');
    expect(describeEvent('server:file.delete', { directory: '/logs/', files: ['a', 'b'], count: 2 })).toBe('Deleted 2 files in /logs/');
    expect(describeEvent('server:backup.lock', {})).toBe('Locked the backup');
    expect(describeEvent('server:console.command', {})).toBe('server:console.command');
    expect(describeEvent('server:made.up', {})).toBe('server:made.up');
  });

  it('names the actor, API or System, and says when relatively', () => {
    const labels = { api: 'API', system: 'System' };
    expect(actorOf({ actorUsername: 'ann', isApi: true }, labels)).toBe('ann');
    expect(actorOf({ actorUsername: null, isApi: true }, labels)).toBe('API');
    expect(actorOf({ actorUsername: null, isApi: false }, labels)).toBe('System');
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(relativeTime('2026-01-01T23:55:00Z', now, t.activity.relative)).toBe('5 minutes ago');
    expect(relativeTime('2025-12-30T00:00:00Z', now, t.activity.relative)).toBe('3 days ago');
    // Past a week the date says more than a count of days, with the year when it is another.
    const old = relativeTime('2024-05-02T12:00:00Z', now, t.activity.relative);
    expect(old).not.toMatch(/days ago/);
    expect(old).toContain('2024');
  });
});
