/** An axios adapter answering from a function, for tests that need no socket. */
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios';

/** What the fake panel was asked: path (relative to /api/client) and query params. */
export interface AdapterCall {
  method: string;
  path: string;
  params: Record<string, unknown>;
  /** The request body as axios sends it (a JSON string for JSON bodies). */
  data?: unknown;
}

export interface AdapterAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An adapter that records calls and answers with `answer(call)`. */
export function fakeAdapter(answer: (call: AdapterCall) => AdapterAnswer): { adapter: AxiosAdapter; calls: AdapterCall[] } {
  const calls: AdapterCall[] = [];
  const adapter: AxiosAdapter = (config: InternalAxiosRequestConfig) => {
    const call = {
      method: (config.method ?? 'get').toUpperCase(),
      path: config.url ?? '',
      params: (config.params ?? {}) as Record<string, unknown>,
      data: config.data as unknown,
    };
    calls.push(call);
    const a = answer(call);
    const body = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    return Promise.resolve({
      data: body,
      status: a.status ?? 200,
      statusText: '',
      headers: { 'content-type': 'application/json', ...a.headers },
      config,
      request: {},
    });
  };
  return { adapter, calls };
}
