/**
 * Answers of /api/search already given, kept as serialized JSON in a least-recently-used cache bounded in bytes
 * (`lru-cache`), and the validator (ETag) of an answer.
 *
 * An answer depends only on the request's parameters, the index the server loaded (fixed for the life of the
 * process) and, through the access date of online citations, the day: those make the key. A repeated query
 * (a popular search, the page asking again for the same words as the user types) is then answered without
 * searching, ranking, highlighting or serializing again, and a client that holds the ETag gets a 304 without
 * any of it. Partial answers (a shard of a cluster did not reply) are never kept.
 *
 * `tookMs` is the time of the request that is answered: the stored JSON is split around it.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SearchResponse } from '../search/types.js';

/** Default bound of the cache: 64 MiB of answers (a first page of 10 hits is 10 to 40 KB). */
export const DEFAULT_SEARCH_CACHE_BYTES = 64 * 1024 * 1024;

/** An answer's JSON in UTF-8, split around the value of its `tookMs`. */
export interface SerializedAnswer {
  head: Buffer;
  tail: Buffer;
}

const TOOK = '"tookMs":';

/** `<`, `>` and `&` as JSON escapes, as Express's `json escape` setting writes them (safe to embed in HTML). */
function escapeJson(json: string): string {
  return /[<>&]/.test(json) ? json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : json;
}

/**
 * Serializes an answer once, split around `tookMs` (the first `"tookMs":` of the JSON is the top-level field:
 * it comes before the hits, and a quote inside a string value is escaped).
 * @example Buffer.concat(answerBody(serializeAnswer({ query: 'x', total: 0, tookMs: 1.5, … }), 0.02)).toString() // '{"query":"x","total":0,"tookMs":0.02,…}'
 */
export function serializeAnswer(response: SearchResponse): SerializedAnswer {
  const json = escapeJson(JSON.stringify(response));
  const at = json.indexOf(TOOK);
  if (at === -1) return { head: Buffer.from(json), tail: Buffer.alloc(0) };
  const from = at + TOOK.length;
  const to = from + JSON.stringify(response.tookMs).length;
  return { head: Buffer.from(json.slice(0, from)), tail: Buffer.from(json.slice(to)) };
}

/** The JSON of an answer with `tookMs` set to the time this request took, as the pieces to send in order. */
export function answerBody(answer: SerializedAnswer, tookMs: number): Buffer[] {
  return answer.tail.length === 0 ? [answer.head] : [answer.head, Buffer.from(JSON.stringify(tookMs)), answer.tail];
}

/**
 * The cache key of a request: its validated parameters and the day (UTC), which online citations show as
 * their access date.
 */
export function answerKey(params: Readonly<Record<string, unknown>>, now: Date = new Date()): string {
  return JSON.stringify([now.toISOString().slice(0, 10), params.q, params.limit, params.offset, params.doc, params.year, params.kind, params.lang, params.sort ?? 'relevance', params.fields]);
}

/** A weak ETag for the answer to `key` from the index `version` (same key and index: same answer). */
export function answerTag(version: string, key: string): string {
  return `W/"s-${createHash('sha1').update(version).update('\0').update(key).digest('base64url')}"`;
}

/** A kept answer: its JSON and its ETag. */
export interface CachedAnswer extends SerializedAnswer {
  tag: string;
}

/** The cache itself; `maxBytes` 0 keeps nothing. */
export class SearchCache {
  private readonly lru: LRUCache<string, CachedAnswer> | null;

  constructor(maxBytes: number = DEFAULT_SEARCH_CACHE_BYTES) {
    this.lru =
      maxBytes > 0
        ? new LRUCache<string, CachedAnswer>({
            maxSize: maxBytes,
            // No single answer may take more than an eighth of the cache (a deep page of 100 long hits).
            maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
            // The answer's bytes, plus its key (a string: two bytes a code unit).
            sizeCalculation: (answer, key) => answer.head.length + answer.tail.length + 2 * (key.length + answer.tag.length),
          })
        : null;
  }

  get(key: string): CachedAnswer | undefined {
    return this.lru?.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    this.lru?.set(key, answer);
  }

  /** Answers kept and the bytes they take. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.lru?.size ?? 0, bytes: this.lru?.calculatedSize ?? 0 };
  }
}
