/**
 * The channels of Settings › Alerts (issue 14): list, save, remove, send a test. The contract
 * (../ipc-contract.ts) is the union of these domain files; a channel is written here once, with its
 * arguments and result. Secrets go in (`alerts:save`) and never come back: a view says only
 * whether they are set.
 */
import type { ChannelConfig, ChannelSecret, ChannelStatus, TestOutcome } from '../alerts';

/** One channel as the settings page shows it. */
export interface AlertChannelView {
  config: ChannelConfig;
  status: ChannelStatus;
  /** Whether every secret the channel needs is stored (the form shows "set" and leaves the field empty). */
  hasSecret: boolean;
}

/** A channel to save: no id for a new one; `secret` only with the fields the person typed. */
export interface AlertChannelInput {
  config: Omit<ChannelConfig, 'id'> & { id?: string };
  secret?: ChannelSecret;
}

export interface AlertChannels {
  'alerts:list': { args: []; result: AlertChannelView[] };
  /** Main asks in its own dialog before alerts go somewhere new; null when the person declined there. */
  'alerts:save': { args: [AlertChannelInput]; result: AlertChannelView | null };
  /** The page asks first; main removes the channel, its secrets and its queue. */
  'alerts:remove': { args: [{ channelId: string }]; result: void };
  'alerts:test': { args: [{ channelId: string }]; result: TestOutcome };
}

/** Pushed when a channel's status changes (a delivery, the failing mark, the pending count). */
export interface AlertPushEvents {
  'alerts:changed': AlertChannelView[];
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const ALERT_CHANNELS = ['alerts:list', 'alerts:save', 'alerts:remove', 'alerts:test'] as const satisfies readonly (keyof AlertChannels)[];
