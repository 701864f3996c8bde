/**
 * A search's page without every match travelling to Node, where the plan allows (Fagin's threshold
 * algorithm over Sphinx's ranked lists, with block-max's rule that pruning never changes the page):
 *
 * 1. Each alternative's fetch asks for its best rows only, ranked in Sphinx by weight × prior; the match
 *    set is counted, with its facets, by the shards (one GROUP BY); the adjacency bonus's holders are fetched
 *    whole (ids only, as the exhaustive run does). The count only when a list was cut.
 * 2. The passages seen are scored exactly, by the exhaustive run itself (`runQuery`) over a match source
 *    that answers only for them (the weights a list did not bring are read by id).
 * 3. A passage not seen is in no list's best rows and holds no adjacent pair: its score is at most the sum
 *    over groups of the lowest key of their lists (a list that brought every match it has rules it out),
 *    plus rounding and Sphinx's float arithmetic. When the k-th best seen passage scores above that, the page is the exhaustive one;
 *    otherwise the lists go deeper.
 *
 * Where the plan needs Node to decide matches (a verifier: a phrase across punctuation or an English
 * phrase, a scan, a phrase exclusion, soft groups of an English query, a bonus without its phrases) this
 * gives no answer and the exhaustive run (`plan-run.ts`) does the work.
 */
import type { Adjacency, Alternative, BackendQuery, BackendResult } from '../backend.js';
import { alternativeExpression, combine, coreOf, groupSuperset, isExactExclusion, checkOf, type Core } from './match-expression.js';
import { runQuery, type MatchSource, type PassageTable } from './plan-run.js';
import type { FacetNames, RankedFetcher, TopRows } from './ranked-fetch.js';
import { attributeFilter } from './rows.js';

/**
 * Rows a list brings at first: enough that a list of up to a thousand matches comes whole (then no count and
 * no second round trip: as cheap as the exhaustive run), few enough to travel in a few milliseconds.
 */
const FIRST_ROWS = 1000;
/** Pages deeper than this are ranked exhaustively: the lists would bring most matches anyway. */
const MAX_PRUNED_K = 1000;
/** The adjacency bonus's holders are fetched whole up to this many; more, and the run is exhaustive. */
const MAX_HOLDERS = 2000;
/** Sphinx computes the sort key in single precision (the prior alone is off by up to 3e-6): a margin far above that. */
const KEY_MARGIN = 1 + 1e-4;
/** Scores are rounded to thousandths: an unseen passage may round up by this much. */
const ROUNDING = 0.0005 + 1e-9;
/** Sphinx weights are scaled by this in the scores (`plan-run.ts`). */
const WEIGHT_SCALE = 1000;

/** One alternative's ranked fetch. */
interface ListPlan {
  group: number;
  match: string;
  factor: number;
}

/** What the pruned run needs besides the query: the passages in Node, the statements, the facet names. */
export interface TopKContext {
  table: PassageTable;
  fetcher: RankedFetcher;
  /** The exhaustive fetches (for what the lists did not bring: used by id only). */
  source: MatchSource;
  names: FacetNames;
  /** Rows each list brings first (default: 4 × the page's end, at least FIRST_ROWS); deeper only when needed. */
  firstRows?: number;
  /** Prune every prunable plan, also those `worthPruning` leaves to the exhaustive run (tests). */
  always?: boolean;
}

const isWhole = (top: TopRows | undefined): boolean => top !== undefined && top.rows.length >= top.found;
const expressionText = (core: Core): string => `(${core.kind === 'expr' ? core.text : ''})`;
const keyOf = (match: string, conditions: readonly string[]): string => `${match}\0${conditions.join(',')}`;

/**
 * True when Sphinx's lists decide the plan: no soft groups, every alternative an index expression decided
 * by the index, exclusions exact, a bonus only as adjacency pairs with their phrase; and a page of at most
 * MAX_PRUNED_K.
 * @example prunable({ groups: [[{ kind: 'tokens', fields: ['bigrams'], terms: ['西藏'] }]], exclude: [], filters: {}, offset: 0, limit: 10 }) // true
 */
export function prunable(query: BackendQuery): boolean {
  if ((query.soft?.groups.length ?? 0) > 0 || query.groups.length === 0) return false;
  if (query.offset + query.limit > MAX_PRUNED_K) return false;
  if ((query.adjacency ?? []).some((a) => !a.alternative)) return false;
  const decided = (a: Alternative): boolean => coreOf(a).kind !== 'scan' && checkOf(a) === undefined;
  if (!query.groups.every((group) => group.every(decided))) return false;
  return query.exclude.every((x) => {
    const core = coreOf(x).kind;
    return core === 'none' || (core === 'scan' && !x.check) || isExactExclusion(x);
  });
}

/**
 * True when pruning is likely to pay: every group has one list. A group of several (a Chinese word and its
 * English expansions) needs, once its Chinese list is cut, a second round trip for the Chinese weights of
 * what the expansions brought, where the exhaustive run needs one round trip in all (measured at real: words
 * 9 → 17 ms). Reading only the weights that can still matter (no random access for passages whose bound
 * cannot enter) is the next step.
 * @example worthPruning({ groups: [[{ kind: 'tokens', fields: ['bigrams'], terms: ['发展'] }]], exclude: [], filters: {}, offset: 0, limit: 10 }) // true
 */
function worthPruning(query: BackendQuery): boolean {
  return query.groups.every((group) => group.filter((a) => alternativeExpression(a) !== null).length === 1);
}

/**
 * The result of a prunable query (`prunable`), or null when it is not prunable (the exhaustive run answers).
 * @example await searchTopK(query, context) // { total: 8190, hits: [10 hits], facets }
 */
export async function searchTopK(query: BackendQuery, context: TopKContext): Promise<BackendResult | null> {
  const adjacency: readonly Adjacency[] = query.adjacency ?? [];
  if (!prunable(query) || !(context.always || worthPruning(query))) return null;
  const filter = attributeFilter(query.filters, context.table.docOrdinals);
  const supersets = query.groups.map(groupSuperset);
  if (filter === null || supersets.some((s) => s.kind !== 'expr')) return null;
  const { conditions } = filter;
  const all = supersets.map(expressionText);
  const nots = query.exclude.filter(isExactExclusion).map((x) => expressionText(coreOf(x)));
  // The same expressions as the exhaustive run's fetches: the same weights, and their answers reused.
  const lists: ListPlan[] = query.groups.flatMap((group, g) =>
    group.flatMap((alternative) => {
      const expression = alternativeExpression(alternative);
      if (expression === null) return [];
      const narrowing = all.filter((_, i) => i !== g);
      return [{ group: g, match: combine([expression, ...narrowing], nots), factor: alternative.weight ?? 1 }];
    }),
  );
  const holders = adjacency.flatMap(({ alternative }) => {
    if (!alternative) return [];
    const expression = alternativeExpression({ ...alternative, rank: undefined });
    return expression === null ? [] : [combine([expression, ...all])];
  });
  const k = query.offset + query.limit;
  const count = (): ReturnType<RankedFetcher['count']> => context.fetcher.count(combine(all, nots), conditions, context.names);
  if (k === 0) return { ...(await count()), hits: [] };
  const holding = Promise.all(holders.map((match) => context.fetcher.top(match, conditions, 0, MAX_HOLDERS)));
  holding.catch(() => undefined); // awaited with the first lists

  for (let depth = Math.max(k, context.firstRows ?? Math.max(4 * k, FIRST_ROWS)); ; depth *= 4) {
    const tops = await Promise.all(lists.map((list) => context.fetcher.top(list.match, conditions, list.factor, depth)));
    const held = await holding;
    if (held.some((h) => h.rows.length < h.found)) return null;
    const known = new Map<string, TopRows>();
    lists.forEach((list, i) => known.set(keyOf(list.match, conditions), tops[i] as TopRows));
    holders.forEach((match, i) => known.set(keyOf(match, conditions), held[i] as TopRows));
    const seen = new Set<number>();
    for (const top of [...tops, ...held]) for (const row of top.rows) seen.add(row.index);
    const source = new SeenSource(context, known, [...seen].sort((a, b) => a - b));
    const result = await runQuery(query, context.table, source);
    if (!lists.every((list) => source.asked.has(keyOf(list.match, conditions)))) return null; // the plan's fetches are not the lists
    const kth = result.hits.length === query.limit ? (result.hits[result.hits.length - 1]?.score ?? 0) : Number.NEGATIVE_INFINITY;
    // A group whose lists all came whole holds every match: the run over them counted the exhaustive total
    // and facets. Otherwise the shards count them (a round trip, paid only where transfer was saved).
    const whole = query.groups.some((_, g) => lists.every((list, i) => list.group !== g || isWhole(tops[i])));
    if (whole) return result;
    if (kth > unseenBound(lists, tops, query.groups.length) + ROUNDING) return { ...(await count()), hits: result.hits };
  }
}

/**
 * The most a passage in none of the lists' rows can score before its bonus: per group, the largest last key
 * of a list that did not bring all its matches (a group whose lists all did rules such a passage out).
 */
function unseenBound(lists: readonly ListPlan[], tops: readonly TopRows[], groups: number): number {
  const best = new Array<number>(groups).fill(Number.NEGATIVE_INFINITY);
  lists.forEach((list, i) => {
    const top = tops[i];
    if (!top || isWhole(top)) return;
    const last = top.rows[top.rows.length - 1]?.key ?? Number.POSITIVE_INFINITY;
    best[list.group] = Math.max(best[list.group] ?? Number.NEGATIVE_INFINITY, (Math.max(0, last) * KEY_MARGIN) / WEIGHT_SCALE);
  });
  return best.reduce((sum, b) => sum + b, 0);
}

/**
 * A match source that answers for the seen passages only: what a list brought, and the rest of them read by
 * id. Every passage it answers for is complete (every alternative's weight, every holder), so the
 * exhaustive run's scores and labels for them are the exhaustive ones.
 */
class SeenSource implements MatchSource {
  /** The fetches the run asked for. */
  readonly asked = new Set<string>();
  /** Nothing is verified here (a prunable plan has no checks); adjacency is decided over the search's keys. */
  get verifier(): MatchSource['verifier'] {
    return this.context.source.verifier;
  }
  private readonly answers = new Map<string, Promise<Map<number, number>>>();

  constructor(
    private readonly context: TopKContext,
    private readonly known: ReadonlyMap<string, TopRows>,
    private readonly seen: readonly number[],
  ) {}

  fetch(match: string, conditions: string[]): Promise<Map<number, number>> {
    const key = keyOf(match, conditions);
    this.asked.add(key);
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.read(match, conditions, this.known.get(key));
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async read(match: string, conditions: string[], top: TopRows | undefined): Promise<Map<number, number>> {
    const weights = new Map<number, number>();
    for (const row of top?.rows ?? []) weights.set(row.index, row.weight);
    if (top && top.rows.length >= top.found) return weights;
    const missing = this.seen.filter((index) => !weights.has(index));
    if (missing.length === 0) return weights;
    for (const [index, weight] of await this.context.fetcher.among(match, conditions, missing)) weights.set(index, weight);
    return weights;
  }

  ensureKeys(indexes: Iterable<number>): Promise<void> {
    return this.context.source.ensureKeys(indexes);
  }
}
