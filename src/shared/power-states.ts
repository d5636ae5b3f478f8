/** Wings' power states and signals: the words, with nothing that depends on them. */

/** A server's power state as Wings reports it. REST's fallback `stopped` normalises to `offline`. */
export type PowerState = 'offline' | 'starting' | 'running' | 'stopping';

/** The four power signals of `POST /power` and the websocket's `set state`. */
export type PowerSignal = 'start' | 'stop' | 'restart' | 'kill';

export const POWER_SIGNALS: readonly PowerSignal[] = ['start', 'stop', 'restart', 'kill'];
