/**
 * The one error middleware: every error becomes `{ "error": { "code", "message" } }` with the catalogue's
 * status. Errors from Express and its static server (which carry an HTTP `status`) are mapped to catalogue
 * codes; anything unexpected is a 500 whose details go to the log, never to the client.
 */
import type { ErrorRequestHandler } from 'express';
import { ServerError, createError, messagesOf } from './errors.js';
import type { ErrorBody, ErrorCode } from './errors.js';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_URL',
  403: 'NOT_FOUND',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URL_TOO_LONG',
  416: 'RANGE_NOT_SATISFIABLE',
};

/**
 * The catalogued error to answer for anything thrown or passed to `next(err)`.
 * @example
 * toServerError(Object.assign(new Error('Failed to decode param'), { status: 400 })).code; // 'MALFORMED_URL'
 */
export function toServerError(err: unknown): ServerError {
  if (err instanceof ServerError) return err;
  if (isBackendOutage(err)) return createError('BACKEND_UNAVAILABLE', undefined, { 'Retry-After': '5' });
  const status = statusOf(err);
  const code = status === undefined ? undefined : BY_STATUS[status];
  return createError(code ?? 'INTERNAL_ERROR');
}

/** A distributed backend that cannot answer at all (every shard or its aggregator down): 503, not 500. */
function isBackendOutage(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return code === 'SPHINX_UNAVAILABLE' || code === 'SPHINX_CLUSTER_MISMATCH';
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}

/**
 * The error middleware; `log` receives the details of unexpected errors (never sent to the client).
 * @example
 * app.use(errorHandler(console.error));
 */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const error = toServerError(err);
    if (error.status >= 500) {
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      log(`error ${req.method} ${req.path}: ${detail}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: ErrorBody = { error: { code: error.code, message: error.message, messages: messagesOf(error.code) } };
    res.status(error.status).set(error.headers).set('Cache-Control', 'no-store').json(body);
  };
}
