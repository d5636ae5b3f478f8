/** Awaiting what a WingsSocket emits, instead of sleeping. */
import type { WingsSocket } from '../../../../../src/core/wings';
import type { ConnectionChange, WingsEvents } from '../../../../../src/core/wings';

/** Resolves with the next payload of `event` that satisfies `match`. */
export function nextEvent<E extends keyof WingsEvents>(
  socket: WingsSocket,
  event: E,
  match: (payload: WingsEvents[E]) => boolean = () => true,
): Promise<WingsEvents[E]> {
  return new Promise((resolve) => {
    const off = socket.on(event, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}

/** Resolves when the socket reaches `state`. */
export function reaches(socket: WingsSocket, state: ConnectionChange['state']): Promise<ConnectionChange> {
  return nextEvent(socket, 'connection', (c) => c.state === state);
}
