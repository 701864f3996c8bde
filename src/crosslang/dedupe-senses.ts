/** One list of Chinese senses per concept: the first sense of each term wins. */
import type { Sense } from './expand.js';

/**
 * The first sense of each term, in order.
 * @example dedupeSenses([{ term: '减税', source: 'glossary', weight: 1 }, { term: '减税', source: 'dictionary', weight: 0.5 }]).length // 1
 */
export function dedupeSenses(senses: readonly Sense[]): Sense[] {
  const seen = new Set<string>();
  return senses.filter((s) => {
    if (seen.has(s.term)) return false;
    seen.add(s.term);
    return true;
  });
}
