/**
 * An alternative's term look-ups in the flat postings: for each of its query terms (and of its `rank` terms),
 * the fields that hold it, with the term's place, postings, idf and field boost. They depend on the alternative
 * and the index alone, so a backend keeps them per alternative object (`KeptLookups`) when the alternative
 * cannot change: a kept plan's, frozen all the way down (`search/plan-cache.ts`). Everything a search changes
 * (cursors, bounds, scores) is made per search from them (`prepared-alternative.ts`).
 */
import type { Alternative, Check, IndexField } from './backend.js';
import type { TermPostings } from './block-max.js';
import { idf } from './bm25.js';
import type { PostingsIndex } from './postings-file.js';
import { postingAt, termIndex } from './postings.js';
import { FIELD_BOOSTS } from './schema.js';
import { hasWordEdge } from '../text/word-edges.js';

/** A term's postings in one field that holds it. */
export interface TermLookup extends TermPostings {
  /** The term's position in its field. */
  term: number;
  idf: number;
  /** The field's boost. */
  weight: number;
}

/** Per term, its look-ups in each field that holds it (none when no field does). */
export type TermLookups = readonly (readonly TermLookup[])[];

/** What a search of an alternative looks up: its query terms' postings, and its distinct `rank` terms'. */
export interface AlternativeLookups {
  /** Empty for an alternative scored without postings (a scan, no terms) or by prefix. */
  exact: TermLookups;
  rank: TermLookups;
  /**
   * The passages whose words hold the key of the alternative's `contains` check as one word (its postings in
   * the `words` field), for a key without a word edge; null otherwise. A word of a passage's text is a
   * substring of the passage's match key (both are cut from the same normalized text), so each of these
   * passages holds the key: the check need not read its key (`tests/index/vouched-words.test.ts`).
   */
  vouched: Uint32Array | null;
}

/**
 * The look-ups of `alternative` in `index`.
 * @example lookUp({ kind: 'tokens', fields: ['bigrams'], terms: ['发展'] }, index).exact[0]?.[0]?.docs.length // 8206
 */
export function lookUp(alternative: Alternative, index: PostingsIndex): AlternativeLookups {
  const scored = alternative.kind !== 'scan' && alternative.terms.length > 0 && !alternative.prefix;
  const { rank } = alternative;
  return {
    exact: scored ? alternative.terms.map((term) => termLookups(term, alternative.fields, index)) : [],
    rank: rank && rank.terms.length > 0 ? [...new Set(rank.terms)].map((term) => termLookups(term, rank.fields, index)) : [],
    vouched: vouchedBy(alternative.check, index),
  };
}

/** The `words` postings of a `contains` check's key without a word edge (null when there is none). */
function vouchedBy(check: Check | undefined, index: PostingsIndex): Uint32Array | null {
  if (check?.kind !== 'contains' || hasWordEdge(check.key)) return null;
  const field = index.fields.words;
  const t = termIndex(field, check.key);
  return t < 0 ? null : postingAt(field, t).docs;
}

/** The postings of `term` in each of `fields` that holds it. */
function termLookups(term: string, fields: readonly IndexField[], index: PostingsIndex): TermLookup[] {
  const found: TermLookup[] = [];
  for (const name of fields) {
    const field = index.fields[name];
    const t = termIndex(field, term);
    if (t < 0) continue;
    const { docs, tfs } = postingAt(field, t);
    found.push({ docs, tfs, field, term: t, idf: idf(docs.length, index.passages), weight: FIELD_BOOSTS[name] });
  }
  return found;
}

/** True when nothing the look-ups read from an alternative can change (frozen, as a kept plan's are). */
export function unchanging(alternative: Alternative): boolean {
  const { rank } = alternative;
  return (
    Object.isFrozen(alternative) &&
    Object.isFrozen(alternative.terms) &&
    Object.isFrozen(alternative.fields) &&
    (rank === undefined || (Object.isFrozen(rank) && Object.isFrozen(rank.terms) && Object.isFrozen(rank.fields)))
  );
}

/**
 * The look-ups of the alternatives searched in one index, kept by alternative object while it lives (an
 * evicted plan frees its own), frozen; an alternative that could change is looked up afresh each time.
 * @example const kept = new KeptLookups(index); kept.of(plan.query.groups[0][0]) === kept.of(plan.query.groups[0][0]) // true for a kept plan
 */
export class KeptLookups {
  private readonly kept = new WeakMap<Alternative, AlternativeLookups>();

  constructor(private readonly index: PostingsIndex) {}

  of(alternative: Alternative): AlternativeLookups {
    if (!unchanging(alternative)) return lookUp(alternative, this.index);
    let lookups = this.kept.get(alternative);
    if (!lookups) {
      lookups = frozen(lookUp(alternative, this.index));
      this.kept.set(alternative, lookups);
    }
    return lookups;
  }
}

/** Look-ups frozen down to each look-up (not its postings: typed arrays over the index cannot be frozen). */
function frozen(lookups: AlternativeLookups): AlternativeLookups {
  for (const terms of [lookups.exact, lookups.rank]) {
    for (const found of terms) for (const lookup of found) Object.freeze(lookup);
    for (const found of terms) Object.freeze(found);
    Object.freeze(terms);
  }
  return Object.freeze(lookups);
}
