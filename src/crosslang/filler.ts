/**
 * Query filler: the words a searcher adds around what they look for (`help herders find jobs`, `measures to
 * cut costs`, `what does the report say about Taiwan`), which never require a match, and when such a word is
 * meaning after all (a modifier, a word of a name). Pure.
 */
import type { EnglishToken } from './english.js';
import { irregularBases } from '../text/irregular-forms.js';

/** The content words of a query, and how each is joined to the next (as `expand.ts` reads them). */
export interface QueryWords {
  tokens: readonly EnglishToken[];
  /** linked[i]: only stopwords, spaces, hyphens or a comma separate tokens[i] and tokens[i + 1]. */
  linked: readonly boolean[];
  /** adjacent[i]: nothing but spaces or a hyphen separates them (no stopword in between). */
  adjacent: readonly boolean[];
}

/**
 * Words a searcher adds around what they look for ("help herders find jobs", "measures to cut costs",
 * "what does the report say about Taiwan"): never required. Inside a glossary or lexicon unit they count (`help desk`).
 */
const FILLER = new Set(
  (
    'help helps helping helped find finding show showing look looking search searching want wants need ' +
    'needs measure measures step steps way ways effort efforts thing things information info regarding ' +
    'related concerning about like go goes going get gets getting make makes making take taking give giving ' +
    'put let come new more most less least fewer many much say says tell tells ones us it'
  ).split(' '),
);

/**
 * Pronouns no stopword list holds, since their capitals are abbreviations (`US`, `IT`: `wordUnit` in
 * `expand.ts` reads those first): filler in lower case, and never a synonym's reading (`us` of USA).
 */
export const PRONOUNS: ReadonlySet<string> = new Set(['us', 'it']);

/**
 * Filler words that are a concept when they modify the next word (`information security` 信息安全, `related
 * industries` 相关产业), though not on their own (`information about floods`, `news related to Tibet`).
 */
const MODIFIERS = new Set(['information', 'info', 'related']);

/** Filler verbs a query may open with as an instruction (`Find jobs in Tibet`), capitalized or not. */
const INSTRUCTIONS = new Set('help find show look search want need go get make take give put let come say tell'.split(' '));

/**
 * True for a word written with a capital first letter (`New`, `Pudong`), not in capitals throughout (`NEW`,
 * as a query typed in capitals writes every word).
 */
const capitalized = (token: EnglishToken | undefined): boolean => token !== undefined && /^\p{Lu}\p{Ll}/u.test(token.text);

/**
 * True when the word at `j` is query filler: a filler word or an irregular form of one (`made`, `took`,
 * `gave`), unless it modifies the word after it (`information security`) or is a capitalized word beside
 * another in a name (`Pudong New Area`, `New Development Bank`, `Made in China`): a name's words are its
 * meaning. An instruction opening the query (`Find Tibet tourism`) stays filler.
 * @example isFiller({ tokens: tokenizeEnglish('help herders'), linked: [true], adjacent: [true] }, 0) // true
 */
export function isFiller(words: QueryWords, j: number): boolean {
  const token = words.tokens[j];
  const lower = token?.lower ?? '';
  if (!FILLER.has(lower) && !irregularBases(lower).some((base) => FILLER.has(base))) return false;
  if (MODIFIERS.has(lower) && words.adjacent[j] === true) return false;
  if (!capitalized(token) || (j === 0 && INSTRUCTIONS.has(lower))) return true;
  const besideName = (j > 0 && words.linked[j - 1] === true && capitalized(words.tokens[j - 1])) || (words.linked[j] === true && capitalized(words.tokens[j + 1]));
  return !besideName;
}
