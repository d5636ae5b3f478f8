/** What the watch benchmark needs of a watcher: Pterotray's monitor or the panel's dashboard. */
import type { Disposer } from '../../src/core/util/deps';

/** A server as the bench names it: which panel, which identifier. */
export interface WatchedServer {
  panel: number;
  identifier: string;
}

/** A power state as a watcher last saw it. */
export type SeenState = 'offline' | 'starting' | 'running' | 'stopping' | 'unknown';

/** Called when a watcher sees a server in a state; `via` says which signal showed it. */
export type SeenListener = (server: WatchedServer, state: SeenState, via: string) => void;

/** A way of watching servers, with the states it has seen. */
export interface Watcher {
  readonly name: string;
  start(): void;
  /** True once every server has a known state (and, for the monitor, every socket is live). */
  isReady(): boolean;
  stateOf(server: WatchedServer): SeenState;
  /** Whether a change of this server can be seen live (a followed socket); polled ones cannot. */
  isFollowed(server: WatchedServer): boolean;
  onSeen(listener: SeenListener): Disposer;
  dispose(): void;
}

/** `panel/identifier`, for maps. */
export const keyOf = (server: WatchedServer): string => `${server.panel}/${server.identifier}`;
