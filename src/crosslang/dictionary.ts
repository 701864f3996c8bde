/**
 * The CC-CEDICT English → Chinese dictionary, for English words the glossary lacks. Building its reverse
 * index reads 11 MB of CC-CEDICT and 5 MB of jieba frequencies (seconds), so the built index is cached as a
 * sorted text table in the cache dir (`index/crosslang-dictionary.tsv` by default) whose first line is a
 * manifest: builder version plus size and mtime of both sources. A cache that does not match is rebuilt;
 * opening a matching one is reading one 2 MB file. Callers load it lazily, on the first English query.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type SourceFile,
  locateCedict,
  locateWordFrequencies,
  readCedict,
  readWordFrequencies,
} from './cedict-source.js';
import { lightKey, singularWord } from './english.js';
import { REVERSE_INDEX_RULES, buildReverseTable } from './reverse-index.js';
import { type SortedTable, openSortedTable, serializeTable } from './sorted-table.js';

/** The cache format and the rules that built it: caches built by another version are rebuilt. */
export const DICTIONARY_VERSION = `crosslang-dictionary/${REVERSE_INDEX_RULES}`;
/** File name of the cache inside the cache dir. */
export const DICTIONARY_CACHE_FILE = 'crosslang-dictionary.tsv';

/** Where to find the sources and where to cache. `cacheDir: null` disables the cache. */
export interface DictionaryOptions {
  cacheDir?: string | null;
  cedictPath?: string;
  frequencyPath?: string;
}

/** The opened dictionary. */
export interface Dictionary {
  /** Chinese headwords for a run of English words, best first ([] when unknown). */
  lookup(words: string[]): string[];
  /** Number of English keys. */
  readonly keys: number;
  /** `cache` when opened from a matching cache file, `built` when built from CC-CEDICT. */
  readonly origin: 'cache' | 'built';
  /** The cache file used or written, or null when caching is off or the write failed. */
  readonly cacheFile: string | null;
}

interface Manifest {
  version: string;
  cedict: { size: number; mtimeMs: number };
  frequencies: { size: number; mtimeMs: number } | null;
}

const MANIFEST_PREFIX = '#';
const fingerprint = (f: SourceFile): { size: number; mtimeMs: number } => ({ size: f.size, mtimeMs: f.mtimeMs });

/** Word forms to try for the last word of a run: as is, then without -ing / -ed (`installed` → `install`). */
function lastWordForms(word: string): string[] {
  const w = singularWord(word.toLowerCase());
  const forms = [w];
  if (/[a-z]{3}ing$/.test(w)) forms.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (/[a-z]{3}ed$/.test(w)) forms.push(w.slice(0, -2), w.slice(0, -1));
  return forms;
}

/**
 * The verb a noun of action names (`cooperation` → `cooperate`, `investment` → `invest`), whose senses
 * follow the noun's own: CC-CEDICT often defines the word once, as the verb ("to cooperate").
 */
function verbForms(word: string): string[] {
  const w = word.toLowerCase();
  if (/[a-z]{3}ation$/.test(w)) return [`${w.slice(0, -3)}e`, w.slice(0, -5)];
  if (/[a-z]{3}[^a]tion$/.test(w)) return [w.slice(0, -3)];
  if (/[a-z]{4}ment$/.test(w)) return [w.slice(0, -4)];
  return [];
}

/** Most candidates a look-up returns, the noun's and its verb's together. */
const MAX_LOOKUP = 8;

function asDictionary(table: SortedTable, origin: Dictionary['origin'], cacheFile: string | null): Dictionary {
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
    cacheFile,
    lookup(words: string[]): string[] {
      if (words.length === 0) return [];
      const head = lightKey(words.slice(0, -1));
      const last = words[words.length - 1] ?? '';
      const found = [...find(head, lastWordForms(last)), ...find(head, verbForms(last))];
      return [...new Set(found)].slice(0, MAX_LOOKUP);
    },
  };
}

function readCache(file: string, expected: Manifest): SortedTable | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1 || text.slice(0, firstBreak) !== MANIFEST_PREFIX + JSON.stringify(expected)) return null;
  return openSortedTable(text.slice(firstBreak + 1));
}

function writeCache(file: string, manifest: Manifest, body: string): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${MANIFEST_PREFIX}${JSON.stringify(manifest)}\n${body}`);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Open the dictionary: from a matching cache file, or else built from CC-CEDICT (and cached). Synchronous.
 * Throws CROSSLANG_CEDICT_MISSING / CROSSLANG_CEDICT_INVALID when CC-CEDICT is needed and unusable.
 * @example loadDictionary().lookup(['cookware']) // ['炊具']
 */
export function loadDictionary(options: DictionaryOptions = {}): Dictionary {
  const cedict = locateCedict(options.cedictPath);
  const frequencies = locateWordFrequencies(options.frequencyPath);
  const manifest: Manifest = {
    version: DICTIONARY_VERSION,
    cedict: fingerprint(cedict),
    frequencies: frequencies ? fingerprint(frequencies) : null,
  };
  const cacheFile = options.cacheDir === null || options.cacheDir === undefined
    ? null
    : path.join(options.cacheDir, DICTIONARY_CACHE_FILE);
  if (cacheFile) {
    const cached = readCache(cacheFile, manifest);
    if (cached) return asDictionary(cached, 'cache', cacheFile);
  }
  const body = serializeTable(buildReverseTable(readCedict(cedict), readWordFrequencies(frequencies)));
  const written = cacheFile !== null && writeCache(cacheFile, manifest, body);
  return asDictionary(openSortedTable(body), 'built', written ? cacheFile : null);
}
