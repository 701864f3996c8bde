/**
 * THE analyzer, used for both indexing and querying: text → script runs → one segmenter per script
 * (picked from a table) → normalized words; plus character bigrams for recall. Offsets always point
 * into the original text (UTF-16 code units, end exclusive), so highlights are exact.
 *
 *   text ─ splitScriptRuns ─┬─ han ───── chineseSegmenter  (jieba + gov-terms, normalized)
 *                           ├─ latin ─── latinWordSegmenter (a run is one word/number, stemmed; by part)
 *                           │            latinWordCompounds (joined form of a hyphenated compound)
 *                           ├─ tibetan ─ tibetanSegmenter  (syllables)
 *                           ├─ other ─── fallbackSegmenter (Intl.Segmenter)
 *                           └─ punct, space: dropped
 *   text ─ normalizeForMatch ─ bigramTokens                (pairs of characters + run ends)
 *
 * How the index and the query use it (the same `analyze` on both sides, so a query is always cut the
 * way the passages were):
 * - words are for ranking and for English/number matching; a hyphenated compound (`eco-tourism`) gives a
 *   word per part, and its joined form (`ecotour`) as a compound: the `words` and `en` fields index both
 *   (`wordFieldTokens`), so the part, the compound and the compound written as one word all find it. The
 *   query side searches a compound by its parts (`words`), which also finds it written with spaces;
 * - bigrams are for recall: a query run of 2+ characters is found through all its pair bigrams (terms
 *   of two code points); a query run of ONE character is found by a prefix search for it (it starts a
 *   bigram, or is a run-final single token). Single-character terms mark run ends only, so the query
 *   side should not search them when the run is longer;
 * - `phraseKey` + `normalizeForMatch` verify a quoted phrase exactly and map the hit to offsets.
 */
import { bigramTokens } from './bigrams.js';
import { chineseSegmenter } from './chinese-segmenter.js';
import { fallbackSegmenter } from './fallback-segmenter.js';
import { latinWordCompounds, latinWordSegmenter } from './latin-segmenter.js';
import { matchKeyOf, normalizeForMatch } from './normalize.js';
import { remembered } from './remembered.js';
import { splitScriptRuns, type Script, type ScriptRun } from './scripts.js';
import { tibetanSegmenter } from './tibetan-segmenter.js';
import type { Segmenter, Token } from './token.js';

export type { Token } from './token.js';
export type { MatchText } from './normalize.js';
export { ANALYZER_VERSION, analyzerComponents, analyzerFingerprint } from './fingerprint.js';
export { bigramTokens, bigramTokensOfMatch } from './bigrams.js';
export { normalizeForMatch, normalizeTerm, originalRanges } from './normalize.js';
export { loadChineseSegmenter, openChineseDictionary } from './chinese-segmenter.js';

/** What the analyzer makes of a text. */
export interface Analysis {
  /** Words, in order, non-overlapping; punctuation dropped. */
  words: Token[];
  /** Joined forms of hyphenated compounds, in order, each over its whole compound (so over its parts' words). */
  compounds: Token[];
  /** Character bigrams and run-final single characters, in order (they overlap by design). */
  bigrams: Token[];
}

const LATIN_LETTER = /\p{Script=Latin}/u;

type SegmenterTable = Partial<Record<Script, Segmenter>>;

/**
 * The segmenter of each script that has words; scripts absent from the table are dropped. A Latin run is one
 * word with its joiners (`splitScriptRuns`), segmented as such.
 */
const SEGMENTERS: SegmenterTable = {
  han: chineseSegmenter,
  latin: latinWordSegmenter,
  tibetan: tibetanSegmenter,
  other: fallbackSegmenter,
};

/** The scripts that write compounds, and how their joined forms are found. */
const COMPOUNDERS: SegmenterTable = { latin: latinWordCompounds };

/** Token order: by start, the wider token first (a compound before its first part). */
const byPosition = (a: Token, b: Token): number => a.start - b.start || b.end - a.end;

/**
 * The words of a text: jieba words of Han runs, whole Latin words and numbers (stemmed), Tibetan
 * syllables, other scripts' words; all normalized; offsets into `text`.
 * @example analyzeWords('5G基站').map((t) => t.term) // ['5g', '基站']
 */
export function analyzeWords(text: string): Token[] {
  return tokensOfRuns(text, always, always).words;
}

/**
 * What the `words`, `heading` and `en` fields index for an analysis: its words and compounds, in order.
 * @example wordFieldTokens(analyze('eco-tourism')).map((t) => t.term) // ['ecotour', 'eco', 'tourism']
 */
export function wordFieldTokens(analysis: Pick<Analysis, 'words' | 'compounds'>): Token[] {
  return analysis.compounds.length === 0 ? analysis.words : [...analysis.words, ...analysis.compounds].sort(byPosition);
}

/**
 * The terms a word field indexes for a text (`wordFieldTokens` without the bigrams `analyze` would add).
 * @example wordFieldTerms('Kashin-Beck') // ['kashinbeck', 'kashin', 'beck']
 */
export function wordFieldTerms(text: string): string[] {
  return indexedWords(text).map((t) => t.term);
}

/**
 * The tokens a word field indexes for a text: `wordFieldTokens(analyze(text))` without the bigrams.
 * @example indexedWords('eco-tourism').map((t) => t.start) // [0, 0, 4]
 */
export function indexedWords(text: string): Token[] {
  return wordFieldTokens(tokensOfRuns(text, always, always));
}

const always = (): boolean => true;

/**
 * The one loop every word function shares: each script run whose segmenter exists and that `segmentRun`
 * accepts is segmented (and its compounds found), and its tokens with an accepted term are kept, offsets
 * shifted into `text`.
 */
function tokensOfRuns(
  text: string,
  segmentRun: (run: ScriptRun, runText: string) => boolean,
  keep: (term: string) => boolean,
  segmenters: SegmenterTable = SEGMENTERS,
  compounders: SegmenterTable = COMPOUNDERS,
): Pick<Analysis, 'words' | 'compounds'> {
  const words: Token[] = [];
  const compounds: Token[] = [];
  for (const run of splitScriptRuns(text)) {
    const segment = segmenters[run.script];
    if (segment === undefined) continue;
    const runText = text.slice(run.start, run.end);
    if (!segmentRun(run, runText)) continue;
    collect(words, run, segment(runText), keep);
    const compound = compounders[run.script];
    if (compound !== undefined) collect(compounds, run, compound(runText), keep);
  }
  return { words, compounds };
}

/** Appends a run's tokens with an accepted term to `into`, offsets shifted from the run into the text. */
function collect(into: Token[], run: ScriptRun, tokens: Token[], keep: (term: string) => boolean): void {
  for (const token of tokens) {
    if (keep(token.term)) into.push({ term: token.term, start: run.start + token.start, end: run.start + token.end });
  }
}

/**
 * A Latin run is one word with its joiners (`COVID-19`, `2024`, `R&D`), and a corpus holds few distinct ones:
 * highlighting keeps the tokens of the latest LATIN_RUNS_KEPT it segmented instead of segmenting (normalizing,
 * stemming) them again for every hit. Cleared when full (a pure function's cache: dropping it changes nothing).
 */
const LATIN_RUNS_KEPT = 50_000;

const HIGHLIGHT_SEGMENTERS: SegmenterTable = { ...SEGMENTERS, latin: remembered(latinWordSegmenter, LATIN_RUNS_KEPT) };
const HIGHLIGHT_COMPOUNDERS: SegmenterTable = { latin: remembered(latinWordCompounds, LATIN_RUNS_KEPT) };

/**
 * A word of a run that is not Han always holds a character that is not Han (`㋀`, in a Latin run, is the word
 * `1月`): a term all of Han characters comes only from a Han run.
 */
const ALL_HAN = /^\p{Script=Han}+$/u;

/**
 * The indexed words of `text` whose term is in `wanted`: exactly
 * `wordFieldTokens(analyze(text)).filter((t) => wanted.has(t.term))` (compounds included, for highlights),
 * without segmenting the runs that cannot hold a wanted word. A Chinese word is a substring of its run's
 * normalized text, so a Han run none of the wanted terms occurs in is skipped before the Chinese segmenter sees
 * it (the slow part of highlighting a hit); the runs of other scripts are skipped when every wanted term is Han.
 * `key`, when the caller has it, is `phraseKey(text)`.
 * @example wordsAmong('旅游业和Tourism', new Set(['tourism'])).map((t) => t.start) // [4]
 */
export function wordsAmong(text: string, wanted: ReadonlySet<string>, key?: string): Token[] {
  if (wanted.size === 0 || !text) return [];
  // Every key of a Han run is a substring of the whole text's key: test that once, then each run.
  const whole = key ?? normalizeForMatch(text).text;
  const inText = [...wanted].filter((term) => whole.includes(term));
  const otherScripts = [...wanted].some((term) => !ALL_HAN.test(term));
  if (inText.length === 0 && !otherScripts) return [];
  // Words with a Latin letter come only from Latin runs, whose letters all show in the key.
  if (inText.length === 0 && !LATIN_LETTER.test(whole) && [...wanted].every((term) => LATIN_LETTER.test(term))) return [];
  const mayHoldWanted = (run: ScriptRun, runText: string): boolean => {
    if (run.script !== 'han') return otherScripts;
    if (inText.length === 0) return false;
    const runKey = normalizeForMatch(runText).text;
    return inText.some((term) => runKey.includes(term));
  };
  return wordFieldTokens(tokensOfRuns(text, mayHoldWanted, (term) => wanted.has(term), HIGHLIGHT_SEGMENTERS, HIGHLIGHT_COMPOUNDERS));
}

/**
 * Analyzes a text for the index or for a query (the same function for both, on purpose).
 * @example analyze('6.8级地震').words.map((t) => t.term) // ['6.8', '级', '地震']
 * @example analyze('西藏').bigrams.map((t) => t.term) // ['西藏', '藏']
 */
export function analyze(text: string): Analysis {
  return { ...tokensOfRuns(text, always, always), bigrams: bigramTokens(text) };
}

/**
 * `analyze` without the bigrams: the words and compounds, for a caller that does not search by bigrams (or
 * makes them from a match text it already has, `bigramTokensOfMatch`).
 * @example analyzeWordsAndCompounds('eco-tourism').compounds.map((t) => t.term) // ['ecotour']
 */
export function analyzeWordsAndCompounds(text: string): Pick<Analysis, 'words' | 'compounds'> {
  return tokensOfRuns(text, always, always);
}

/**
 * The key for exact phrase verification: the normalized text without any whitespace. A phrase occurs
 * in a passage when `phraseKey(passage).includes(phraseKey(phrase))`; `normalizeForMatch` maps the
 * hit back to the passage's own offsets.
 * @example phraseKey('民族團結 進步') // '民族团结进步'
 */
export function phraseKey(text: string): string {
  return matchKeyOf(text);
}
