/**
 * The IPC pieces that must match Electron exactly: invoke replies and errors, duplicate handlers,
 * and the codec that carries structured-cloneable values between the page and the app.
 */
import { describe, expect, it, vi } from 'vitest';
import { createNodeCodec } from '../../electron-double/launcher/init-script';
import { IpcMain, answerInvoke } from '../../electron-double/runtime/ipc-main';

describe('ipcMain invoke', () => {
  it('answers from the first target with a handler, handleOnce only once', async () => {
    const perContents = new IpcMain();
    const global = new IpcMain();
    global.handle('ch', () => 'global');
    perContents.handleOnce('ch', (_event, value) => `contents:${String(value)}`);
    expect(await answerInvoke([perContents, global], {}, 'ch', [1])).toEqual({ ok: true, value: 'contents:1' });
    expect(await answerInvoke([perContents, global], {}, 'ch', [2])).toEqual({ ok: true, value: 'global' });
    expect(() => global.handle('ch', () => 0)).toThrow("Attempted to register a second handler for 'ch'");
  });

  it("turns failures into Electron's reply errors (String(error)) and logs them", async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const target = new IpcMain();
    target.handle('boom', () => {
      throw new TypeError('bad input');
    });
    target.handle('fn', () => ({ callback: () => 1 }));
    expect(await answerInvoke([target], {}, 'boom', [])).toEqual({ ok: false, error: 'TypeError: bad input' });
    expect(await answerInvoke([target], {}, 'fn', [])).toEqual({ ok: false, error: 'Error: An object could not be cloned.' });
    expect(await answerInvoke([target], {}, 'none', [])).toEqual({ ok: false, error: "Error: No handler registered for 'none'" });
    expect(errors).toHaveBeenCalledWith("Error occurred in handler for 'boom':", expect.any(TypeError));
    errors.mockRestore();
  });
});

describe('clone codec', () => {
  const codec = createNodeCodec();

  it('carries what structured clone carries', () => {
    const value = {
      map: new Map<unknown, unknown>([['k', new Date(5)]]),
      set: new Set([1, 2]),
      nothing: undefined,
      nan: Number.NaN,
      negativeZero: -0,
      big: 10n,
      bytes: new Uint16Array([1, 65535]),
      pattern: /a+/gi,
      nested: [{ deep: [null, 'x'] }],
    };
    const copy = codec.decode(JSON.parse(JSON.stringify(codec.encode(value)))) as typeof value;
    expect(copy).toEqual(value);
    expect(Object.is(copy.negativeZero, -0)).toBe(true);
    expect('nothing' in copy).toBe(true);
  });

  it('refuses functions and cycles', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => codec.encode({ f: () => 1 })).toThrow('An object could not be cloned.');
    expect(() => codec.encode(cyclic)).toThrow(/cyclic/);
  });
});
