/**
 * Cross-language query expansion. An English query is split into concepts — a word, or a multiword unit
 * found by greedy longest match in the curated glossary and the learned lexicon (`installed power
 * capacity`, `Kashin-Beck disease`), else CC-CEDICT look-ups (adjacent pairs before single words) — and
 * each concept carries the Chinese terms to search as well, with where each came from and a weight (how
 * likely it says what the English says). Two neighbouring words may share a headword that CC-CEDICT
 * defines by them in other words (`urban village` → 城中村, "village within a city"). Query filler (`help`,
 * `how to`) is marked ignored; a concept nothing translates is marked untranslated. A Chinese term gets its English renderings from the glossary
 * and the lexicon, for English-only passages. Pure after loading: an expander is made once per engine with
 * its data (`createCrossLang`), nothing is global.
 */
import { type EnglishToken, contentTokens, isStopword, tokenizeEnglish } from './english.js';
import { type Dictionary, type DictionaryOptions, loadDictionary } from './dictionary.js';
import { MAX_KEY_WORDS } from './reverse-index.js';
import { type Glossary, loadGlossary } from './glossary.js';
import { DEFAULT_GLOSSARY_PATH } from './paths.js';
import { fiveYearPlanAt, numberSenses, scaledNumberAt } from './numbers.js';
import { unitSenses } from './units.js';
import { paraphraseSenses } from './paraphrase.js';
import { dedupeSenses } from './dedupe-senses.js';
import { abbreviationOf } from './abbreviations.js';
import { type SynonymTable, bareSynonym, openSynonyms, translateSynonym } from './synonyms.js';
import { remembered } from '../text/remembered.js';
import { deepFrozen } from '../text/deep-frozen.js';
import { PRONOUNS, type QueryWords, isFiller } from './filler.js';
import { builtSenses, joinedPrefixes, lessWord, prefixMeaning, prefixedSenses, standsApart, suffixMorphemes } from './prefixes.js';

/** Where a Chinese term for an English concept came from. */
export type SenseSource = 'glossary' | 'learned' | 'dictionary' | 'synonym' | 'number' | 'unit' | 'pinyin' | 'compound';

/** One Chinese term an English concept may be written as. */
export interface Sense {
  term: string;
  source: SenseSource;
  /** 0–1: the glossary's official form 1, a learned pair by its probability, dictionary senses by rank. */
  weight: number;
  /**
   * A sense the dictionary ranks past those searched as a rule: a guess like a synonym's, kept only where the
   * corpus shows it beside another concept's terms (`src/search/senses.ts`).
   */
  reserve?: true;
}

/** One concept of an English query and the Chinese it expands to (best first). */
export interface ExpansionUnit {
  /** The unit's text as written in the query, e.g. `base stations`, `Kashin-Beck disease`. */
  en: string;
  /** The unit's content words as written (stopwords left out), e.g. `['5G', 'base', 'stations']`. */
  words: string[];
  /** Chinese terms to search as well; [] when nothing knows the unit. */
  zh: Sense[];
  /** `ignored`: query filler that never requires a match; `untranslated`: no Chinese known. */
  status: 'translated' | 'untranslated' | 'ignored';
  /** For a multiword unit: its words as units of their own, to fall back on when the corpus has none of `zh`. */
  parts?: ExpansionUnit[];
  /** For a word: single characters it may be written as (`tea` → 茶), to fall back on when the corpus has none of `zh`. */
  characters?: Sense[];
}

/** A translation lexicon learned from parallel reports (see `lexicon.ts`). */
export interface LearnedLexicon {
  /** The most English words any key has. */
  readonly maxWords: number;
  /** Translations of a run of English content words, best first. */
  lookup(words: string[]): Array<{ zh: string; p: number }>;
  /** English renderings of a Chinese term, best first. */
  englishFor(zh: string): Array<{ en: string; p: number }>;
}

/** Where the data lives. The dictionary is cached in `cacheDir` (none when null or absent). */
export interface CrossLangOptions extends DictionaryOptions {
  glossaryPath?: string;
  /** The learned lexicon, when there is one. */
  lexicon?: LearnedLexicon | null;
  /** English synonyms whose Chinese a word may be written as (default: the shipped table, none when unusable; null: none). */
  synonyms?: SynonymTable | null;
  /** Opens the dictionary when the caller shares it (default: loaded with these options on first use). */
  dictionary?: () => Dictionary;
}

/** A loaded cross-language expander. */
export interface CrossLang {
  /** The concepts of an English query; read once per query text and shared, frozen (callers copy to change). */
  expandEnglish(query: string): ExpansionUnit[];
  /** English renderings of a Chinese term: the glossary's (official form first), then the lexicon's likely ones. */
  englishFor(zh: string): Array<{ en: string; source: 'glossary' | 'learned' }>;
  /** The dictionary, loaded (or built and cached) on first call. */
  dictionary(): Dictionary;
  /** Reads now what the first English query would read (the dictionary, the synonyms); nothing once read. */
  load(): void;
  /** True once that is read (by `load` or an English query). */
  loaded(): boolean;
}

/**
 * Punctuation that ends a phrase: a glossary term is never matched across it. A comma is not one, since
 * official terms contain commas ("disaster prevention, mitigation and relief"), nor an ampersand, which
 * stands for "and" (`Belt & Road`).
 */
const BREAK = /[^\s\p{L}\p{N}'’‐‑‒–,&-]/u;

/** English concepts of one query that are searched in Chinese as well (the rest in English only). */
const MAX_CONCEPTS = 16;
/**
 * Dictionary senses offered per unit: the first `SEARCHED_SENSES` as a rule, then as many again in reserve,
 * kept only where the corpus shows them beside the query's other concepts (`vacation`: 假期, 长假, 暑假… and,
 * seventh, 休假, which a report writes in 带薪休假 beside `paid`).
 */
const MAX_SENSES = 12;
export const SEARCHED_SENSES = 6;
/** Senses reached through a word's English synonyms, offered per unit: guesses, so no more than are searched. */
const MAX_SYNONYM_SENSES = 6;
/** The weight of a unit's first dictionary sense; each later one counts a little less. */
const DICTIONARY_WEIGHT = 0.6;
/** A single character's weight, when a word falls back on one (`tea` → 茶): it matches inside longer words too. */
const CHARACTER_WEIGHT = 0.4;
/** Senses taken from each of a word's English synonyms, and the first such sense's weight. */
const PER_SYNONYM = 2;
const SYNONYM_WEIGHT = 0.35;
/** Past this many words the kept synonym senses start afresh (a bound on memory). */
const MAX_MEMO = 20_000;
/** Past this many queries the kept readings start afresh (a bound on memory: a reading is a few kB). */
const MAX_READINGS = 1_000;
/** A learned pair's weight: a floor (it was seen translated so) plus its probability. */
const LEARNED_FLOOR = 0.3;
/** The least probability of a learned pair that alone makes several words one concept (`standsAsUnit`). */
const LEARNED_UNIT_P = 0.2;
/** Learned English renderings of a Chinese term kept for the other direction, and the least probability. */
const LEARNED_ENGLISH = 3;
const LEARNED_ENGLISH_P = 0.3;

/** Content tokens of a query, and whether each one may form a phrase with the next. */
interface Words extends QueryWords {
  text: string;
  tokens: EnglishToken[];
  /** particle[i]: the stopword written right after tokens[i] (`over` of `hand over`), else null. */
  particle: Array<EnglishToken | null>;
  /**
   * bridge[i]: the stopwords written between tokens[i] and tokens[i + 1] (`of` in `sense of responsibility`), in
   * lower case, when nothing but they and spaces part the two; [] for neighbours; null across punctuation.
   */
  bridge: Array<string[] | null>;
}

function queryWords(query: string): Words {
  const text = query.normalize('NFKC');
  const all = tokenizeEnglish(text);
  // A stopword in capitals is an abbreviation to look up (`WHO`), which `wordUnit` drops when nothing gives it;
  // not in a query typed in capitals throughout, whose `AND` and `OF` are words (`RULE OF LAW` is 法治).
  const content = new Set(contentTokens(all));
  const allCaps = !/\p{Ll}/u.test(text);
  const tokens = all.filter((t) => content.has(t) || (!allCaps && abbreviationOf(t.text) !== null));
  const linked: boolean[] = [];
  const adjacent: boolean[] = [];
  const bridge: Array<string[] | null> = [];
  const particle = tokens.map((t) => {
    const next = all[all.indexOf(t) + 1];
    return next && !content.has(next) && /^\s+$/u.test(text.slice(t.end, next.start)) ? next : null;
  });
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as EnglishToken;
    const b = tokens[i + 1] as EnglishToken;
    linked.push(!BREAK.test(text.slice(a.end, b.start)));
    adjacent.push(all.indexOf(b) === all.indexOf(a) + 1 && /^[\s‐‑‒–-]*$/u.test(text.slice(a.end, b.start)));
    const between = all.slice(all.indexOf(a) + 1, all.indexOf(b));
    const spaced = /^[\s\p{L}]*$/u.test(text.slice(a.end, b.start)) && between.every((t) => isStopword(t.lower));
    bridge.push(spaced ? between.map((t) => t.lower) : null);
  }
  return { text, tokens, linked, adjacent, particle, bridge };
}

function unitOf(words: Words, from: number, to: number, zh: Sense[]): ExpansionUnit {
  const span = words.tokens.slice(from, to);
  const first = span[0] as EnglishToken;
  const last = span[span.length - 1] as EnglishToken;
  return { en: words.text.slice(first.start, last.end), words: span.map((t) => t.text), zh, status: zh.length > 0 ? 'translated' : 'untranslated' };
}

/** How many tokens from `i` may form one unit: up to `max`, never across a break. */
function reach(words: Words, i: number, max: number): number {
  let length = 1;
  while (length < max && i + length < words.tokens.length && words.linked[i + length - 1]) length++;
  return length;
}

/** Senses of the tokens [i, i + length) from the glossary and the lexicon (glossary first). */
function curatedSenses(glossary: Glossary, lexicon: LearnedLexicon | null, span: EnglishToken[]): Sense[] {
  const senses: Sense[] = glossary.lookup(span).map((e, rank) => ({ term: e.zh, source: 'glossary' as const, weight: rank === 0 ? 1 : 0.9 }));
  for (const { zh, p } of lexicon?.lookup(span.map((t) => t.text)) ?? []) {
    senses.push({ term: zh, source: 'learned', weight: learnedWeight(p) });
  }
  return dedupeSenses(senses);
}

/**
 * A sense that makes several words one concept: the glossary's, or a learned pair seen often enough to trust.
 * A pair the aligner was unsure of (`mental health` → 优质 at p 0.07) does not hide the words' own senses.
 */
function standsAsUnit(sense: Sense): boolean {
  return sense.source !== 'learned' || sense.weight >= learnedWeight(LEARNED_UNIT_P);
}

/**
 * A learned pair's weight: the floor, plus its probability's share of the rest.
 * @example learnedWeight(0.7) // 0.79
 */
export function learnedWeight(p: number): number {
  return LEARNED_FLOOR + (1 - LEARNED_FLOOR) * Math.min(1, p);
}

/** True when the token before `end` is joined by a hyphen to the one at `end`: a unit ending there would cut `trade-in`. */
function cutsCompound(words: Words, end: number): boolean {
  return compoundEnd(words, end - 1) > end;
}

/**
 * Longest glossary or lexicon unit starting at token `i` that ends at a compound's end: its length in tokens and
 * senses, or null. `consumer goods trade-in` is not `consumer goods trade` + `in`.
 */
function curatedMatch(glossary: Glossary, lexicon: LearnedLexicon | null, words: Words, i: number): { length: number; zh: Sense[] } | null {
  for (let length = reach(words, i, Math.max(glossary.maxWords, lexicon?.maxWords ?? 1)); length >= 1; length--) {
    if (length > 1 && cutsCompound(words, i + length)) continue;
    const all = curatedSenses(glossary, lexicon, words.tokens.slice(i, i + length));
    // Several words are one concept only through senses that may stand for them (`standsAsUnit`).
    const zh = length === 1 ? all : all.filter(standsAsUnit);
    if (zh.length > 0) return { length, zh };
  }
  return null;
}

/** True when a hyphen, and nothing else, joins token `k` to the next one (`trade-in`, `employment-first`). */
function joinedByHyphen(words: Words, k: number): boolean {
  return words.adjacent[k] === true && words.tokens[k]?.hyphenNext === true;
}

/** End (exclusive) of the hyphenated compound starting at token `j` (`state-of-the-art`). */
function compoundEnd(words: Words, j: number): number {
  let k = j;
  while (k + 1 < words.tokens.length && joinedByHyphen(words, k)) k++;
  return k + 1;
}

/** The first `MAX_SENSES` terms as senses of `source`, the first weighing `weight`, each next one less. */
function rankedSenses(terms: readonly string[], source: 'dictionary' | 'synonym', weight: number): Sense[] {
  return terms
    .slice(0, source === 'dictionary' ? MAX_SENSES : MAX_SYNONYM_SENSES)
    .map((term, rank) => ({ term, source, weight: weight / (1 + 0.25 * rank), ...(rank >= SEARCHED_SENSES ? { reserve: true as const } : {}) }));
}

/** The morphemes a word says as a suffix after a hyphen, as senses built from the compound, first in weight. */
function suffixSenses(lower: string): Sense[] {
  return suffixMorphemes(lower).map((term) => ({ term, source: 'compound', weight: DICTIONARY_WEIGHT }));
}

function dictionarySenses(terms: string[]): Sense[] {
  const ranked = rankedSenses(terms, 'dictionary', DICTIONARY_WEIGHT);
  // A person named by what they do (失业者 of unemployed, 劳动者): the doing, in reserve, for the corpus to vouch for.
  const doings = ranked.flatMap((sense): Sense[] => {
    const doing = AGENT.exec(sense.term)?.[1];
    return doing && !terms.includes(doing) ? [{ term: doing, source: 'dictionary', weight: sense.weight * 0.8, reserve: true }] : [];
  });
  return doings.length > 0 ? [...ranked, ...doings] : ranked;
}

/** A word for a person by what they do: two or more characters, then 者. */
const AGENT = /^(\p{Script=Han}{2,})者$/u;

/**
 * A word's synonyms as a query reads them: never a pronoun (`us` of USA, whose capitals are the abbreviation), and
 * none of a single letter, whose synonyms are what the letter abbreviates somewhere (`e` → east, `x` → ten, `c` →
 * century): a letter in a query names a grade, a type or a plan (B型, 10+X), never one of those.
 */
const synonymsOf = (synonyms: SynonymTable, lower: string): string[] =>
  lower.length < 2 ? [] : synonyms.synonyms(lower).filter((synonym) => !PRONOUNS.has(synonym));

/**
 * The Chinese of a word's English synonyms (`scam` → swindle → 诈骗), after its own: a synonym's first
 * dictionary senses, in the synonyms' order, weighted below the word's own senses.
 */
function synonymSenses(synonyms: SynonymTable, dictionary: Dictionary, lower: string): Sense[] {
  const terms = synonymsOf(synonyms, lower).flatMap((synonym) => translateSynonym(dictionary, synonym).slice(0, PER_SYNONYM));
  return rankedSenses([...new Set(terms)], 'synonym', SYNONYM_WEIGHT);
}

/**
 * The longest span from token `j`, ending by `maxEnd`, the dictionary knows as one entry (a hyphenated compound,
 * else three words, else two), or null. A hyphenated compound is also looked up written as one word (`on-line` →
 * online, `e-mail` → email).
 */
function dictionarySpan(dictionary: Dictionary, words: Words, j: number, maxEnd = words.tokens.length): { end: number; terms: string[] } | null {
  const compound = compoundEnd(words, j);
  const pair = j + 1 < words.tokens.length && words.adjacent[j] && !cutsCompound(words, j + 2) ? j + 2 : 0;
  // Three words before two, as the longest match reads them: `nuclear power plant` is 核电站, not 核电 + plant.
  const triple = pair > 0 && j + 2 < words.tokens.length && words.adjacent[j + 1] && !cutsCompound(words, j + 3) ? j + 3 : 0;
  const ends = [compound > j + 2 ? compound : 0, triple, pair].filter((e) => e > 0 && e <= maxEnd);
  for (const end of ends) {
    const span = words.tokens.slice(j, end);
    const terms = dictionary.lookup(span.map((t) => t.lower));
    // A prefix's compound is read by `prefixedUnit`, which looks the joined word up as well.
    const hyphenated = end <= compound && prefixMeaning(span[0]?.lower ?? '') === undefined;
    const joined = terms.length === 0 && hyphenated ? dictionary.lookup([span.map((t) => t.lower).join('')]) : [];
    if (terms.length > 0 || joined.length > 0) return { end, terms: terms.length > 0 ? terms : joined };
  }
  return null;
}

/**
 * The longest span of two or three words from token `j` that CC-CEDICT knows as one entry with the stopwords
 * written between them (`sense of responsibility` → 责任感, `live in harmony` → 和睦相处, `all categories`
 * does not count: the stopword leads), at most MAX_KEY_WORDS words in all; null when there is none, or no
 * stopword between (`dictionarySpan` reads those).
 */
function bridgedSpan(dictionary: Dictionary, words: Words, j: number): { end: number; terms: string[] } | null {
  for (const end of [j + 3, j + 2]) {
    if (end > words.tokens.length || cutsCompound(words, end)) continue;
    const span = bridgedWords(words, j, end);
    const terms = span && span.length <= MAX_KEY_WORDS ? dictionary.lookup(span) : [];
    if (terms.length > 0) return { end, terms };
  }
  return null;
}

/** The words of tokens [from, to) with the stopwords between them, or null when punctuation parts two or no stopword does. */
function bridgedWords(words: Words, from: number, to: number): string[] | null {
  const span = [words.tokens[from]?.lower ?? ''];
  let bridged = false;
  for (let k = from; k + 1 < to; k++) {
    const between = words.bridge[k];
    if (!between) return null;
    bridged ||= between.length > 0;
    span.push(...between, words.tokens[k + 1]?.lower ?? '');
  }
  return bridged ? span : null;
}

/** The data an expander reads. */
interface Sources {
  glossary: Glossary;
  lexicon: LearnedLexicon | null;
  dictionary: Dictionary;
  /** The senses a word reaches through its English synonyms. */
  synonymSenses: (lower: string) => readonly Sense[];
  /** A word's one-word English synonyms (WordNet's, as the synonym table keeps them). */
  synonymWords: (lower: string) => readonly string[];
}

/**
 * The single-word unit at token `j`: filler is ignored, a stopword has none, else every source's senses. A
 * word written as an abbreviation (`US`, `U.S.`, `IT`) is read as one when CC-CEDICT gives it (美国, 信息技术),
 * never as the word in lower case (`us` 我们, `it`), which is filler.
 */
function wordUnit(sources: Sources, words: Words, j: number): ExpansionUnit | null {
  const lower = words.tokens[j]?.lower ?? '';
  const abbreviated = sources.dictionary.abbreviations(words.tokens[j]?.text ?? '');
  if (abbreviated.length === 0 && isFiller(words, j)) return { ...unitOf(words, j, j + 1, []), status: 'ignored' };
  // A stopword kept only because it sits inside a compound (`state-of-the-art`) or is written in capitals carries no unit of its own.
  if (abbreviated.length === 0 && isStopword(lower)) return null;
  const number = numberSenses(lower);
  if (number.length > 0) return unitOf(words, j, j + 1, number);
  const measure = unitSenses(words.tokens[j]?.text ?? '');
  if (measure.length > 0) return unitOf(words, j, j + 1, measure);
  const curated = curatedSenses(sources.glossary, sources.lexicon, words.tokens.slice(j, j + 1));
  const own = abbreviated.length > 0 ? abbreviated : sources.dictionary.lookup([lower]);
  // A word after a hyphen may be a suffix (`employment-first`: 优先), which its senses alone miss.
  const suffix = j > 0 && joinedByHyphen(words, j - 1) ? suffixSenses(lower) : [];
  const unit = unitOf(words, j, j + 1, dedupeSenses([...suffix, ...curated, ...dictionarySenses(own), ...sources.synonymSenses(lower)]));
  const characters = abbreviated.length > 0 ? [] : sources.dictionary.characters(lower).map((term): Sense => ({ term, source: 'dictionary', weight: CHARACTER_WEIGHT }));
  return characters.length > 0 ? { ...unit, characters } : unit;
}

/**
 * The unit of tokens [from, to) with these senses and, to fall back on, its words as units of their own; in a
 * span of three words or more, two neighbours CC-CEDICT knows as one entry stay one part (`personal income tax`
 * falls back on personal + 所得税, not on three words).
 */
function spanUnit(sources: Sources, words: Words, from: number, to: number, senses: Sense[]): ExpansionUnit {
  const unit = unitOf(words, from, to, dedupeSenses(senses));
  const parts: ExpansionUnit[] = [];
  for (let k = from; k < to; ) {
    const pair = to - from >= 3 ? dictionarySpan(sources.dictionary, words, k, Math.min(k + 2, to)) : null;
    if (pair) {
      parts.push(spanUnit(sources, words, k, pair.end, dictionarySenses(pair.terms)));
      k = pair.end;
      continue;
    }
    const word = wordUnit(sources, words, k);
    if (word && word.status !== 'ignored') parts.push(word);
    k += 1;
  }
  return parts.length > 0 ? { ...unit, parts } : unit;
}

/**
 * A prefix joined by a hyphen to the word after it (`post-pandemic`, `non-public`, `co-operation`), read as one
 * concept: the dictionary's senses of the joined word (`cooperation`), then the prefix's morphemes before the
 * word's senses (后疫情, 非公有), with the word alone to fall back on; null when token `i` is no such prefix.
 */
function prefixedUnit(sources: Sources, words: Words, i: number): ExpansionUnit | null {
  const lower = words.tokens[i]?.lower ?? '';
  const prefix = prefixMeaning(lower);
  const next = words.tokens[i + 1];
  const joined = words.tokens[i]?.hyphenNext === true || standsApart(lower);
  if (!prefix || !next || !joined || !words.adjacent[i] || cutsCompound(words, i + 2)) return null;
  const word = wordUnit(sources, words, i + 1);
  // A prefix before a number is a preposition (`under-five mortality`: 5岁以下), not a morpheme (欠五).
  if (!word || word.status === 'ignored' || word.zh.some((s) => s.source === 'number')) return null;
  const whole = dictionarySenses(sources.dictionary.lookup([`${lower}${next.lower}`]));
  const unit = unitOf(words, i, i + 2, dedupeSenses([...whole, ...prefixedSenses(prefix, word.zh)]));
  return { ...unit, parts: [word] };
}

/**
 * A word nothing translates that is a prefix joined to a word something does (`relending`, `nonfossil`,
 * `overcapacity`), or that word and `-less` (`cashless`): the affix's morpheme before that word's senses
 * (再贷款, 非化石, 无现金); else the unit as it was. A word only its synonyms translate is split too, the built
 * senses before the synonyms'. Not the rest's own senses: a word split so is a guess, and the words it might
 * be (`presold`: 销售) must not make it count as translated when the corpus holds none of the built ones.
 */
function withJoinedPrefix(sources: Sources, unit: ExpansionUnit, lower: string): ExpansionUnit {
  // Senses of its own settle it; its synonyms' senses do not (they stay, after the built ones). Filler is no word to split (`regarding`).
  if (unit.status === 'ignored' || unit.characters || unit.zh.some((s) => s.source !== 'synonym')) return unit;
  const splits = joinedPrefixes(lower);
  const less = lessWord(lower);
  for (const [meaning, rest] of less ? [...splits, less] : splits) {
    const senses = [...curatedSenses(sources.glossary, sources.lexicon, tokenizeEnglish(rest)), ...dictionarySenses(sources.dictionary.lookup([rest]))];
    const built = builtSenses(meaning, senses);
    if (built.length > 0) return { ...unit, zh: dedupeSenses([...built, ...unit.zh]), status: 'translated' };
  }
  return unit;
}

/** The share of its weight a word's own sense keeps inside its phrasal verb's concept. */
const PHRASAL_WORD_SHARE = 0.5;
/** The stopwords a phrasal verb ends in (`hand over`, `deal with`, `lead to`); never a pronoun (`make it`). */
const PARTICLES = new Set(['in', 'on', 'over', 'through', 'with', 'into', 'about', 'by', 'at', 'for', 'to', 'from']);

/**
 * A word with the particle written after it that the glossary or CC-CEDICT gives as one term (`trade in` and
 * `trading in` → 以旧换新, the glossary's `trade-in`; `hand over` → 移交, `lead to` → 导致, `carry on` → 继承,
 * `deal with` → 处理; inflected too, `handed over`), or null. The particle is a stopword, which a query's words
 * leave out: without it, `trade` is 贸易, `hand` 双手 and `lead` 领导. The word alone is its part to fall back on.
 * CC-CEDICT's verbs not for a word the glossary knows (the reports' sense of it comes first: `report on` is no
 * 报道, `trade in services` stays 服务贸易), nor for filler, which stays filler with its particle (`related to`,
 * `steps taken by`).
 */
function phrasalUnit(sources: Sources, words: Words, i: number, glossaryWord: boolean): ExpansionUnit | null {
  const token = words.tokens[i];
  const particle = words.particle[i];
  if (!token || !particle || !PARTICLES.has(particle.lower) || isFiller(words, i)) return null;
  const curated = curatedSenses(sources.glossary, sources.lexicon, [token, particle]).filter(standsAsUnit);
  const terms = curated.length > 0 || glossaryWord ? [] : sources.dictionary.lookup([token.lower, particle.lower]);
  if (curated.length === 0 && terms.length === 0) return null;
  const word = wordUnit(sources, words, i);
  const own = word && word.status !== 'ignored' ? word : null;
  // The word's own senses after the verb's, at half their weight: `investing in` is 投入, and still 投资.
  const weaker = (own?.zh ?? []).map((sense) => ({ ...sense, weight: sense.weight * PHRASAL_WORD_SHARE }));
  return {
    en: words.text.slice(token.start, particle.end),
    words: [token.text],
    zh: dedupeSenses([...curated, ...dictionarySenses(terms), ...weaker]),
    status: 'translated',
    ...(own ? { parts: [own] } : {}),
  };
}

/** The span that reaches further (the first on a tie), or the one there is. */
function longer<T extends { end: number }>(a: T | null, b: T | null): T | null {
  return a === null || (b !== null && b.end > a.end) ? b : a;
}

/**
 * The concepts of a query: at each word the longest unit any source knows (a curated one, or a dictionary
 * entry of several words), with every source's senses for it and, when it has several words, each word as
 * a part to fall back on; else the word alone.
 */
function conceptsOf(sources: Sources, words: Words): ExpansionUnit[] {
  const { glossary, lexicon, dictionary } = sources;
  const units: ExpansionUnit[] = [];
  /** The token each single-word unit stands at (-1 for a unit of several words). */
  const at: number[] = [];
  let i = 0;
  while (i < words.tokens.length) {
    // A number with its scale (`5 percent`, `10 million`, `3%`) is one concept, written as Chinese writes it.
    const scaled = scaledNumberAt(words.text, words.tokens, i);
    if (scaled) {
      units.push(spanUnit(sources, words, i, scaled.end, scaled.senses));
      at.push(-1);
      i = scaled.end;
      continue;
    }
    const curated = curatedMatch(glossary, lexicon, words, i);
    // A numbered Five-Year Plan is named by its number (十五五), unless a curated entry names the whole of it.
    const plan = fiveYearPlanAt(words.tokens, i);
    if (plan && (curated?.length ?? 0) < plan.end - i) {
      units.push(spanUnit(sources, words, i, plan.end, plan.senses));
      at.push(-1);
      i = plan.end;
      continue;
    }
    const general = longer(dictionarySpan(dictionary, words, i), bridgedSpan(dictionary, words, i));
    const end = Math.max(i + (curated?.length ?? 0), general?.end ?? 0);
    const prefixed = end - i < 2 ? prefixedUnit(sources, words, i) : null;
    if (prefixed) {
      units.push(prefixed);
      at.push(-1);
      i += 2;
      continue;
    }
    const phrasal = end - i < 2 ? phrasalUnit(sources, words, i, curated?.zh.some((s) => s.source === 'glossary') ?? false) : null;
    if (phrasal) {
      units.push(phrasal);
      at.push(-1);
      i += 1;
      continue;
    }
    if (end - i < 2) {
      const word = wordUnit(sources, words, i);
      const unit = word && withJoinedPrefix(sources, word, words.tokens[i]?.lower ?? '');
      if (unit) {
        units.push(unit);
        at.push(i);
      }
      i += 1;
      continue;
    }
    const span = words.tokens.slice(i, end);
    // The dictionary's senses follow the curated ones: the corpus decides which of them occur.
    const senses = [
      ...(curated && curated.length === end - i ? curated.zh : curatedSenses(glossary, lexicon, span).filter(standsAsUnit)),
      ...dictionarySenses(general?.end === end ? general.terms : dictionary.lookup(span.map((t) => t.lower))),
    ];
    units.push(spanUnit(sources, words, i, end, senses));
    at.push(-1);
    i = end;
  }
  return boundConcepts(withParaphrases(sources, words, units, at));
}

/**
 * Two neighbouring words that CC-CEDICT defines one headword by in other words (`paraphrase.ts`): the
 * headword becomes a sense of both concepts, as a passage holding it says both. Only single-word concepts
 * side by side in the query (a multiword unit is an entry already); the corpus then decides, as for every sense.
 */
function withParaphrases(sources: Sources, words: Words, units: ExpansionUnit[], at: readonly number[]): ExpansionUnit[] {
  const out = units.map((u) => ({ ...u }));
  for (let k = 0; k + 1 < out.length; k++) {
    const left = out[k] as ExpansionUnit;
    const right = out[k + 1] as ExpansionUnit;
    const j = at[k] ?? -1;
    if (j < 0 || at[k + 1] !== j + 1 || !words.linked[j] || left.status === 'ignored' || right.status === 'ignored') continue;
    const senses = paraphraseSenses(sources.dictionary, sources.synonymWords, words.tokens[j]?.lower ?? '', words.tokens[j + 1]?.lower ?? '');
    if (senses.length === 0) continue;
    for (const unit of [left, right]) {
      unit.zh = dedupeSenses([...unit.zh, ...senses]);
      unit.status = 'translated';
    }
  }
  return out;
}

/**
 * Each concept once (a word repeated in the query is one concept), and Chinese senses for the first
 * MAX_CONCEPTS only: the rest are searched in English, so a long query cannot multiply the work.
 */
function boundConcepts(units: ExpansionUnit[]): ExpansionUnit[] {
  const seen = new Set<string>();
  let translated = 0;
  return units.flatMap((unit) => {
    const key = unit.words.map((w) => w.toLowerCase()).join(' ');
    if (seen.has(key)) return [];
    seen.add(key);
    if (unit.zh.length === 0) return [unit];
    translated += 1;
    return translated <= MAX_CONCEPTS ? [unit] : [{ ...unit, zh: [], status: 'untranslated' as const, parts: undefined }];
  });
}

/**
 * A cross-language expander over the given data (the glossary is read at once, the dictionary on first use).
 * @example createCrossLang().expandEnglish('earthquake')[0].zh[0].term // '地震'
 */
export function createCrossLang(options: CrossLangOptions = {}): CrossLang {
  const glossary = loadGlossary(options.glossaryPath ?? DEFAULT_GLOSSARY_PATH);
  const lexicon = options.lexicon ?? null;
  let dictionary: Dictionary | null = null;
  const getDictionary = (): Dictionary => (dictionary ??= options.dictionary ? options.dictionary() : loadDictionary(options));
  let sources: Sources | null = null;
  // The data is read on the first English query: the dictionary, and the synonyms unless given (null: none).
  const getSources = (): Sources => {
    if (sources !== null) return sources;
    const synonyms = options.synonyms === undefined ? openSynonyms() : options.synonyms;
    const loaded = getDictionary();
    sources = {
      glossary,
      lexicon,
      dictionary: loaded,
      synonymSenses: synonyms === null ? () => [] : remembered((lower: string) => synonymSenses(synonyms, loaded, lower), MAX_MEMO),
      synonymWords: (lower) => (synonyms === null ? [] : synonymsOf(synonyms, lower).map(bareSynonym).filter((w) => !w.includes(' '))),
    };
    return sources;
  };
  return {
    dictionary: getDictionary,
    load: () => void getSources(),
    loaded: () => sources !== null,
    englishFor(zh: string): Array<{ en: string; source: 'glossary' | 'learned' }> {
      const curated = glossary.englishFor(zh);
      const learned = (lexicon?.englishFor(zh) ?? []).filter((e) => e.p >= LEARNED_ENGLISH_P && !curated.includes(e.en)).slice(0, LEARNED_ENGLISH);
      return [...curated.map((en) => ({ en, source: 'glossary' as const })), ...learned.map((e) => ({ en: e.en, source: 'learned' as const }))];
    },
    // A query is read once for the expander's life (the data does not change under it); the reading is frozen,
    // as every caller shares it.
    expandEnglish: remembered((query: string) => deepFrozen(conceptsOf(getSources(), queryWords(query))), MAX_READINGS),
  };
}
