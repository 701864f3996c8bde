/**
 * The user dictionary of government-report terms (`data/dict/gov-terms.txt`) that the Chinese
 * segmenter keeps whole. Format (the segmenter's own): one entry a line, `word` or
 * `word freq tag`, fields separated by ONE space, LF line ends, no comments (see data/dict/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { USER_DICT_PATH } from '../paths.js';
import { createTextError } from './errors.js';

/** A user dictionary as read and checked. */
export interface UserDictionary {
  path: string;
  /** The file's bytes, for the analyzer fingerprint. */
  bytes: Buffer;
  /** The words, in file order. */
  terms: string[];
}

/** `word` or `word freq tag`: no spaces in the word, a positive integer frequency. */
const ENTRY = /^(\S+)(?: ([1-9]\d*) (\S+))?$/u;

/**
 * Reads and checks a user dictionary; throws `TEXT_USER_DICT_MISSING` or `TEXT_USER_DICT_INVALID`
 * (naming the line) rather than let the native segmenter abort the process on a bad file.
 * @example readUserDictionary().terms.includes('川藏铁路') // true
 */
export function readUserDictionary(path: string = USER_DICT_PATH): UserDictionary {
  if (/[|;]/.test(path)) {
    throw createTextError('TEXT_USER_DICT_PATH', `${path}: the path of a user dictionary must not contain "|" or ";" (the segmenter splits paths there); move the file`);
  }
  if (!existsSync(path)) {
    throw createTextError('TEXT_USER_DICT_MISSING', `${path}: user dictionary not found; restore data/dict/gov-terms.txt from git`);
  }
  const bytes = readFileSync(path);
  const lines = bytes.toString('utf8').split('\n');
  const terms: string[] = [];
  lines.forEach((line, index) => {
    if (line === '' && index === lines.length - 1) return;
    const match = ENTRY.exec(line);
    if (match === null) {
      throw createTextError(
        'TEXT_USER_DICT_INVALID',
        `${path}:${index + 1}: "${line}" is not "word" or "word freq tag" (one space between fields, LF line ends, no blank lines)`,
      );
    }
    terms.push(match[1]);
  });
  return { path, bytes, terms };
}
