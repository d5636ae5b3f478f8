import { describe, expect, it } from 'vitest';
import { IncidentStore, MAX_PAGE, type Incident } from '../../../../src/core/incidents';
import { openStore } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { silentLogger } from '../../../../src/core/util/deps';

function incident(n: number, fields: Partial<Incident> = {}): Incident {
  return {
    id: `state:a1/s${n % 3}:${n}`,
    at: 1_000 + n,
    kind: 'state',
    severity: 'info',
    accountId: 'a1',
    accountName: 'Home',
    server: { identifier: `s${n % 3}`, name: `Server ${n % 3}` },
    node: null,
    title: `Server ${n % 3} went down`,
    detail: 'It finished stopping.',
    actor: null,
    source: 'app',
    crash: null,
    ...fields,
  };
}

function store(): IncidentStore {
  return new IncidentStore(openStore(':memory:', STORE_MODULES, { logger: silentLogger }).db);
}

describe('IncidentStore', () => {
  it('keeps an incident once by its id', () => {
    const s = store();
    expect(s.add(incident(1))).toBe(true);
    expect(s.add({ ...incident(1), title: 'changed' })).toBe(false);
    expect(s.list().map((i) => i.title)).toEqual(['Server 1 went down']);
  });

  it.each([
    ['one server', { accountId: 'a1', identifier: 's1' }, [10, 7, 4, 1]],
    ['some servers', { servers: ['a1/s0', 'a2/s9'] }, [9, 6, 3, 0]],
    ['no servers', { servers: [] }, []],
    ['a kind', { kinds: ['crash' as const] }, [5]],
    ['a time window', { fromMs: 1_003, toMs: 1_006 }, [5, 4, 3]],
    ['words, any case, all of them', { text: 'OOM server' }, [5]],
    ['an account', { accountId: 'a2' }, [8]],
    ['a limit', { limit: 2 }, [10, 9]],
  ])('filters by %s', (_name, query, ats) => {
    const s = store();
    for (let n = 0; n <= 10; n++) {
      const fields: Partial<Incident> = n === 5 ? { kind: 'crash', detail: 'OOM killed' } : n === 8 ? { accountId: 'a2' } : {};
      s.add(incident(n, fields));
    }
    expect(s.list(query).map((i) => i.at - 1_000)).toEqual(ats);
  });

  it('reads a crash back as it was written, and caps a page', () => {
    const s = store();
    const crash = { exitCode: 137, oomKilled: true, lastLines: ['a', 'b'], reaction: 'restarting' as const };
    s.add(incident(1, { kind: 'crash', crash, actor: 'alice', node: 'N' }));
    expect(s.get('state:a1/s1:1')).toEqual(incident(1, { kind: 'crash', crash, actor: 'alice', node: 'N' }));
    expect(s.get('nope')).toBeNull();
    for (let n = 2; n < MAX_PAGE + 10; n++) s.add(incident(n));
    expect(s.list({ limit: 10_000 })).toHaveLength(MAX_PAGE);
    expect(s.servers().map((x) => x.key)).toEqual(['a1/s0', 'a1/s1', 'a1/s2']);
  });
});
