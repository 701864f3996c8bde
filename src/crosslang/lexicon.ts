/**
 * The learned translation lexicon (`data/lexicon.tsv`): derived data, rebuilt by `npm run lexicon`.
 * A header of `#` lines (format version, each source with its sha256 and row count, counts, parameters),
 * then one `en<TAB>zh<TAB>p<TAB>count` line per phrase pair, sorted by English key, then p descending.
 * English keys are `lightKey` forms (lowercased, singular, never stemmed); Chinese terms are looked up by
 * their normalized form, so traditional or full-width spellings find the same entries.
 */
import { normalizeTerm } from '../text/normalize.js';
import { lightKey, phraseLightKey, tokenizeEnglish } from './english.js';
import { cachedFileLoader } from './cached-file.js';
import { createCrossLangError } from './errors.js';
import { DEFAULT_LEXICON_PATH } from './paths.js';
import { compare } from './sorted-table.js';

/** One learned pair: English key, Chinese term as written, p(zh | en), how often it was extracted. */
export interface LexiconEntry {
  en: string;
  zh: string;
  p: number;
  count: number;
}

/** A parallel file the lexicon was learned from. */
export interface LexiconSource {
  file: string;
  sha256: string;
  /** Rows in the file. */
  rows: number;
  /** Sentence pairs used from it (after excluded years and empty rows). */
  pairs: number;
}

/** What the header of a lexicon file states. */
export interface LexiconHeader {
  sources: LexiconSource[];
  /** Parameters of the learning, name → value. */
  params: Record<string, string>;
}

/** A loaded lexicon with its lookups. */
export interface Lexicon {
  readonly header: LexiconHeader;
  readonly entries: readonly LexiconEntry[];
  /** Most English words in any key. */
  readonly maxWords: number;
  readonly size: number;
  /** Translations of a run of English content words (as written; keyed by lightKey), best first, [] if none. */
  lookup(words: string[]): LexiconEntry[];
  /** English renderings of a Chinese term (normalized key), best first. */
  englishFor(zh: string): LexiconEntry[];
}

/** The format this code reads and writes. */
export const LEXICON_FORMAT = 1;

const FORMAT_LINE = `# lexicon-format\t${LEXICON_FORMAT}`;
/** Words separated by single spaces: no other whitespace, none at either end, never two together. */
const isEnglishKey = (en: string): boolean => en !== '' && en === en.trim() && !/ {2}|[^\S ]/u.test(en);
const ZH_TERM = /^\S+$/u;
const SHA256 = /^sha256:[0-9a-f]{64}$/;

function invalid(source: string, line: number, why: string): never {
  throw createCrossLangError('CROSSLANG_LEXICON_INVALID', `${source} line ${line}: ${why}`);
}

function checkEntry(entry: LexiconEntry, where: (why: string) => never): LexiconEntry {
  if (!isEnglishKey(entry.en) || entry.en !== entry.en.toLowerCase()) where(`"${entry.en}" is not an English key (lowercase words separated by single spaces)`);
  if (!ZH_TERM.test(entry.zh)) where(`"${entry.zh}" is not a Chinese term (no spaces or tabs)`);
  if (!(entry.p > 0 && entry.p <= 1)) where(`p must be a number in (0, 1], got ${entry.p}`);
  if (!Number.isInteger(entry.count) || entry.count < 1) where(`count must be a positive integer, got ${entry.count}`);
  return entry;
}

function orderEntries(entries: readonly LexiconEntry[]): LexiconEntry[] {
  return [...entries].sort((a, b) => compare(a.en, b.en) || b.p - a.p || b.count - a.count || compare(a.zh, b.zh));
}

/**
 * The text of a lexicon file: header, then the entries sorted by English key and descending p.
 * Throws CROSSLANG_LEXICON_INVALID for an entry that cannot be written (tab in a term, p outside (0, 1]).
 * @example serializeLexicon([{ en: 'tax cut', zh: '减税', p: 1, count: 3 }], { sources: [], params: {} }).endsWith('tax cut\t减税\t1\t3\n') // true
 */
export function serializeLexicon(entries: LexiconEntry[], header: LexiconHeader): string {
  const lines = [FORMAT_LINE, '# Learned translation pairs (derived data): rebuild with `npm run lexicon`, do not edit.'];
  for (const s of header.sources) lines.push(`# source\t${s.file}\t${s.sha256}\trows=${s.rows}\tpairs=${s.pairs}`);
  lines.push(`# sentence-pairs\t${header.sources.reduce((a, s) => a + s.pairs, 0)}`);
  lines.push(`# entries\t${entries.length}`, `# english-keys\t${new Set(entries.map((e) => e.en)).size}`);
  for (const name of Object.keys(header.params).sort(compare)) lines.push(`# param\t${name}\t${header.params[name]}`);
  lines.push('# columns\ten\tzh\tp\tcount');
  entries.forEach((e, i) =>
    checkEntry(e, (why) => {
      throw createCrossLangError('CROSSLANG_LEXICON_INVALID', `entry ${i + 1} cannot be written: ${why}`);
    }),
  );
  for (const e of orderEntries(entries)) lines.push(`${e.en}\t${e.zh}\t${e.p}\t${e.count}`);
  return `${lines.join('\n')}\n`;
}

function parseSource(fields: string[], fail: (why: string) => never): LexiconSource {
  const [file = '', sha256 = '', rows = '', pairs = ''] = fields;
  const rowCount = /^rows=(\d+)$/.exec(rows)?.[1];
  const pairCount = /^pairs=(\d+)$/.exec(pairs)?.[1];
  if (file === '' || !SHA256.test(sha256) || rowCount === undefined || pairCount === undefined) {
    fail('a source line reads `# source<TAB>file<TAB>sha256:<hex><TAB>rows=N<TAB>pairs=N`');
  }
  return { file, sha256, rows: Number(rowCount), pairs: Number(pairCount) };
}

/** Header fields and entries of a lexicon text, checked line by line. */
function parseLines(text: string, source: string): { header: LexiconHeader; entries: LexiconEntry[] } {
  const header: LexiconHeader = { sources: [], params: {} };
  const entries: LexiconEntry[] = [];
  let declared: number | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== FORMAT_LINE) invalid(source, 1, `expected "${FORMAT_LINE.replace('\t', '<TAB>')}" (format ${LEXICON_FORMAT}); rebuild with \`npm run lexicon\``);
  lines.forEach((raw, i) => {
    const fail = (why: string): never => invalid(source, i + 1, why);
    if (raw === '') return;
    const fields = raw.split('\t');
    if (raw.startsWith('#')) {
      const tag = fields[0].slice(1).trim();
      if (tag === 'source') header.sources.push(parseSource(fields.slice(1), fail));
      if (tag === 'param') header.params[fields[1] ?? ''] = fields.slice(2).join('\t');
      if (tag === 'entries') declared = Number(fields[1]);
      return;
    }
    if (fields.length !== 4) fail(`expected 4 tab-separated fields (en, zh, p, count), got ${fields.length}`);
    const [en, zh, p, count] = fields;
    if (!/^\d+$/.test(count)) fail(`count must be a positive integer, got "${count}"`);
    entries.push(checkEntry({ en, zh, p: p.trim() === '' ? Number.NaN : Number(p), count: Number(count) }, fail));
  });
  if (declared !== null && declared !== entries.length) {
    invalid(source, lines.length, `the header declares ${declared} entries but ${entries.length} follow (truncated file?)`);
  }
  return { header, entries };
}

function groupBy(entries: LexiconEntry[], key: (e: LexiconEntry) => string): Map<string, LexiconEntry[]> {
  const groups = new Map<string, LexiconEntry[]>();
  for (const e of entries) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  return groups;
}

/**
 * The key a Chinese term is compared by: normalized (NFKC, simplified, lowercase), no whitespace.
 * @example lexiconZhKey('就業 優先') // '就业优先'
 */
export function lexiconZhKey(zh: string): string {
  return normalizeTerm(zh).replace(/\s+/gu, '');
}

/**
 * Parse and index lexicon text. Throws CROSSLANG_LEXICON_INVALID naming the line of a malformed line.
 * @example parseLexicon(serializeLexicon([{ en: 'tax cut', zh: '减税', p: 1, count: 3 }], { sources: [], params: {} })).lookup(['Tax', 'cuts'])[0].zh // '减税'
 */
export function parseLexicon(text: string, source = 'lexicon'): Lexicon {
  const { header, entries } = parseLines(text, source);
  const ordered = orderEntries(entries);
  // Keyed as queries are looked up: a key the parallel English spelled British (`labour`) is found by both spellings.
  const byEn = groupBy(ordered, (e) => phraseLightKey(e.en));
  const byZh = groupBy(
    [...ordered].sort((a, b) => b.count - a.count || b.p - a.p || compare(a.en, b.en)),
    (e) => lexiconZhKey(e.zh),
  );
  return {
    header,
    entries: ordered,
    maxWords: [...byEn.keys()].reduce((most, k) => Math.max(most, k.split(' ').length), 0),
    size: ordered.length,
    lookup: (words) => {
      // `high-quality` is two words, as the lexicon was learned.
      const split = words.flatMap((w) => tokenizeEnglish(w).map((t) => t.lower));
      return split.length === 0 ? [] : (byEn.get(lightKey(split)) ?? []);
    },
    englishFor: (zh) => byZh.get(lexiconZhKey(zh)) ?? [],
  };
}

const readLexicon = cachedFileLoader('CROSSLANG_LEXICON_MISSING', (text, file) => parseLexicon(text, file));

/**
 * Read and index a lexicon file, once per path. Throws CROSSLANG_LEXICON_MISSING when it cannot be read.
 * @example loadLexicon().lookup(['fiscal', 'policy'])[0].zh // '财政政策'
 */
export function loadLexicon(filePath: string = DEFAULT_LEXICON_PATH): Lexicon {
  return readLexicon(filePath);
}
