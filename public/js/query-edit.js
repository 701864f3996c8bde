// @ts-check
// Editing the query box text: finding where each English concept of the answer stands in the query, and
// taking one out so the rest of the query reads as before. Pure string functions (no DOM), so Node tests
// can import this file. The query is read the way the server's parser reads it (src/search/query-parser.ts):
// character references first (`R&amp;D` is R&D, `&quot;…&quot;` a phrase, `year&#58;2024` a filter), then
// whitespace separates units, a quote opens a phrase only at the start of a unit, `-` excludes, `OR` or `|`
// joins alternatives. Only words of positive, unquoted units are concept words. Offsets are into the text as
// typed, so an edit keeps every other reference as the user wrote it.

import { MAX_REFERENCE_BODY, referenced } from './character-references.js';

/** Closing quote for each opening quote, and whether the pair nests (as in the server's parser). */
const CLOSERS = new Map([
  ['"', { close: '"', nests: false }],
  ['\uFF02', { close: '\uFF02', nests: false }],
  ['\u201C', { close: '\u201D', nests: true }],
  ['\u300C', { close: '\u300D', nests: true }],
  ['\u300E', { close: '\u300F', nests: true }],
]);
const MINUS = new Set(['-', '\uFF0D']);

/** A [start, end) range of the query text. */
/** @typedef {[number, number]} Span */
/**
 * A token of the query: an `or`, or a unit (`phrase` or `term`), negated or not, a filter or not (`-year:2024`
 * is a negated filter); `text` is the unit as the server reads it (references read, without its minus signs).
 * @typedef {{ kind: 'or', start: number, end: number }
 *   | { kind: 'phrase' | 'term', start: number, end: number, text: string, negated: boolean, filter: boolean }} Token
 */
const BAR = new Set(['|', '\uFF5C']);
const FILTER = /^(?:year|doc|kind|region)[:：]./i;
/** The key of a region filter whose value is quoted (`region:"Inner Mongolia"`); the server's parser reads it here. */
export const QUOTED_REGION = /^region[:：]/i;
const WORD = /[\p{Script=Latin}\p{Nd}]+(?:[&'’][\p{Script=Latin}\p{Nd}]+)*/gu;
const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * True for an invisible mark of text direction, which the server's parser drops.
 * @param {number} c
 */
function isDirectionMark(c) {
  return c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * The query as the server's parser reads it, with where each of its characters came from: `text` has the
 * character references read and the direction marks dropped; its character i was typed at [from[i], to[i]).
 * @example readQuery('R&amp;D').text // 'R&D'
 * @param {string} raw
 * @returns {{ text: string, from: number[], to: number[] }}
 */
export function readQuery(raw) {
  let text = '';
  /** @type {number[]} */ const from = [];
  /** @type {number[]} */ const to = [];
  /** @param {string} chars @param {number} s @param {number} e */
  const put = (chars, s, e) => {
    for (let k = 0; k < chars.length; k++) {
      from.push(s);
      to.push(e);
    }
    text += chars;
  };
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '&') {
      const semi = raw.indexOf(';', i + 1);
      const ch = semi === -1 || semi - i - 1 > MAX_REFERENCE_BODY ? null : referenced(raw.slice(i + 1, semi));
      if (ch !== null) {
        if (!(ch.length === 1 && isDirectionMark(ch.charCodeAt(0)))) put(ch, i, semi + 1);
        i = semi + 1;
        continue;
      }
    }
    if (!isDirectionMark(raw.charCodeAt(i))) put(raw[i], i, i + 1);
    i++;
  }
  return { text, from, to };
}

/**
 * True for a character that separates units: whitespace, control characters, zero-width spaces.
 * @param {string} ch
 */
export function isSeparator(ch) {
  const c = ch.charCodeAt(0);
  if (c <= 0x20 || (c >= 0x7f && c <= 0xa0)) return true;
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029) return true;
  return c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A filter's value without the quotes that hold a value of several words, as the server's parser reads it
 * (`"Inner Mongolia"` → `Inner Mongolia`; an unclosed quote runs to the end); any other value as it is.
 * @example unquoted('"Inner Mongolia"') // 'Inner Mongolia'
 * @param {string} value
 */
export function unquoted(value) {
  const spec = CLOSERS.get(value[0] ?? '');
  if (!spec) return value;
  const end = phraseEnd(value, 0);
  const closed = end > 1 && value[end - 1] === spec.close;
  return value.slice(1, closed ? end - 1 : end).trim();
}

/**
 * End (exclusive) of the phrase whose opening quote is at `open`; an unclosed quote runs to the end.
 * @param {string} text
 * @param {number} open
 */
function phraseEnd(text, open) {
  const opener = text[open];
  const { close, nests } = CLOSERS.get(opener) ?? { close: opener, nests: false };
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    if (nests && text[i] === opener) depth++;
    else if (text[i] === close) {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return text.length;
}

/**
 * The tokens of the query as read (`readQuery(…).text`), with their [start, end) in that text.
 * @param {string} text
 * @returns {Token[]}
 */
function lexRead(text) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    if (isSeparator(text[i])) {
      i++;
      continue;
    }
    const start = i;
    if (BAR.has(text[i])) {
      tokens.push({ kind: 'or', start, end: ++i });
      continue;
    }
    let negated = false;
    while (i < text.length && MINUS.has(text[i])) {
      negated = true;
      i++;
    }
    if (i >= text.length || isSeparator(text[i]) || BAR.has(text[i])) continue;
    const unitStart = i; // after the minus signs
    const quoted = QUOTED_REGION.exec(text.slice(i, i + 7));
    if (quoted && CLOSERS.has(text[i + quoted[0].length])) {
      i = phraseEnd(text, i + quoted[0].length);
      tokens.push({ kind: 'term', start, end: i, text: text.slice(unitStart, i), negated, filter: true });
      continue;
    }
    if (CLOSERS.has(text[i])) {
      i = phraseEnd(text, i);
      tokens.push({ kind: 'phrase', start, end: i, text: text.slice(unitStart, i), negated, filter: false });
      continue;
    }
    while (i < text.length && !isSeparator(text[i]) && !BAR.has(text[i])) i++;
    const word = text.slice(unitStart, i);
    const folded = word.normalize('NFKC'); // ＯＲ and ｙｅａｒ： as the server reads them
    if (folded === 'OR' && !negated) tokens.push({ kind: 'or', start, end: i });
    else tokens.push({ kind: 'term', start, end: i, text: word, negated, filter: FILTER.test(folded) });
  }
  return tokens;
}

/**
 * The query's tokens with their [start, end) in the text as typed: `or`, or a unit (`phrase` or `term`) that
 * is `negated` or a `filter`, read as the server reads it (`year&#58;2024` is a filter).
 * @example lexQuery('tax -"a b"').map((t) => t.kind) // ['term', 'phrase']
 * @param {string} raw
 * @returns {Token[]}
 */
export function lexQuery(raw) {
  const read = readQuery(raw);
  return lexRead(read.text).map((token) => ({ ...token, start: read.from[token.start], end: read.to[token.end - 1] }));
}

/** A proximity operator, read as the server's parser reads one (after NFKC): `/s`, `/p`, `NEAR/12`. */
const PROXIMITY = /^(?:\/[sp]|near\/[0-9]+)$/i;

/** An English word: the server's planner translates one (`isEnglishWord` in src/search/plan.ts reads it here). */
export const ENGLISH_WORD = /^\p{Script=Latin}[\p{Script=Latin}'’-]*$/u;

/**
 * True when the server searches some of the query through its Chinese translations: an unquoted English word
 * (`rural revitalization`, `tax 减税`), not a quoted phrase (`"rural revitalization"`, searched as written), a
 * filter, a proximity operator or a code (`5G`).
 * @example searchedInTranslation('rural revitalization') // true
 * @example searchedInTranslation('"rural revitalization" year:2024') // false
 * @param {string} q
 */
export function searchedInTranslation(q) {
  return lexQuery(q).some((token) => {
    if (token.kind !== 'term' || token.filter) return false;
    const word = token.text.normalize('NFKC').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return !PROXIMITY.test(token.text.normalize('NFKC')) && ENGLISH_WORD.test(word);
  });
}

/**
 * True when the query asks for one word or phrase, as a concordance or a trend needs (src/search/research.ts
 * refuses the rest): no exclusion, no OR between two words, no proximity operator between two units. Read as
 * the server's parser reads them: a stray OR or operator (`/s 旅游`, `旅游 OR year:2024`) is dropped.
 * @example isOnePhrase('"乡村振兴" year:2024') // true
 * @example isOnePhrase('旅游 /s 生态') // false
 * @param {string} q
 */
export function isOnePhrase(q) {
  const tokens = lexQuery(q);
  /** The query's units once each operator with a unit on both sides joined them: `near` units among them. */
  /** @type {Array<{ kind: 'or' | 'filter' } | { kind: 'unit', negated: boolean, near: boolean }>} */
  const read = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'or' || token.filter) {
      read.push({ kind: token.kind === 'or' ? 'or' : 'filter' });
      continue;
    }
    if (token.negated || token.kind !== 'term' || !PROXIMITY.test(token.text.normalize('NFKC'))) {
      read.push({ kind: 'unit', negated: token.negated, near: false });
      continue;
    }
    const left = read[read.length - 1];
    const right = tokens[i + 1];
    if (left?.kind !== 'unit' || left.near || right === undefined || right.kind === 'or' || right.filter || right.negated) continue;
    read[read.length - 1] = { kind: 'unit', negated: left.negated, near: true };
    i++;
  }
  let joinNext = false; // an OR stands after a positive unit
  let lastWasUnit = false;
  for (const item of read) {
    if (item.kind !== 'unit') {
      joinNext = item.kind === 'or' && (lastWasUnit || joinNext);
      lastWasUnit = false;
      continue;
    }
    if (item.negated || item.near || joinNext) return false;
    lastWasUnit = true;
  }
  return true;
}

/**
 * The query with its words (positive units) joined by OR, a looser search to propose when it found nothing;
 * its exclusions and filters stay. Null for fewer than two words, a query with an OR or a proximity operator.
 * @example anyOfTheWords('量子 乡村振兴 -旅游 year:2024') // '量子 OR 乡村振兴 -旅游 year:2024'
 * @param {string} q
 * @returns {string | null}
 */
export function anyOfTheWords(q) {
  const tokens = lexQuery(q);
  const words = tokens.filter((t) => t.kind !== 'or' && !t.negated && !t.filter);
  const operator = (/** @type {Token} */ t) => t.kind === 'term' && PROXIMITY.test(t.text.normalize('NFKC'));
  if (words.length < 2 || tokens.some((t) => t.kind === 'or') || words.some(operator)) return null;
  const typed = (/** @type {Token} */ t) => q.slice(t.start, t.end);
  return [words.map(typed).join(' OR '), ...tokens.filter((t) => !words.includes(t)).map(typed)].join(' ');
}

/**
 * The key a word is compared by: NFKC, lower case, one apostrophe.
 * @param {string} word
 */
function wordKey(word) {
  return word.normalize('NFKC').toLowerCase().replace(/’/g, "'");
}

/**
 * The English words of the positive, unquoted units of the query, with their offsets.
 * @param {string} text
 * @returns {Array<{ key: string, start: number, end: number }>}
 */
function conceptWords(text) {
  const read = readQuery(text);
  const words = [];
  for (const token of lexRead(read.text)) {
    if (token.kind !== 'term' || token.negated || token.filter) continue;
    for (const m of token.text.matchAll(WORD)) {
      const start = token.start + m.index;
      words.push({ key: wordKey(m[0]), start: read.from[start], end: read.to[start + m[0].length - 1] });
    }
  }
  return words;
}

/**
 * Index in `words` (from `from`) where the run of `keys` starts, or -1.
 * @param {Array<{ key: string }>} words
 * @param {string[]} keys
 * @param {number} from
 */
function findRun(words, keys, from) {
  for (let i = from; i + keys.length <= words.length; i++) {
    if (keys.every((key, k) => words[i + k].key === key)) return i;
  }
  return -1;
}

/**
 * Where each concept (`{ en }`, in query order) stands in the query: [start, end) of its words, or null when
 * its words are not found among the query's unquoted, positive words. Repeated words are matched in order.
 * @example conceptSpans('tax cuts tourism', [{ en: 'tax cuts' }, { en: 'tourism' }]) // [[0, 8], [9, 16]]
 * @param {string} text
 * @param {Array<{ en: string }>} concepts
 * @returns {Array<Span | null>}
 */
export function conceptSpans(text, concepts) {
  const words = conceptWords(text);
  const taken = new Set();
  let next = 0;
  return concepts.map((concept) => {
    const keys = [...String(concept.en).matchAll(WORD)].map((m) => wordKey(m[0]));
    if (keys.length === 0) return null;
    let at = findRun(words, keys, next);
    if (at < 0) {
      at = findRun(words, keys, 0);
      while (at >= 0 && taken.has(at)) at = findRun(words, keys, at + 1);
    }
    if (at < 0) return null;
    taken.add(at);
    next = at + keys.length;
    return [words[at].start, words[at + keys.length - 1].end];
  });
}

/**
 * Indexes of the `or` tokens that joined a unit now gone to its neighbour: one run of them (`OR OR` reads as
 * one) per run of gone units.
 * @param {Token[]} tokens
 * @param {Set<number>} gone
 */
function orphanedOrs(tokens, gone) {
  const orphans = [];
  const isOr = (/** @type {number} */ k) => tokens[k]?.kind === 'or';
  for (let i = 0; i < tokens.length; i++) {
    if (!gone.has(i)) continue;
    let j = i;
    while (j + 1 < tokens.length && gone.has(j + 1)) j++;
    if (isOr(i - 1)) for (let k = i - 1; isOr(k); k--) orphans.push(k);
    else for (let k = j + 1; isOr(k); k++) orphans.push(k);
    i = j;
  }
  return orphans;
}

/**
 * The ranges to cut for `span`: the span, units it leaves with nothing meaningful, and the ORs of those.
 * @param {string} text
 * @param {Span} span
 */
function cutRanges(text, span) {
  const [start, end] = span;
  const tokens = lexQuery(text);
  /** @type {Set<number>} */
  const gone = new Set();
  /** @type {Span[]} */
  const cuts = [[start, end]];
  tokens.forEach((token, i) => {
    if (token.kind === 'or' || token.end <= start || token.start >= end) return;
    const before = text.slice(token.start, Math.max(token.start, start));
    const rest = before + text.slice(Math.min(token.end, end), token.end);
    if (!MEANINGFUL.test(readQuery(rest).text)) {
      gone.add(i);
      cuts.push([token.start, token.end]);
    }
  });
  for (const i of orphanedOrs(tokens, gone)) cuts.push([tokens[i].start, tokens[i].end]);
  return mergeRanges(cuts);
}

/** @param {Span[]} ranges */
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Trailing (`fromEnd`) or leading separators of `s` removed.
 * @param {string} s
 * @param {boolean} fromEnd
 */
function stripSeparators(s, fromEnd) {
  let a = 0;
  let b = s.length;
  if (fromEnd) while (b > 0 && isSeparator(s[b - 1])) b--;
  else while (a < b && isSeparator(s[a])) a++;
  return s.slice(a, b);
}

/**
 * The query without the words at `span` (from `conceptSpans`): a unit left with only punctuation goes too,
 * as does the `OR` that joined it to a neighbour; the space at the cut closes up, the rest stays as written.
 * @example removeSpan('tax cuts tourism', [0, 8]) // 'tourism'
 * @example removeSpan('solar OR wind power', [9, 13]) // 'solar power'
 * @param {string} text
 * @param {Span} span
 */
export function removeSpan(text, span) {
  let out = '';
  let at = 0;
  for (const [s, e] of cutRanges(text, span)) {
    const kept = text.slice(at, s);
    // A space before the cut (kept, or left by the cut before it) or after it: the pieces stay apart.
    const before = out + kept;
    const spaced = (before.length > 0 && isSeparator(before[before.length - 1])) || (e < text.length && isSeparator(text[e]));
    out = stripSeparators(out + kept, true);
    out += spaced && out.length > 0 ? ' ' : '';
    at = e;
    while (at < text.length && isSeparator(text[at])) at++;
  }
  return (out + text.slice(at)).trim();
}
