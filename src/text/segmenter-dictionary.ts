/**
 * The Chinese segmenter's dictionaries as `dictionaryCut` reads them: the native segmenter's word list (with the
 * weights it computes: the log of each word's share of all frequencies), the government-terms user dictionary
 * (a word without a frequency weighs the median), and the HMM model. Compiled once into a sorted word list with
 * its weights and cached in a folder (the index folder), with the sha256 of each source in the cache's header: a
 * cache of other sources is compiled again. Reading the cache takes milliseconds where the native segmenter
 * takes seconds to load its dictionaries, which is what lets a server answer before that.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-write.js';
import { readUserDictionary } from './user-dictionary.js';

/** The HMM of the native segmenter: start and transition log-probabilities, emission log-probabilities per state. */
export interface HmmModel {
  start: number[];
  trans: number[][];
  /** Each state's emission log-probability of a character (one code point), or undefined when it has none. */
  emit: Array<(char: string) => number | undefined>;
}

/** Emission log-probabilities as listed: the characters (one code point each) and their values, per state. */
interface Emissions {
  chars: string[][];
  values: number[][];
}

/** What `dictionaryCut` needs of the dictionaries. */
export interface SegmenterDictionary {
  /** The weight of a character the dictionary does not hold (the lowest of the main word list). */
  minWeight: number;
  hmm: HmmModel;
  /** True for a single character the user dictionary holds as a word. */
  isUserSingle(char: string): boolean;
  /**
   * Calls `visit` for each word starting at `chars[at]`, shortest first: first the single character (its weight,
   * or null when it is no word), then every longer word with its weight.
   */
  wordsAt(chars: readonly string[], at: number, visit: (length: number, weight: number | null) => void): void;
}

/** Where the native segmenter's dictionaries are (its package's defaults, as `loadChineseSegmenter` uses them). */
function sourcePaths(): { dict: string; hmm: string; version: string } {
  const require = createRequire(import.meta.url);
  const jieba = require('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };
  const { version } = require('nodejieba/package.json') as { version: string };
  return { dict: jieba.DEFAULT_DICT, hmm: jieba.DEFAULT_HMM_DICT, version };
}

const CACHE_FILE = 'segmenter-dictionary.bin';
const CACHE_VERSION = 2;

/** Lines of a file as C++'s getline gives them (no empty last line after a final line break). */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** The compiled dictionary: words sorted by UTF-16 code units, each with its weight; single-character user words. */
interface Compiled {
  /** The words, sorted, one a line, and where each starts (`count + 1` offsets: the last is past the end). */
  words: string;
  starts: Uint32Array;
  weights: Float64Array;
  minWeight: number;
  userSingles: string[];
  hmm: { start: number[]; trans: number[][]; emissions: Emissions };
}

/**
 * The words and weights as cppjieba's `DictTrie` makes them: the main list's frequencies summed in file order,
 * each weight `log(freq / sum)`; user words weigh the median (or `log(freq / sum)` with a frequency); a word
 * listed twice keeps its last weight.
 */
function compile(dictText: string, userText: string, hmmText: string): Compiled {
  const entries: Array<[string, number]> = [];
  let sum = 0;
  for (const line of lines(dictText)) {
    const [word, freq] = line.split(' ');
    const f = Number.parseFloat(freq ?? '');
    entries.push([word ?? '', f]);
    sum += f;
  }
  const weights = entries.map(([, f]) => Math.log(f / sum));
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0];
  const median = sorted[Math.floor(sorted.length / 2)];
  const byWord = new Map<string, number>();
  entries.forEach(([word], i) => byWord.set(word, weights[i]));
  const userSingles = new Set<string>();
  for (const line of lines(userText)) {
    if (line === '') continue;
    const parts = line.split(' ');
    const word = parts[0] ?? '';
    const weight = parts.length === 3 ? Math.log(Number.parseInt(parts[1] ?? '', 10) / sum) : median;
    byWord.set(word, weight);
    if (Array.from(word).length === 1) userSingles.add(word);
  }
  byWord.delete('');
  const words = [...byWord.keys()].sort();
  const joined = words.join('\n');
  return { words: joined, starts: lineStarts(joined), weights: Float64Array.from(words, (w) => byWord.get(w) ?? 0), minWeight, userSingles: [...userSingles], hmm: parseHmm(hmmText) };
}

/** Where each line of `text` starts, and one past its end. */
function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count + 1);
  let at = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[at++] = i + 1;
  starts[count] = text.length + 1;
  return starts;
}

/** The HMM model file: start probabilities, the 4×4 transitions, then the B, E, M, S emissions (`char:logprob,…`). */
function parseHmm(text: string): Compiled['hmm'] {
  const rows = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const numbers = (row: string | undefined): number[] => (row ?? '').split(' ').map((v) => Number.parseFloat(v));
  const emissions: Emissions = { chars: [], values: [] };
  for (const row of rows.slice(5, 9)) {
    const chars: string[] = [];
    const values: number[] = [];
    for (const pair of row.split(',')) {
      const colon = pair.lastIndexOf(':');
      chars.push(pair.slice(0, colon));
      values.push(Number.parseFloat(pair.slice(colon + 1)));
    }
    emissions.chars.push(chars);
    emissions.values.push(values);
  }
  return { start: numbers(rows[0]), trans: rows.slice(1, 5).map(numbers), emissions };
}

/**
 * Each state's emissions as a lookup: a table indexed by code unit for the Basic Multilingual Plane (filled in a
 * few milliseconds, where a Map of 35,000 entries takes ten times that), a Map for the rest.
 */
function emissionLookups(emissions: Emissions): HmmModel['emit'] {
  return emissions.chars.map((chars, state) => {
    const table = new Float64Array(0x10000).fill(Number.NaN);
    const astral = new Map<string, number>();
    chars.forEach((c, i) => {
      const value = emissions.values[state][i];
      if (c.length === 1) table[c.charCodeAt(0)] = value;
      else astral.set(c, value);
    });
    return (char: string): number | undefined => {
      if (char.length !== 1) return astral.get(char);
      const value = table[char.charCodeAt(0)];
      return Number.isNaN(value) ? undefined : value;
    };
  });
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The cache's bytes: a JSON header line (version, sources, counts, min weight, user singles, the HMM's start and
 * transitions and the characters of each state's emissions), then the word weights and the emission
 * log-probabilities as float64, then the words (UTF-16, one a line).
 */
function serialize(compiled: Compiled, sources: Record<string, string>): Buffer {
  const { hmm } = compiled;
  const emitValues = Float64Array.from(hmm.emissions.values.flat());
  const header = JSON.stringify({
    version: CACHE_VERSION,
    sources,
    count: compiled.weights.length,
    minWeight: compiled.minWeight,
    userSingles: compiled.userSingles,
    hmm: { start: hmm.start, trans: hmm.trans, emitChars: hmm.emissions.chars.map((chars) => chars.join('')) },
  });
  const head = Buffer.from(`${header}\n`);
  const pad = Buffer.alloc((8 - (head.length % 8)) % 8, 0x20);
  return Buffer.concat([head, pad, Buffer.from(compiled.weights.buffer), Buffer.from(emitValues.buffer), Buffer.from(compiled.words, 'utf16le')]);
}

interface CacheHeader {
  version?: number;
  sources?: Record<string, string>;
  count?: number;
  minWeight?: number;
  userSingles?: string[];
  hmm?: { start: number[]; trans: number[][]; emitChars: string[] };
}

/** `count` float64 at `offset` of `bytes`: a view when aligned, else a copy. */
function float64At(bytes: Buffer, offset: number, count: number): Float64Array {
  const at = bytes.byteOffset + offset;
  return at % 8 === 0 ? new Float64Array(bytes.buffer, at, count) : new Float64Array(bytes.buffer.slice(at, at + count * 8));
}

/** The compiled dictionary from the cache's bytes, or null when they are not a cache of these sources. */
function deserialize(bytes: Buffer, sources: Record<string, string>): Compiled | null {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  let header: CacheHeader;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as CacheHeader;
  } catch {
    return null;
  }
  const count = header.count ?? -1;
  const hmm = header.hmm;
  if (header.version !== CACHE_VERSION || JSON.stringify(header.sources) !== JSON.stringify(sources) || !(count > 0) || !hmm) return null;
  const chars = hmm.emitChars.map((joined) => Array.from(joined));
  const emitCount = chars.reduce((sum, c) => sum + c.length, 0);
  const start = newline + 1 + ((8 - ((newline + 1) % 8)) % 8);
  const end = start + (count + emitCount) * 8;
  if (bytes.length < end) return null;
  const weights = float64At(bytes, start, count);
  const emitValues = float64At(bytes, start + count * 8, emitCount);
  const words = bytes.toString('utf16le', end);
  const starts = lineStarts(words);
  if (starts.length !== count + 1) return null;
  let at = 0;
  const values = chars.map((c) => c.map(() => emitValues[at++]));
  return { words, starts, weights, minWeight: header.minWeight ?? 0, userSingles: header.userSingles ?? [], hmm: { start: hmm.start, trans: hmm.trans, emissions: { chars, values } } };
}

/** The dictionary over the compiled word list: a word's prefixes narrow a range of the sorted list. */
function dictionaryOf(compiled: Compiled): SegmenterDictionary {
  const { words, starts, weights } = compiled;
  const singles = new Set(compiled.userSingles);
  /** Word `k` against `prefix`: below 0 before it, 0 when it starts with it, above 0 after it (code units). */
  const compare = (k: number, prefix: string): number => {
    const from = starts[k];
    const length = starts[k + 1] - 1 - from;
    for (let i = 0; i < prefix.length; i++) {
      if (i >= length) return -1;
      const d = words.charCodeAt(from + i) - prefix.charCodeAt(i);
      if (d !== 0) return d;
    }
    return 0;
  };
  /** The first index in [lo, hi) whose word compares to `prefix` above `floor`. */
  const bound = (lo: number, hi: number, prefix: string, floor: number): number => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(mid, prefix) <= floor) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    minWeight: compiled.minWeight,
    hmm: { start: compiled.hmm.start, trans: compiled.hmm.trans, emit: emissionLookups(compiled.hmm.emissions) },
    isUserSingle: (char) => singles.has(char),
    wordsAt(chars, at, visit) {
      let lo = 0;
      let hi = weights.length;
      let prefix = '';
      for (let end = at; end < chars.length; end++) {
        prefix += chars[end];
        // The words that start with the prefix; the first of them is the prefix itself when it is a word.
        lo = bound(lo, hi, prefix, -1);
        hi = bound(lo, hi, prefix, 0);
        const found = lo < hi && starts[lo + 1] - 1 - starts[lo] === prefix.length;
        if (end === at) visit(1, found ? weights[lo] : null);
        else if (found) visit(end - at + 1, weights[lo]);
        if (lo >= hi) break;
      }
    },
  };
}

/**
 * Opens the dictionaries: from `cacheDir`'s compiled copy when it was made from the same sources, else compiled
 * from the sources (about a second) and, with a `cacheDir`, saved there (atomically) for the next start.
 * @example dictionaryCut(openSegmenterDictionary('index'), '乡村振兴战略') // ['乡村振兴战略']
 */
export function openSegmenterDictionary(cacheDir?: string): SegmenterDictionary {
  const paths = sourcePaths();
  // Checked as jieba's load checks it: a malformed line is a coded error, not a word with a guessed weight.
  const userBytes = readUserDictionary().bytes;
  // The main list and the HMM come with the native segmenter's package: its version and their sizes name them.
  const sources = { nodejieba: paths.version, dict: String(statSync(paths.dict).size), hmm: String(statSync(paths.hmm).size), user: sha256(userBytes) };
  const cacheFile = cacheDir ? path.join(cacheDir, CACHE_FILE) : null;
  let compiled = cacheFile && existsSync(cacheFile) ? deserialize(readFileSync(cacheFile), sources) : null;
  if (!compiled) {
    compiled = compile(readFileSync(paths.dict, 'utf8'), userBytes.toString('utf8'), readFileSync(paths.hmm, 'utf8'));
    // The cache only saves the next start a compilation: a write that fails (a full disk, a concurrent build
    // clearing its temporary file) leaves this start with the dictionary it compiled.
    if (cacheFile) {
      try {
        writeFileAtomically(cacheFile, serialize(compiled, sources));
      } catch (error) {
        process.emitWarning(`${cacheFile} could not be written (${(error as Error).message}); the next start compiles the dictionary again`, { code: 'SEGMENTER_CACHE_UNWRITTEN' });
      }
    }
  }
  return dictionaryOf(compiled);
}
