/**
 * What to do with a server whose websocket gave up, pure: its availability if the failure tells
 * it, and how long before a socket is tried again. Sockets cost a token request each try, so a
 * server that keeps failing is tried less and less often (1 min doubling to 30 min) and polled
 * meanwhile.
 */
import type { LiveIssueKind, ServerAvailability } from '../../shared/types';
import { explainJwtError } from '../wings/inbound';
import type { FollowEnd } from './server-follow';
import { availabilityFromError } from './availability';

/** First pause before following a server again after it failed. */
export const FOLLOW_RETRY_MIN_MS = 60_000;
/** Longest pause: a server whose socket never works still gets a try twice an hour. */
export const FOLLOW_RETRY_MAX_MS = 30 * 60_000;
/** A key without `websocket.connect` on a server: permissions change rarely. */
export const FORBIDDEN_RETRY_MS = 30 * 60_000;

/**
 * A panel older than its Wings (a JWT scope error): its tokens will not work until the panel is
 * upgraded, so no socket is tried again this session but after a sleep or a network change.
 */
export const PANEL_OUTDATED_RETRY_MS = Number.POSITIVE_INFINITY;

/** The decision. */
export interface FollowOutcome {
  availability: ServerAvailability | null;
  retryInMs: number;
  /** The failures count to keep for next time. */
  failures: number;
  shouldRefreshList: boolean;
}

function backoff(failures: number): number {
  return Math.min(FOLLOW_RETRY_MAX_MS, FOLLOW_RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));
}

/** Decides from why following ended and the failures so far. */
export function followOutcome(why: FollowEnd, failuresBefore: number): FollowOutcome {
  const failures = failuresBefore + 1;
  switch (why.reason) {
    case 'suspended':
      return { availability: 'suspended', retryInMs: 0, failures: failuresBefore, shouldRefreshList: false };
    case 'deleted':
      return { availability: null, retryInMs: FOLLOW_RETRY_MIN_MS, failures, shouldRefreshList: true };
    // Wings' 4400: not again soon (the panel's UI gives up); the server is polled meanwhile.
    case 'refused':
    case 'forbidden':
      return { availability: null, retryInMs: FORBIDDEN_RETRY_MS, failures, shouldRefreshList: false };
    case 'unreachable':
      return { availability: null, retryInMs: backoff(failures), failures, shouldRefreshList: false };
    case 'jwt': {
      const retryInMs = explainJwtError(why.message) !== null ? PANEL_OUTDATED_RETRY_MS : FORBIDDEN_RETRY_MS;
      return { availability: null, retryInMs, failures, shouldRefreshList: false };
    }
    case 'credentials': {
      const availability = availabilityFromError(why.error);
      if (availability !== null && availability !== 'node-unreachable')
        return { availability, retryInMs: 0, failures: failuresBefore, shouldRefreshList: false };
      if (why.error.kind === 'forbidden') return { availability: null, retryInMs: FORBIDDEN_RETRY_MS, failures, shouldRefreshList: false };
      if (why.error.kind === 'not-found') return { availability: null, retryInMs: FOLLOW_RETRY_MIN_MS, failures, shouldRefreshList: true };
      return { availability, retryInMs: backoff(failures), failures, shouldRefreshList: false };
    }
  }
}

/** What the window is told about why following ended; null when the views show it otherwise. */
export function liveIssueKind(why: FollowEnd): LiveIssueKind | null {
  switch (why.reason) {
    case 'suspended':
    case 'refused':
    case 'deleted':
      return why.reason;
    case 'jwt':
      return explainJwtError(why.message) !== null ? 'panel-outdated' : 'token-refused';
    default:
      // Unreachable nodes, 409s and permissions have their availability or stay quiet.
      return null;
  }
}
