/**
 * Panel errors as values the handlers throw and the pipeline renders: `{errors:[{code, status
 * (a string), detail, meta?}]}` (§2.1), or a redirect / HTML page when the client did not ask
 * for JSON (Laravel's `expectsJson()`).
 */

/** One error the panel answers with. `code` is the exception's class basename. */
export class PanelHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly meta?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'PanelHttpError';
  }

  /** The JSON body. */
  body(): unknown {
    const error: Record<string, unknown> = { code: this.code, status: String(this.status), detail: this.detail };
    if (this.meta) error.meta = this.meta;
    return { errors: [error] };
  }
}

/** 404 `NotFoundHttpException`. */
export function notFound(detail = 'The requested resource could not be found on the server.'): PanelHttpError {
  return new PanelHttpError(404, 'NotFoundHttpException', detail);
}

/** 403 `AccessDeniedHttpException`. */
export function forbidden(detail = 'This action is unauthorized.'): PanelHttpError {
  return new PanelHttpError(403, 'AccessDeniedHttpException', detail);
}

/** 400 `BadRequestHttpException`. */
export function badRequest(detail: string, code = 'BadRequestHttpException'): PanelHttpError {
  return new PanelHttpError(400, code, detail);
}

/** 409 `ServerStateConflictException`. */
export function conflict(detail: string): PanelHttpError {
  return new PanelHttpError(409, 'ServerStateConflictException', detail);
}

/** One failed validation rule (422 `ValidationException` with `meta.source_field` / `meta.rule`). */
export interface ValidationFailure {
  field: string;
  rule: string;
  detail: string;
}

/** 422 with one error per failed rule. */
export class PanelValidationError extends PanelHttpError {
  constructor(readonly failures: ValidationFailure[]) {
    super(422, 'ValidationException', failures[0]?.detail ?? 'The given data was invalid.');
  }

  override body(): unknown {
    return {
      errors: this.failures.map((f) => ({
        code: 'ValidationException',
        status: '422',
        detail: f.detail,
        meta: { source_field: f.field, rule: f.rule },
      })),
    };
  }
}

/** Wings unreachable: 504 `DaemonConnectionException` (§2.2). */
export function nodeUnreachable(): PanelHttpError {
  return new PanelHttpError(504, 'DaemonConnectionException', 'Could not establish a connection to the machine running this server. Please try again.');
}

let requestCounter = 0;

/** A Wings 4xx relayed by the panel with Wings' status (§2.2). */
export function daemonError(status: number, wingsMessage: string): PanelHttpError {
  const requestId = `sim-${(++requestCounter).toString(16).padStart(8, '0')}`;
  const message = wingsMessage.replace(/\.$/, '');
  return new PanelHttpError(status, 'DaemonConnectionException', `An error occurred on the remote host: ${message}. (request id: ${requestId})`);
}

/** The 500 body of any unexpected failure. */
export function unexpected(): PanelHttpError {
  return new PanelHttpError(500, 'HttpException', 'An unexpected error was encountered while processing this request, please try again.');
}
