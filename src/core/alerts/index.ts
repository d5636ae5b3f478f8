/** Alerts beyond the desktop (issue 14, part 3): channels, their rules, the delivery queue. */
export * from './types';
export { createAlertDispatcher, type AlertDispatcher, type AlertDispatcherOptions } from './dispatcher';
export { ChannelBook, ChannelBookError, MAX_CHANNELS, type ChannelDraft } from './channel-book';
export { parseChannelConfig, secretProblem, INCIDENT_KINDS } from './channel-config';
export { channelSecretKey, readChannelSecret, writeChannelSecret } from './channel-secrets';
export { ALERTS_SCHEMA } from './schema';
export { fetchPost, type HttpPost } from './http-post';
export { IncidentRelay } from './incident-relay';
