import { describe, expect, it } from 'vitest';
import { MAX_FAVOURITES } from '../../../../src/core/settings/schema';
import { createHandlers } from '../../../../src/main/ipc/handlers';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';
import { HandlerError } from '../../../../src/main/ipc/to-ipc-error';
import type { Settings } from '../../../../src/shared/types';

function setup(favourites: string[] = [], known: string[] = ['a/1', 'a/2', 'a/new']) {
  let settings = { favourites } as unknown as Settings;
  const reported: string[][] = [];
  const ports = {
    settings: {
      settings: () => settings,
      update: (patch: Partial<Settings>) => (settings = { ...settings, ...patch }),
    },
    reportOnScreen: (keys: string[]) => reported.push(keys),
    monitor: { servers: () => known.map((k) => ({ accountId: k.split('/')[0], identifier: k.split('/')[1] })) },
  } as unknown as HandlerPorts;
  return { handlers: createHandlers(ports), reported, current: () => settings.favourites };
}

describe('attention handlers', () => {
  it('servers:attention reports the keys of what is on screen, any identifier shape', async () => {
    const { handlers, reported } = setup();
    await handlers['servers:attention']({
      onScreen: [
        { accountId: 'a', identifier: 'serv_7k2m4q8w9e3r5t6y1u2i3o4p5a' },
        { accountId: 'b', identifier: '1a2b3c4d' },
      ],
    });
    await handlers['servers:attention']({ onScreen: [] });
    expect(reported).toEqual([['a/serv_7k2m4q8w9e3r5t6y1u2i3o4p5a', 'b/1a2b3c4d'], []]);
  });

  it('servers:favourite marks and unmarks in main and answers the saved settings', async () => {
    const { handlers, current } = setup(['a/1']);
    const marked = await handlers['servers:favourite']({ server: { accountId: 'a', identifier: '2' }, isFavourite: true });
    expect(marked.favourites).toEqual(['a/1', 'a/2']);
    await handlers['servers:favourite']({ server: { accountId: 'a', identifier: '1' }, isFavourite: false });
    expect(current()).toEqual(['a/2']);
  });

  it('servers:favourite says what to do at the limit and changes nothing', async () => {
    const full = Array.from({ length: MAX_FAVOURITES }, (_, i) => `a/s${i}`);
    const { handlers, current } = setup(full);
    const call = handlers['servers:favourite']({ server: { accountId: 'a', identifier: 'new' }, isFavourite: true });
    await expect(call).rejects.toBeInstanceOf(HandlerError);
    await expect(handlers['servers:favourite']({ server: { accountId: 'a', identifier: 'new' }, isFavourite: true })).rejects.toThrow(/unmark one first/);
    expect(current()).toBe(full);
  });

  it('servers:favourite marks only a server a panel lists, and still unmarks one that is gone', async () => {
    const { handlers, current } = setup(['a/gone']);
    await expect(handlers['servers:favourite']({ server: { accountId: '__proto__', identifier: '1' }, isFavourite: true })).rejects.toThrow(
      /not on any configured panel/,
    );
    expect(current()).toEqual(['a/gone']);
    await handlers['servers:favourite']({ server: { accountId: 'a', identifier: 'gone' }, isFavourite: false });
    expect(current()).toEqual([]);
  });
});
