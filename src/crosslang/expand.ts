/**
 * Cross-language query expansion. An English query is split into units — glossary terms by greedy longest
 * match first (`installed power capacity`, `Kashin-Beck disease`), then CC-CEDICT look-ups for the words
 * the glossary lacks (adjacent pairs before single words) — and each unit carries the Chinese terms to
 * search as well. A Chinese term gets its English renderings from the glossary, for the English side of
 * parallel passages. Pure after loading: the glossary is read once, the dictionary on first need.
 */
import path from 'node:path';
import { type EnglishToken, contentTokens, isStopword, tokenizeEnglish } from './english.js';
import { type Dictionary, type DictionaryOptions, loadDictionary } from './dictionary.js';
import { type Glossary, loadGlossary } from './glossary.js';
import { DEFAULT_CACHE_DIR, DEFAULT_GLOSSARY_PATH } from './paths.js';

/** One unit of an English query and the Chinese it expands to (glossary terms first). */
export interface ExpansionUnit {
  /** The unit's text as written in the query, e.g. `base stations`, `Kashin-Beck disease`. */
  en: string;
  /** The unit's content words as written (stopwords left out), e.g. `['5G', 'base', 'stations']`. */
  words: string[];
  /** Chinese terms to search as well; [] when neither glossary nor dictionary knows the unit. */
  zh: Array<{ term: string; source: 'glossary' | 'dictionary' }>;
}

/** Where the data lives. Defaults: `data/glossary.tsv`, cache in `$INDEX_DIR` or `index/`. */
export interface CrossLangOptions extends DictionaryOptions {
  glossaryPath?: string;
}

/** A loaded cross-language expander. */
export interface CrossLang {
  expandEnglish(query: string): ExpansionUnit[];
  englishFor(zh: string): string[];
  /** The dictionary, loaded (or built and cached) on first call. */
  dictionary(): Dictionary;
}

/**
 * Punctuation that ends a phrase: a glossary term is never matched across it. A comma is not one, since
 * official terms contain commas ("disaster prevention, mitigation and relief").
 */
const BREAK = /[^\s\p{L}\p{N}'’‐‑‒–,-]/u;

/** Content tokens of a query, and whether each one may form a phrase with the next. */
interface Words {
  text: string;
  tokens: EnglishToken[];
  /** linked[i]: only stopwords, spaces, hyphens or a comma separate tokens[i] and tokens[i + 1]. */
  linked: boolean[];
  /** adjacent[i]: nothing but spaces or a hyphen separates them (no stopword in between). */
  adjacent: boolean[];
}

function queryWords(query: string): Words {
  const text = query.normalize('NFKC');
  const all = tokenizeEnglish(text);
  const tokens = contentTokens(all);
  const linked: boolean[] = [];
  const adjacent: boolean[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as EnglishToken;
    const b = tokens[i + 1] as EnglishToken;
    linked.push(!BREAK.test(text.slice(a.end, b.start)));
    adjacent.push(all.indexOf(b) === all.indexOf(a) + 1 && /^[\s‐‑‒–-]*$/u.test(text.slice(a.end, b.start)));
  }
  return { text, tokens, linked, adjacent };
}

function unitOf(words: Words, from: number, to: number, zh: ExpansionUnit['zh']): ExpansionUnit {
  const span = words.tokens.slice(from, to);
  const first = span[0] as EnglishToken;
  const last = span[span.length - 1] as EnglishToken;
  return { en: words.text.slice(first.start, last.end), words: span.map((t) => t.text), zh };
}

/** Longest glossary match starting at token `i`: its length in tokens and entries, or null. */
function glossaryMatch(glossary: Glossary, words: Words, i: number): { length: number; zh: string[] } | null {
  let reach = 1;
  while (reach < glossary.maxWords && i + reach < words.tokens.length && words.linked[i + reach - 1]) reach++;
  for (let length = reach; length >= 1; length--) {
    const entries = glossary.lookup(words.tokens.slice(i, i + length));
    if (entries.length > 0) return { length, zh: entries.map((e) => e.zh) };
  }
  return null;
}

/** End (exclusive) of the hyphenated compound starting at token `j` (`state-of-the-art`), within `to`. */
function compoundEnd(words: Words, j: number, to: number): number {
  let k = j;
  while (k + 1 < to && words.adjacent[k] && words.tokens[k]?.hyphenNext) k++;
  return k + 1;
}

function dictionaryUnits(dictionary: () => Dictionary, words: Words, from: number, to: number): ExpansionUnit[] {
  const units: ExpansionUnit[] = [];
  const lower = (a: number, b: number): string[] => words.tokens.slice(a, b).map((t) => t.lower);
  const dictionaryUnit = (a: number, b: number, terms: string[]): ExpansionUnit =>
    unitOf(words, a, b, terms.map((term) => ({ term, source: 'dictionary' as const })));
  let j = from;
  while (j < to) {
    const compound = compoundEnd(words, j, to);
    const spans = [compound > j + 2 ? compound : 0, j + 1 < to && words.adjacent[j] ? j + 2 : 0].filter((e) => e > 0);
    const hit = spans.map((end) => ({ end, terms: dictionary().lookup(lower(j, end)) })).find((x) => x.terms.length > 0);
    if (hit) {
      units.push(dictionaryUnit(j, hit.end, hit.terms));
      j = hit.end;
      continue;
    }
    // A stopword kept only because it sits inside a compound (`state-of-the-art`) carries no unit of its own.
    if (!isStopword(words.tokens[j]?.lower ?? '')) units.push(dictionaryUnit(j, j + 1, dictionary().lookup(lower(j, j + 1))));
    j += 1;
  }
  return units;
}

/**
 * A cross-language expander over the given data (nothing is read until first use).
 * @example createCrossLang().expandEnglish('earthquake')[0].zh[0].term // '地震'
 */
export function createCrossLang(options: CrossLangOptions = {}): CrossLang {
  const glossaryPath = options.glossaryPath ?? DEFAULT_GLOSSARY_PATH;
  let dictionary: Dictionary | null = null;
  const getDictionary = (): Dictionary => (dictionary ??= loadDictionary(options));
  return {
    dictionary: getDictionary,
    englishFor: (zh) => loadGlossary(glossaryPath).englishFor(zh),
    expandEnglish(query: string): ExpansionUnit[] {
      const glossary = loadGlossary(glossaryPath);
      const words = queryWords(query);
      const units: ExpansionUnit[] = [];
      let gapStart = 0;
      let i = 0;
      while (i < words.tokens.length) {
        const match = glossaryMatch(glossary, words, i);
        if (!match) {
          i += 1;
          continue;
        }
        units.push(...dictionaryUnits(getDictionary, words, gapStart, i));
        units.push(unitOf(words, i, i + match.length, match.zh.map((term) => ({ term, source: 'glossary' as const }))));
        i += match.length;
        gapStart = i;
      }
      units.push(...dictionaryUnits(getDictionary, words, gapStart, words.tokens.length));
      return units;
    },
  };
}

function defaultOptions(): CrossLangOptions {
  const cacheDir = process.env.INDEX_DIR ? path.resolve(process.env.INDEX_DIR) : DEFAULT_CACHE_DIR;
  return { glossaryPath: DEFAULT_GLOSSARY_PATH, cacheDir };
}

let shared: CrossLang | null = null;

/**
 * Replace the shared expander used by `expandEnglish` / `englishFor` (e.g. to cache into another index dir).
 * @example configureCrossLang({ cacheDir: '/tmp/index' })
 */
export function configureCrossLang(options: CrossLangOptions): void {
  shared = createCrossLang({ ...defaultOptions(), ...options });
}

const sharedCrossLang = (): CrossLang => (shared ??= createCrossLang(defaultOptions()));

/**
 * Open (or build and cache) the shared expander's dictionary now — e.g. after `npm run ingest` — so the
 * first English query does not pay for building it.
 * @example warmDictionary().origin // 'cache' once the cache file exists
 */
export function warmDictionary(): Dictionary {
  return sharedCrossLang().dictionary();
}

/**
 * Split an English query into units with their Chinese expansions (glossary first, then dictionary).
 * @example expandEnglish('5G base stations')[0] // { en: '5G base stations', words: ['5G', 'base', 'stations'], zh: [{ term: '5G基站', source: 'glossary' }, …] }
 */
export function expandEnglish(query: string): ExpansionUnit[] {
  return sharedCrossLang().expandEnglish(query);
}

/**
 * English renderings of a Chinese term from the glossary (official form first), [] when unknown.
 * @example englishFor('人工智能') // ['artificial intelligence', 'AI']
 */
export function englishFor(zh: string): string[] {
  return sharedCrossLang().englishFor(zh);
}
