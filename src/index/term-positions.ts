/**
 * Where the terms a search asks for sit in their fields' sorted vocabularies, remembered per field. Finding
 * a term is a binary search over the field's terms: about twenty string comparisons at the real scale, each
 * touching a string somewhere else in the heap, so a query of a dozen terms spends more time finding them
 * than intersecting their lists. Terms asked for again (the common ones, most of the time) are found in a
 * hash map instead. A field's map is emptied when it holds TERMS_KEPT terms, so memory stays bounded
 * whatever the queries.
 */
import { termIndex, type FieldPostings } from './postings.js';

/** Terms remembered per field before its map is emptied. */
export const TERMS_KEPT = 50_000;

export class TermPositions {
  private readonly byField = new Map<FieldPostings, Map<string, number>>();

  /** `kept`: terms remembered per field (TERMS_KEPT unless a test wants to see the map emptied). */
  constructor(private readonly kept = TERMS_KEPT) {}

  /**
   * The position of `term` in `field`'s terms, or -1: `termIndex`'s answer, remembered.
   * @example new TermPositions().of(index.fields.bigrams, '西藏') === termIndex(index.fields.bigrams, '西藏') // true
   */
  of(field: FieldPostings, term: string): number {
    let known = this.byField.get(field);
    if (!known) this.byField.set(field, (known = new Map()));
    const remembered = known.get(term);
    if (remembered !== undefined) return remembered;
    if (known.size >= this.kept) known.clear();
    const t = termIndex(field, term);
    known.set(term, t);
    return t;
  }
}
