/**
 * The English side of cross-language matching: words with offsets, stopwords, and the two keys a word
 * sequence is looked up by — a Porter-stemmed key (glossary) and a lightly singularized key (dictionary).
 * Hyphens and punctuation do not matter (`Kashin-Beck` = `kashin beck`); a hyphenated compound also has a
 * joined form (`eco-tourism` ~ `ecotourism`).
 */
import { stemmer } from 'stemmer';
import { americanSpelling } from '../text/american-spelling.js';
import { irregularBases } from '../text/irregular-forms.js';

/** One English word (or code such as `5G`, `R&D`) of a text. Offsets are into the NFKC-normalized text. */
export interface EnglishToken {
  /** The word as written (NFKC), e.g. `Kashin`. */
  text: string;
  /** Lowercased, possessive `'s` dropped, spelled American, e.g. `kashin`, `people`, `labor` for `Labour`. */
  lower: string;
  start: number;
  end: number;
  /** True when a hyphen (and nothing else) joins this word to the next one: `Kashin-Beck`. */
  hyphenNext: boolean;
}

/**
 * An abbreviation of letters in ones and twos between points, without its last point (`U.S`, `e.g`, `Ph.D`):
 * the one pattern the tokenizer, `isDotted` and the query planner's English words share.
 */
const DOTTED = '(?:\\p{Script=Latin}{1,2}\\.)+\\p{Script=Latin}{1,2}';
/** A whole word that is a dotted abbreviation, its last point written or not. */
const WHOLE_DOTTED = new RegExp(`^${DOTTED}\\.?$`, 'u');

/**
 * Letters and digits, joined by `&` or an apostrophe (`R&D`, `Chang'e`), and digits by a point or comma
 * (`PM2.5`, `1,000`); or an abbreviation of letters in ones and twos between points (`U.S.`, `e.g.`, `Ph.D.`),
 * one word without its last point. These are the words of a query's English for the dictionaries, cut on
 * purpose apart from the index's Latin runs (`text/scripts.ts`, which join `gov.cn` and split `1,000`): what an
 * English run searches in English text goes through the index's own analyzer (`search/plan.ts`).
 */
const WORD = new RegExp(
  `${DOTTED}(?![\\p{Script=Latin}\\p{Nd}])|[\\p{Script=Latin}\\p{Nd}]+(?:(?:[&'’]|(?<=\\p{Nd})[.,](?=\\p{Nd}))[\\p{Script=Latin}\\p{Nd}]+)*`,
  'gu',
);
const HYPHEN = /^[-‐‑‒–]$/u;

/** Function words that carry no unit of meaning (`of`, `the`, `and`…). Kept short: `it`, `us` stay out. */
const STOPWORDS = new Set(
  (
    'a an the and or nor but of to in on at by for with from as into onto upon about over under between among ' +
    'through throughout via per than then so such is are was were be been being am do does did has have had ' +
    'will would shall should can could may might must this that these those its their theirs our ours we you ' +
    'your he she him his her they them i me my what which who whom whose how when where why there here ' +
    'also both each either neither very too not no all any some'
  ).split(' '),
);

/** Plural-looking words that are not plurals of a shorter word. */
const NOT_PLURAL = new Set([
  'news', 'series', 'species', 'means', 'physics', 'economics', 'politics', 'mathematics', 'statistics',
  'logistics', 'ethics', 'electronics', 'genetics', 'linguistics', 'athletics', 'aeronautics', 'robotics',
  'informatics', 'measles', 'diabetes', 'headquarters', 'always', 'perhaps', 'whereas',
]);

/**
 * The words of a text, in order, with offsets and hyphen links.
 * @example tokenizeEnglish('Kashin-Beck disease').map((t) => t.lower) // ['kashin', 'beck', 'disease']
 */
export function tokenizeEnglish(text: string): EnglishToken[] {
  const normalized = text.normalize('NFKC');
  const tokens: EnglishToken[] = [];
  for (const m of normalized.matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0];
    const previous = tokens[tokens.length - 1];
    if (previous) previous.hyphenNext = HYPHEN.test(normalized.slice(previous.end, start));
    tokens.push({ text: word, lower: lowerWord(word), start, end: start + word.length, hyphenNext: false });
  }
  return tokens;
}

/** Lowercase, unify apostrophes, drop a possessive `'s`, spell it American (`centre` → `center`). */
function lowerWord(word: string): string {
  return americanSpelling(word.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''));
}

/**
 * True for an abbreviation of letters in ones and twos between points, its last point written or not
 * (`U.S.`, `u.s`, `e.g.`, `P.R.C.`, `Ph.D`); false for a word, a domain or a number (`US`, `gov.cn`, `2.5`).
 * @example isDotted('P.R.C.') // true
 * @example isDotted('gov.cn') // false
 */
export function isDotted(word: string): boolean {
  return WHOLE_DOTTED.test(word);
}

/**
 * A dotted abbreviation without its points (`U.S.` → `US`, `e.g` → `eg`); any other word as it is (`2.5`).
 * @example undotted('U.S.') // 'US'
 */
export function undotted(word: string): string {
  return isDotted(word) ? word.replace(/\./g, '') : word;
}

/**
 * True for a function word that carries no unit.
 * @example isStopword('of') // true
 */
export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower);
}

/**
 * Porter stem of one lowercased word; words with digits or symbols (`5g`, `r&d`) stay as they are.
 * @example stemWord('stations') // 'station'
 */
export function stemWord(lower: string): string {
  return /^[a-z]+$/.test(lower) ? stemmer(lower) : lower;
}

/**
 * Conservative singular of one lowercased word, spelled American (`cities` → `city`, `stations` →
 * `station`, `centres` → `center`, `news` stays). A word with an apostrophe inside stays as it is:
 * `chang'e` is not `change`.
 * @example singularWord('bases') // 'base'
 * @example singularWord('sizes') // 'size'
 */
export function singularWord(lower: string): string {
  const w = americanSpelling(lower);
  if (w.length <= 3 || !/^[a-z]+$/.test(w) || NOT_PLURAL.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  // `taxes`, `branches`, `buzzes`; a single z keeps its e (`sizes`, `prioritizes`).
  if (/(?:ch|sh|x|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The content words of a token list: stopwords removed, except inside a hyphenated compound (`well-being`).
 * @example contentTokens(tokenizeEnglish('the rule of law')).map((t) => t.lower) // ['rule', 'law']
 */
export function contentTokens(tokens: EnglishToken[]): EnglishToken[] {
  return tokens.filter((t, i) => !isStopword(t.lower) || t.hyphenNext || tokens[i - 1]?.hyphenNext === true);
}

/** Keys of a token run under a word normalizer: split at hyphens, then with hyphenated compounds joined. */
function compoundKeys(tokens: EnglishToken[], normalize: (lower: string) => string): string[] {
  const split = tokens.map((t) => normalize(t.lower)).join(' ');
  if (!tokens.slice(0, -1).some((t) => t.hyphenNext)) return [split];
  const joined: string[] = [];
  let current = '';
  tokens.forEach((t, i) => {
    current += t.lower;
    if (!(t.hyphenNext && i < tokens.length - 1)) {
      joined.push(normalize(current));
      current = '';
    }
  });
  const joinedKey = joined.join(' ');
  return joinedKey === split ? [split] : [split, joinedKey];
}

/**
 * Glossary keys of a run of content words: the Porter-stemmed words split at hyphens, and — when a hyphen
 * joins two of them — the form with hyphenated compounds written as one word. Split form first.
 * @example stemKeys(tokenizeEnglish('eco-tourism')) // ['eco tourism', 'ecotour']
 */
export function stemKeys(tokens: EnglishToken[]): string[] {
  return compoundKeys(tokens, stemWord);
}

/**
 * Like `stemKeys`, with words only singularized: a closer match than a shared stem (`industry` and
 * `industrialization` share the stem `industri`, not the singular).
 * @example singularKeys(tokenizeEnglish('Base-stations')) // ['base station', 'basestation']
 */
export function singularKeys(tokens: EnglishToken[]): string[] {
  return compoundKeys(tokens, singularWord);
}

/**
 * Key of a run of content words for the dictionary: lowercased, each word singularized.
 * @example lightKey(['Base', 'stations']) // 'base station'
 */
export function lightKey(words: string[]): string {
  return words.map((w) => singularWord(lowerWord(w))).join(' ');
}

/**
 * The glossary keys of an English phrase (stopwords dropped): its stem keys and its singular keys.
 * @example phraseKeys('Kashin-Beck disease').stem // ['kashin beck diseas', 'kashinbeck diseas']
 */
export function phraseKeys(phrase: string): { stem: string[]; singular: string[] } {
  const content = contentTokens(tokenizeEnglish(phrase));
  return content.length === 0 ? { stem: [], singular: [] } : { stem: stemKeys(content), singular: singularKeys(content) };
}

/**
 * The dictionary key of an English phrase: every word kept (stopwords too, so `on water` stays apart from
 * `water`), lowercased and singularized; '' when the phrase has no word.
 * @example phraseLightKey('Base Stations') // 'base station'
 */
export function phraseLightKey(phrase: string): string {
  return lightKey(tokenizeEnglish(phrase).map((t) => t.lower));
}

/**
 * The forms an inflection of a word may stand for: singular, and without -ing / -ed (`planned` → `plan`), the
 * -ing / -ed stem at least `minStem` letters.
 * @example lemmaForms('planned') // ['planned', 'plann', 'planne', 'plan']
 */
export function lemmaForms(lower: string, minStem = 2): string[] {
  const w = singularWord(lower);
  // An irregular plural is looked up as written (`wolves` → wolf): a word plus s can be one (`leaves`, `bases`) where the word is not.
  return [...new Set([w, ...irregularBases(lower), ...inflectionBases(w, minStem)])];
}

/** A verb's -ing / -ed, and an adjective's -er / -est: the word's stem and its suffix. */
const INFLECTED = /^([a-z]+)(ing|ed)$/;
const GRADED = /^([a-z]+)(er|est)$/;

/** One syllable, one vowel letter, one consonant after it that doubles (not w, x or y): `car`, `min`, `hop`. */
const ONE_SHORT_SYLLABLE = /^[^aeiouy]*[aeiou][bcdfghjklmnpqrstvz]$/;

/**
 * The bases a suffixed word may stand for, its stem at least `minStem` letters: the stem (`install`), with an
 * `e` (`reduce`; alone after one short syllable: `caring` is care), without a doubled consonant (`plan` of `planned`, `big` of `bigger`), and with the `y` that
 * turns `i` before a suffix other than -ing (`supply` of `supplied`, `happy` of `happier`; `skiing` is no sky).
 */
function suffixBases(w: string, suffixed: RegExp, minStem: number): string[] {
  const [, stem, suffix] = suffixed.exec(w) ?? [];
  if (stem === undefined || stem.length < minStem) return [];
  // A stem of one syllable ending in one vowel and one consonant doubles it before a suffix (`hopping` → hop):
  // left single, the suffix took an e's place (`hoping` → hope, `caring` → care, `mining` → mine; never car, min).
  const forms = ONE_SHORT_SYLLABLE.test(stem) ? [`${stem}e`] : [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) forms.push(stem.slice(0, -1));
  if (stem.length >= 3 && stem.endsWith('i') && suffix !== 'ing') forms.push(`${stem.slice(0, -1)}y`);
  return forms;
}

/**
 * The base forms a word may be an inflection of: an irregular verb's past tense or participle (`grew` → grow,
 * `sought` → seek), an irregular plural as written (`wolves` → wolf, `criteria` → criterion), or an -ing
 * or -ed form, its stem at least `minStem` letters (`planned` → plan; `supplied` → supply); [] for a word
 * that is none.
 * @example inflectionBases('reducing') // ['reduc', 'reduce']
 * @example inflectionBases('built') // ['build']
 */
export function inflectionBases(w: string, minStem = 2): string[] {
  return [...irregularBases(w), ...suffixBases(w, INFLECTED, minStem)];
}

/**
 * The adjective a comparative or superlative may stand for, its stem three letters at least (`stronger` →
 * strong, `largest` → large, `bigger` → big, `happier` → happy); [] for a word that ends otherwise. Many words
 * end so and are none (`number`, `center`, `interest`): callers try these only for a word they lack.
 * @example gradedBases('bigger') // ['bigg', 'bigge', 'big']
 */
export function gradedBases(w: string): string[] {
  return suffixBases(w, GRADED, 3);
}

/**
 * True when two words are inflections of one word (`stations`/`station`, `planned`/`plan`, `building`/`build`),
 * not two words that share a stem but differ in meaning (`cooperation`/`cooperative`, `industry`/`industrial`).
 * @example sameLemma('cooperation', 'cooperatives') // false
 */
export function sameLemma(a: string, b: string): boolean {
  const formsOfA = new Set(lemmaForms(lowerWord(a)));
  return lemmaForms(lowerWord(b)).some((f) => formsOfA.has(f));
}
