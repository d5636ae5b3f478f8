/**
 * accounts:add asks in main's own dialog before a new panel gets the key (issue 11's contract),
 * and a plain-http panel off this machine needs the form's explicit choice first.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../src/main/ipc/handlers';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';

function ports(answer: boolean) {
  const calls: string[] = [];
  const fake = {
    accounts: {
      add: async (input: { url: string; allowPlainHttp?: boolean }) => (calls.push(`add:${input.url}:${input.allowPlainHttp === true}`), { id: 'new' }),
    },
    accountViews: () => [{ id: 'new', name: 'Home' }],
    dialogs: {
      confirmAddPanel: async (q: { name: string; url: string; isPlainHttp: boolean }) => (calls.push(`confirm:${q.name}:${q.url}:${q.isPlainHttp}`), answer),
    },
  } as unknown as HandlerPorts;
  return { handlers: createHandlers(fake), calls };
}

describe('accounts:add', () => {
  it('adds only after the person said yes in main’s dialog', async () => {
    const yes = ports(true);
    await expect(yes.handlers['accounts:add']({ url: 'panel.example.com/', name: ' Home ', apiKey: 'ptlc_x' })).resolves.toMatchObject({ id: 'new' });
    expect(yes.calls).toEqual(['confirm:Home:https://panel.example.com:false', 'add:panel.example.com/:false']);
  });

  it('adds nothing and answers null when the person declined', async () => {
    const no = ports(false);
    await expect(no.handlers['accounts:add']({ url: 'https://evil.example', name: '', apiKey: 'ptlc_x' })).resolves.toBeNull();
    expect(no.calls).toEqual(['confirm:evil.example:https://evil.example:false']);
  });

  it('refuses a plain-http panel off this machine without the explicit choice, before asking', async () => {
    const p = ports(true);
    await expect(p.handlers['accounts:add']({ url: 'http://panel.lan', name: '', apiKey: 'ptlc_x' })).rejects.toMatchObject({ kind: 'insecure-transport' });
    expect(p.calls).toEqual([]);
    await expect(p.handlers['accounts:add']({ url: 'http://panel.lan', name: '', apiKey: 'ptlc_x', allowPlainHttp: true })).resolves.toMatchObject({
      id: 'new',
    });
    expect(p.calls).toEqual(['confirm:panel.lan:http://panel.lan:true', 'add:http://panel.lan:true']);
  });

  it('asks without the warning for a loopback panel on http', async () => {
    const p = ports(true);
    await p.handlers['accounts:add']({ url: 'http://127.0.0.1:8080', name: 'Dev', apiKey: 'ptlc_x' });
    expect(p.calls[0]).toBe('confirm:Dev:http://127.0.0.1:8080:false');
  });
});
