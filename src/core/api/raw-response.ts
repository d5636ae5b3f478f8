/** What the transport hands to the scheduler and the error mapper: an answer of any status. */
export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string>>;
  /** The body as text: JSON is parsed later, by the caller that knows what it expects. */
  body: string;
}

/** A header by lower-case name. */
export function header(res: RawResponse, name: string): string | undefined {
  return Object.hasOwn(res.headers, name) ? res.headers[name] : undefined;
}
