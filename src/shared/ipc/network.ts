/**
 * The channels of the Network tab: allocations, notes, primary, add, remove (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { ServerRef } from '../types';

/** One allocation (a port of the server). */
export interface AllocationView {
  id: number;
  ip: string;
  /** The name the node's admin gave the IP, shown in its place when set. */
  ipAlias: string | null;
  port: number;
  notes: string | null;
  isPrimary: boolean;
}

/** The page: the allocations and the server's limit (null or 0: none can be added or removed). */
export interface NetworkPage {
  allocations: AllocationView[];
  allocationLimit: number | null;
}

export interface AllocationRef {
  server: ServerRef;
  id: number;
}

export interface NetworkChannels {
  'network:list': { args: [ServerRef]; result: NetworkPage };
  /** A port the panel picks (auto-allocation, where the panel has it on). */
  'network:add': { args: [ServerRef]; result: AllocationView };
  /** Null or "" clears the notes. */
  'network:set-notes': { args: [AllocationRef & { notes: string | null }]; result: AllocationView };
  'network:set-primary': { args: [AllocationRef]; result: AllocationView };
  'network:remove': { args: [AllocationRef]; result: void };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const NETWORK_CHANNELS = [
  'network:list',
  'network:add',
  'network:set-notes',
  'network:set-primary',
  'network:remove',
] as const satisfies readonly (keyof NetworkChannels)[];
