/**
 * The English synonym table (`data/synonyms.tsv`): derived from WordNet by `npm run synonyms`, never edited.
 * A header of `#` lines (format, source, counts), then one `word<TAB>synonym|synonym…` line per word, sorted
 * by word (UTF-16 order), synonyms best first, a multiword synonym written with spaces, a verb's as CC-CEDICT
 * writes verbs ("to boost"; format 2). Only synonyms that CC-CEDICT can translate are kept, so every one is a
 * way into Chinese. Read once per path into a map.
 */
import { cachedFileLoader } from './cached-file.js';
import type { Dictionary } from './dictionary.js';
import { lemmaForms } from './english.js';
import { createCrossLangError, isCrossLangError } from './errors.js';
import { DEFAULT_SYNONYMS_PATH } from './paths.js';
import { compare } from './sorted-table.js';

/** The format this code reads and writes. */
const SYNONYMS_FORMAT = 2;
const FORMAT_LINE = `# synonyms-format\t${SYNONYMS_FORMAT}`;
const WORD = /^[a-z][a-z'-]*$/;
const SYNONYM = /^[a-z0-9][a-z0-9' .-]*$/;

/** Most synonyms the table keeps for a word. */
export const MAX_SYNONYMS = 8;

/**
 * True for a word the table can be keyed by: one lowercase word of letters.
 * @example isSynonymKey('scam') // true; isSynonymKey('ice cream') // false
 */
export const isSynonymKey = (word: string): boolean => WORD.test(word);

/**
 * True for a synonym the table can hold: lowercase words, digits, apostrophes, dots and hyphens, a letter or digit first.
 * @example isWritableSynonym('con game') // true; isWritableSynonym("'hood") // false
 */
export const isWritableSynonym = (synonym: string): boolean => SYNONYM.test(synonym);

/** How the table writes a synonym WordNet gives only as a verb, as CC-CEDICT writes verbs. */
const VERB_MARK = 'to ';

/**
 * A verb synonym as the table writes it.
 * @example asVerbSynonym('slug') // 'to slug'
 */
export const asVerbSynonym = (word: string): string => VERB_MARK + word;

/**
 * A synonym's words without the verb's mark.
 * @example bareSynonym('to slug') // 'slug'
 */
export const bareSynonym = (synonym: string): string => (synonym.startsWith(VERB_MARK) ? synonym.slice(VERB_MARK.length) : synonym);

/**
 * The Chinese of a synonym as the table writes it: a verb's among CC-CEDICT's verbs only (`to slug`, of idle:
 * never 蛞蝓), any other's among all its senses.
 * @example translateSynonym(loadDictionary(), 'to boost')
 */
export function translateSynonym(dictionary: Pick<Dictionary, 'lookup' | 'verbs'>, synonym: string): string[] {
  const words = bareSynonym(synonym).split(' ');
  return synonym.startsWith(VERB_MARK) ? dictionary.verbs(words) : dictionary.lookup(words);
}

/** English synonyms of a word, for query expansion. */
export interface SynonymTable {
  readonly size: number;
  /** Synonyms of a lowercased query word, tried as written and as its base form (`cuts` → cut); best first. */
  synonyms(lower: string): string[];
}

/** The forms a query word may be listed under: as written, then its base forms (`scams` → scam). */
const baseForms = (lower: string): string[] => [...new Set([lower, ...lemmaForms(lower)])];

/**
 * The text of a synonym file: its header lines (without `#`), then the entries sorted by word.
 * Throws CROSSLANG_SYNONYMS_INVALID for a word or synonym that cannot be written.
 * @example serializeSynonyms(new Map([['scam', ['swindle']]]), ['source\twordnet']) // '# synonyms-format\t2\n# source\twordnet\nscam\tswindle\n'
 */
export function serializeSynonyms(table: Map<string, string[]>, header: string[]): string {
  const lines = [FORMAT_LINE, ...header.map((h) => `# ${h}`)];
  for (const word of [...table.keys()].sort(compare)) {
    const synonyms = table.get(word) ?? [];
    if (!WORD.test(word)) throw createCrossLangError('CROSSLANG_SYNONYMS_INVALID', `"${word}" is not a lowercase word`);
    const bad = synonyms.find((s) => !SYNONYM.test(s));
    if (bad !== undefined) throw createCrossLangError('CROSSLANG_SYNONYMS_INVALID', `synonym "${bad}" of "${word}" has characters a synonym cannot have`);
    if (synonyms.length > 0) lines.push(`${word}\t${synonyms.join('|')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Open a synonym file's text. Throws CROSSLANG_SYNONYMS_INVALID (naming the source and line) when the format
 * line is missing or an entry is malformed or out of order.
 * @example parseSynonyms('# synonyms-format\t2\nscam\tswindle|con\n', 'x').synonyms('scams') // ['swindle', 'con']
 */
export function parseSynonyms(text: string, source: string): SynonymTable {
  const lines = text.split('\n');
  const invalid = (line: number, why: string): never => {
    throw createCrossLangError('CROSSLANG_SYNONYMS_INVALID', `${source} line ${line}: ${why}`);
  };
  if (lines[0] !== FORMAT_LINE) invalid(1, `expected "${FORMAT_LINE.replace('\t', '<TAB>')}"`);
  const table = new Map<string, string>();
  let previous: string | undefined;
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const word = line.slice(0, tab);
    if (tab <= 0 || !WORD.test(word)) invalid(i + 1, 'expected word<TAB>synonym|synonym…');
    if (previous !== undefined && compare(previous, word) >= 0) invalid(i + 1, `"${word}" is not after "${previous}" (entries are sorted by word)`);
    previous = word;
    table.set(word, line.slice(tab + 1));
  });
  const find = (word: string): string[] => table.get(word)?.split('|') ?? [];
  return {
    size: table.size,
    synonyms(lower: string): string[] {
      for (const form of baseForms(lower)) {
        const found = find(form);
        if (found.length > 0) return found;
      }
      return [];
    },
  };
}

const readSynonyms = cachedFileLoader('CROSSLANG_SYNONYMS_MISSING', parseSynonyms);

/**
 * Load the synonym table (the shipped one by default), once per path.
 * Throws CROSSLANG_SYNONYMS_MISSING / CROSSLANG_SYNONYMS_INVALID.
 * @example loadSynonyms().synonyms('scam').includes('swindle') // true
 */
export function loadSynonyms(filePath: string = DEFAULT_SYNONYMS_PATH): SynonymTable {
  return readSynonyms(filePath);
}

const warnUnusable = (reason: string): void => {
  process.emitWarning(`${reason}; searching without English synonyms`, { code: 'CROSSLANG_SYNONYMS_UNUSABLE' });
};

/**
 * The synonym table, or null when its file is missing or malformed: synonyms widen what a query finds, so
 * without them the engine still answers, and `onUnusable` (default: a process warning) hears the file, the
 * problem and the fix.
 * @example openSynonyms('/nowhere/synonyms.tsv', (why) => console.log(why)) // null, after logging why
 */
export function openSynonyms(filePath: string = DEFAULT_SYNONYMS_PATH, onUnusable: (reason: string) => void = warnUnusable): SynonymTable | null {
  try {
    return loadSynonyms(filePath);
  } catch (error) {
    if (!isCrossLangError(error)) throw error;
    onUnusable(`${error.message} (${error.hint})`);
    return null;
  }
}
