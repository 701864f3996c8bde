/**
 * The one error middleware: every error becomes `{ "error": { "code", "message" } }` with the catalogue's
 * status, the message in the language the request asks for (`?lang=zh|en`, else Accept-Language, else
 * English). Errors from Express and its static server (which carry an HTTP `status`) are mapped to catalogue
 * codes; anything unexpected is a 500 whose details go to the log, never to the client. A browser opening an
 * address of the site (not the API) gets the same message as a small page instead (`render/error-page.ts`).
 */
import type { ErrorRequestHandler, Request } from 'express';
import { CodedError } from '../coded-error.js';
import type { SphinxErrorCode } from '../index/sphinx/errors.js';
import type { SearchErrorCode } from '../search/errors.js';
import { ServerError, createError, messagesOf } from './errors.js';
import type { ErrorBody, ErrorCode } from './errors.js';
import { rawQueryOf } from './query-string.js';
import { pickLanguage, type UiLang } from './render/catalogue.js';
import { errorPage } from './render/error-page.js';

/**
 * The codes of the stages below the server that it answers with one of its own; every other code is a 500.
 * `message: 'keep'` passes the stage's message on (it tells the client what to change).
 */
export const STAGE_CODES: Partial<Record<SphinxErrorCode | SearchErrorCode, { code: ErrorCode; message?: 'keep'; headers?: Record<string, string> }>> = {
  // A distributed backend that cannot answer at all (every shard or its aggregator down): 503, not 500.
  SPHINX_UNAVAILABLE: { code: 'BACKEND_UNAVAILABLE', headers: { 'Retry-After': '5' } },
  SPHINX_CLUSTER_MISMATCH: { code: 'BACKEND_UNAVAILABLE', headers: { 'Retry-After': '5' } },
  RESEARCH_QUERY_INVALID: { code: 'INVALID_QUERY', message: 'keep' },
  QUERY_EMPTY: { code: 'INVALID_QUERY', message: 'keep' },
};

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
  const stage = err instanceof CodedError ? STAGE_CODES[err.code as keyof typeof STAGE_CODES] : undefined;
  if (stage && err instanceof CodedError) {
    const kept = stage.message === 'keep' ? { en: err.message, zh: err.zh ?? messagesOf(stage.code).zh } : undefined;
    return createError(stage.code, kept, stage.headers);
  }
  const status = statusOf(err);
  const code = status === undefined ? undefined : BY_STATUS[status];
  return createError(code ?? 'INTERNAL_ERROR');
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}

// `lang=zh|en` read from the raw query string, so that an address too broken to parse still gets its language.
const LANG_PARAM = /(?:^|&)lang=(zh|en)(?:&|$)/;

/**
 * The language of a request's error message: `?lang=zh|en`; else the first of Chinese or English in
 * Accept-Language (as the pages choose); English for a client that says nothing (scripts, curl).
 * @example errorLanguage(req) // 'zh' for /api/search?lang=zh, or for Accept-Language: zh-CN
 */
export function errorLanguage(req: Pick<Request, 'originalUrl' | 'headers'>): UiLang {
  const asked = LANG_PARAM.exec(rawQueryOf(req.originalUrl))?.[1];
  const accepted = req.headers['accept-language'];
  if (asked === undefined && (accepted === undefined || accepted.trim() === '')) return 'en';
  return pickLanguage(asked, accepted);
}

/**
 * True for a browser opening an address of the site (a GET or HEAD outside /api/ that prefers HTML to JSON): it
 * gets the error as a page. The API, and any client that does not ask for HTML first, get the JSON body.
 * @example wantsPage(req) // true for GET /nope with Accept: text/html,…; false for GET /api/nope
 */
export function wantsPage(req: Pick<Request, 'path' | 'method' | 'accepts'>): boolean {
  if (req.path === '/api' || req.path.startsWith('/api/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.accepts(['json', 'html']) === 'html';
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
    const lang = errorLanguage(req);
    const message = lang === 'zh' ? (error.zh ?? messagesOf(error.code).zh) : error.message;
    res.status(error.status).set(error.headers).set({ 'Cache-Control': 'no-store', 'Content-Language': lang }).vary('Accept-Language').vary('Accept');
    if (wantsPage(req)) {
      res.type('html').send(errorPage(lang, error.status, message));
      return;
    }
    const body: ErrorBody = { error: { code: error.code, message, messages: messagesOf(error.code) } };
    res.json(body);
  };
}
