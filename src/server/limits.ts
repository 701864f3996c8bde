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
      throw createError('URL_TOO_LONG', {
        en: `The address is ${url.length} characters long; the limit is ${options.maxUrlLength}. Search for a shorter phrase.`,
        zh: `网址长 ${url.length} 个字符，上限为 ${options.maxUrlLength} 个。请检索较短的短语。`,
      });
    }
    const path = url.split('?')[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw createError('MALFORMED_URL', {
        en: 'The address has a broken percent-escape: each % must be followed by two hex digits of valid UTF-8.',
        zh: '网址中的百分号编码有误：每个 % 后须跟两位十六进制数字，且须组成有效的 UTF-8。',
      });
    }
    if (decoded.includes('\u0000')) throw createError('MALFORMED_URL', { en: 'The address contains a NUL character.', zh: '网址含有 NUL 字符。' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] !== undefined || !(declared <= options.maxBodyBytes)) {
      throw createError('PAYLOAD_TOO_LARGE', {
        en: 'This server takes no request bodies; send the parameters in the address.',
        zh: '本服务器不接受请求正文，请把参数写在网址中。',
      });
    }
    next();
  };
}
