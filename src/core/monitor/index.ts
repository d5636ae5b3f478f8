/** The ServerMonitor: every server of every account kept up to date (see server-monitor.ts). */
export { ServerMonitor, MONITOR_DEFAULTS } from './server-monitor';
export type { MonitorAccount, MonitorClient, MonitorEventMap, MonitorListener, MonitorSettings, ServerMonitorOptions, WingsSocketLike } from './types';
export { budgetPerMinute, pollSpacingMs, serverPollIntervalMs, DEFAULT_LIMIT_PER_MINUTE, MIN_POLL_INTERVAL_MS } from './budget';
export { NODE_UNREACHABLE_NOTICE_MS } from './node-health';
export { diffSnapshots, observedStateFromError } from './diff';
export type { ObservedState, ServerSnapshot, SnapshotChange, SnapshotEntry } from './diff';
