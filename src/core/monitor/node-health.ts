/**
 * Which nodes of one panel cannot be reached, told only when it lasts: a node that answers 504
 * for more than a minute gets one `node-unreachable` event, and one `node-recovered` when any of
 * its servers answers again. A blip of a few seconds (a Wings restart) stays quiet.
 */
import type { NotifiableEvent } from '../rules/notification-policy';
import type { Clock } from '../util/deps';

/** How long a node must stay unreachable before anyone is told. */
export const NODE_UNREACHABLE_NOTICE_MS = 60_000;

interface Outage {
  sinceMs: number;
  timer: unknown;
  isNotified: boolean;
}

/** What NodeHealth needs. */
export interface NodeHealthOptions {
  clock: Clock;
  accountId: string;
  accountName: () => string;
  emit: (event: NotifiableEvent) => void;
  noticeAfterMs?: number;
}

/** Outages per node name. */
export class NodeHealth {
  private readonly outages = new Map<string, Outage>();

  constructor(private readonly opts: NodeHealthOptions) {}

  /** True while the node is in an outage (told or not yet). */
  isUnreachable(node: string): boolean {
    return this.outages.has(node);
  }

  /** A server of `node` answered 504 / 502, or its websocket could not connect. */
  markUnreachable(node: string): void {
    if (this.outages.has(node)) return;
    const { clock } = this.opts;
    const outage: Outage = { sinceMs: clock.now(), timer: null, isNotified: false };
    outage.timer = clock.setTimeout(() => {
      outage.timer = null;
      outage.isNotified = true;
      this.opts.emit({ type: 'node-unreachable', accountId: this.opts.accountId, accountName: this.opts.accountName(), node, atMs: clock.now() });
    }, this.opts.noticeAfterMs ?? NODE_UNREACHABLE_NOTICE_MS);
    this.outages.set(node, outage);
  }

  /** A server of `node` answered: the outage, if any, is over. */
  markReachable(node: string): void {
    const outage = this.outages.get(node);
    if (!outage) return;
    this.outages.delete(node);
    if (outage.timer !== null) this.opts.clock.clearTimeout(outage.timer);
    if (outage.isNotified) this.opts.emit({ type: 'node-recovered', accountId: this.opts.accountId, node, atMs: this.opts.clock.now() });
  }

  /** Forgets nodes no server uses any more. */
  retain(nodes: ReadonlySet<string>): void {
    for (const node of [...this.outages.keys()]) {
      if (!nodes.has(node)) this.forget(node);
    }
  }

  dispose(): void {
    for (const node of [...this.outages.keys()]) this.forget(node);
  }

  private forget(node: string): void {
    const outage = this.outages.get(node);
    if (outage?.timer !== null && outage?.timer !== undefined) this.opts.clock.clearTimeout(outage.timer);
    this.outages.delete(node);
  }
}
