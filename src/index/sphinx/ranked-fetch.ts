/**
 * The statements of a pruned search (`top-k-run.ts`): a fetch of an expression's best rows only, ranked in
 * Sphinx by the weight times the passage's prior (`prior.ts`, written as an attribute expression); the
 * weights of given passages only (`id IN`); and the exact count and facets of a match set (`FACET`), so that
 * totals and facets stay exact without every match travelling to Node.
 */
import type { BackendResult } from '../backend.js';
import { KIND_WEIGHTS, RECENCY } from '../prior.js';
import { KIND_CODES } from './rows.js';
import { metaOf, type SqlRow } from './sphinxql.js';

/** The distributed index of passages, which every search statement asks. */
export const PASSAGES = 'passages_dist';
/** Groups of the count are `doc × KIND_STRIDE + kind` (kind codes are 1 to 5). */
const KIND_STRIDE = 8;
/** Passages asked for by id in one statement. */
export const IDS_PER_STATEMENT = 1000;

/** Runs SQL against the aggregator for one search, and hears the warnings (failed shards) of each answer. */
export interface StatementRunner {
  run(sql: string): Promise<SqlRow[][]>;
  note(warning: string | undefined): void;
  /** The position of the passage a row names (its id − 1), checked against the corpus. */
  indexOf(row: SqlRow): number;
}

/** The best rows of an expression, best first, and how many passages match it in all. */
export interface TopRows {
  /** Position, Sphinx weight, and the sort key `weight × factor × prior` as Sphinx computed it. */
  rows: Array<{ index: number; weight: number; key: number }>;
  found: number;
}

/** A match set's exact size and facet counts. */
export interface Counted {
  total: number;
  facets: BackendResult['facets'];
}

/** What the facet counts are named by: document ids and years by ordinal (1-based), kinds in the order facets list them. */
export interface FacetNames {
  docIds: readonly string[];
  years: ReadonlyArray<number | null>;
  kindOrder: readonly string[];
}

/**
 * The prior of a passage as a Sphinx expression over its `kind` and `year` attributes: the kind's weight
 * times the recency of its year against `newest` (`recencyWeight` in `prior.ts`, as a formula: a chain of
 * IFs over the years of a national archive, 1954–2025, is deeper than SphinxQL's parser allows); year 0, an
 * unknown year, and any year when `newest` is null weigh 1.
 * @example priorExpression(2025) // 'IF(kind=1,1,IF(kind=2,0.5,…))*IF(year=0,1,(1+0.3/(1+MAX(0,2025-year)))/1.3)'
 */
export function priorExpression(newest: number | null): string {
  const kinds = KIND_CODES.reduceRight((rest, kind, i) => `IF(kind=${i + 1},${KIND_WEIGHTS[kind] ?? 1},${rest})`, '1');
  if (newest === null) return kinds;
  return `${kinds}*IF(year=0,1,(1+${RECENCY}/(1+MAX(0,${newest}-year)))/${1 + RECENCY})`;
}

const where = (match: string, conditions: readonly string[]): string => [`MATCH('${match}')`, ...conditions].join(' AND ');

/** Reads Sphinx's statements for a pruned search through a runner. */
export class RankedFetcher {
  constructor(
    private readonly runner: StatementRunner,
    /** The `OPTION` part that makes WEIGHT() the same as the exhaustive fetches' (ranker, field weights). */
    private readonly ranking: string,
    /** `priorExpression()` of the corpus. */
    private readonly prior: string,
  ) {}

  /**
   * The `limit` best passages matching `match` by `WEIGHT() × factor × prior`, ties by position.
   * @example await fetcher.top('(bygk1yi8l)', [], 1, 40) // { rows: [{ index: 519, weight: 1531, key: 1531 }, …], found: 289 }
   */
  async top(match: string, conditions: readonly string[], factor: number, limit: number): Promise<TopRows> {
    const sql = `SELECT id, WEIGHT() AS w, WEIGHT()*${factor}*${this.prior} AS s FROM ${PASSAGES} WHERE ${where(match, conditions)} ORDER BY s DESC, id ASC LIMIT 0,${limit} OPTION max_matches=${limit}, ${this.ranking}; SHOW META`;
    const [rows = [], meta = []] = await this.runner.run(sql);
    const info = metaOf(meta);
    this.runner.note(info.get('warning'));
    return {
      rows: rows.map((row) => ({ index: this.runner.indexOf(row), weight: Number(row.w), key: Number(row.s) })),
      found: Number(info.get('total_found') ?? rows.length),
    };
  }

  /**
   * The weights of those of `indexes` that match `match` (the others do not).
   * @example await fetcher.among('(bygk1yi8l)', [], [0, 5]) // Map { 0 => 1515 }
   */
  async among(match: string, conditions: readonly string[], indexes: readonly number[]): Promise<Map<number, number>> {
    const weights = new Map<number, number>();
    for (let i = 0; i < indexes.length; i += IDS_PER_STATEMENT) {
      const ids = indexes.slice(i, i + IDS_PER_STATEMENT).map((index) => index + 1);
      const sql = `SELECT id, WEIGHT() AS w FROM ${PASSAGES} WHERE ${where(match, conditions)} AND id IN (${ids.join(',')}) LIMIT 0,${ids.length} OPTION max_matches=${ids.length}, ${this.ranking}; SHOW META`;
      const [rows = [], meta = []] = await this.runner.run(sql);
      this.runner.note(metaOf(meta).get('warning'));
      for (const row of rows) weights.set(this.runner.indexOf(row), Number(row.w));
    }
    return weights;
  }

  /**
   * How many passages match, and their facets, counted by the shards in one GROUP BY over report × kind
   * (the aggregator merges the groups: exact when every group fits, so `max_matches` exceeds their number);
   * a report's year is its facet year. Documents in corpus order, years ascending, kinds in `names.kindOrder`.
   * @example await fetcher.count('(bygk1yi8l)', [], names) // { total: 289, facets: { doc: { … }, year: { … }, kind: { … } } }
   */
  async count(match: string, conditions: readonly string[], names: FacetNames): Promise<Counted> {
    const groups = (names.docIds.length + 1) * KIND_STRIDE;
    const sql = `SELECT doc*${KIND_STRIDE}+kind AS g, COUNT(*) AS n FROM ${PASSAGES} WHERE ${where(match, conditions)} GROUP BY g LIMIT 0,${groups} OPTION max_matches=${groups}; SHOW META`;
    const [rows = [], meta = []] = await this.runner.run(sql);
    this.runner.note(metaOf(meta).get('warning'));
    const docs = new Map<number, number>();
    const years = new Map<number, number>();
    const kinds = new Map<string, number>();
    let total = 0;
    for (const row of rows) {
      const [g, n] = [Number(row.g), Number(row.n)];
      const [ordinal, code] = [Math.floor(g / KIND_STRIDE), g % KIND_STRIDE];
      const kind = KIND_CODES[code - 1] ?? String(code);
      const year = names.years[ordinal - 1];
      total += n;
      docs.set(ordinal, (docs.get(ordinal) ?? 0) + n);
      if (year !== null && year !== undefined) years.set(year, (years.get(year) ?? 0) + n);
      kinds.set(kind, (kinds.get(kind) ?? 0) + n);
    }
    const facets: Counted['facets'] = { doc: {}, year: {}, kind: {} };
    for (const ordinal of [...docs.keys()].sort((a, b) => a - b)) facets.doc[names.docIds[ordinal - 1] ?? String(ordinal)] = docs.get(ordinal) ?? 0;
    for (const [year, n] of years) facets.year[String(year)] = n;
    for (const kind of [...names.kindOrder, ...kinds.keys()]) {
      const n = kinds.get(kind);
      if (n !== undefined && facets.kind[kind] === undefined) facets.kind[kind] = n;
    }
    return { total, facets };
  }
}
