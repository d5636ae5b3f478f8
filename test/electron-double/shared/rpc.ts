/**
 * A tiny request/response + notification protocol over any message pipe. The launcher (test
 * process) and the app's child process each hold one peer over Node's IPC channel; both sides
 * can ask and both can answer, so the child can ask for a page and the test can click a menu.
 */

export type RpcMessage =
  | { rpc: 'request'; id: number; method: string; params: unknown }
  | { rpc: 'response'; id: number; ok: true; value: unknown }
  | { rpc: 'response'; id: number; ok: false; error: string }
  | { rpc: 'notify'; method: string; params: unknown };

/** The pipe a peer talks over; `send` may fail when the other side is gone. */
export interface RpcTransport {
  send(message: RpcMessage): void;
}

/** Answers one request; whatever it throws goes back as the error message. */
export type RpcHandler = (params: unknown) => unknown;

/** Hears one notification. */
export type RpcListener = (params: unknown) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  method: string;
}

/** Is this value one of our protocol messages (and not something else sharing the pipe)? */
export function isRpcMessage(value: unknown): value is RpcMessage {
  return typeof value === 'object' && value !== null && 'rpc' in value;
}

/** One side of the conversation. */
export class RpcPeer {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RpcHandler>();
  private readonly listeners = new Map<string, RpcListener>();
  private closedReason: string | undefined;

  constructor(
    private readonly transport: RpcTransport,
    /** Runs before every response, so state changes a handler made reach the other side first. */
    private readonly beforeRespond: () => void = () => {},
  ) {}

  /** Registers the answer to `method`. One handler per method. */
  handle(method: string, handler: RpcHandler): void {
    this.handlers.set(method, handler);
  }

  /** Registers the listener for notification `method`. */
  listen(method: string, listener: RpcListener): void {
    this.listeners.set(method, listener);
  }

  /** Asks the other side; rejects with its error message, or when the pipe closes. */
  request<T = unknown>(method: string, params: unknown = null): Promise<T> {
    if (this.closedReason !== undefined) {
      return Promise.reject(new Error(`${method}: ${this.closedReason}`));
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      try {
        this.transport.send({ rpc: 'request', id, method, params });
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Tells the other side something; no answer. */
  notify(method: string, params: unknown = null): void {
    if (this.closedReason !== undefined) return;
    this.transport.send({ rpc: 'notify', method, params });
  }

  /** Feeds one incoming message. */
  receive(message: RpcMessage): void {
    if (message.rpc === 'response') this.settle(message);
    else if (message.rpc === 'notify') this.listeners.get(message.method)?.(message.params);
    else void this.answer(message.id, message.method, message.params);
  }

  /** Fails every pending request and refuses new ones: the other side is gone. */
  close(reason: string): void {
    this.closedReason = reason;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new Error(`${pending.method}: ${reason}`));
    }
  }

  private settle(message: Extract<RpcMessage, { rpc: 'response' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.error));
  }

  private async answer(id: number, method: string, params: unknown): Promise<void> {
    const handler = this.handlers.get(method);
    let reply: RpcMessage;
    try {
      if (!handler) throw new Error(`no handler for ${method}`);
      reply = { rpc: 'response', id, ok: true, value: await handler(params) };
    } catch (error) {
      reply = { rpc: 'response', id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (this.closedReason !== undefined) return;
    this.beforeRespond();
    try {
      this.transport.send(reply);
    } catch (error) {
      // The value could not cross the pipe (not structured-cloneable): say so instead of hanging.
      // If the pipe itself is gone (the other side is exiting), there is no one left to tell.
      if (this.closedReason !== undefined) return;
      const message = error instanceof Error ? error.message : String(error);
      try {
        this.transport.send({ rpc: 'response', id, ok: false, error: `${method}: reply could not be sent: ${message}` });
      } catch {
        // The transport refuses everything now: the peer is going away, and its exit is reported elsewhere.
      }
    }
  }
}
