/**
 * English spelling: the words the engine knows (the corpus's English, the glossary's and the learned
 * lexicon's), with how often the corpus writes each, and corrections of a word it does not know within two
 * edits (`toursim` → `tourism`), nearest first, then most frequent.
 */
import { nearWords, type NearWords } from './near-words.js';

/** Words shorter than this are not corrected (too many neighbours to mean anything). */
const MIN_WORD = 4;
/** Words this long or longer may be two edits away; shorter ones one. */
const TWO_EDITS_FROM = 6;

/** Letters and apostrophes; apostrophes at either end are not part of the word (one flat class, no nesting). */
const LETTERS_AND_APOSTROPHES = /[A-Za-z'’]+/gu;
const APOSTROPHE = /['’]/u;

/** A run of letters and apostrophes without the apostrophes at its ends (`'tis'` → `tis`), lower case, `’` as `'`. */
function wordOf(run: string): string {
  let start = 0;
  let end = run.length;
  while (start < end && APOSTROPHE.test(run[start] ?? '')) start++;
  while (end > start && APOSTROPHE.test(run[end - 1] ?? '')) end--;
  return run.slice(start, end).toLowerCase().replace(/’/gu, "'");
}

/**
 * The English words of texts, lower case, with how many times they occur.
 * @example englishWordCounts(['Tourism and tourism']) // Map { 'tourism' => 2, 'and' => 1 }
 */
export function englishWordCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(LETTERS_AND_APOSTROPHES)) {
      const word = wordOf(match[0]);
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The English vocabulary: the corpus's words with their counts, and the words of other English forms the
 * engine knows (glossary and lexicon entries), each counted once when the corpus lacks it.
 * @example englishVocabulary(['tourism'], ['ecological tourism']).count('ecological') // 1
 */
export function englishVocabulary(corpusTexts: Iterable<string>, knownForms: Iterable<string>): NearWords {
  const counts = englishWordCounts(corpusTexts);
  for (const word of englishWordCounts(knownForms).keys()) if (!counts.has(word)) counts.set(word, 1);
  return nearWords([...counts].map(([word, count]) => ({ word, count })));
}

/**
 * Corrections of an English word the vocabulary does not hold, best first (at most `limit`); [] for a known
 * word, a short one, or one with anything but letters. The case of a capitalized word is kept.
 * @example correctSpelling(vocabulary, 'toursim', 3) // ['tourism']
 */
export function correctSpelling(vocabulary: NearWords, word: string, limit: number): string[] {
  if (!/^[A-Za-z]+$/u.test(word) || word.length < MIN_WORD) return [];
  const lower = word.toLowerCase();
  if (vocabulary.count(lower) > 0) return [];
  const edits = lower.length >= TWO_EDITS_FROM ? 2 : 1;
  const capital = /^[A-Z][a-z]/u.test(word);
  return vocabulary
    .near(lower, edits)
    .slice(0, limit)
    .map((n) => (capital ? n.word.charAt(0).toUpperCase() + n.word.slice(1) : n.word));
}

