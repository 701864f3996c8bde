/**
 * The Chinese segmenter: words of a Han run, by jieba (nodejieba, HMM on) with the government-terms
 * user dictionary. The run is normalized first (whitespace removed, traditional → simplified), so a
 * word cut by a line break or written in traditional characters segments like its plain simplified
 * form; each word's offsets point back into the original run.
 *
 * Loading jieba's dictionaries takes 1–4 s. Until it is loaded (`loadChineseSegmenter()`, which building an
 * index calls), a Han run is cut by `dictionaryCut`, the same algorithm in TypeScript over the same dictionaries
 * (compiled and cached by `openChineseDictionary`), which gives the same words: a server answers without ever
 * loading jieba.
 */
import { createRequire } from 'node:module';
import { canCut, dictionaryCut } from './dictionary-cut.js';
import { createTextError } from './errors.js';
import { normalizeForMatch } from './normalize.js';
import type { Segmenter, Token } from './token.js';
import { openSegmenterDictionary, type SegmenterDictionary } from './segmenter-dictionary.js';
import { readUserDictionary } from './user-dictionary.js';
import { LETTER_OR_DIGIT } from './scripts.js';

type Jieba = typeof import('nodejieba');

let jieba: Jieba | null = null;
let dictionary: SegmenterDictionary | null = null;

/**
 * Loads jieba with the default dictionaries plus `data/dict/gov-terms.txt`, once per process.
 * Throws `TEXT_USER_DICT_*` for a bad dictionary, `TEXT_SEGMENTER_LOAD` when nodejieba is missing.
 * @example loadChineseSegmenter(); chineseSegmenter('川藏铁路') // [{ term: '川藏铁路', start: 0, end: 4 }]
 */
export function loadChineseSegmenter(): void {
  if (jieba !== null) return;
  const dictionary = readUserDictionary();
  let loaded: Jieba;
  try {
    loaded = createRequire(import.meta.url)('nodejieba') as Jieba;
    // Only `userDict` is given: nodejieba fills in its default dict, HMM model, IDF and stop words.
    // (It would take several user dictionaries joined by "|"; its demo user.dict.utf8 is not used.)
    loaded.load({ userDict: dictionary.path });
  } catch (error) {
    throw createTextError('TEXT_SEGMENTER_LOAD', `nodejieba could not be loaded (run \`npm rebuild nodejieba\`): ${String(error)}`, error);
  }
  jieba = loaded;
}

/**
 * Opens the dictionaries of the TypeScript cut once per process, from their compiled copy in `cacheDir` (made
 * there the first time, about a second). Tens of milliseconds, where loading jieba takes seconds.
 * @example openChineseDictionary('index'); chineseSegmenter('川藏铁路') // cut without loading jieba
 */
export function openChineseDictionary(cacheDir?: string): void {
  dictionary ??= openSegmenterDictionary(cacheDir);
}

/** jieba's words of `text`: from jieba once it is loaded, else from the same cut in TypeScript when it can. */
function cut(text: string): string[] {
  if (jieba === null && canCut(text)) {
    dictionary ??= openSegmenterDictionary();
    return dictionaryCut(dictionary, text);
  }
  loadChineseSegmenter();
  return (jieba as Jieba).cut(text, true);
}

/**
 * Words of a Han run, normalized, with offsets into `run` (whitespace inside the run is skipped, so a
 * word may span a line break). Punctuation pieces are dropped. Never throws on odd input: when jieba's
 * pieces do not rebuild the text (e.g. a lone surrogate), it falls back to one token per character.
 * @example chineseSegmenter('民族团结进\n步') // [{ term: '民族团结进步', start: 0, end: 7 }]
 * @example chineseSegmenter('鄉村振興') // [{ term: '乡村振兴', start: 0, end: 4 }]
 */
export const chineseSegmenter: Segmenter = (run) => {
  const { text, starts, ends } = normalizeForMatch(run);
  if (text === '') return [];
  const pieces = cut(text);
  if (pieces.join('') !== text) return characterTokens(text, starts, ends);
  const tokens: Token[] = [];
  let pieceStart = 0;
  let pending = '';
  let pendingStart = 0;
  for (const piece of pieces) {
    if (pending === '') pendingStart = pieceStart;
    pending += piece;
    pieceStart += piece.length;
    // A piece may end inside the expansion of one original character (`㍻` → `平成`): keep going
    // until the boundary falls between two original characters, so tokens never overlap.
    if (pieceStart < text.length && starts[pieceStart] === starts[pieceStart - 1]) continue;
    if (LETTER_OR_DIGIT.test(pending)) tokens.push({ term: pending, start: starts[pendingStart], end: ends[pieceStart - 1] });
    pending = '';
  }
  return tokens;
};

/** One token per letter or digit, merging the code units that came from the same original character. */
function characterTokens(text: string, starts: Int32Array, ends: Int32Array): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    while (j < text.length && starts[j] === starts[i]) j++;
    const term = text.slice(i, j);
    if (LETTER_OR_DIGIT.test(term)) tokens.push({ term, start: starts[i], end: ends[j - 1] });
    i = j;
  }
  return tokens;
}
