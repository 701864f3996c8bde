/**
 * Cross-language query sets (`../shared/eval/open-clir-2025.json`, `eval/clir-2025-queries.json`): English
 * queries, each with the Chinese substrings that identify a right answer and the report's paragraphs that
 * hold one. Parsing checks the shape and names the entry at fault.
 */
import { EvalError } from './errors.js';

/** One query: what a user types, its kind, what a right hit contains, and where that is in the report. */
export interface ClirQuery {
  q: string;
  kind: string;
  expect: string[];
  paragraphs: number[];
}

/** A named set of queries judged on the top `k` hits. */
export interface ClirQuerySet {
  name: string;
  k: number;
  queries: ClirQuery[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string' && s.trim() !== '');
}

function parseQuery(value: unknown, index: number, name: string): ClirQuery {
  const q = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const where = `${name}, query ${index + 1}${typeof q.q === 'string' ? ` ("${q.q}")` : ''}`;
  if (typeof q.q !== 'string' || q.q.trim() === '') throw new EvalError('EVAL_QUERIES_INVALID', `${where}: "q" must be a non-empty string`);
  if (typeof q.kind !== 'string' || q.kind.trim() === '') throw new EvalError('EVAL_QUERIES_INVALID', `${where}: "kind" must be a non-empty string`);
  if (!isStringList(q.expect)) throw new EvalError('EVAL_QUERIES_INVALID', `${where}: "expect" must be a non-empty list of strings`);
  const paragraphs = q.paragraphs;
  if (!Array.isArray(paragraphs) || !paragraphs.every((n) => Number.isInteger(n))) {
    throw new EvalError('EVAL_QUERIES_INVALID', `${where}: "paragraphs" must be a list of paragraph numbers`);
  }
  return { q: q.q, kind: q.kind, expect: q.expect, paragraphs: paragraphs as number[] };
}

/**
 * Parse a query file. Throws `EVAL_QUERIES_INVALID` naming the file (as `name`) and the entry.
 * @example parseQuerySet('{"k":10,"queries":[{"q":"embodied AI","kind":"specific","expect":["具身智能"],"paragraphs":[35]}]}', 'mine').queries[0].kind // 'specific'
 */
export function parseQuerySet(json: string, name: string): ClirQuerySet {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EvalError('EVAL_QUERIES_INVALID', `${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const doc = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!Array.isArray(doc.queries)) throw new EvalError('EVAL_QUERIES_INVALID', `${name}: "queries" must be a list`);
  const k = doc.k === undefined ? 10 : doc.k;
  if (!Number.isInteger(k) || (k as number) < 1) throw new EvalError('EVAL_QUERIES_INVALID', `${name}: "k" must be a positive integer`);
  return { name, k: k as number, queries: doc.queries.map((q, i) => parseQuery(q, i, name)) };
}
