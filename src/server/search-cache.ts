/**
 * Answers of /api/search already given, kept as serialized JSON in a least-recently-used cache bounded in bytes
 * (`lru-cache`), and the validator (ETag) of an answer.
 *
 * An answer depends only on the request's parameters, the index the server serves (a rebuilt one clears the
 * cache: `api.ts`) and, through the access date of online citations, the day: those make the key. A repeated query
 * (a popular search, the page asking again for the same words as the user types) is then answered without
 * searching, ranking, highlighting or serializing again, and a client that holds the ETag gets a 304 without
 * any of it. Partial answers (a shard of a cluster did not reply) are never kept.
 *
 * `tookMs` is the time of the request that is answered: the stored JSON (`answer-json.ts`) is split around it.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { LRUCache } from 'lru-cache';
import { boundedCache } from './bounded-cache.js';
import { answerCoding, encodeAnswer } from './answer-coding.js';
import type { SerializedAnswer } from './answer-json.js';

/** Default bound of the cache: 64 MiB of answers (a first page of 10 hits is 10 to 40 KB). */
export const DEFAULT_SEARCH_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The JSON of an answer with `tookMs` set to the time this request took, as the pieces to send in order.
 * @example Buffer.concat(answerBody(new AnswerEncoder().encode(response), 0.02)).toString() // '{"query":"x","total":0,"tookMs":0.02,…}'
 */
export function answerBody(answer: SerializedAnswer, tookMs: number): Buffer[] {
  return answer.tail.length === 0 ? [answer.head] : [answer.head, Buffer.from(JSON.stringify(tookMs)), answer.tail];
}

/**
 * Parameters that do not change the answer, left out of the key so that they do not split the cache: `lang`,
 * the language of the page asking (an answer holds both languages; the page picks its own).
 */
const UNKEYED: ReadonlySet<string> = new Set(['lang']);

/** The last day (UTC) a key was made for, as its number since 1970 and as `yyyy-mm-dd` (a new string once a day). */
let lastDay = { number: Number.NaN, text: '' };

/** The day (UTC) of the time `ms`, `yyyy-mm-dd`. */
function dayOf(ms: number): string {
  const number = Math.floor(ms / 86_400_000);
  if (number !== lastDay.number) lastDay = { number, text: new Date(number * 86_400_000).toISOString().slice(0, 10) };
  return lastDay.text;
}

/**
 * The cache key of a request: its validated parameters (every one given, but `UNKEYED`) and the day (UTC),
 * which online citations show as their access date.
 * @example answerKey({ q: '旅游', limit: 10, lang: 'en' }) === answerKey({ q: '旅游', limit: 10 }) // true
 */
export function answerKey(params: Readonly<Record<string, unknown>>, now: Date | number = Date.now()): string {
  const keyed: Array<[string, unknown]> = [];
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined && !UNKEYED.has(name)) keyed.push([name, value]);
  }
  return JSON.stringify([dayOf(+now), keyed]);
}

/** The last index version tagged, and its part of the tags (a digest of it, made once per version). */
let lastVersion = { version: '', tag: '' };

/**
 * A weak ETag for the answer to `key` from the index `version` (same key and index: same answer): a digest of
 * the version (SHA-1, once per version) and a 53-bit hash of the key (cyrb53). A tag only has to change when the
 * answer at one address does, and a key is a few dozen characters: hashing it in JavaScript costs a small part
 * of a native hash object made, fed and read per request.
 */
export function answerTag(version: string, key: string): string {
  if (version !== lastVersion.version) lastVersion = { version, tag: createHash('sha1').update(version).digest('base64url').slice(0, 12) };
  return `W/"s-${lastVersion.tag}-${hash53(key)}"`;
}

/**
 * cyrb53 (bryc, public domain): a 53-bit hash of the text's UTF-16 code units, in base 36.
 * @example hash53('a') !== hash53('b') // true
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Sends a serialized answer as the response: JSON with `tookMs` set to this request's time, its length, and
 * `X-Cache` saying whether it was kept; the ETag, when the answer has one, is set by the caller before it
 * checks freshness. A client that accepts a coding gets the answer compressed in one call (`answer-coding.ts`);
 * any other gets the pieces as they are (no copy, no hashing by Express), corked into one write.
 * @example await sendAnswer(req, res, cache.get(key), { tookMs: 0.02, cache: 'hit' })
 */
export async function sendAnswer(req: Request, res: Response, answer: SerializedAnswer, how: { tookMs: number; cache: 'hit' | 'miss' }): Promise<void> {
  const pieces = answerBody(answer, how.tookMs);
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  res.setHeader('X-Cache', how.cache);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const coding = answerCoding(req, length);
  if (coding !== null) {
    const coded = await encodeAnswer(pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, length), coding);
    // The compression middleware leaves a body with a Content-Encoding as it is (and adds Vary: Accept-Encoding).
    res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', coded.length);
    res.end(coded);
    return;
  }
  res.setHeader('Content-Length', length);
  // Corked, the headers and the pieces leave in one write (end() uncorks). Only for a client that sends no
  // Accept-Encoding, which `createApp` keeps away from the compression middleware: were the middleware to compress,
  // its stream would wait for a 'drain' that a corked response never emits.
  if (req.headers['accept-encoding'] === undefined) res.cork();
  for (const piece of pieces.slice(0, -1)) res.write(piece);
  res.end(pieces[pieces.length - 1]);
}

/** A kept answer: its JSON and its ETag. */
export interface CachedAnswer extends SerializedAnswer {
  tag: string;
}

/** The cache itself; `maxBytes` 0 keeps nothing. */
export class SearchCache {
  private readonly lru: LRUCache<string, CachedAnswer> | null;

  constructor(maxBytes: number = DEFAULT_SEARCH_CACHE_BYTES) {
    // No single answer may take more than an eighth of the cache (a deep page of 100 long hits); an answer's size
    // is its bytes, plus its key and tag (strings: two bytes a code unit).
    this.lru = boundedCache<CachedAnswer>(maxBytes, (answer, key) => answer.head.length + answer.tail.length + 2 * (key.length + answer.tag.length));
  }

  get(key: string): CachedAnswer | undefined {
    return this.lru?.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    this.lru?.set(key, answer);
  }

  /** Forgets every answer (the index they came from is no longer served). */
  clear(): void {
    this.lru?.clear();
  }

  /** Answers kept and the bytes they take. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.lru?.size ?? 0, bytes: this.lru?.calculatedSize ?? 0 };
  }
}
