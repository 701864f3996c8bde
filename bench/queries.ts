/**
 * The fixed query set (`bench/queries.json`), validated, plus what each peer engine is asked for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuery } from '../src/search/query-parser.js';

export const QUERY_CATEGORIES = ['phrase', 'word', 'multi', 'english', 'traditional', 'filter'] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export interface BenchQuery {
  category: QueryCategory;
  /** The query as a user types it (engine syntax). */
  q: string;
}

export const QUERIES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries.json');

/**
 * Reads and checks the query set: every entry a known category and a non-empty query.
 * @example loadQueries().filter((q) => q.category === 'phrase').length > 0
 */
export function loadQueries(file = QUERIES_FILE): BenchQuery[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { queries?: unknown };
  if (!Array.isArray(raw.queries)) throw new Error(`BENCH_BAD_QUERIES: ${file} has no "queries" array`);
  return raw.queries.map((entry: unknown, i: number) => {
    const e = entry as Partial<BenchQuery>;
    if (typeof e.q !== 'string' || e.q.trim() === '' || !QUERY_CATEGORIES.includes(e.category as QueryCategory)) {
      throw new Error(`BENCH_BAD_QUERIES: entry ${i} of ${file} needs a non-empty "q" and a category in ${QUERY_CATEGORIES.join(', ')}`);
    }
    return { category: e.category as QueryCategory, q: e.q };
  });
}

/**
 * The text of a quoted-phrase query (`"高质量发展"` → `高质量发展`), or null when the query is anything else.
 * @example phraseOf('"亚洲水塔"') // '亚洲水塔'
 * @example phraseOf('旅游 边境') // null
 */
export function phraseOf(q: string): string | null {
  const parsed = parseQuery(q);
  const only = parsed.groups.length === 1 && parsed.groups[0]?.length === 1 ? parsed.groups[0][0] : undefined;
  const bare = parsed.exclude.length === 0 && Object.keys(parsed.filters).length === 0;
  return only && only.kind === 'phrase' && bare ? only.text : null;
}

/**
 * What a peer engine (no query language) is asked: the text of the first unit of each group, space-joined;
 * exclusions and filters dropped.
 * @example peerText('旅游 边境 -学前教育 year:2024') // '旅游 边境'
 */
export function peerText(q: string): string {
  return parseQuery(q)
    .groups.map((g) => g[0]?.text ?? '')
    .filter(Boolean)
    .join(' ');
}
