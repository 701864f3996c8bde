/**
 * An answer's JSON in UTF-8, byte for byte what `JSON.stringify` writes (with Express's `json escape`), with less
 * work per request. Most of an answer's bytes are what its hits say of their passage (the report's titles, the
 * section path, the text and its translation, the citation), and the same passages are shown again and again:
 * those members are encoded once per passage and their bytes kept (least recently used, bounded in bytes). The
 * members that depend on the query (snippet, highlights, score, expansions) are written afresh.
 *
 * Kept bytes serve only a hit whose members are the same names in the same order as the hit they were made from,
 * with the same fixed values (`sameValue`: strings equal, a section path with the same items, a citation the very
 * same frozen object); any other hit has its bytes made again. The answer comes split around the
 * value of its top-level `tookMs`, so that a kept answer can say how long the request that reuses it took.
 */
import type { LRUCache } from 'lru-cache';
import { boundedCache } from './bounded-cache.js';
import { FACETS_JSON } from '../index/facet-table.js';
import type { SearchHit, SearchResponse } from '../search/types.js';

/** An answer's JSON in UTF-8, split around the value of its `tookMs`. */
export interface SerializedAnswer {
  head: Buffer;
  tail: Buffer;
}

/** Default bound of the kept bytes: 16 MiB (a hit's fixed members take 1 to 5 KB: thousands of passages). */
const DEFAULT_KEPT_HIT_BYTES = 16 * 1024 * 1024;

/** The members of a hit that are the same whatever the query: their bytes are kept, per passage. */
const FIXED: ReadonlySet<string> = new Set([
  'id', 'docId', 'docTitle', 'docTitleEn', 'year', 'sectionPath', 'kind', 'paragraph', 'page', 'pageEnd',
  'text', 'textEn', 'url', 'publicUrl', 'citation',
] satisfies Array<keyof SearchHit>);

/**
 * `<`, `>` and `&` as JSON escapes, as Express's `json escape` setting writes them (safe to embed in HTML).
 * @example escapeJson('"a<b"') // '"a\\u003cb"'
 */
function escapeJson(json: string): string {
  return /[<>&]/.test(json) ? json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : json;
}

/** The JSON counted facets give of themselves, else null. */
function facetsJson(value: unknown): string | null {
  const write = typeof value === 'object' && value !== null ? (value as { [FACETS_JSON]?: (this: unknown) => string | null })[FACETS_JSON] : undefined;
  return write ? write.call(value) : null;
}

/** The members of an object as JSON without its braces (`"a":1,"b":2`), escaped; '' when it writes none. */
function membersOf(value: object): string {
  return escapeJson(JSON.stringify(value)).slice(1, -1);
}

/**
 * `text` (written up to a member or an opening brace) followed by the member `name: value` as JSON writes it
 * (nothing for a value it leaves out: undefined, a function, a symbol).
 * @example withMember('{', 'score', 1.5) // '{"score":1.5'
 */
function withMember(text: string, name: string, value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return text;
  return `${text}${text.endsWith('{') ? '' : ','}${JSON.stringify(name)}:${escapeJson(json)}`;
}

/** What is kept of a passage's hit: its layout (`layoutOf`), its fixed values in order, their JSON in runs. */
interface KeptHit {
  layout: string;
  values: unknown[];
  /** The JSON of each run of fixed members, without braces (`"id":"…","docId":"…"`); empty when all are undefined. */
  bytes: Buffer[];
}

/** Encodes answers; one per server (its kept bytes serve every request). */
export class AnswerEncoder {
  private readonly kept: LRUCache<string, KeptHit> | null;

  constructor(maxBytes: number = DEFAULT_KEPT_HIT_BYTES) {
    this.kept = boundedCache<KeptHit>(maxBytes, (hit, id) => hit.bytes.reduce((sum, run) => sum + run.length, 2 * (id.length + hit.layout.length)));
  }

  /**
   * The answer's JSON split around `tookMs`: head, the value of tookMs, tail are JSON.stringify's bytes.
   * @example new AnswerEncoder().encode(response).head.toString() // '{"query":"旅游","total":25,"tookMs":'
   */
  encode(response: SearchResponse): SerializedAnswer {
    const parts: Array<string | Buffer> = [];
    let text = '{';
    let cut = -1;
    for (const name of Object.keys(response)) {
      const comma = text === '{' ? '' : ',';
      if (name === 'hits' && Array.isArray(response.hits)) {
        text += `${comma}"hits":[`;
        response.hits.forEach((hit, i) => {
          text = this.writeHit(parts, i === 0 ? text : `${text},`, hit);
        });
        text += ']';
      } else if (name === 'tookMs') {
        parts.push(`${text}${comma}"tookMs":`);
        cut = parts.length;
        text = '';
      } else {
        const value = response[name as keyof SearchResponse];
        // Counted facets write their JSON without making their objects (`FACETS_JSON`).
        const json = (facetsJson(value) ?? JSON.stringify(value)) as string | undefined;
        if (json !== undefined) text += `${comma}${escapeJson(JSON.stringify(name))}:${escapeJson(json)}`;
      }
    }
    parts.push(`${text}}`);
    if (cut === -1) return { head: concat(parts), tail: Buffer.alloc(0) };
    return { head: concat(parts.slice(0, cut)), tail: concat(parts.slice(cut)) };
  }

  /** Writes a hit after `before` into `parts`: its fixed runs as kept bytes, the rest afresh; returns the text left. */
  private writeHit(parts: Array<string | Buffer>, before: string, hit: SearchHit): string {
    const names = Object.keys(hit);
    const kept = this.keptOf(hit, names);
    if (!kept) return `${before}${escapeJson(JSON.stringify(hit))}`;
    let text = `${before}{`;
    let run = 0;
    // One pass (no closure: this runs for every hit): members that depend on the query written one by one, each
    // run of fixed members as its kept bytes.
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      if (!FIXED.has(name)) {
        text = withMember(text, name, hit[name as keyof SearchHit]);
        continue;
      }
      if (i > 0 && FIXED.has(names[i - 1] as string)) continue;
      const bytes = kept.bytes[run++] as Buffer;
      // A run of members that are all undefined writes nothing, as JSON.stringify does.
      if (bytes.length === 0) continue;
      parts.push(text.endsWith('{') ? text : `${text},`);
      parts.push(bytes);
      text = '';
    }
    return `${text}}`;
  }

  /** The member names of the last hit written and their layout: the hits of an answer mostly share both. */
  private last: { names: readonly string[]; layout: string } = { names: [], layout: '' };

  /** `layoutOf(names)`, made again only when the names differ from the last hit's. */
  private layoutOf(names: readonly string[]): string {
    const last = this.last;
    let same = last.names.length === names.length;
    for (let i = 0; same && i < names.length; i++) same = last.names[i] === names[i];
    if (!same) this.last = { names, layout: layoutOf(names) };
    return this.last.layout;
  }

  /** The kept bytes of the hit's fixed members (made now when none fit), or null when none are kept. */
  private keptOf(hit: SearchHit, names: readonly string[]): KeptHit | null {
    if (!this.kept || typeof hit.id !== 'string') return null;
    const layout = this.layoutOf(names);
    const found = this.kept.get(hit.id);
    if (found && found.layout === layout && sameValues(found.values, hit, names)) return found;
    const values: unknown[] = [];
    const runs: string[] = [];
    let run: Record<string, unknown> | null = null;
    for (const name of names) {
      if (!FIXED.has(name)) {
        if (run) runs.push(membersOf(run));
        run = null;
        continue;
      }
      const value = hit[name as keyof SearchHit];
      values.push(keptValue(value));
      run ??= {};
      run[name] = value;
    }
    if (run) runs.push(membersOf(run));
    const made = { layout, values, bytes: runs.map((r) => Buffer.from(r)) };
    this.kept.set(hit.id, made);
    return made;
  }
}

/**
 * The fixed member names in order, runs apart (`id,docId,…,text|url,citation`): hits with the same layout have
 * their fixed members in the same runs, whatever members depend on the query between them.
 */
function layoutOf(names: readonly string[]): string {
  let layout = '';
  let apart = false;
  for (const name of names) {
    if (!FIXED.has(name)) {
      apart = layout !== '';
      continue;
    }
    layout += `${layout === '' ? '' : apart ? '|' : ','}${name}`;
    apart = false;
  }
  return layout;
}

/** What is kept of a fixed value to compare the next hits with: an array is copied (its items are compared). */
const keptValue = (value: unknown): unknown => (Array.isArray(value) ? value.slice() : value);

/**
 * Whether `value` is what `kept` was made from: a primitive equal; an array of the same length with the same items
 * (primitives equal, objects frozen and the very same); an object frozen and the very same. An object that may change
 * (not frozen) is never taken for the same, so its bytes are always made afresh.
 */
function sameValue(kept: unknown, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return kept === value;
  if (!Array.isArray(value)) return kept === value && Object.isFrozen(value);
  if (!Array.isArray(kept) || kept.length !== value.length) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item !== kept[i] || (typeof item === 'object' && item !== null && !Object.isFrozen(item))) return false;
  }
  return true;
}

/** Whether the hit's fixed members are the kept values, in order. */
function sameValues(values: readonly unknown[], hit: SearchHit, names: readonly string[]): boolean {
  let at = 0;
  for (const name of names) {
    if (FIXED.has(name) && !sameValue(values[at++], hit[name as keyof SearchHit])) return false;
  }
  return true;
}

/** Strings and bytes in order, as one buffer of their exact size (strings encoded as UTF-8 straight into it). */
function concat(parts: ReadonlyArray<string | Buffer>): Buffer {
  // The exact size, so that a kept answer holds no slack beyond what the answer cache counts.
  let size = 0;
  for (const part of parts) size += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? buffer.write(part, at) : part.copy(buffer, at);
  return buffer;
}
