/**
 * The one catalogue of errors the HTTP server answers with: each code has its HTTP status and a default
 * message a person understands. Routes throw `createError(code, message?)`; the error middleware
 * (`error-handler.ts`) turns every error into `{ "error": { "code", "message" } }`.
 */

export const ERROR_CATALOGUE = {
  MISSING_PARAMETER: { status: 400, message: 'A required parameter is missing.' },
  EMPTY_PARAMETER: { status: 400, message: 'A parameter is empty.' },
  PARAMETER_TOO_LONG: { status: 400, message: 'A parameter is too long.' },
  INVALID_PARAMETER: { status: 400, message: 'A parameter has a value this endpoint does not accept.' },
  REPEATED_PARAMETER: { status: 400, message: 'A parameter is given more than once; give it once.' },
  NESTED_PARAMETER: { status: 400, message: 'Parameters are plain name=value pairs, not objects or arrays.' },
  UNKNOWN_PARAMETER: { status: 400, message: 'This endpoint does not take that parameter.' },
  MALFORMED_URL: { status: 400, message: 'The address is not valid: check its percent-encoding (%XX).' },
  MALFORMED_REQUEST: { status: 400, message: 'The request is not valid HTTP.' },
  INVALID_QUERY: { status: 400, message: 'The query cannot be searched.' },
  NOT_FOUND: { status: 404, message: 'Nothing is at this address.' },
  PASSAGE_NOT_FOUND: { status: 404, message: 'No passage has this id.' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'No report has this id.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This address only answers GET and HEAD requests.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive; send it again.' },
  PRECONDITION_FAILED: { status: 412, message: 'A precondition in the request headers did not hold.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'This server takes no request bodies.' },
  URL_TOO_LONG: { status: 414, message: 'The address is too long.' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested byte range is outside the file.' },
  EXPECTATION_FAILED: { status: 417, message: 'This server only understands the Expect header 100-continue.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests from this address; wait a moment, then try again.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  BACKEND_UNAVAILABLE: { status: 503, message: 'The search cluster is not answering right now. Try again shortly.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server. The request was not completed.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error the server knows how to answer: a catalogue code, its HTTP status and a message. */
export class ServerError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra response headers (e.g. `Allow` for 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'ServerError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.headers = headers;
  }
}

/**
 * Makes a catalogued error; the message defaults to the catalogue's.
 * @example
 * throw createError('PASSAGE_NOT_FOUND', 'No passage has the id "x-p0001".');
 */
export function createError(code: ErrorCode, message?: string, headers?: Record<string, string>): ServerError {
  return new ServerError(code, message, headers);
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/**
 * A setting (environment variable or option) the server cannot run with; `main.ts` prints the message and
 * exits before loading anything.
 * @example
 * throw new ConfigError('RATE_LIMIT must be "off" or requests/second,burst (got "fast").');
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
