/** Core's one event emitter (src/core/util/typed-emitter.ts). */
import { describe, expect, it, vi } from 'vitest';
import { TypedEmitter } from '../../../../src/core/util/typed-emitter';

type Events = { changed: []; stats: [string, number] };

describe('TypedEmitter', () => {
  it('calls listeners in order with their arguments; a disposer removes exactly its own', () => {
    const emitter = new TypedEmitter<Events>({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }, 'test');
    const seen: string[] = [];
    const same = (id: string, n: number): void => void seen.push(`a:${id}:${n}`);
    const offA = emitter.on('stats', same);
    emitter.on('stats', (id, n) => seen.push(`b:${id}:${n}`));
    emitter.on('stats', same); // the same function twice is one listener (a Set)
    expect(emitter.has('stats')).toBe(true);
    expect(emitter.has('changed')).toBe(false);
    emitter.emit('stats', 's1', 3);
    offA();
    emitter.emit('stats', 's2', 4);
    expect(seen).toEqual(['a:s1:3', 'b:s1:3', 'b:s2:4']);
  });

  it('logs a throwing listener by name and still calls the others', () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const emitter = new TypedEmitter<Events>(logger, 'monitor');
    const after = vi.fn();
    emitter.on('changed', () => {
      throw new Error('boom');
    });
    emitter.on('changed', after);
    emitter.emit('changed');
    expect(after).toHaveBeenCalledOnce();
    expect(logger.error).toHaveBeenCalledWith('monitor: a listener threw', { event: 'changed', error: 'Error: boom' });
    emitter.clear();
    emitter.emit('changed');
    expect(after).toHaveBeenCalledOnce();
  });
});
