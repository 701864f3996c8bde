/**
 * Judging and scoring cross-language queries, as the protocol says: a hit passes when it is a passage of
 * the target report whose text contains one of the expected substrings; a query's rank is that of its
 * first passing hit within the top k. Recall@k is the share of queries with a rank, MRR the mean of 1/rank
 * (0 without one), and a zero-result query is one the engine answered with no hit at all.
 */
import { judgeKey } from './report-paragraphs.js';

/** What judging needs of a hit. */
export interface JudgedHit {
  docId: string;
  text: string;
}

/** The outcome of one query. */
export interface QueryOutcome {
  q: string;
  kind: string;
  /** 1-based rank of the first passing hit within the top k, or null. */
  rank: number | null;
  /** How many passages matched the query (the engine's total). */
  total: number;
}

/** Figures for a group of queries. */
export interface Summary {
  n: number;
  recallAtK: number;
  mrr: number;
  zeroResults: number;
}

/**
 * True when a hit is a passage of the target report containing one of the expected substrings.
 * @example passes({ docId: 'r2025', text: '实施适度宽松的货币政策。' }, 'r2025', ['适度宽松']) // true
 */
export function passes(hit: JudgedHit, targetDocId: string, expect: readonly string[]): boolean {
  if (hit.docId !== targetDocId) return false;
  const text = judgeKey(hit.text);
  return expect.some((e) => {
    const key = judgeKey(e);
    return key !== '' && text.includes(key);
  });
}

/**
 * The 1-based rank of the first passing hit among the first `k`, or null.
 * @example firstPassingRank([{ docId: 'x', text: '适度宽松' }, { docId: 'r', text: '适度宽松' }], 'r', ['适度宽松'], 10) // 2
 */
export function firstPassingRank(hits: readonly JudgedHit[], targetDocId: string, expect: readonly string[], k: number): number | null {
  const index = hits.slice(0, k).findIndex((h) => passes(h, targetDocId, expect));
  return index < 0 ? null : index + 1;
}

/**
 * Recall@k, MRR and zero-result count of a group of outcomes (all zero for an empty group).
 * @example summarize([{ q: 'a', kind: 'common', rank: 2, total: 5 }, { q: 'b', kind: 'common', rank: null, total: 0 }]) // { n: 2, recallAtK: 0.5, mrr: 0.25, zeroResults: 1 }
 */
export function summarize(outcomes: readonly QueryOutcome[]): Summary {
  const n = outcomes.length;
  if (n === 0) return { n: 0, recallAtK: 0, mrr: 0, zeroResults: 0 };
  const found = outcomes.filter((o) => o.rank !== null).length;
  const reciprocal = outcomes.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0);
  return { n, recallAtK: found / n, mrr: reciprocal / n, zeroResults: outcomes.filter((o) => o.total === 0).length };
}

/**
 * One summary per kind (in order of first appearance), then `all`.
 * @example summarizeByKind([{ q: 'a', kind: 'common', rank: 1, total: 3 }]).map((s) => s.kind) // ['common', 'all']
 */
export function summarizeByKind(outcomes: readonly QueryOutcome[]): Array<{ kind: string; summary: Summary }> {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  return [
    ...kinds.map((kind) => ({ kind, summary: summarize(outcomes.filter((o) => o.kind === kind)) })),
    { kind: 'all', summary: summarize(outcomes) },
  ];
}
