/**
 * Paraphrase senses: a CC-CEDICT headword whose short definition says what two neighbouring query words say,
 * in any order and in other words (`urban village` → 城中村, "village within a city", through urban's WordNet
 * relative city). The dictionary keys each definition by its content words (`paraphraseEntries`); this
 * module only tries the pair as written and with each word replaced by one of its synonyms. Pure.
 */
import type { Dictionary } from './dictionary.js';
import { dedupeSenses } from './dedupe-senses.js';
import type { Sense } from './expand.js';

/** Senses found for a pair, at most; their weight as written, and through a synonym. */
const PARAPHRASES = 3;
const PARAPHRASE_WEIGHT = 0.5;
const PARAPHRASE_SYNONYM_WEIGHT = 0.3;
/** The same for two of the three words of a definition. */
const PARTIAL_WEIGHT = 0.35;
const PARTIAL_SYNONYM_WEIGHT = 0.21;
/** Synonyms of each word tried. */
const PARAPHRASE_SYNONYMS = 4;

/**
 * The headwords defined by words `a` and `b` (source `dictionary`), then by a synonym of either in its place
 * (source `synonym`, weighed lower: a guess the corpus must back), then those a three-word definition of
 * which holds the two, in the same order and lower again; distinct, at most PARAPHRASES.
 * @example paraphraseSenses(dictionary, (w) => (w === 'urban' ? ['city'] : []), 'urban', 'village')[0]?.term // '城中村'
 */
export function paraphraseSenses(dictionary: Pick<Dictionary, 'paraphrases' | 'partialParaphrases'>, synonymWords: (lower: string) => readonly string[], a: string, b: string): Sense[] {
  const variants = (w: string): string[] => [w, ...synonymWords(w).slice(0, PARAPHRASE_SYNONYMS)];
  const found: Sense[] = [];
  const ways = [
    { look: (words: string[]) => dictionary.paraphrases(words), written: PARAPHRASE_WEIGHT, guessed: PARAPHRASE_SYNONYM_WEIGHT },
    // Two of a three-word definition's words: "to reduce the tax rate" (减税) for tax + cut, cut being reduce.
    { look: (words: string[]) => dictionary.partialParaphrases(words), written: PARTIAL_WEIGHT, guessed: PARTIAL_SYNONYM_WEIGHT },
  ];
  // The pair as written comes first: each word's variants begin with the word itself.
  const [left, right] = [variants(a), variants(b)];
  for (const { look, written, guessed } of ways) {
    for (const x of left) {
      for (const y of right) {
        const asWritten = x === a && y === b;
        for (const term of look([x, y])) found.push({ term, source: asWritten ? 'dictionary' : 'synonym', weight: asWritten ? written : guessed });
      }
    }
  }
  return dedupeSenses(found).slice(0, PARAPHRASES);
}
