/**
 * The embedded backend over flat postings (`postings.ts`): the set algebra of the query plan (AND of
 * OR-groups, exclusions, filters) done on sorted passage lists, rarest term first; then, passage by passage
 * in ascending order, verification (exact phrases), exclusions, and only then scoring — so a passage that
 * fails verification is never scored. Exact totals and facets count every survivor. Scoring is pruned as
 * in Lucene's and tantivy's top-k scorers (block-max): once the page's heap is full, a survivor is scored
 * only when an upper bound on its score (block maxima of its terms, the most the bonus can add, its own
 * kind weight and coordination) beats the worst score kept; ties go to the lower position, so the page is
 * the one scoring everything would give (`exhaustive` does, for tests).
 *
 * Scores follow MiniSearch's (BM25+, field boosts, prefix weights, × number of query terms matched), the
 * ranking the engine had when MiniSearch held the index.
 */
import { coordination, type Alternative, type BackendNode, type BackendQuery, type BackendResult, type IndexField, type PassageFacts, type SearchBackend, type Verifier } from './backend.js';
import { BlockMaximaCache } from './block-max.js';
import { BROAD_FROM, BroadLists } from './broad-lists.js';
import { DenseScratch } from './dense-scores.js';
import type { PostingsIndex } from './postings-file.js';
import { FacetTable } from './facet-table.js';
import { bestOf, ImpactTops, TOP_DEPTH, topKey } from './impact-tops.js';
import { PreparedAlternative } from './prepared-alternative.js';
import { RankedPage } from './ranked-page.js';
import { firstAbove, intersectAll, union } from './sorted-ids.js';
import { completeFromVocabulary, vocabularyOf, type Vocabulary } from './vocabulary.js';

const EMPTY = new Uint32Array(0);

/**
 * Scores are computed term at a time (`dense-scores.ts`) when a query matches at least this many passages
 * and its posting lists hold at most DENSE_POSTINGS times as many postings as it has matches.
 */
const DENSE_FROM = 1024;
const DENSE_POSTINGS = 4;

/** How a search picks its page: by bounds, scoring only what can still enter (default), or by scoring every match. */
export interface PostingsSearchOptions {
  /** Score every verified match and rank them all (the reference the pruned search is tested against). */
  exhaustive?: boolean;
  /** Score term at a time from this many matches on (default DENSE_FROM; Infinity: never). */
  denseFrom?: number;
  /** Keep the candidates and facets of plain queries from this many matches on (default BROAD_FROM). */
  broadFrom?: number;
}

/** A query's groups, made ready, and the filter on passages. */
interface PreparedQuery {
  groups: PreparedAlternative[][];
  soft: PreparedAlternative[][];
  minimum: number;
  exclude: PreparedAlternative[];
  keep: Keep;
}

export class PostingsBackend implements SearchBackend {
  readonly name = 'postings';
  readonly stable = true;
  private vocabulary: Vocabulary | null = null;
  private readonly facts: FacetTable;
  private readonly passages: number;
  private readonly maxima = new BlockMaximaCache((p) => this.facts.prior(p));
  private scratch: DenseScratch | null = null;
  private readonly broad: BroadLists;
  private readonly tops = new ImpactTops();

  /**
   * `verifier` decides the queries' checks and adjacency over the passages' match keys (`checks.ts`).
   * @example new PostingsBackend(index, facts, verifierOver(new PassageKeys(passages, index.keys)))
   */
  constructor(
    private readonly index: PostingsIndex,
    facts: readonly PassageFacts[],
    private readonly verifier: Verifier,
    private readonly options: PostingsSearchOptions = {},
  ) {
    this.facts = new FacetTable(facts);
    this.passages = facts.length;
    this.broad = new BroadLists(options.broadFrom);
  }

  size(): number {
    return this.passages;
  }

  search(query: BackendQuery): BackendResult {
    const prepare = (group: Alternative[]): PreparedAlternative[] => group.map((a) => new PreparedAlternative(a, this.index, this.maxima, this.verifier));
    const groups = query.groups.map(prepare);
    const soft = (query.soft?.groups ?? []).map(prepare);
    const minimum = soft.length === 0 ? 0 : Math.min(soft.length, Math.max(1, query.soft?.minimum ?? soft.length));
    const exclude = prepare(query.exclude);
    const result: BackendResult = { total: 0, hits: [], facets: { doc: {}, year: {}, kind: {} } };
    if (groups.length === 0 && soft.length === 0) return result;

    const page = new RankedPage(query, this.options.exhaustive ?? false, this.verifier);
    const matched: PreparedAlternative[][] = groups.map(() => []);
    const keep = this.facts.filter(query.filters);
    const unverified = exclude.length === 0 && soft.length === 0 && groups.every((g) => g.every((a) => !a.verifies));
    // Without anything to verify, the matches are the candidates that pass the filters, and a long list of
    // them is counted once (`broad-lists.ts`).
    const mayBeBroad = unverified && !this.options.exhaustive && atMost(groups) >= (this.options.broadFrom ?? BROAD_FROM);
    const key = mayBeBroad ? candidatesKey(query.groups) + (keep ? JSON.stringify(query.filters) : '') : null;
    const broad = key === null ? null : this.broad.get(key);
    const candidates = broad ? null : this.candidatesOf(groups, soft, minimum);
    const matches = broad ? broad.candidates : unverified && candidates ? passing(candidates, keep) : null;
    if (matches) {
      result.total = matches.length;
      result.facets = broad?.facets ?? this.counted(key, matches);
      if (page.wanted) this.pickMatches(query, matches, groups, keep, matched, page);
    } else {
      const ids = this.pickVerified(candidates, { groups, soft, minimum, exclude, keep }, matched, page);
      result.total = ids.length;
      result.facets = this.facts.count(ids);
    }
    result.hits = page.hits();
    return result;
  }

  /**
   * Offers the page the candidates, all of them matches: a window of candidates whose bound cannot enter
   * (at the largest prior of the window) is skipped at once.
   */
  private pickUnverified(candidates: Uint32Array, groups: PreparedAlternative[][], matched: PreparedAlternative[][], page: RankedPage): void {
    const priorIn = (from: number, to: number): number => this.facts.maxPriorIn(from, to);
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i];
      if (!page.mayEnter(p, groups, 1, priorIn)) {
        i = firstAbove(candidates, i, page.windowEnd) - 1;
        continue;
      }
      if (this.matchesAll(p, groups, matched)) page.offer(p, matched, 1, this.facts.prior(p));
    }
  }

  /**
   * Candidates by the index alone: in every required group, and in enough soft groups, through any of a
   * group's alternatives (null: every passage).
   */
  private candidatesOf(groups: PreparedAlternative[][], soft: PreparedAlternative[][], minimum: number): Uint32Array | null {
    const groupCandidates = (g: PreparedAlternative[]): Uint32Array | null =>
      g.some((a) => a.candidates === null) ? null : union(g.map((a) => a.candidates ?? EMPTY), this.passages);
    const perGroup = groups.map(groupCandidates);
    if (soft.length > 0) perGroup.push(this.atLeast(soft.map(groupCandidates), minimum));
    return intersectAll(perGroup);
  }

  /** The facets of a plain query's candidates, kept under `key` when the list is long. */
  private counted(key: string | null, candidates: Uint32Array): BackendResult['facets'] {
    const facets = this.facts.count(candidates);
    return key === null ? facets : this.broad.keep(key, candidates, facets);
  }

  /**
   * Offers the page the matches of a query with nothing to verify (`matches`: its candidates that pass `keep`):
   * from its alternatives' kept best when that applies, else all of them, term at a time or by bounds.
   */
  private pickMatches(query: BackendQuery, matches: Uint32Array, groups: PreparedAlternative[][], keep: Keep, matched: PreparedAlternative[][], page: RankedPage): void {
    const heads = this.fromTops(query, groups, keep);
    if (heads) this.pickUnverified(heads, groups, matched, page);
    else if (this.worthDense(matches.length, groups)) this.pickDense(matches, groups, matched, page);
    else this.pickUnverified(matches, groups, matched, page);
  }

  /**
   * For a query of one group with nothing to verify and no adjacency bonus, whose page is at most TOP_DEPTH
   * deep and one of whose alternatives is broad: the passages its page is among (`impact-tops.ts`), ascending
   * and passing `keep`: the first of each alternative's kept best that pass it (all of the candidates of one
   * that has no more than the page). Null when that does not apply, or when the filter leaves fewer than the
   * page among an alternative's kept best.
   */
  private fromTops(query: BackendQuery, groups: PreparedAlternative[][], keep: Keep): Uint32Array | null {
    const depth = query.offset + query.limit;
    const broadFrom = this.options.broadFrom ?? BROAD_FROM;
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
      const top = this.tops.of(topKey(query.groups[0][i]), () => this.bestOf(a, candidates));
      const head = firstPassing(top, depth, keep);
      // Fewer than the page pass among the kept best, and more candidates lie beyond them: undecided.
      if (head.length < depth && top.length < candidates.length) return null;
      lists.push(head.sort());
    }
    return passing(union(lists, this.passages), keep);
  }

  /** The TOP_DEPTH best candidates of one alternative, scored term at a time. */
  private bestOf(a: PreparedAlternative, candidates: Uint32Array): Uint32Array {
    this.scratch ??= new DenseScratch(this.passages);
    try {
      return bestOf(a.densify(this.scratch), candidates, (p) => this.facts.prior(p), TOP_DEPTH);
    } finally {
      a.release(this.scratch);
    }
  }

  /** True when scoring the alternatives term at a time reads fewer postings than seeking them would cost. */
  private worthDense(matches: number, groups: PreparedAlternative[][]): boolean {
    if (this.options.exhaustive || matches < (this.options.denseFrom ?? DENSE_FROM)) return false;
    let postings = 0;
    for (const group of groups) for (const a of group) postings += a.densePostings;
    return postings <= DENSE_POSTINGS * matches;
  }

  /**
   * Offers the page the candidates, all of them matches, with every score computed term at a time first: a
   * candidate is looked at further only when its exact score can enter.
   */
  private pickDense(candidates: Uint32Array, groups: PreparedAlternative[][], matched: PreparedAlternative[][], page: RankedPage): void {
    this.scratch ??= new DenseScratch(this.passages);
    const scratch = this.scratch;
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
        const prior = this.facts.prior(p);
        if (page.mayTake(score, prior) && this.matchesAll(p, groups, matched)) page.offer(p, matched, 1, prior);
      }
    } finally {
      for (const group of groups) for (const a of group) a.release(scratch);
    }
  }

  /**
   * Verifies every candidate (null: every passage), returns the matches (ascending) and offers the page
   * those whose bound can still enter.
   */
  private pickVerified(candidates: Uint32Array | null, query: PreparedQuery, matched: PreparedAlternative[][], page: RankedPage): number[] {
    const { groups, soft, minimum, exclude, keep } = query;
    const ids: number[] = [];
    const matchedSoft: PreparedAlternative[][] = soft.map(() => []);
    const scoring = [...matched, ...matchedSoft];
    const count = candidates ? candidates.length : this.passages;
    for (let i = 0; i < count; i++) {
      const p = candidates ? candidates[i] : i;
      if (keep && !keep(p)) continue;
      if (!this.matchesAll(p, groups, matched)) continue;
      const softMatched = soft.length === 0 ? 0 : this.matchesSome(p, soft, matchedSoft);
      if (softMatched < minimum) continue;
      if (exclude.some((x) => x.matches(p))) continue;
      ids.push(p);
      if (!page.wanted) continue;
      page.offer(p, scoring, coordination(softMatched, soft.length), this.facts.prior(p));
    }
    return ids;
  }

  /** Passages in at least `minimum` of the lists (null = every passage), ascending; null when that may be every one. */
  private atLeast(lists: Array<Uint32Array | null>, minimum: number): Uint32Array | null {
    if (lists.some((l) => l === null)) return null;
    const present = lists as Uint32Array[];
    if (minimum <= 1) return union(present, this.passages);
    const counts = new Uint16Array(this.passages);
    const out: number[] = [];
    for (const list of present) {
      for (let i = 0; i < list.length; i++) if (++counts[list[i]] === minimum) out.push(list[i]);
    }
    return Uint32Array.from(out).sort();
  }

  completions(field: IndexField, prefix: string, limit: number): Array<{ term: string; count: number }> {
    if (field !== 'words') return [];
    return completeFromVocabulary(this.words(), prefix, limit);
  }

  /** Every term of the `words` field with its passage count, sorted by term (for "did you mean"). */
  words(): Vocabulary {
    this.vocabulary ??= vocabularyOf(this.index.fields.words);
    return this.vocabulary;
  }

  nodes(): BackendNode[] {
    return [{ name: 'embedded', role: 'in-process postings index', state: 'up' }];
  }

  close(): void {
    // Nothing to release: the index lives in this process's memory.
  }

  /** Fills `matched` with each group's alternatives that match `p`; returns how many groups had one. */
  private matchesSome(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): number {
    let count = 0;
    for (let g = 0; g < groups.length; g++) {
      const out = matched[g];
      out.length = 0;
      for (const a of groups[g]) if (a.matches(p)) out.push(a);
      if (out.length > 0) count++;
    }
    return count;
  }

  /** Fills `matched` with each group's alternatives that match `p`; false when a group has none. */
  private matchesAll(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): boolean {
    for (let g = 0; g < groups.length; g++) {
      const out = matched[g];
      out.length = 0;
      for (const a of groups[g]) if (a.matches(p)) out.push(a);
      if (out.length === 0) return false;
    }
    return true;
  }
}

/** The filters' test on a passage, or null when there are none. */
type Keep = ((p: number) => boolean) | null;

/**
 * The positions of `ids` that pass `keep` (`ids` itself when there is no filter).
 * @example passing(Uint32Array.of(1, 2, 3), (p) => p !== 2) // Uint32Array [1, 3]
 */
function passing(ids: Uint32Array, keep: Keep): Uint32Array {
  if (!keep) return ids;
  const out = new Uint32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (keep(ids[i])) out[n++] = ids[i];
  return out.subarray(0, n);
}

/**
 * The most candidates the groups can have: the smallest group's candidates summed over its alternatives.
 * @example atMost([[a, b]]) // a.candidates.length + b.candidates.length
 */
function atMost(groups: readonly PreparedAlternative[][]): number {
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
 * What decides a plain query's candidates: each group's alternatives' kind, prefix flag, fields and terms
 * (not their labels, weights or rank terms, which only score).
 * @example candidatesKey([[{ kind: 'tokens', fields: ['bigrams'], terms: ['发展'] }]]) // '[[["tokens",false,["bigrams"],["发展"]]]]'
 */
export function candidatesKey(groups: readonly Alternative[][]): string {
  return JSON.stringify(groups.map((g) => g.map((a) => [a.kind, a.prefix ?? false, a.fields, a.terms])));
}
