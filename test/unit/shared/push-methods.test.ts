/** Main's push side of the contract: one typed method per event, over one send. */
import { describe, expect, it } from 'vitest';
import { PUSH_EVENTS, pushMethods, type PushEvent } from '../../../src/shared/ipc-contract';

describe('pushMethods', () => {
  it('has one method per push event, each sending its own event with the payload as given', () => {
    const sent: Array<[PushEvent, unknown]> = [];
    const push = pushMethods((event, payload) => sent.push([event, payload]));
    expect(Object.keys(push).length).toBe(PUSH_EVENTS.length);
    push.serversChanged([]);
    push.consoleLine({ server: { accountId: 'a', identifier: 'b' }, line: 'x', source: 'console' } as never);
    push.notificationsStatusChanged({ isBlocked: false, reason: null, platform: 'linux' });
    expect(sent.map(([event]) => event)).toEqual(['servers:changed', 'console:line', 'notifications:status-changed']);
    expect(sent[2]![1]).toEqual({ isBlocked: false, reason: null, platform: 'linux' });
  });
});
