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
 * A query with nothing to verify (a filter allowed) has its candidates for matches: a long list of them is
 * counted once and kept with its facets (`broad-lists.ts`), and a broad one is ranked from its alternatives'
 * kept best or term at a time (`broad-ranking.ts`) rather than passage by passage.
 *
 * Scores follow MiniSearch's (BM25+, field boosts, prefix weights, × number of query terms matched), the
 * ranking the engine had when MiniSearch held the index.
 */
import { coordination, type Alternative, type BackendNode, type BackendQuery, type BackendResult, type IndexField, type PassageFacts, type SearchBackend, type Verifier } from './backend.js';
import { BlockMaximaCache } from './block-max.js';
import { BROAD_FROM, BroadLists } from './broad-lists.js';
import { atMost, BroadRanking, candidatesKey, unchangingGroups, type BroadOptions } from './broad-ranking.js';
import { KeptKeys } from './kept-keys.js';
import type { PostingsIndex } from './postings-file.js';
import { FacetTable, passing, type Keep } from './facet-table.js';
import { matchesAll, matchesSome, PreparedAlternative } from './prepared-alternative.js';
import { RankedPage } from './ranked-page.js';
import { firstAbove, intersectAll, union } from './sorted-ids.js';
import { KeptLookups } from './term-lookups.js';
import { completeFromVocabulary, vocabularyOf, type Vocabulary } from './vocabulary.js';

const EMPTY = new Uint32Array(0);
/**
 * A verified query of one alternative a group is scored after its walk (`scoreMatches`) from this many
 * candidates on; below, a search's fixed cost of it is more than it saves.
 */
const SCORED_LATER_FROM = 64;

/**
 * How a search picks its page: by bounds, scoring only what can still enter (default), or by scoring every
 * match (`exhaustive`, the reference the other ways are tested against); when broad queries take their own
 * paths (`broad-ranking.ts`; `broadFrom` also sets the shortest list of matches kept with its facets).
 */
export type PostingsSearchOptions = BroadOptions & {
  /** A verified query of one alternative a group is scored after its walk from this many candidates on (default SCORED_LATER_FROM). */
  scoredLaterFrom?: number;
};

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
  /** The term look-ups of the alternatives of kept (frozen) plans, by alternative object (`term-lookups.ts`). */
  private readonly lookups: KeptLookups;
  private readonly broad: BroadLists;
  /** The candidates' keys of kept plans' groups (`candidatesKey`), by groups object. */
  private readonly candidateKeys = new KeptKeys<readonly Alternative[][]>(candidatesKey, unchangingGroups);
  private readonly ranking: BroadRanking;
  /** An alternative with this many candidates makes a query broad (`options.broadFrom`, default BROAD_FROM). */
  private readonly broadFrom: number;
  /** Where a verified search writes its matches (made on the first one, as long as the passages). */
  private matchIds: Uint32Array | null = null;
  /** The arrays a verified search scores its matches in (`scoreMatches`; made on the first one). */

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
    this.lookups = new KeptLookups(index);
    this.passages = facts.length;
    this.broadFrom = options.broadFrom ?? BROAD_FROM;
    this.broad = new BroadLists(this.broadFrom);
    this.ranking = new BroadRanking(this.passages, (p) => this.facts.prior(p), { ...options, broadFrom: this.broadFrom });
  }

  size(): number {
    return this.passages;
  }

  search(query: BackendQuery): BackendResult {
    const prepare = (group: Alternative[]): PreparedAlternative[] => group.map((a) => new PreparedAlternative(a, this.index, this.maxima, this.verifier, this.lookups.of(a)));
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
    const mayBeBroad = unverified && !this.options.exhaustive && atMost(groups) >= this.broadFrom;
    const key = mayBeBroad ? this.candidateKeys.of(query.groups) + (keep ? JSON.stringify(query.filters) : '') : null;
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
      if (matchesAll(p, groups, matched)) page.offer(p, matched, 1, this.facts.prior(p));
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
    const heads = this.ranking.heads(query, groups, keep);
    if (heads) this.pickUnverified(heads, groups, matched, page);
    else if (this.ranking.worthDense(matches.length, groups)) this.ranking.pickDense(matches, groups, matched, page);
    else this.pickUnverified(matches, groups, matched, page);
  }

  /**
   * Verifies every candidate (null: every passage), returns the matches (ascending) and offers the page
   * those whose bound can still enter. The matches are a view of the backend's kept array: read them before
   * the next search.
   */
  private pickVerified(candidates: Uint32Array | null, query: PreparedQuery, matched: PreparedAlternative[][], page: RankedPage): Uint32Array {
    const { groups, soft, minimum, exclude, keep } = query;
    // The matches are written to one array kept for the backend's life (its passages at most), not grown per query.
    this.matchIds ??= new Uint32Array(this.passages);
    const ids = this.matchIds;
    let found = 0;
    const matchedSoft: PreparedAlternative[][] = soft.map(() => []);
    const scoring = soft.length === 0 ? matched : [...matched, ...matchedSoft];
    const count = candidates ? candidates.length : this.passages;
    // A query of one alternative a group has the same alternatives at every match: its matches are scored
    // after the walk, term at a time (`scoreMatches`), instead of one by one as they are found.
    const later = page.wanted && count >= (this.options.scoredLaterFrom ?? SCORED_LATER_FROM) && !this.options.exhaustive && soft.length === 0 && groups.every((g) => g.length === 1);
    const wanted = page.wanted && !later;
    for (let i = 0; i < count; i++) {
      const p = candidates ? candidates[i] : i;
      if (keep && !keep(p)) continue;
      if (!matchesAll(p, groups, matched)) continue;
      const softMatched = soft.length === 0 ? 0 : matchesSome(p, soft, matchedSoft);
      if (softMatched < minimum || excluded(p, exclude)) continue;
      ids[found++] = p;
      if (wanted) page.offer(p, scoring, coordination(softMatched, soft.length), this.facts.prior(p));
    }
    const matches = ids.subarray(0, found);
    if (later) this.scoreMatches(matches, groups, page);
    return matches;
  }

  /**
   * Offers the page every match of a query whose groups have one alternative each (so each of them matches
   * every match), scored first term at a time over the matches alone (`densify` at them): a phrase's few
   * hundred matches cost a search of each list for them, not a call chain per match and list. The scores are
   * the floats passage-by-passage scoring gives, and `offer` reads them as exact scores and as bounds.
   */
  private scoreMatches(matches: Uint32Array, groups: PreparedAlternative[][], page: RankedPage): void {
    const scratch = this.ranking.scratch();
    try {
      for (let g = 0; g < groups.length; g++) groups[g][0].densify(scratch, matches);
      for (let i = 0; i < matches.length; i++) page.offer(matches[i], groups, 1, this.facts.prior(matches[i]));
    } finally {
      for (let g = 0; g < groups.length; g++) groups[g][0].release(scratch);
    }
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
}

/** True when `p` matches one of the excluded alternatives. */
function excluded(p: number, exclude: readonly PreparedAlternative[]): boolean {
  for (let i = 0; i < exclude.length; i++) if (exclude[i].matches(p)) return true;
  return false;
}
