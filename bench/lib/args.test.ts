import { describe, expect, it } from 'vitest';
import { parseArgs, SECTIONS, UsageError } from './args';

describe('parseArgs', () => {
  it('runs every section, in full, by default', () => {
    const plan = parseArgs([]);
    expect(plan?.isQuick).toBe(false);
    expect(plan?.sections).toEqual([...SECTIONS]);
    expect(plan?.idle.windowMs).toBe(600_000);
    expect(plan?.watch.groups.flat()).toEqual([10, 100, 500]);
    expect(plan?.transfer.bytes).toBe(1024 ** 3);
  });

  it('shortens the idle window to one minute in quick mode', () => {
    const plan = parseArgs(['--quick']);
    expect(plan?.isQuick).toBe(true);
    expect(plan?.idle.windowMs).toBe(60_000);
    expect(plan?.watch.windowMs).toBeLessThan(60_000);
  });

  it('keeps the canonical order of --only, and takes the docs and no-stats flags', () => {
    const plan = parseArgs(['--only=files,watch', '--write-docs', '--idle-no-stats']);
    expect(plan?.sections).toEqual(['watch', 'files']);
    expect(plan?.shouldWriteDocs).toBe(true);
    expect(plan?.idle.hasNoStatsRun).toBe(true);
    expect(parseArgs([])?.idle.hasNoStatsRun).toBe(false);
  });

  it('answers help with null and refuses what it does not know', () => {
    expect(parseArgs(['--help'])).toBeNull();
    expect(() => parseArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseArgs(['--only=cpu'])).toThrow(/unknown section "cpu"/);
    expect(() => parseArgs(['--only='])).toThrow(/names no section/);
  });
});
