/**
 * The CC-CEDICT English → Chinese dictionary, for English words the glossary lacks. Building its reverse
 * index reads 11 MB of CC-CEDICT and 5 MB of jieba frequencies (seconds), so the built index is cached as a
 * sorted text table in the cache dir (`index/crosslang-dictionary.tsv` by default) whose first line is a
 * manifest: builder version, size and mtime of both sources, and the sha256 of the table below it. A cache whose sources differ, or whose table is not the one the manifest names (truncated, edited),
 * is rebuilt — with a warning naming the file and the reason — and rewritten atomically (temporary file,
 * fsync, rename). Opening a matching one is reading and hashing one 11 MB file (~0.1 s), searched as bytes.
 * Callers load it lazily, on the first English query.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import {
  type SourceFile,
  locateCedict,
  locateWordFrequencies,
  readCedict,
  readWordFrequencies,
} from './cedict-source.js';
import { writeFileAtomically } from '../atomic-write.js';
import { gradedBases, inflectionBases, isDotted, lemmaForms, lightKey, singularWord, undotted } from './english.js';
import {
  CHARACTER_PREFIX,
  GLOSS_PREFIX,
  REVERSE_INDEX_RULES,
  buildReverseTable,
  characterEntries,
  glossEntries,
  paraphraseEntries,
  paraphraseKey,
  partialParaphraseKey,
  MAX_PER_KEY,
  VERB_PREFIX,
} from './reverse-index.js';
import { type SortedTable, openSortedTable, serializeTable } from './sorted-table.js';
import { ABBREVIATION_PREFIX, abbreviationEntries, abbreviationKeys } from './abbreviations.js';

/** The cache format and the rules that built it: caches built by another version are rebuilt. */
export const DICTIONARY_VERSION = `crosslang-dictionary/${REVERSE_INDEX_RULES}`;
/** File name of the cache inside the cache dir. */
export const DICTIONARY_CACHE_FILE = 'crosslang-dictionary.tsv';

/**
 * Where to find the sources and where to cache. `cacheDir: null` disables the cache. `onRebuild` hears why
 * an existing cache file was rebuilt (default: a process warning, so the server's log shows it).
 */
export interface DictionaryOptions {
  cacheDir?: string | null;
  cedictPath?: string;
  frequencyPath?: string;
  onRebuild?: (reason: string) => void;
}

/** The opened dictionary. */
export interface Dictionary {
  /** Chinese headwords for a run of English words, best first ([] when unknown). */
  lookup(words: string[]): string[];
  /** Chinese headwords CC-CEDICT gives as these words' verb ("to boost"), best first ([] when none). */
  verbs(words: string[]): string[];
  /**
   * What CC-CEDICT says a Chinese headword means, as the singular forms of its senses' words (`禁渔` →
   * ban, fishing); null when it has no such headword.
   */
  glosses(zh: string): string[] | null;
  /**
   * Headwords a short definition of which has exactly these content words, in any order (`['city',
   * 'village']` → 城中村, "village within a city"); [] for fewer than two words or none known.
   */
  paraphrases(words: readonly string[]): string[];
  /**
   * Single-character headwords one of whose senses is exactly this English word (`tea` → 茶), most frequent
   * first: for when the corpus holds none of `lookup`'s longer words ([] when none).
   */
  characters(word: string): string[];
  /**
   * Headwords for a word written as an abbreviation (`US`, `U.S.`, `SOEs`; see `abbreviations.ts`), best
   * first; [] for a word in lower or title case (`us`, `It`) or an abbreviation CC-CEDICT does not give.
   */
  abbreviations(word: string): string[];
  /** Headwords a definition of three content words of which has these two among them ("to reduce the tax rate": 减税 for reduce, tax). */
  partialParaphrases(words: readonly string[]): string[];
  /** Number of keys in the table: the English keys and the headwords' gloss entries (`glossEntries`). */
  readonly keys: number;
  /**
   * `cache` when opened from a matching cache file; `built` when built from CC-CEDICT for want of one;
   * `rebuilt` when a cache file was there but stale or damaged (see `reason`), and was built again.
   */
  readonly origin: 'cache' | 'built' | 'rebuilt';
  /** Why the cache file was not used, naming it (null unless `origin` is `rebuilt`). */
  readonly reason: string | null;
  /** The cache file used or written, or null when caching is off or the write failed. */
  readonly cacheFile: string | null;
}

/** What the table was built from: a cache built from anything else is stale. */
interface Sources {
  version: string;
  cedict: { size: number; mtimeMs: number };
  frequencies: { size: number; mtimeMs: number } | null;
}

/**
 * The cache file's first line: its sources, and the checksum of the table that follows. (Files written before
 * carry the table's length in UTF-16 units too, `chars`, which nothing read: it is ignored, and they still open.)
 */
interface Manifest extends Sources {
  sha256: string;
}

const MANIFEST_PREFIX = '#';
const fingerprint = (f: SourceFile): { size: number; mtimeMs: number } => ({ size: f.size, mtimeMs: f.mtimeMs });

/**
 * The base forms an inflected last word of a run may stand for, without -ing / -ed (`installed` → `install`,
 * `reducing` → `reduce`, `cutting` → `cut`, `supplied` → `supply`): stems of three letters at least, so that
 * `thing` is no `th`.
 */
const baseForms = (w: string): string[] => inflectionBases(w, 3);

/** Two lists in turns, the first's first: `[a1, b1, a2, b2, …]`, the longer one's rest at the end. */
function inTurns(a: readonly string[], b: readonly string[]): string[] {
  return a.flatMap((x, i) => (i < b.length ? [x, b[i] as string] : [x])).concat(b.slice(a.length));
}

/**
 * How a noun of action ends and what its verb may end in instead: `cooperation` → `cooperate`, `restoration` →
 * `restore`, `reduction` → `reduce`, `consumption` → `consume`, `description` → `describe`, `decision` → `decide`,
 * `conclusion` → `conclude`, `expansion` → `expand`, `investment` → `invest`. Each pattern asks for a few
 * letters before its ending (`nation`, `vision`, `tension` are no verb's). More forms than verbs: a form counts
 * only where CC-CEDICT gives it as a verb ("to reduce"), which `lookup` checks.
 */
const VERB_ENDINGS: ReadonlyArray<readonly [ending: RegExp, verbs: readonly string[]]> = [
  [/(?<=[a-z]{3})ation$/, ['ate', 'e', '']],
  [/(?<=[a-z]{2}u)ction$/, ['ct', 'ce']],
  [/(?<=[a-z]{2}m)ption$/, ['pt', 'e']],
  [/(?<=[a-z]{2})scription$/, ['scribe']],
  [/(?<=[a-z]{3}[^a])tion$/, ['t']],
  [/(?<=[a-z]{2})ision$/, ['ide', 'ise']],
  [/(?<=[a-z]{3})usion$/, ['ude']],
  [/(?<=[a-z]{3})nsion$/, ['nd']],
  [/(?<=[a-z]{4})ment$/, ['']],
];

/**
 * The verbs a noun of action may name, whose senses follow the noun's own: CC-CEDICT often defines the word
 * once, as the verb ("to cooperate").
 * @example verbForms('reduction') // ['reduct', 'reduce']
 */
function verbForms(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (const [ending, verbs] of VERB_ENDINGS) {
    if (ending.test(w)) for (const verb of verbs) out.push(w.replace(ending, verb));
  }
  return [...new Set(out)];
}

/**
 * The heads a run of words before its last word may be looked up by: as written, then, for a phrasal verb,
 * with its first word in each base form (`carried out` → carry out, `laid off` → lay off).
 */
function headForms(words: readonly string[]): string[] {
  const head = lightKey(words.slice(0, -1));
  const [first, ...rest] = words.slice(0, -1);
  if (first === undefined) return [head];
  return [head, ...baseForms(singularWord(first.toLowerCase())).map((base) => lightKey([base, ...rest]))];
}

/** The key of a run of words among CC-CEDICT's verbs ("to cooperate" is `cooperate` there). */
const verbKey = (words: readonly string[]): string => VERB_PREFIX + lightKey([...words]);

/** Most candidates a look-up returns, the noun's and its verb's together: as many as a key keeps. */
const MAX_LOOKUP = MAX_PER_KEY;

function asDictionary(table: SortedTable, origin: Dictionary['origin'], cacheFile: string | null, reason: string | null = null): Dictionary {
  const abbreviations = (word: string): string[] => {
    for (const key of abbreviationKeys(word)) {
      const found = table.get(ABBREVIATION_PREFIX + key);
      if (found.length > 0) return found;
    }
    return [];
  };
  const find = (head: string, forms: string[]): string[] => {
    for (const last of forms) {
      const found = table.get(head === '' ? last : `${head} ${last}`);
      if (found.length > 0) return found;
    }
    return [];
  };
  return {
    keys: table.size,
    origin,
    reason,
    cacheFile,
    glosses(zh: string): string[] | null {
      const stems = table.get(GLOSS_PREFIX + zh);
      return stems.length > 0 ? stems : null;
    },
    characters(word: string): string[] {
      const w = singularWord(word.toLowerCase());
      for (const form of [w, ...baseForms(w)]) {
        const found = table.get(CHARACTER_PREFIX + form);
        if (found.length > 0) return found;
      }
      return [];
    },
    abbreviations,
    partialParaphrases(words: readonly string[]): string[] {
      const key = partialParaphraseKey(words);
      return key === '' ? [] : table.get(key);
    },
    paraphrases(words: readonly string[]): string[] {
      const key = paraphraseKey(words);
      return key === '' ? [] : table.get(key);
    },
    verbs(words: string[]): string[] {
      return table.get(verbKey(words));
    },
    lookup(written: string[]): string[] {
      if (written.length === 0) return [];
      // A word with points alone is an abbreviation in any case (`u.s.`, as a thesaurus writes it, is US, not us).
      const only = written.length === 1 ? (written[0] ?? '') : '';
      if (isDotted(only)) return abbreviations(only.toUpperCase());
      // Among words, an abbreviation with points is its letters, as CC-CEDICT mostly writes it (`U.S. dollar` is "US dollar").
      const words = written.map(undotted);
      const last = words[words.length - 1] ?? '';
      const [w = '', ...bases] = lemmaForms(last.toLowerCase(), 3);
      // An inflected word's own entries and its base form's in turns: CC-CEDICT's few entries for
      // `reducing` or `cutting` (还原剂 "reducing agent", 切削 "cutting (machining)") must not hide the
      // verb's (降低, 削减). A phrasal verb is inflected on its first word (`carried out`, `laid off`,
      // `stepped up`): its head is tried as written, then as the verb's base forms.
      const heads = headForms(words);
      const inflected = heads.reduce<string[]>((found, h) => (found.length > 0 ? found : inTurns(find(h, [w]), find(h, bases))), []);
      const head = heads[0] ?? '';
      const noun = inflected.length > 0 ? inflected : find(head, gradedBases(w));
      // A noun of action is read as its verb only where CC-CEDICT gives a verb: `petition` is no "petit" (小资).
      // In the plural too: `deductions` is "to deduct" (扣除) as `deduction` is.
      const verb = find('', verbForms(singularWord(last.toLowerCase())).map((form) => verbKey([...words.slice(0, -1), form])));
      // In turns: the noun's weak words of a longer sense must not push the verb's own word out of reach.
      const found = inTurns(noun, verb);
      return [...new Set(found)].slice(0, MAX_LOOKUP);
    },
  };
}

/** The sha256 of a text's UTF-8 bytes, or of bytes (what the cache file holds below its manifest line). */
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const NEWLINE = 0x0a;

/** The manifest line of a table built from `sources`. */
const manifestLine = (sources: Sources, body: string): string =>
  MANIFEST_PREFIX + JSON.stringify({ ...sources, sha256: sha256(body) } satisfies Manifest);

/** The manifest of a cache file's first line, or null when it is not one. */
function parseManifest(line: string): Partial<Manifest> | null {
  if (!line.startsWith(MANIFEST_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(line.slice(MANIFEST_PREFIX.length));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Manifest>) : null;
  } catch {
    return null;
  }
}

/**
 * A cache file's manifest and the byte where the table it names starts, when it was built from `expected`; else
 * why not. `bytes` holds the file from its start, at least through its first line break when it has one.
 */
function cacheHead(file: string, bytes: Uint8Array, expected: Sources): { manifest: Manifest; tableStart: number } | { reason: string } {
  const firstBreak = bytes.indexOf(NEWLINE);
  const manifest = parseManifest(Buffer.from(bytes.buffer, bytes.byteOffset, firstBreak === -1 ? bytes.length : firstBreak).toString('utf8'));
  if (manifest === null) return { reason: `${file} has no manifest line (truncated or not a dictionary cache)` };
  const { version, cedict, frequencies, sha256: claimed } = manifest;
  if (JSON.stringify({ version, cedict, frequencies }) !== JSON.stringify(expected)) {
    return { reason: `${file} was built by ${String(version)} from other sources than ${expected.version} with the installed CC-CEDICT` };
  }
  if (claimed === undefined) return { reason: `${file} carries no checksum of its table (written by an older version)` };
  return { manifest: { ...expected, sha256: claimed }, tableStart: firstBreak === -1 ? bytes.length : firstBreak + 1 };
}

/** Why a table whose sha256 is `actual` is not the one `manifest` names, or null. */
function mismatch(file: string, manifest: Manifest, actual: string): string | null {
  if (actual === manifest.sha256) return null;
  return `${file} does not match its manifest (sha256 ${actual.slice(0, 12)}… instead of ${manifest.sha256.slice(0, 12)}…): truncated or edited`;
}

/** What `read` returns for a cache file, or why it cannot be read (null when there is none). */
function readingOf<T>(file: string, read: (file: string) => T): { value: T } | { reason: string | null } {
  try {
    return { value: read(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? null : `${file} cannot be read (${code ?? String(error)})` };
  }
}

/** The first `max` bytes of a file (all of a shorter one). */
function fileHead(file: string, max: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(fstatSync(fd).size, max));
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** A cache file's table when it is the one its manifest names and was built from `expected`; else why not. */
function readCache(file: string, expected: Sources): { table: SortedTable } | { reason: string | null } {
  const read = readingOf(file, (f) => readFileSync(f));
  if (!('value' in read)) return read;
  const head = cacheHead(file, read.value, expected);
  if ('reason' in head) return head;
  // Searched as bytes: the 11 MB table is never decoded whole (only the values of a key found are).
  const table = read.value.subarray(head.tableStart);
  const reason = mismatch(file, head.manifest, sha256(table));
  return reason === null ? { table: openSortedTable(table) } : { reason };
}

/** Where the table of a cache file lies, for a check that hashes it elsewhere, and the verdict on its sha256. */
export interface DictionaryCacheClaim {
  file: string;
  /** The byte where the table starts: the manifest's sha256 covers the file from there to its end. */
  tableStart: number;
  /** Why the cache does not match, given the sha256 of its table; null when it does. */
  verdict(sha256: string): string | null;
}

/** How much of a cache file is read for its manifest line (a few hundred bytes long). */
const HEAD_BYTES = 64 * 1024;

/**
 * What must be hashed to tell whether the dictionary cached in `cacheDir` would be opened as it is, for a caller
 * that hashes it on another thread before any query opens it: where its table lies, and the verdict on the
 * table's sha256 (only the manifest line is read here). Without hashing, why it would be rebuilt (built from
 * other sources, no manifest), or null when there is no cache file. `loadDictionary` decides alike.
 * @example const claim = dictionaryCacheClaim('index'); 'verdict' in claim && claim.verdict(sha256OfFileFrom(claim.file, claim.tableStart)) // null when intact
 */
export function dictionaryCacheClaim(cacheDir: string): DictionaryCacheClaim | { reason: string | null } {
  const file = path.join(cacheDir, DICTIONARY_CACHE_FILE);
  const read = readingOf(file, (f) => fileHead(f, HEAD_BYTES));
  if (!('value' in read)) return read;
  const head = cacheHead(file, read.value, sourcesOf({}).sources);
  if ('reason' in head) return head;
  return { file, tableStart: head.tableStart, verdict: (sha256) => mismatch(file, head.manifest, sha256) };
}

/** Writes the cache atomically: a temporary file in the same dir, fsynced, renamed over the old one. */
function writeCache(file: string, sources: Sources, body: string): boolean {
  try {
    writeFileAtomically(file, `${manifestLine(sources, body)}\n${body}`);
    return true;
  } catch {
    return false;
  }
}

const warnRebuilt = (reason: string): void => {
  process.emitWarning(`${reason}; rebuilt it from CC-CEDICT`, { code: 'CROSSLANG_CACHE_REBUILT' });
};

/** The source files the options name (the installed ones by default), and their fingerprints. */
function sourcesOf(options: Pick<DictionaryOptions, 'cedictPath' | 'frequencyPath'>): { cedict: SourceFile; frequencies: SourceFile | null; sources: Sources } {
  const cedict = locateCedict(options.cedictPath);
  const frequencies = locateWordFrequencies(options.frequencyPath);
  return { cedict, frequencies, sources: { version: DICTIONARY_VERSION, cedict: fingerprint(cedict), frequencies: frequencies ? fingerprint(frequencies) : null } };
}

/**
 * Open the dictionary: from a matching cache file, or else built from CC-CEDICT (and cached). Synchronous.
 * Throws CROSSLANG_CEDICT_MISSING / CROSSLANG_CEDICT_INVALID when CC-CEDICT is needed and unusable.
 * @example loadDictionary().lookup(['cookware']) // ['炊具']
 */
export function loadDictionary(options: DictionaryOptions = {}): Dictionary {
  const { cedict, frequencies, sources } = sourcesOf(options);
  const cacheFile = options.cacheDir === null || options.cacheDir === undefined
    ? null
    : path.join(options.cacheDir, DICTIONARY_CACHE_FILE);
  const cached = cacheFile === null ? { reason: null } : readCache(cacheFile, sources);
  if ('table' in cached) return asDictionary(cached.table, 'cache', cacheFile);
  const entries = readCedict(cedict);
  const counts = readWordFrequencies(frequencies);
  const body = serializeTable(new Map([...buildReverseTable(entries, counts), ...glossEntries(entries), ...paraphraseEntries(entries, counts), ...characterEntries(entries, counts), ...abbreviationEntries(entries, counts)]));
  const written = cacheFile !== null && writeCache(cacheFile, sources, body);
  if (cached.reason !== null) (options.onRebuild ?? warnRebuilt)(cached.reason);
  return asDictionary(openSortedTable(body), cached.reason === null ? 'built' : 'rebuilt', written ? cacheFile : null, cached.reason);
}
