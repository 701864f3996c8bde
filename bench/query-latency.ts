/**
 * Reading the query samples the same way for every backend: which queries are quoted phrases, latency per
 * category, and "retrieval alone" (parse, plan, the backend's first page of 10; no snippets or citations).
 */
import type { BackendQuery, KeySink } from '../src/index/backend.js';
import type { MatchKeySource } from '../src/search/passage-keys.js';
import type { CrossLang } from '../src/crosslang/expand.js';
import { planQuery } from '../src/search/plan.js';
import { parseQuery } from '../src/search/query-parser.js';
import { latencyOver } from './measure.js';
import { phraseOf, QUERY_CATEGORIES, type BenchQuery } from './queries.js';
import type { Latency } from './stats.js';

/** Positions of the quoted-phrase queries. */
export function phraseIndexes(queries: readonly BenchQuery[]): number[] {
  return queries.flatMap((q, i) => (phraseOf(q.q) ? [i] : []));
}

/** p50/p99 of each query category, from per-query samples in the order of `queries`. */
export function latencyByCategory(samples: readonly number[][], queries: readonly BenchQuery[]): Record<string, Latency> {
  return Object.fromEntries(QUERY_CATEGORIES.map((c) => [c, latencyOver(samples, queries.flatMap((q, i) => (q.category === c ? [i] : [])))]));
}

/**
 * Retrieval alone for one query: parse, plan over the keys `session` gives (a fresh table per query for a
 * cluster, which fills it), and `search` for the first page of 10 (null: nothing to search).
 */
export function retrieval<T>(
  session: () => { keys: MatchKeySource; sink?: KeySink },
  search: (query: BackendQuery, sink?: KeySink) => T,
  crossLang: CrossLang,
): (q: BenchQuery) => T | null {
  return (q) => {
    const { keys, sink } = session();
    // Every sense the expander knows (the engine first asks the corpus which occur; retrieval alone does not).
    const plan = planQuery(parseQuery(q.q), keys, { crossLang });
    return plan.empty ? null : search({ ...plan.query, offset: 0, limit: 10 }, sink);
  };
}
