import { describe, expect, it } from 'vitest';
import { diffSnapshots, observedStateFromError, type ServerSnapshot } from '../../../../src/core/monitor/diff';
import { PanelError } from '../../../../src/core/api/errors';

const AT = 1_700_000_000_000;

function snap(...entries: Array<[string, ServerSnapshot[number]['state']]>): ServerSnapshot {
  return entries.map(([identifier, state]) => ({ identifier, name: `srv-${identifier}`, state }));
}

describe('diffSnapshots', () => {
  const cases: Array<{ title: string; before: ServerSnapshot; after: ServerSnapshot; expected: unknown[] }> = [
    { title: 'no change', before: snap(['a', 'running']), after: snap(['a', 'running']), expected: [] },
    { title: 'empty to empty', before: [], after: [], expected: [] },
    {
      title: 'state change',
      before: snap(['a', 'offline']),
      after: snap(['a', 'starting']),
      expected: [{ event: 'state', identifier: 'a', name: 'srv-a', from: 'offline', to: 'starting', atMs: AT }],
    },
    {
      title: 'added',
      before: [],
      after: snap(['b', 'running']),
      expected: [{ event: 'added', identifier: 'b', name: 'srv-b', from: null, to: 'running', atMs: AT }],
    },
    {
      title: 'removed',
      before: snap(['c', 'suspended']),
      after: [],
      expected: [{ event: 'removed', identifier: 'c', name: 'srv-c', from: 'suspended', to: null, atMs: AT }],
    },
    {
      title: 'power state to a conflict reason',
      before: snap(['a', 'running']),
      after: snap(['a', 'suspended']),
      expected: [{ event: 'state', identifier: 'a', name: 'srv-a', from: 'running', to: 'suspended', atMs: AT }],
    },
  ];
  it.each(cases)('$title', ({ before, after, expected }) => {
    expect(diffSnapshots(before, after, AT)).toEqual(expected);
  });

  it('orders changes of the new snapshot first, in its order, then removals', () => {
    const before = snap(['x', 'running'], ['a', 'offline'], ['y', 'offline']);
    const after = snap(['n', 'starting'], ['a', 'running'], ['y', 'offline']);
    expect(diffSnapshots(before, after, AT).map((c) => `${c.event}:${c.identifier}`)).toEqual(['added:n', 'state:a', 'removed:x']);
  });

  it('counts a server listed twice once, by its first entry', () => {
    const before = snap(['a', 'offline']);
    const after = snap(['a', 'running'], ['a', 'offline']);
    expect(diffSnapshots(before, after, AT)).toEqual([{ event: 'state', identifier: 'a', name: 'srv-a', from: 'offline', to: 'running', atMs: AT }]);
  });

  it('does not modify its inputs', () => {
    const before = Object.freeze(snap(['a', 'offline']).map((e) => Object.freeze(e)));
    const after = Object.freeze(snap(['a', 'running']).map((e) => Object.freeze(e)));
    expect(() => diffSnapshots(before, after, AT)).not.toThrow();
    expect(before[0]?.state).toBe('offline');
  });
});

describe('observedStateFromError', () => {
  const cases: Array<[string, unknown, string]> = [
    ['suspended 409', new PanelError({ kind: 'conflict', conflictReason: 'suspended', status: 409 }), 'suspended'],
    ['installing 409', new PanelError({ kind: 'conflict', conflictReason: 'installing' }), 'installing'],
    ['maintenance 409', new PanelError({ kind: 'conflict', conflictReason: 'node-maintenance' }), 'node-maintenance'],
    ['other 409', new PanelError({ kind: 'conflict', conflictReason: 'other' }), 'conflict'],
    ['409 without reason', new PanelError({ kind: 'conflict' }), 'conflict'],
    ['504', new PanelError({ kind: 'node-unreachable', status: 504 }), 'unreachable'],
    ['auth', new PanelError({ kind: 'auth', status: 401 }), 'unknown'],
    ['not a PanelError', new Error('boom'), 'unknown'],
  ];
  it.each(cases)('%s', (_title, error, expected) => {
    expect(observedStateFromError(error)).toBe(expected);
  });
});
