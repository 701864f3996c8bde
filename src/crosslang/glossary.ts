/**
 * The curated bilingual glossary (`data/glossary.tsv`): parsed once, indexed on the English side by stemmed
 * word sequence (stopwords dropped, hyphens ignored) and on the Chinese side by normalized term.
 */
import { type EnglishToken, contentTokens, phraseKeys, sameLemma, singularKeys, stemKeys, tokenizeEnglish } from './english.js';
import { cachedFileLoader } from './cached-file.js';
import { createCrossLangError } from './errors.js';
import { DEFAULT_GLOSSARY_PATH } from './paths.js';

/** One glossary line: a Chinese term, its official English and other English renderings. */
export interface GlossaryEntry {
  zh: string;
  en: string;
  alternatives: string[];
  /** 1-based line number in the file. */
  line: number;
}

/** A parsed glossary with its lookups. */
export interface Glossary {
  entries: GlossaryEntry[];
  /** The most content words any English form has: the longest run worth trying. */
  maxWords: number;
  /**
   * Entries with an English form matching a run of content words: by singular words when any form matches
   * so closely, else by inflections (`planned` ~ `plan`; never by a stem alone: `cooperation` ≁ `cooperative`). Entries where the
   * matching form is the official one come first, then file order.
   */
  lookup(words: EnglishToken[]): GlossaryEntry[];
  /** English renderings of a Chinese term (official form first), or [] when the glossary lacks it. */
  englishFor(zh: string): string[];
}

const HAS_HAN = /\p{Script=Han}/u;
const LATIN_TEXT = /^[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd} '’&,.()/+-]*$/u;
const HAS_LATIN = /\p{Script=Latin}/u;

/**
 * The form a Chinese term is compared in: NFKC, lowercase, no whitespace.
 * @example zhKey(' 5G 基站 ') // '5g基站'
 */
export function zhKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

function isEnglishForm(text: string): boolean {
  return LATIN_TEXT.test(text) && HAS_LATIN.test(text);
}

/**
 * Parse glossary text: `zh<TAB>en[<TAB>alt1|alt2]` a line; blank lines and `#` comments are skipped.
 * Throws CROSSLANG_GLOSSARY_INVALID on a malformed line or a repeated Chinese term.
 * @example parseGlossary('地震\tearthquake\tearthquakes|quake')[0].alternatives // ['earthquakes', 'quake']
 */
export function parseGlossary(text: string, source = 'glossary'): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fail = (why: string): never => {
      throw createCrossLangError('CROSSLANG_GLOSSARY_INVALID', `${source} line ${line}: ${why}`);
    };
    const fields = raw.split('\t').map((f) => f.trim());
    if (fields.length < 2 || fields.length > 3) fail('expected 2 or 3 tab-separated fields');
    const [zh = '', en = '', alts = ''] = fields;
    if (!HAS_HAN.test(zh) || /\s/u.test(zh)) fail(`the Chinese term "${zh}" must contain Han and no spaces`);
    const alternatives = alts === '' ? [] : alts.split('|').map((a) => a.trim());
    for (const form of [en, ...alternatives]) {
      if (!isEnglishForm(form)) fail(`"${form}" is not an English form (Latin letters, digits, spaces, ' - & , . ( ) / +)`);
    }
    const key = zhKey(zh);
    const previous = seen.get(key);
    if (previous !== undefined) fail(`"${zh}" repeats line ${previous}`);
    seen.set(key, line);
    entries.push({ zh, en, alternatives: [...new Set(alternatives)].filter((a) => a !== en), line });
  });
  return entries;
}

interface IndexedForm {
  entry: GlossaryEntry;
  official: boolean;
  singular: string[];
  /** The form's content words, lowercased, split at hyphens. */
  words: string[];
}

/**
 * True when the query words are the form's words up to inflection: a shared Porter stem alone is not
 * enough (`cooperation` must not find the entry for `cooperatives`).
 */
function inflects(form: IndexedForm, words: EnglishToken[]): boolean {
  return form.words.length === words.length && form.words.every((w, i) => sameLemma(w, words[i]?.lower ?? ''));
}

function orderedEntries(forms: IndexedForm[]): GlossaryEntry[] {
  const sorted = [...forms].sort((a, b) => Number(b.official) - Number(a.official) || a.entry.line - b.entry.line);
  return [...new Set(sorted.map((f) => f.entry))];
}

/**
 * Index parsed entries for lookups by English words and by Chinese term.
 * @example indexGlossary(parseGlossary('地震\tearthquake')).lookup(tokenizeEnglish('earthquakes'))[0].zh // '地震'
 */
export function indexGlossary(entries: GlossaryEntry[]): Glossary {
  const byStem = new Map<string, IndexedForm[]>();
  const byZh = new Map<string, GlossaryEntry>();
  let maxWords = 1;
  for (const entry of entries) {
    byZh.set(zhKey(entry.zh), entry);
    [entry.en, ...entry.alternatives].forEach((form, i) => {
      maxWords = Math.max(maxWords, contentTokens(tokenizeEnglish(form)).length);
      const keys = phraseKeys(form);
      const words = contentTokens(tokenizeEnglish(form)).map((t) => t.lower);
      for (const key of keys.stem) {
        const list = byStem.get(key) ?? [];
        list.push({ entry, official: i === 0, singular: keys.singular, words });
        byStem.set(key, list);
      }
    });
  }
  return {
    entries,
    maxWords,
    lookup(words: EnglishToken[]): GlossaryEntry[] {
      if (words.length === 0) return [];
      const forms = stemKeys(words).flatMap((key) => byStem.get(key) ?? []);
      const singular = new Set(singularKeys(words));
      const close = forms.filter((f) => f.singular.some((k) => singular.has(k)));
      return orderedEntries(close.length > 0 ? close : forms.filter((f) => inflects(f, words)));
    },
    englishFor: (zh) => {
      const entry = byZh.get(zhKey(zh));
      return entry ? [entry.en, ...entry.alternatives] : [];
    },
  };
}

const readGlossary = cachedFileLoader('CROSSLANG_GLOSSARY_MISSING', (text, file) => indexGlossary(parseGlossary(text, file)));

/**
 * Read, parse and index a glossary file, once per path (later calls return the same object).
 * Throws CROSSLANG_GLOSSARY_MISSING when the file cannot be read.
 * @example loadGlossary().englishFor('人工智能') // ['artificial intelligence', 'AI']
 */
export function loadGlossary(filePath: string = DEFAULT_GLOSSARY_PATH): Glossary {
  return readGlossary(filePath);
}
