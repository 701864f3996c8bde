/** One list of Chinese senses per concept: each term once, where it first stands, at its best stated weight. */
import type { Sense } from './expand.js';

/**
 * Each term once, in the order of first mention and with the first mention's source, weighing the most
 * its first mention or any later one not reached through a synonym weighs: a term a learned pair names weakly and the dictionary names first (China: 中国)
 * is not weaker than the dictionary's later senses (东北, "Northeast China").
 * @example dedupeSenses([{ term: '中国', source: 'learned', weight: 0.36 }, { term: '中国', source: 'dictionary', weight: 0.6 }]) // [{ term: '中国', source: 'learned', weight: 0.6 }]
 */
export function dedupeSenses(senses: readonly Sense[]): Sense[] {
  const first = new Map<string, Sense>();
  for (const s of senses) {
    const kept = first.get(s.term);
    if (kept === undefined) first.set(s.term, { ...s });
    // A synonym's sense is a guess (`expand.ts`): it never raises a sense a source states.
    else if (s.source !== 'synonym') kept.weight = Math.max(kept.weight, s.weight);
  }
  return [...first.values()];
}
