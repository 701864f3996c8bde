/**
 * The query language, parsed in one left-to-right pass (no regular expressions, so no backtracking):
 *
 * - words separated by whitespace (ASCII, U+3000 and every other Unicode space) must all match;
 * - a quoted phrase must match as written: `"…"`, `＂…＂`, `“…”`, `「…」`, `『…』`. A quote opens a phrase only at
 *   the start of a unit (`西藏“十四五”规划` stays one term); an unbalanced quote runs to the end of the query;
 *   the corner and curly quotes nest (`「他说「好」」` is the phrase `他说「好」`);
 * - `-word`, `-"phrase"` (also full-width `－`) exclude; a run of minus signs counts as one;
 * - `OR` (upper case, also full-width `ＯＲ`) or `|` / `｜` between two units makes them alternatives; OR binds tighter than the
 *   implicit AND, so `a b OR c d` is `a AND (b OR c) AND d`;
 * - `A /s B` (same sentence), `A /p B` (same paragraph), `A NEAR/n B` (within n characters, n up to 1000: a larger
 *   n is 1000) join two words or phrases into one unit that must match as a whole; an operator without a word
 *   on each side is dropped;
 * - `year:2024`, `year:2013-2022` (a range: `readYearRange`), `doc:<id>`, `kind:table`, `region:广东` (a region's name,
 *   `report-scope.ts`) (also with `：`, keys and kinds in any case and width) filter; the last of a key counts (a year replaces a range, and the other way round); a filter whose
 *   key is unknown or whose value is invalid (`year:abc`, `kind:chair`) is a plain term; a negated filter is dropped.
 *
 * HTML character references are read first (`R&amp;D` is `R&D`, `&quot;` a quote), and direction marks (U+200E,
 * U+202E…) are left out.
 * Stray operators (`OR` at either end, a lone `-`, `""`) are dropped; control characters, zero-width spaces and
 * lone surrogates separate units (inside a phrase, a control character or lone surrogate becomes a space).
 * The text of a unit otherwise keeps its original characters: normalization is the analyzer's job. Never
 * throws.
 */
import type { NearScope } from '../index/backend.js';
import { PASSAGE_KINDS, type PassageKind } from '../model.js';
import { decodeCharacterReferences } from './character-references.js';
import { readYearRange, type YearRange } from './year-range.js';
import { QUOTED_REGION } from '../../public/js/query-edit.js';

/** Where two units must stand for a proximity search: one sentence, one paragraph, or within n characters (the `near` check's scope). */
export type Scope = NearScope;

/**
 * One thing to look for: a single word (the analyzer may still segment it), an exact phrase, or two of them
 * near each other (`A /s B`, `A /p B`, `A NEAR/5 B`; `text` is the whole expression as written).
 */
export type QueryUnit =
  | { kind: 'term' | 'phrase'; text: string }
  | { kind: 'near'; text: string; left: string; right: string; scope: Scope };

/** A query, ready for retrieval. */
export interface ParsedQuery {
  /** Every group must match; within a group, any alternative (OR). */
  groups: QueryUnit[][];
  /** Units that must not match (`-word`, `-"phrase"`). */
  exclude: QueryUnit[];
  /** `year` and `years` (a range) are never both set: the last written counts. */
  filters: { year?: number; years?: YearRange; doc?: string; kind?: string; region?: string };
  raw: string;
}

/** Closing quote(s) for each opening quote; the curly and corner quotes nest. */
const CLOSERS: ReadonlyMap<string, { close: string; nests: boolean }> = new Map([
  ['"', { close: '"', nests: false }],
  ['\uFF02', { close: '\uFF02', nests: false }], // ＂
  ['\u201C', { close: '\u201D', nests: true }], // “ ”
  ['\u300C', { close: '\u300D', nests: true }], // 「 」
  ['\u300E', { close: '\u300F', nests: true }], // 『 』
]);

const MINUS = new Set(['-', '\uFF0D']);
const BAR = new Set(['|', '\uFF5C']);
const KINDS: ReadonlySet<PassageKind> = new Set<PassageKind>(PASSAGE_KINDS);

/** True for characters that separate units: whitespace, control characters, zero-width spaces, lone surrogates. */
function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c <= 0x20 || (c >= 0x7f && c <= 0xa0)) return true;
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029) return true;
  if (c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

/** True for the invisible marks and overrides of text direction (LRM, RLM, ALM, LRE…RLO, LRI…PDI). */
function isDirectionMark(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * The text without its direction marks: invisible, ignored by the analyzer, they would only ride along in the
 * units the answer echoes (`expansions`, `concepts`) and turn the page's line of them around.
 */
function withoutDirectionMarks(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isDirectionMark(text.charCodeAt(i))) continue;
    out += text.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** A lexical token of the query. */
type Token =
  | { type: 'unit'; unit: QueryUnit; negated: boolean }
  | { type: 'or' }
  | { type: 'filter'; key: FilterKey; value: FilterValue; negated: boolean };

/** The filters a query may write. */
type FilterKey = 'year' | 'doc' | 'kind' | 'region';

/** The keys of the filters a query may write: a `key:` of another name is a plain term. */
export const FILTER_KEYS: ReadonlySet<string> = new Set<FilterKey>(['year', 'doc', 'kind', 'region']);

/** A filter's value: a report's id or a kind, a year, or a range of years. */
type FilterValue = string | number | YearRange;

/** Copy of `text[start, end)` with control characters and lone surrogates replaced by a space (tab and line
 * breaks stay as they are). */
function cleanSlice(text: string, start: number, end: number): string {
  let out = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0);
    const isLone = c >= 0xd800 && c <= 0xdfff && isSeparator(text, i);
    if (isControl || isLone) {
      out += text.slice(runStart, i) + ' ';
      runStart = i + 1;
    }
  }
  return out + text.slice(runStart, end);
}

/** Reads a phrase whose opening quote is at `open`; returns the phrase text and the index after it. */
function readPhrase(raw: string, open: number): { text: string; next: number } {
  const spec = CLOSERS.get(raw[open]);
  const opener = raw[open];
  const close = spec ? spec.close : opener;
  let depth = 0;
  for (let i = open + 1; i < raw.length; i++) {
    const ch = raw[i];
    if (spec?.nests && ch === opener) depth++;
    else if (ch === close) {
      if (depth === 0) return { text: cleanSlice(raw, open + 1, i).trim(), next: i + 1 };
      depth--;
    }
  }
  return { text: cleanSlice(raw, open + 1, raw.length).trim(), next: raw.length };
}

/** Half-width digits for full-width ones (`２０２４` → `2024`); other characters unchanged. */
function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 0x30) : ch;
  }
  return out;
}

/** A filter token for `key:value` when the key is known and the value valid, else null. */
function readFilter(word: string): { key: FilterKey; value: FilterValue } | null {
  let colon = -1;
  for (let i = 0; i < word.length && colon < 0; i++) if (word[i] === ':' || word[i] === '\uFF1A') colon = i;
  if (colon <= 0) return null;
  const key = word.slice(0, colon).normalize('NFKC').toLowerCase();
  const value = word.slice(colon + 1);
  if (value.length === 0) return null;
  if (key === 'year') {
    const range = readYearRange(value);
    if (range) return { key, value: range };
    const digits = asciiDigits(value);
    if (digits.length !== 4) return null;
    for (const d of digits) if (d < '0' || d > '9') return null;
    return { key, value: Number(digits) };
  }
  if (key === 'kind') {
    const kind = value.normalize('NFKC').toLowerCase();
    return KINDS.has(kind as PassageKind) ? { key, value: kind } : null;
  }
  if (key === 'doc' || key === 'region') return { key, value };
  return null;
}

/** The largest distance `NEAR/n` takes, in characters. */
const MAX_NEAR = 1000;

/**
 * The scope a proximity operator names (`/s`, `/p`, `NEAR/12`, any case), or null. A distance past MAX_NEAR
 * is MAX_NEAR, however many digits it is written with (`NEAR/10000` as `NEAR/5000`).
 */
function scopeOf(word: string): Scope | null {
  const w = word.normalize('NFKC').toLowerCase();
  if (w === '/s') return 'sentence';
  if (w === '/p') return 'paragraph';
  if (!w.startsWith('near/')) return null;
  const digits = w.slice(5);
  if (digits.length === 0) return null;
  let n = 0;
  for (const d of digits) {
    if (d < '0' || d > '9') return null;
    n = Math.min(MAX_NEAR, n * 10 + Number(d));
  }
  return n;
}

/** Two plain units joined by a proximity operator become one `near` unit; an operator without both sides is dropped. */
function joinNear(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const operator = token.type === 'unit' && token.unit.kind === 'term' && !token.negated ? token.unit.text : null;
    const scope = operator === null ? null : scopeOf(operator);
    if (scope === null) {
      out.push(token);
      continue;
    }
    const left = out[out.length - 1];
    const right = tokens[i + 1];
    const plain = (t: Token | undefined): t is Extract<Token, { type: 'unit' }> => t?.type === 'unit' && t.unit.kind !== 'near';
    if (!plain(left) || !plain(right) || right.negated) continue; // a stray operator: dropped
    out[out.length - 1] = {
      type: 'unit',
      negated: left.negated,
      unit: { kind: 'near', text: `${left.unit.text} ${operator} ${right.unit.text}`, left: left.unit.text, right: right.unit.text, scope },
    };
    i += 1;
  }
  return out;
}

/** Splits the raw query into tokens. */
function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    if (isSeparator(raw, i)) {
      i++;
      continue;
    }
    if (BAR.has(raw[i])) {
      tokens.push({ type: 'or' });
      i++;
      continue;
    }
    let negated = false;
    while (i < raw.length && MINUS.has(raw[i])) {
      negated = true;
      i++;
    }
    if (i >= raw.length || isSeparator(raw, i) || BAR.has(raw[i])) continue; // a lone `-`: dropped
    if (CLOSERS.has(raw[i])) {
      const phrase = readPhrase(raw, i);
      i = phrase.next;
      if (phrase.text.length > 0) tokens.push({ type: 'unit', unit: { kind: 'phrase', text: phrase.text }, negated });
      continue;
    }
    // A region of more than one word is quoted: `region:"Inner Mongolia"`.
    const quoted = QUOTED_REGION.exec(raw.slice(i, i + 7));
    if (quoted && CLOSERS.has(raw[i + quoted[0].length] ?? '')) {
      const phrase = readPhrase(raw, i + quoted[0].length);
      i = phrase.next;
      const filter = phrase.text.length > 0 ? readFilter(`${quoted[0]}${phrase.text}`) : null;
      if (filter) tokens.push({ type: 'filter', ...filter, negated });
      continue;
    }
    const start = i;
    while (i < raw.length && !isSeparator(raw, i) && !BAR.has(raw[i])) i++;
    const word = raw.slice(start, i);
    if (word.normalize('NFKC') === 'OR' && !negated) {
      tokens.push({ type: 'or' });
      continue;
    }
    const filter = readFilter(word);
    if (filter) tokens.push({ type: 'filter', ...filter, negated });
    else tokens.push({ type: 'unit', unit: { kind: 'term', text: word }, negated });
  }
  return tokens;
}

/**
 * Parses a search box query. Never throws; linear in the length of the query.
 *
 * @example
 * parseQuery('清洁能源 "clean energy" OR 光伏 -煤炭 year:2024')
 * // → { groups: [[{kind:'term',text:'清洁能源'}], [{kind:'phrase',text:'clean energy'}, {kind:'term',text:'光伏'}]],
 * //     exclude: [{kind:'term',text:'煤炭'}], filters: { year: 2024 }, raw: '…' }
 */
export function parseQuery(raw: string): ParsedQuery {
  const parsed: ParsedQuery = { groups: [], exclude: [], filters: {}, raw };
  if (typeof raw !== 'string') return { ...parsed, raw: '' };
  let joinNext = false; // an OR stands between the last group and the next unit
  let lastWasUnit = false; // the previous token was a positive unit (an OR may follow it)
  // `R&amp;D`, pasted from a page's source, is read as R&D (`character-references.ts`); `raw` stays as typed.
  for (const token of joinNear(tokenize(withoutDirectionMarks(decodeCharacterReferences(raw))))) {
    if (token.type === 'or') {
      joinNext = lastWasUnit || joinNext;
      continue;
    }
    if (token.type === 'filter') {
      if (!token.negated) assignFilter(parsed.filters, token.key, token.value);
      joinNext = false;
      lastWasUnit = false;
      continue;
    }
    if (token.negated) {
      parsed.exclude.push(token.unit);
      joinNext = false;
      lastWasUnit = false;
      continue;
    }
    const last = parsed.groups[parsed.groups.length - 1];
    if (joinNext && last) last.push(token.unit);
    else parsed.groups.push([token.unit]);
    joinNext = false;
    lastWasUnit = true;
  }
  return parsed;
}

function assignFilter(filters: ParsedQuery['filters'], key: FilterKey, value: FilterValue): void {
  if (key === 'year' && typeof value === 'number') {
    filters.year = value;
    delete filters.years;
  } else if (key === 'year' && typeof value === 'object') {
    filters.years = value;
    delete filters.year;
  } else if (key === 'doc' && typeof value === 'string') filters.doc = value;
  else if (key === 'kind' && typeof value === 'string') filters.kind = value;
  else if (key === 'region' && typeof value === 'string') filters.region = value;
}
