/**
 * Request limits checked before any route: the URL's length, its percent-encoding, NUL bytes in the
 * path, and request bodies (this server reads none, so it accepts none beyond a token size).
 */
import type { RequestHandler } from 'express';
import { createError } from './errors.js';

export interface LimitOptions {
  /** Longest request target accepted (a 500-character Chinese query takes ~4,500 once percent-encoded). */
  maxUrlLength: number;
  /** Largest declared body accepted, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: LimitOptions = { maxUrlLength: 8192, maxBodyBytes: 1024 };

/**
 * Refuses over-long URLs (414), malformed percent-escapes or NUL in the path (400) and bodies (413).
 * @example
 * app.use(requestLimits(DEFAULT_LIMITS));
 */
export function requestLimits(options: LimitOptions = DEFAULT_LIMITS): RequestHandler {
  return (req, _res, next) => {
    const url = req.originalUrl;
    if (url.length > options.maxUrlLength) {
      throw createError(
        'URL_TOO_LONG',
        `The address is ${url.length} characters long; the limit is ${options.maxUrlLength}. Search for a shorter phrase.`,
      );
    }
    const path = url.split('?')[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw createError('MALFORMED_URL', 'The address has a broken percent-escape: each % must be followed by two hex digits of valid UTF-8.');
    }
    if (decoded.includes('\u0000')) throw createError('MALFORMED_URL', 'The address contains a NUL character.');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] !== undefined || !(declared <= options.maxBodyBytes)) {
      throw createError('PAYLOAD_TOO_LARGE', 'This server takes no request bodies; send the parameters in the address.');
    }
    next();
  };
}
