/**
 * Data files of the cross-language stage (glossary, lexicon) are read and parsed once per path; a file that
 * cannot be read is a coded error naming it.
 */
import { readFileSync } from 'node:fs';
import { createCrossLangError, type CrossLangErrorCode } from './errors.js';

/**
 * A loader that reads `filePath`, parses it once and returns the same value on later calls for that path.
 * Throws `missingCode` with the path and the reason when the file cannot be read.
 * @example const load = cachedFileLoader('CROSSLANG_LEXICON_MISSING', (text) => text.length); load('data/lexicon.tsv') > 0 // true
 */
export function cachedFileLoader<T>(missingCode: CrossLangErrorCode, parse: (text: string, filePath: string) => T): (filePath: string) => T {
  const loaded = new Map<string, T>();
  return (filePath) => {
    const cached = loaded.get(filePath);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      throw createCrossLangError(missingCode, `${filePath} (${(error as Error).message})`);
    }
    const value = parse(text, filePath);
    loaded.set(filePath, value);
    return value;
  };
}
