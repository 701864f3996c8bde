/**
 * Paraphrase senses: a CC-CEDICT headword whose short definition says what two neighbouring query words say,
 * in any order and in other words (`urban village` → 城中村, "village within a city", through urban's WordNet
 * relative city). The dictionary keys each definition by its content words (`paraphraseEntries`); this
 * module only tries the pair as written and with each word replaced by one of its synonyms. Pure.
 */
import type { Dictionary } from './dictionary.js';
import type { Sense } from './expand.js';

/** Senses found for a pair, at most; their weight as written, and through a synonym. */
const PARAPHRASES = 3;
const PARAPHRASE_WEIGHT = 0.5;
const PARAPHRASE_SYNONYM_WEIGHT = 0.3;
/** Synonyms of each word tried. */
const PARAPHRASE_SYNONYMS = 4;

/**
 * The headwords defined by words `a` and `b` (source `dictionary`), then by a synonym of either in its place
 * (source `synonym`, weighed lower: a guess the corpus must back); distinct, at most PARAPHRASES.
 * @example paraphraseSenses(dictionary, (w) => (w === 'urban' ? ['city'] : []), 'urban', 'village')[0]?.term // '城中村'
 */
export function paraphraseSenses(dictionary: Pick<Dictionary, 'paraphrases'>, synonymWords: (lower: string) => readonly string[], a: string, b: string): Sense[] {
  const found: Sense[] = dictionary.paraphrases([a, b]).map((term) => ({ term, source: 'dictionary', weight: PARAPHRASE_WEIGHT }));
  const variants = (w: string): string[] => [w, ...synonymWords(w).slice(0, PARAPHRASE_SYNONYMS)];
  for (const x of variants(a)) {
    for (const y of variants(b)) {
      if (x === a && y === b) continue;
      for (const term of dictionary.paraphrases([x, y])) found.push({ term, source: 'synonym', weight: PARAPHRASE_SYNONYM_WEIGHT });
    }
  }
  const seen = new Set<string>();
  return found.filter((s) => !seen.has(s.term) && seen.add(s.term)).slice(0, PARAPHRASES);
}
