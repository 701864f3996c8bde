/**
 * Learn a translation lexicon from aligned sentence pairs: English content words (lowercased, singular,
 * as `lightKey` writes them — never Porter stems, so `cooperative` stays apart from `cooperation`) and the
 * analyzer's Chinese words (jieba with the government-terms dictionary, normalized) are word-aligned,
 * then phrase pairs are extracted and scored. A Chinese side is written as it stands in the first sentence
 * it was learned from (whitespace removed); its normalized form is only the key.
 */
import { parseNumeral } from '../chinese-numerals.js';
import { analyzeWords } from '../text/analyzer.js';
import { DEFAULT_ALIGN_PARAMS, alignCorpus, type AlignParams } from './align.js';
import { contentTokens, isStopword, singularWord, tokenizeEnglish } from './english.js';
import type { LexiconEntry } from './lexicon.js';
import type { RareVouch } from './lexicon-vouch.js';
import { DEFAULT_PHRASE_PARAMS, scorePhrasePairs, type PhraseParams, type SegmentedPair } from './phrase-pairs.js';

/** Options of `learnLexicon`: the aligner's and the phrase extractor's parameters, and who vouches for pairs seen once. */
export interface LearnOptions {
  align?: Partial<AlignParams>;
  phrases?: Partial<PhraseParams>;
  /** Without one, a pair must be seen `minCount` times (strong single words aside). */
  vouch?: RareVouch;
}

/** Chinese function words: a phrase may not begin or end with one, nor consist of them. */
export const CHINESE_STOPWORDS = new Set(
  '的 地 得 了 着 过 和 与 及 以及 或 或者 是 在 等 等等 对 把 为 为了 将 以 并 并且 也 要 都 而 之 其 于 从 向 由 被 让 使 这 那 这些 那些 我们 我 有 中 个 各 更 又 就 还 所 则 即 已 已经 进一步 一些 一个'.split(' '),
);

const NUMBER = /^[\p{Nd}.,%‰+\-/]+$/u;
const HAS_HAN = /\p{Script=Han}/u;
/** A quantity's unit alone, or a figure and its unit: `万人`, `千万`, `万亿元`, `个百分点`, `1.2万亿元`. */
const QUANTITY = /^[\p{Nd}.]*(?:[十百千万亿]+(?:人次|人|元|吨|亩|千瓦|公里|千米|户|个|家|套|辆|次|所|项|名|平方米|立方米)?|个百分点|百分点)$/u;
/** English that names a quantity (lower case, singular, as learning reads its words): a figure, a magnitude or a unit. */
const NAMES_QUANTITY = /^(?:[\p{Nd}.,%]+|yuan|trillion|billion|million|thousand|hundred|percent|percentage|point|ton|tonne|hectare|mu|kilometer|kilometre|kilowatt|people|person|household|unit)$/u;
/** Anything between two words other than spaces, hyphens or apostrophes ends a phrase. */
const BREAK = /[^\s\-‐‑‒–'’]/u;

/**
 * Version of the learning itself: bump it whenever what is learned changes without a parameter changing (a
 * number's unit split off, a significance test keyed otherwise), so a lexicon saved beside an index is learned again.
 */
const LEARN_RULES = 4;

/**
 * The parameters a lexicon is learned with (defaults overridden by `options`) and the rules' version, as header values.
 * @example learnParameters().iterations // '5'
 */
export function learnParameters(options: LearnOptions = {}): Record<string, string> {
  const params = { rules: LEARN_RULES, ...DEFAULT_ALIGN_PARAMS, ...options.align, ...DEFAULT_PHRASE_PARAMS, ...options.phrases, rareVouchedBy: options.vouch?.by ?? 'none' };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}

interface ChineseWords {
  keys: string[];
  surfaces: string[];
  segments: number[];
}

/** A segment id per word: it changes wherever the text between two words has punctuation. */
function segmentIds(text: string, spans: Array<{ start: number; end: number }>): number[] {
  let segment = 0;
  return spans.map((span, i) => {
    if (i > 0 && BREAK.test(text.slice(spans[i - 1].end, span.start))) segment++;
    return segment;
  });
}

/**
 * The English side of a sentence pair: content words as lightKey words, with phrase segments.
 * @example englishWords('Tax cuts, and fee reductions') // { words: ['tax', 'cut', 'fee', 'reduction'], segments: [0, 0, 1, 1] }
 */
export function englishWords(text: string): { words: string[]; segments: number[] } {
  const normalized = text.normalize('NFKC');
  const tokens = contentTokens(tokenizeEnglish(normalized));
  return { words: tokens.map((t) => singularWord(t.lower)), segments: segmentIds(normalized, tokens) };
}

/** A number and the unit sign written onto it. */
const NUMBER_WITH_UNIT = /^(\p{Nd}[\p{Nd}.,]*)([%‰])$/u;

/**
 * A number token with its unit sign as two words (`5.2%` → `5.2`, `%`): the English writes the unit as a word
 * (`5.2 percent`), which has nothing to align to while the sign is glued to a number seen once, and the aligner
 * gave it the verb beside the number instead (`percent` → 增长).
 */
function splitUnit<T extends { term: string; start: number; end: number }>(token: T): T[] {
  const unit = NUMBER_WITH_UNIT.exec(token.term);
  if (unit === null || token.end - token.start !== token.term.length) return [token];
  const cut = token.end - (unit[2] ?? '').length;
  return [{ ...token, term: unit[1] ?? '', end: cut }, { ...token, term: unit[2] ?? '', start: cut }];
}

/**
 * The Chinese side of a sentence pair: the analyzer's words (normalized keys and surfaces as written).
 * @example chineseWords('实施就业优先政策，').keys // ['实施', '就业', '优先', '政策']
 */
export function chineseWords(text: string): ChineseWords {
  const tokens = analyzeWords(text).flatMap(splitUnit);
  return {
    keys: tokens.map((t) => t.term),
    surfaces: tokens.map((t) => text.slice(t.start, t.end).replace(/\s+/gu, '')),
    segments: segmentIds(text, tokens),
  };
}

function meaningfulEnglish(words: string[]): boolean {
  return !isStopword(words[0]) && !isStopword(words[words.length - 1]) && words.some((w) => !NUMBER.test(w));
}

function meaningfulChinese(words: string[]): boolean {
  const edgeIsStop = CHINESE_STOPWORDS.has(words[0]) || CHINESE_STOPWORDS.has(words[words.length - 1]);
  return !edgeIsStop && words.some((w) => HAS_HAN.test(w) && !CHINESE_STOPWORDS.has(w));
}

/** English magnitudes, by the value of one. */
const MAGNITUDES: Readonly<Record<string, number>> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** An ordinal in figures (`31st`, `75th`) or a figure with a decimal point (`29.7`, `3.0`). */
const ORDINAL_OR_DECIMAL = /^(?:(\d+)(?:st|nd|rd|th)|(\d+\.\d+))$/u;
/** A figure in Chinese with its magnitude: `1.6万亿`, `1100多万`, `3.7亿`. */
const CHINESE_FIGURE = /(\d+(?:\.\d+)?)多?(万亿|亿|万)?/gu;
const CHINESE_MAGNITUDES: Readonly<Record<string, number>> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };
/** A run of Chinese numerals: `十四`, `六`, `十四五` (read as 十四 too). */
const CHINESE_NUMERALS = /[零〇一二两三四五六七八九十百千]+/gu;

/**
 * The quantities English names that a translation must name too: an ordinal (`31st`), a figure with a decimal
 * point, and a figure before a magnitude (`29.7 trillion`, as 2.97e13). A figure that is part of a name (`covid 19`,
 * `g20`, `world game 2025`) is none: the Chinese name may leave it out (新冠, 世界运动会).
 */
function namedQuantities(en: readonly string[]): number[] {
  const out: number[] = [];
  en.forEach((word, i) => {
    const magnitude = MAGNITUDES[en[i + 1] ?? ''];
    const m = ORDINAL_OR_DECIMAL.exec(word);
    if (m) out.push(Number(m[1] ?? m[2]) * (magnitude ?? 1));
    else if (magnitude !== undefined && /^\d+$/u.test(word)) out.push(Number(word) * magnitude);
  });
  return out;
}

/** Every value a Chinese phrase writes: figures with their magnitudes, and numerals (each prefix of a run too). */
function chineseValues(zh: string): number[] {
  const out: number[] = [];
  for (const m of zh.matchAll(CHINESE_FIGURE)) out.push(Number(m[1]) * (CHINESE_MAGNITUDES[m[2] ?? ''] ?? 1));
  for (const [run] of zh.matchAll(CHINESE_NUMERALS)) {
    for (let end = 1; end <= run.length; end++) {
      const value = parseNumeral(run.slice(0, end));
      if (value !== null) out.push(value);
    }
  }
  return out;
}

/**
 * False when English names a quantity (`31st`, `29.7 trillion`) that the Chinese does not write, in figures or
 * numerals and at any magnitude (`370 million` is 3.7亿, `14th` is the 十四 of 十四五): the alignment paired a figure
 * with another figure or with a word beside it (`29.7 trillion` → 1.6万亿元, `31st` → 十国集团).
 * @example figuresAgree(['29.7', 'trillion'], ['1.6', '万亿元']) // false; figuresAgree(['14th'], ['十四五']) // true
 */
export function figuresAgree(en: readonly string[], zh: readonly string[]): boolean {
  const named = namedQuantities(en);
  if (named.length === 0) return true;
  const values = chineseValues(zh.join(''));
  return named.every((v) => values.some((x) => Math.abs(x - v) <= 0.011 * Math.max(x, v)));
}

/**
 * False for a quantity's unit (`万人`, `千万`, `万亿元`) learned for English that names no quantity: it stands beside
 * the word in the sentences (`urban unemployment … 12.56 million`, `benefiting … over 11 million`), it does not
 * translate it.
 * @example quantityAgrees(['unemployment'], ['万人']) // false; quantityAgrees(['trillion', 'yuan'], ['万亿元']) // true
 */
export function quantityAgrees(en: readonly string[], zh: readonly string[]): boolean {
  return !QUANTITY.test(zh.join('')) || en.some((w) => NAMES_QUANTITY.test(w));
}

/**
 * Learn phrase pairs (English key ↔ one Chinese word or phrase) with p(zh | en) and counts from aligned
 * sentence pairs. Deterministic: the same pairs always give the same entries, in the same order.
 * @example learnLexicon(pairs2024).find((e) => e.en === 'fiscal policy')?.zh // '财政政策'
 */
export function learnLexicon(pairs: ReadonlyArray<{ zh: string; en: string }>, options: LearnOptions = {}): LexiconEntry[] {
  const surfaces = new Map<string, string>();
  const segmented: SegmentedPair[] = pairs.map((pair) => {
    const en = englishWords(pair.en);
    const zh = chineseWords(pair.zh);
    zh.keys.forEach((key, i) => {
      if (!surfaces.has(key)) surfaces.set(key, zh.surfaces[i]);
    });
    return { en: en.words, enSegments: en.segments, zh: zh.keys, zhSegments: zh.segments };
  });
  const corpus = alignCorpus(segmented, { ...DEFAULT_ALIGN_PARAMS, ...options.align });
  const { vouch } = options;
  // One character is the least evidence of a translation and the widest match of a search: the dictionary vouches
  // for it however often it was seen (`construction` → 低, `fully` → 好, `accepted` → 部 were learned).
  const oneCharacterVouched = (en: string[], zh: string[]): boolean => vouch === undefined || zh.length !== 1 || [...zh[0]].length !== 1 || vouch.vouches(en, zh[0]);
  const keep = (en: string[], zh: string[]): boolean =>
    meaningfulEnglish(en) && meaningfulChinese(zh) && quantityAgrees(en, zh) && figuresAgree(en, zh) && oneCharacterVouched(en, zh);
  const vouched = vouch ? (en: string[], zh: string[]): boolean => vouch.vouches(en, zh.join('')) : undefined;
  return scorePhrasePairs(segmented, corpus, { ...DEFAULT_PHRASE_PARAMS, ...options.phrases }, keep, vouched).map((pair) => ({
    en: pair.en.join(' '),
    zh: pair.zh.map((key) => surfaces.get(key) ?? key).join(''),
    p: pair.p,
    count: pair.count,
  }));
}
