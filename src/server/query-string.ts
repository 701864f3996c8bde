/**
 * A strict parser of URL query strings: plain `name=value` pairs, `+` as a space, percent-decoding that
 * refuses malformed escapes instead of guessing. Express's own parser would turn `?q=a&q=b` into an array
 * and `?q[x]=1` into an object; here each name maps to the list of its raw values, and the schema
 * (`schema.ts`) decides what is allowed.
 */
import { createError } from './errors.js';

/**
 * Decodes one percent-encoded component (`+` is a space), or throws MALFORMED_URL.
 * @example
 * decodeComponent('%E9%AB%98+x'); // '高 x'
 */
export function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw createError('MALFORMED_URL', {
      en: `The address has a broken percent-escape in "${preview(raw)}": each % must be followed by two hex digits of valid UTF-8.`,
      zh: `网址中“${preview(raw)}”的百分号编码有误：每个 % 后须跟两位十六进制数字，且须组成有效的 UTF-8。`,
    });
  }
}

/**
 * Splits a raw query string (without `?`) into names and their decoded values, in order.
 * Empty segments (`&&`) are skipped; a name without `=` has the value `''`.
 * @example
 * parseQueryString('q=%E9%AB%98&limit=5&q=x'); // Map { 'q' => ['高', 'x'], 'limit' => ['5'] }
 */
export function parseQueryString(raw: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const segment of raw.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeComponent(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(segment.slice(eq + 1));
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return params;
}

/**
 * The raw query string of a request URL (`/api/search?q=x` → `q=x`), or `''`.
 * @example
 * rawQueryOf('/api/search?q=x#top'); // 'q=x'
 */
export function rawQueryOf(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash === -1 ? undefined : hash);
}

/**
 * The names and values of a request URL's query string, strictly parsed (a broken %-escape is a coded 400):
 * what every route reads, from `req.originalUrl`.
 * @example
 * queryOfUrl('/api/search?q=%E9%AB%98&q=x'); // Map { 'q' => ['高', 'x'] }
 */
export function queryOfUrl(url: string): Map<string, string[]> {
  return parseQueryString(rawQueryOf(url));
}

/**
 * At most 40 characters of a value, for quoting it back in a message.
 * @example
 * preview('x'.repeat(50)); // 'xxxx…' (40 x, then …)
 */
export function preview(value: string): string {
  const chars = Array.from(value);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value;
}
