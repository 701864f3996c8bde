/**
 * Reading the query samples the same way for every backend: which queries are quoted phrases, latency per
 * category, and "retrieval alone" (parse, plan, the backend's first page of 10; no snippets or citations).
 */
import type { BackendQuery } from '../src/index/backend.js';
import type { CrossLang } from '../src/crosslang/expand.js';
import type { CutKnowledge } from '../src/search/cut-phrases.js';
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
 * Retrieval alone for one query: parse, plan (`corpus` says whether it has forced cuts: the embedded
 * index's keys can tell, a cluster cannot, `{}`), and `search` for the first page of 10 (null: nothing to search).
 */
export function retrieval<T>(corpus: CutKnowledge, search: (query: BackendQuery) => T, crossLang: CrossLang): (q: BenchQuery) => T | null {
  return (q) => {
    // Every sense the expander knows (the engine first asks the corpus which occur; retrieval alone does not).
    const plan = planQuery(parseQuery(q.q), corpus, { crossLang });
    return plan.empty ? null : search({ ...plan.query, offset: 0, limit: 10 });
  };
}
