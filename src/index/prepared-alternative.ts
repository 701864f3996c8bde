/**
 * An alternative of a query made ready for one search over the flat postings: its candidate passages, a
 * membership test, its score (MiniSearch's: BM25+, field boosts, prefix weights, × number of query terms
 * matched, plus the weighted `rank` score) and a cheap upper bound on that score from block maxima
 * (`block-max.ts`), computed with the same operations in the same order so that rounding keeps it above.
 */
import type { Alternative, Check, IndexField, Verifier } from './backend.js';
import { BlockCursor, NO_END, type BlockMaximaCache, type TermPostings } from './block-max.js';
import { bm25, idf, prefixWeight } from './bm25.js';
import { postingsOf, type DenseScratch } from './dense-scores.js';
import type { PostingsIndex } from './postings-file.js';
import { documentFrequency, postingAt, prefixRange } from './postings.js';
import { FIELD_BOOSTS } from './schema.js';
import { GallopCursor, intersectAll, union } from './sorted-ids.js';
import { lookUp, type AlternativeLookups, type TermLookup } from './term-lookups.js';

/** One posting that adds score, for one search: a term's look-up in one field, with its cursors. */
interface ScoreSource extends TermPostings {
  /** The term's position in its field. */
  term: number;
  cursor: GallopCursor;
  /** Bounds for the alternative's candidates (made when a bound is first asked for). */
  blocks: BlockCursor | null;
  idf: number;
  /** The field's boost. */
  weight: number;
}

/** The score sources of each query term of an alternative (or of its `rank` terms). */
type TermSources = ScoreSource[][];

const EMPTY = new Uint32Array(0);

export class PreparedAlternative {
  /** Passages the index says may match (before verification), ascending; null = every passage. */
  readonly candidates: Uint32Array | null;
  readonly label: string | undefined;
  private readonly weight: number;
  private readonly member: GallopCursor | null;
  private readonly check: Check | undefined;
  /** The passages the check holds of without reading their keys (`AlternativeLookups.vouched`), or null. */
  private readonly vouched: GallopCursor | null;
  private readonly exact: TermSources = [];
  private readonly prefixed: Float64Array[] = [];
  private readonly rank: TermSources = [];
  private readonly rankWeight: number;
  private readonly constantScore: boolean;
  private boundValue = 0;
  private readonly window: Window = { end: NO_END };
  /** The last passage `boundAt`'s value holds for. */
  boundEnd = -1;
  /** Every candidate's score, computed term at a time (`densify`), or null: scored passage by passage. */
  private dense: Float64Array | null = null;
  /** The positions `densify` wrote (cleared by `release`). */
  private written: Uint32Array = EMPTY;

  /**
   * `verifier` decides the alternative's check on each candidate; `lookups`, its terms' postings (`term-lookups.ts`:
   * a backend keeps a kept plan's), looked up here when not given.
   * @example new PreparedAlternative({ kind: 'tokens', fields: ['bigrams'], terms: ['发展'] }, index, cache, verifier).candidates?.length // 8206
   */
  constructor(
    alternative: Alternative,
    index: PostingsIndex,
    private readonly maxima: BlockMaximaCache,
    private readonly verifier: Verifier,
    lookups: AlternativeLookups = lookUp(alternative, index),
  ) {
    const n = index.passages;
    this.label = alternative.label;
    this.weight = alternative.weight ?? 1;
    this.check = alternative.check;
    this.constantScore = alternative.kind === 'scan' || alternative.terms.length === 0;
    if (this.constantScore) {
      this.candidates = alternative.check ? null : EMPTY;
    } else if (alternative.prefix) {
      const perTerm = alternative.terms.map((term) => this.prefixTerm(term, alternative.fields, index));
      this.candidates = intersectAll(perTerm) ?? EMPTY;
    } else {
      const perTerm = lookups.exact.map((found) => {
        this.exact.push(found.map(scoreSource));
        return union(found.map((l) => l.docs), n);
      });
      this.candidates = intersectAll(perTerm) ?? EMPTY;
    }
    this.member = this.candidates ? new GallopCursor(this.candidates) : null;
    this.vouched = lookups.vouched ? new GallopCursor(lookups.vouched) : null;
    this.rankWeight = alternative.rank?.weight ?? 0;
    if (this.candidates?.length !== 0) for (const found of lookups.rank) this.rank.push(found.map(scoreSource));
  }

  /** Scores every passage holding a term that starts with `term` (in any field); returns them, ascending. */
  private prefixTerm(term: string, fields: readonly IndexField[], index: PostingsIndex): Uint32Array {
    const n = index.passages;
    const scores = new Float64Array(n);
    const lists: Uint32Array[] = [];
    for (const name of fields) {
      const field = index.fields[name];
      const [from, to] = prefixRange(field, term);
      for (let t = from; t < to; t++) {
        const { docs, tfs } = postingAt(field, t);
        const termIdf = idf(documentFrequency(field, t), n);
        const weight = FIELD_BOOSTS[name] * prefixWeight(term, field.terms[t]);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i];
          scores[doc] += weight * bm25(tfs[i], termIdf, field.lengths[doc], field.averageLength);
        }
        lists.push(docs);
      }
    }
    this.prefixed.push(scores);
    return union(lists, n);
  }

  /** True when a candidate must still be verified (an exact phrase, a scan). */
  get verifies(): boolean {
    return this.check !== undefined;
  }

  /** True when the passage is a candidate and passes verification. Ascending `p` across calls. */
  matches(p: number): boolean {
    if (this.member && this.member.seek(p) < 0) return false;
    if (!this.check || (this.vouched && this.vouched.seek(p) >= 0)) return true;
    return this.verifier.holds(this.check, p);
  }

  /** The passage's score. Ascending `p` across calls. */
  score(p: number): number {
    return this.dense ? this.dense[p] : this.combine(p, false);
  }

  /**
   * How many postings `densify` would read: the lists of its terms and of its `rank` terms (0 for scores
   * that need none, Infinity when the candidates are every passage).
   */
  get densePostings(): number {
    return this.candidates === null ? Number.POSITIVE_INFINITY : postingsOf(this.exact) + postingsOf(this.rank);
  }

  /**
   * Computes every candidate's score at once, term at a time (`dense-scores.ts`), the same floats `score`
   * gives passage by passage (0 where it is not a candidate); from then on `score` and `boundAt` read them.
   * With `at` (ascending positions among its candidates: the matches of a verified search), only those are
   * scored, each list searched for them rather than read whole. `release` gives the array back. Without
   * `at`, not for an alternative whose candidates are every passage (a scan, with its check):
   * `densePostings` is infinite for it, so the backend never asks.
   * @example alternative.densify(scratch)[p] === alternative.score(p) // true
   * @example alternative.densify(scratch, matches)[matches[0]] === alternative.score(matches[0]) // true
   */
  densify(scratch: DenseScratch, at?: Uint32Array): Float64Array {
    if (this.dense) return this.dense;
    const dense = scratch.take();
    this.dense = dense;
    const positions = at ?? this.candidates ?? EMPTY;
    this.written = positions;
    const { sums, counts } = scratch;
    if (this.constantScore) {
      for (let i = 0; i < positions.length; i++) dense[positions[i]] = 1;
    } else if (this.prefixed.length > 0) {
      for (let i = 0; i < positions.length; i++) {
        const p = positions[i];
        let score = 0;
        for (const scores of this.prefixed) score += scores[p];
        dense[p] = score * this.prefixed.length;
      }
    } else if (this.exact.length === 1) {
      // One term: its candidates are its postings, and its sum times a count of 1 is the sum itself.
      scratch.accumulate(this.exact, dense, at);
    } else {
      scratch.accumulate(this.exact, sums, at);
      for (let i = 0; i < positions.length; i++) dense[positions[i]] = sums[positions[i]] * counts[positions[i]];
      clear(scratch, this.exact, at);
    }
    if (this.rank.length > 0) {
      const { rank, rankWeight } = this;
      scratch.accumulate(rank, sums, at);
      for (let i = 0; i < positions.length; i++) {
        const p = positions[i];
        dense[p] += rankWeight * sums[p] * scratch.matched(rank, p);
      }
      clear(scratch, rank, at);
    }
    if (this.weight !== 1) for (let i = 0; i < positions.length; i++) dense[positions[i]] *= this.weight;
    return dense;
  }

  /**
   * Gives `densify`'s array back to `scratch` (cleared where it was written); the next `boundAt` computes
   * its bound afresh, from block maxima.
   */
  release(scratch: DenseScratch): void {
    if (!this.dense) return;
    scratch.give(this.dense, this.written);
    this.dense = null;
    this.boundEnd = -1;
  }

  /**
   * At least the score of every passage from `p` to `boundEnd` (never below it, rounding included), from
   * block maxima: no posting is searched, and the bound is recomputed only past `boundEnd`. Ascending `p`
   * across calls, independently of `score`.
   */
  boundAt(p: number): number {
    if (this.dense) {
      this.boundEnd = p;
      return this.dense[p];
    }
    if (p <= this.boundEnd) return this.boundValue;
    if (this.boundEnd < 0) this.prepareBounds();
    this.window.end = NO_END;
    this.boundValue = this.combine(p, true);
    // A prefix alternative's scores are per passage: its bound is its score, for this passage alone.
    this.boundEnd = this.prefixed.length > 0 ? p : this.window.end;
    return this.boundValue;
  }

  /**
   * Gives each source its block cursor, by its blocks, or by looking passages up when it holds under a
   * quarter as many passages as the candidates (its blocks would span many passages without it, as a term
   * in headings does). Only searches that fill their page ask for bounds.
   */
  private prepareBounds(): void {
    const matches = this.candidates ? this.candidates.length : Number.MAX_SAFE_INTEGER;
    for (const terms of [this.exact, this.rank]) {
      for (const sources of terms) {
        for (const s of sources) s.blocks = new BlockCursor(s, this.maxima.of(s.field, s.term, s.docs, s.tfs), s.docs.length * 4 < matches);
      }
    }
  }

  /** The score's formula, over exact term scores or (`bound`) their bounds. */
  private combine(p: number, bound: boolean): number {
    let score: number;
    if (this.constantScore) score = 1;
    else if (this.prefixed.length > 0) {
      score = 0;
      for (const scores of this.prefixed) score += scores[p];
      score *= this.prefixed.length;
    } else {
      const { sum, matched } = sumTerms(this.exact, p, bound ? this.window : null);
      score = sum * matched;
    }
    if (this.rank.length > 0) {
      const { sum, matched } = sumTerms(this.rank, p, bound ? this.window : null);
      score += this.rankWeight * sum * matched;
    }
    return score * this.weight;
  }
}

/** Zeroes the scratch's sums and counts where `accumulate(terms, …, at)` wrote. */
function clear(scratch: DenseScratch, terms: TermSources, at: Uint32Array | undefined): void {
  if (at) scratch.clearAt(at);
  else scratch.clear(terms);
}

/**
 * Fills `matched` with each group's alternatives that match `p`; false when a group has none.
 * @example matchesAll(p, groups, groups.map(() => [])) // true when every group has an alternative at p
 */
export function matchesAll(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): boolean {
  for (let g = 0; g < groups.length; g++) if (matchesOf(p, groups[g], matched[g]) === 0) return false;
  return true;
}

/**
 * Fills `matched` with each group's alternatives that match `p`; returns how many groups had one.
 * @example matchesSome(p, soft, soft.map(() => [])) // 2 when two of the soft groups have an alternative at p
 */
export function matchesSome(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): number {
  let count = 0;
  for (let g = 0; g < groups.length; g++) if (matchesOf(p, groups[g], matched[g]) > 0) count++;
  return count;
}

/**
 * Writes the alternatives that match `p` to `out` (its length set only when it changes: a passage like the
 * one before it rewrites nothing) and returns how many.
 */
function matchesOf(p: number, alternatives: readonly PreparedAlternative[], out: PreparedAlternative[]): number {
  let n = 0;
  for (let i = 0; i < alternatives.length; i++) {
    const a = alternatives[i];
    if (!a.matches(p)) continue;
    if (out[n] !== a) out[n] = a;
    n++;
  }
  if (out.length !== n) out.length = n;
  return n;
}

/** A look-up made a score source of one search, its cursors new (the same fields, in the same order, for every source). */
function scoreSource(l: TermLookup): ScoreSource {
  return { docs: l.docs, tfs: l.tfs, field: l.field, term: l.term, cursor: new GallopCursor(l.docs), blocks: null, idf: l.idf, weight: l.weight };
}

/** A sum of term scores over a passage, and how many terms contributed. */
interface TermScore {
  sum: number;
  matched: number;
}

/** The passages a bound holds for: up to `end`, narrowed by each block read. */
interface Window {
  end: number;
}

/**
 * Sum of BM25+ over the terms' sources holding passage `p`, and how many terms matched it, from each
 * source's factor (`bm25` at idf 1; 0 when absent): exact (its cursor finds `p` in its postings), or with a
 * `window` its block maximum, narrowing the window to where the blocks read hold. `weight × (idf × factor)`
 * is the very product `weight × bm25(…, idf, …)` computes, so exact factors give exact scores, and factors
 * at least as large (block maxima) give sums at least as large, rounding included. It runs for every match:
 * the factor is read inline, not through a function per source.
 */
function sumTerms(terms: TermSources, p: number, window: Window | null): TermScore {
  let sum = 0;
  let matched = 0;
  for (let t = 0; t < terms.length; t++) {
    const sources = terms[t];
    let hit = false;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      let factor = 0;
      if (window) {
        const blocks = s.blocks as BlockCursor;
        factor = blocks.at(p);
        if (blocks.end < window.end) window.end = blocks.end;
      } else {
        const at = s.cursor.seek(p);
        if (at >= 0) factor = bm25(s.tfs[at], 1, s.field.lengths[p], s.field.averageLength);
      }
      if (factor === 0) continue;
      sum += s.weight * (s.idf * factor);
      hit = true;
    }
    if (hit) matched++;
  }
  return { sum, matched };
}
