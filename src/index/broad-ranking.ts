/**
 * How the postings backend ranks the matches of a query with nothing to verify (no phrase, exclusion or
 * soft group; a filter allowed) when they are many: from its alternatives' kept best (`impact-tops.ts`) when
 * the query is one group without an adjacency bonus and its page is at most TOP_DEPTH deep, else with every
 * score computed term at a time (`dense-scores.ts`) when that reads fewer postings than seeking them. Both
 * give the page scoring every match would (the property tests hold them to the exhaustive search).
 */
import type { Alternative, BackendQuery } from './backend.js';
import { DenseScratch } from './dense-scores.js';
import { passing, type Keep } from './facet-table.js';
import { bestOf, ImpactTops, TOP_DEPTH, topKey } from './impact-tops.js';
import { KeptKeys } from './kept-keys.js';
import { matchesAll, type PreparedAlternative } from './prepared-alternative.js';
import type { RankedPage } from './ranked-page.js';
import { union } from './sorted-ids.js';
import { unchanging } from './term-lookups.js';

const EMPTY = new Uint32Array(0);

/**
 * Scores are computed term at a time when a query matches at least DENSE_FROM passages and its posting
 * lists hold at most DENSE_POSTINGS times as many postings as it has matches.
 */
const DENSE_FROM = 1024;
const DENSE_POSTINGS = 4;

/** When the broad paths apply (tests lower them to reach the bundled corpus). */
export interface BroadOptions {
  /** Never: the reference search scores every match. */
  exhaustive?: boolean;
  /** Score term at a time from this many matches on (default DENSE_FROM; Infinity: never). */
  denseFrom?: number;
  /** An alternative with this many candidates makes a query broad (default BROAD_FROM). */
  broadFrom?: number;
}

export class BroadRanking {
  private dense: DenseScratch | null = null;
  private readonly tops = new ImpactTops();
  private readonly topKeys = new KeptKeys<Alternative>(topKey, unchanging);

  /**
   * `passages`: the corpus's size; `prior`: each passage's static factor (at most 1); `options.broadFrom`
   * already resolved (the backend's, also its kept lists').
   * @example new BroadRanking(table.length, (p) => table.prior(p), { broadFrom: BROAD_FROM })
   */
  constructor(
    private readonly passages: number,
    private readonly prior: (p: number) => number,
    private readonly options: BroadOptions & { broadFrom: number },
  ) {}

  /** The term-at-a-time scratch of the corpus's size, made on first use and shared by every dense path of the backend. */
  scratch(): DenseScratch {
    return (this.dense ??= new DenseScratch(this.passages));
  }

  /**
   * For a query of one group with nothing to verify and no adjacency bonus, whose page is at most TOP_DEPTH
   * deep and one of whose alternatives is broad: the passages its page is among, ascending and passing
   * `keep`: the first of each alternative's kept best that pass it (all of the candidates of one that has no
   * more than the page). Null when that does not apply, or when the filter leaves fewer than the page among
   * an alternative's kept best.
   * @example ranking.heads(query, groups, null) // 19 passages for 发展 at the real scale
   */
  heads(query: BackendQuery, groups: PreparedAlternative[][], keep: Keep): Uint32Array | null {
    const depth = query.offset + query.limit;
    const { broadFrom } = this.options;
    if (this.options.exhaustive || groups.length !== 1 || (query.adjacency ?? []).length > 0 || depth > TOP_DEPTH) return null;
    const group = groups[0];
    if (!group.some((a) => (a.candidates?.length ?? 0) >= broadFrom)) return null;
    const lists: Uint32Array[] = [];
    for (const [i, a] of group.entries()) {
      const candidates = a.candidates ?? EMPTY;
      if (candidates.length <= depth) {
        lists.push(candidates);
        continue;
      }
      const top = this.tops.of(this.topKeys.of(query.groups[0][i]), () => this.bestOf(a, candidates));
      const head = firstPassing(top, depth, keep);
      // Fewer than the page pass among the kept best, and more candidates lie beyond them: undecided.
      if (head.length < depth && top.length < candidates.length) return null;
      lists.push(head.sort());
    }
    return passing(union(lists, this.passages), keep);
  }

  /**
   * True when scoring the alternatives term at a time reads fewer postings than seeking them would cost.
   * @example ranking.worthDense(7746, groups) // true for 发展 at the real scale
   */
  worthDense(matches: number, groups: PreparedAlternative[][]): boolean {
    if (this.options.exhaustive || matches < (this.options.denseFrom ?? DENSE_FROM)) return false;
    let postings = 0;
    for (const group of groups) for (const a of group) postings += a.densePostings;
    return postings <= DENSE_POSTINGS * matches;
  }

  /**
   * Offers the page the candidates, all of them matches, with every score computed term at a time first: a
   * candidate is looked at further only when its exact score can enter.
   * @example ranking.pickDense(matches, groups, groups.map(() => []), page)
   */
  pickDense(candidates: Uint32Array, groups: PreparedAlternative[][], matched: PreparedAlternative[][], page: RankedPage): void {
    const scratch = this.scratch();
    const scores = groups.map((group) => group.map((a) => a.densify(scratch)));
    try {
      for (let i = 0; i < candidates.length; i++) {
        const p = candidates[i];
        let score = 0;
        for (let g = 0; g < scores.length; g++) {
          const group = scores[g];
          let best = 0;
          for (let a = 0; a < group.length; a++) if (group[a][p] > best) best = group[a][p];
          score += best;
        }
        // A prior is at most 1: a score that cannot enter without it is not looked up.
        if (!page.mayTake(score, 1)) continue;
        const prior = this.prior(p);
        if (page.mayTake(score, prior) && matchesAll(p, groups, matched)) page.offer(p, matched, 1, prior);
      }
    } finally {
      for (const group of groups) for (const a of group) a.release(scratch);
    }
  }

  /** The TOP_DEPTH best candidates of one alternative, scored term at a time. */
  private bestOf(a: PreparedAlternative, candidates: Uint32Array): Uint32Array {
    const scratch = this.scratch();
    try {
      return bestOf(a.densify(scratch), candidates, this.prior, TOP_DEPTH);
    } finally {
      a.release(scratch);
    }
  }
}

/**
 * The most candidates the groups can have: the smallest group's candidates summed over its alternatives.
 * @example atMost([[a, b]]) // a.candidates.length + b.candidates.length
 */
export function atMost(groups: readonly PreparedAlternative[][]): number {
  let least = Number.POSITIVE_INFINITY;
  for (const group of groups) {
    let sum = 0;
    for (const a of group) sum += a.candidates?.length ?? Number.POSITIVE_INFINITY;
    least = Math.min(least, sum);
  }
  return least;
}

/**
 * The first `depth` positions of `ranked` that pass `keep` (all pass when it is null), in rank order, copied.
 * @example firstPassing(Uint32Array.of(5, 2, 9), 2, (p) => p > 2) // Uint32Array [5, 9]
 */
function firstPassing(ranked: Uint32Array, depth: number, keep: Keep): Uint32Array {
  if (!keep) return ranked.slice(0, depth);
  const out: number[] = [];
  for (let i = 0; i < ranked.length && out.length < depth; i++) if (keep(ranked[i])) out.push(ranked[i]);
  return Uint32Array.from(out);
}

/**
 * What decides the candidates of a query with nothing to verify: each group's alternatives' kind, prefix
 * flag, fields and terms (not their labels, weights or rank terms, which only score).
 * @example candidatesKey([[{ kind: 'tokens', fields: ['bigrams'], terms: ['发展'] }]]) // '[[["tokens",false,["bigrams"],["发展"]]]]'
 */
export function candidatesKey(groups: readonly Alternative[][]): string {
  return JSON.stringify(groups.map((g) => g.map((a) => [a.kind, a.prefix ?? false, a.fields, a.terms])));
}

/**
 * True when nothing `candidatesKey` reads from the groups can change (a kept plan's, frozen throughout).
 * @example unchangingGroups(Object.freeze([Object.freeze([frozenAlternative])])) // true
 */
export function unchangingGroups(groups: readonly Alternative[][]): boolean {
  return Object.isFrozen(groups) && groups.every((g) => Object.isFrozen(g) && g.every(unchanging));
}
