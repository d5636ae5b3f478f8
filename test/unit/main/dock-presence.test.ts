/** The Dock icon follows the window on macOS, and never hides within a second of a previous call. */
import { describe, expect, it } from 'vitest';
import { DOCK_CALL_GAP_MS, DockPresence, type DockClock, type DockLike } from '../../../src/main/desktop/dock-presence';

function fakes(initiallyVisible: boolean) {
  let now = 0;
  const timers: Array<{ at: number; run: () => void; id: number }> = [];
  let next = 1;
  const clock: DockClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = next++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
  };
  const calls: Array<[string, number]> = [];
  let visible = initiallyVisible;
  const dock: DockLike = {
    show: () => {
      calls.push(['show', now]);
      visible = true;
      return Promise.resolve();
    },
    hide: () => {
      calls.push(['hide', now]);
      visible = false;
    },
    isVisible: () => visible,
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { clock, dock, calls, advance, pending: () => timers.length };
}

describe('DockPresence', () => {
  it('hides a development run’s Dock icon at start, and shows it with the window', () => {
    const f = fakes(true);
    const presence = new DockPresence(f.dock, f.clock);
    presence.start();
    f.advance(0);
    expect(f.calls).toEqual([['hide', 0]]);
    f.advance(5_000);
    presence.windowVisibilityChanged(true);
    expect(f.calls.at(-1)).toEqual(['show', 5_000]);
  });

  it('waits out the second after the last call before hiding, as Electron’s known issue needs', () => {
    const f = fakes(false);
    const presence = new DockPresence(f.dock, f.clock);
    presence.windowVisibilityChanged(true);
    f.advance(200);
    presence.windowVisibilityChanged(false);
    f.advance(DOCK_CALL_GAP_MS - 201);
    expect(f.calls).toEqual([['show', 0]]);
    f.advance(1);
    expect(f.calls).toEqual([
      ['show', 0],
      ['hide', DOCK_CALL_GAP_MS],
    ]);
  });

  it('drops a pending hide when the window comes back, and does nothing without a Dock', () => {
    const f = fakes(false);
    const presence = new DockPresence(f.dock, f.clock);
    presence.windowVisibilityChanged(true);
    presence.windowVisibilityChanged(false);
    presence.windowVisibilityChanged(true);
    f.advance(5_000);
    expect(f.calls).toEqual([['show', 0]]);
    expect(f.pending()).toBe(0);
    const none = new DockPresence(undefined, f.clock);
    none.start();
    none.windowVisibilityChanged(true);
    expect(f.pending()).toBe(0);
  });

  it('cancels what is pending on dispose', () => {
    const f = fakes(true);
    const presence = new DockPresence(f.dock, f.clock);
    presence.windowVisibilityChanged(false);
    presence.dispose();
    f.advance(5_000);
    expect(f.calls).toEqual([]);
  });
});
