/**
 * Results in the order of their reports' dates (newest or oldest first), exact over the whole matching set,
 * through any backend. Score pruning cannot pick such a page (a low score may come first), so the page is
 * picked by date instead: one count of the matches (limit 0) gives the total, the facets and the matches per
 * report; the reports are put in date order and grouped by equal date; only the groups the page overlaps are
 * searched, each as one ordinary ranked search restricted to its reports (`filters.docs`). Within a date,
 * passages come by relevance (the backend's score), then in document order, as a relevance search gives them.
 *
 * A report's date is its year, then its `date` (ISO, possibly partial: `2023-01`). Reports without a year
 * come last in both orders, and within a year those without a date come after the dated ones.
 */
import type { BackendHit, BackendQuery, BackendResult, SearchBackend } from '../index/backend.js';
import type { DocMeta } from '../model.js';

/** The orders a search can be sorted in (`relevance` is the default). */
export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Reports of one date, and how many matches they hold together. */
export interface DateGroup {
  docs: string[];
  count: number;
}

/** Compares two possibly unknown values in a direction, the unknown last in either direction. */
function compareKnown<T extends number | string>(a: T | null, b: T | null, sign: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -sign : sign;
}

/**
 * Orders two reports by date: `oldest` ascending, `newest` descending; unknown years, then unknown dates
 * within a year, last. 0 when they share year and date.
 * @example compareDates({ year: 2024, date: null }, { year: 2020, date: '2020-01-07' }, 'newest') // -1
 */
export function compareDates(a: Pick<DocMeta, 'year' | 'date'>, b: Pick<DocMeta, 'year' | 'date'>, order: 'newest' | 'oldest'): number {
  const sign = order === 'oldest' ? 1 : -1;
  return compareKnown(a.year, b.year, sign) || compareKnown(a.date, b.date, sign);
}

/**
 * The reports that hold matches (`counts`: matches per report id), in date order, grouped by equal date;
 * reports of the same date keep corpus order (that of `docs`).
 * @example dateGroups([d2020, d2024], { [d2020.id]: 3, [d2024.id]: 1 }, 'newest') // [{ docs: [d2024.id], count: 1 }, { docs: [d2020.id], count: 3 }]
 */
export function dateGroups(docs: readonly DocMeta[], counts: Readonly<Record<string, number>>, order: 'newest' | 'oldest'): DateGroup[] {
  const holding = docs.filter((d) => (counts[d.id] ?? 0) > 0).sort((a, b) => compareDates(a, b, order));
  const groups: DateGroup[] = [];
  let last: DocMeta | undefined;
  for (const doc of holding) {
    const count = counts[doc.id] ?? 0;
    const group = groups[groups.length - 1];
    if (group && last && compareDates(last, doc, order) === 0) {
      group.docs.push(doc.id);
      group.count += count;
    } else groups.push({ docs: [doc.id], count });
    last = doc;
  }
  return groups;
}

/**
 * The part of each group a page [offset, offset + limit) of the whole order covers: the group's reports and
 * the offset and limit within the group's own ranking. Groups the page does not reach are left out.
 * @example pageOfGroups([{ docs: ['a'], count: 3 }, { docs: ['b'], count: 5 }], 2, 3) // [{ docs: ['a'], offset: 2, limit: 1 }, { docs: ['b'], offset: 0, limit: 2 }]
 */
export function pageOfGroups(groups: readonly DateGroup[], offset: number, limit: number): Array<{ docs: string[]; offset: number; limit: number }> {
  const parts: Array<{ docs: string[]; offset: number; limit: number }> = [];
  const end = offset + limit;
  let start = 0;
  for (const group of groups) {
    const from = Math.max(offset, start);
    const to = Math.min(end, start + group.count);
    if (from < to) parts.push({ docs: group.docs, offset: from - start, limit: to - from });
    start += group.count;
    if (start >= end) break;
  }
  return parts;
}

/**
 * Runs `query` with its page (`query.offset`, `query.limit`) taken from the matches in date order: the total
 * and facets are those of the whole query; a part of a cluster that did not answer makes the result partial.
 * @example await searchByDate(backend, { ...plan.query, filters: {}, offset: 0, limit: 10 }, engine.documents(), 'newest')
 */
export async function searchByDate(
  backend: SearchBackend,
  query: BackendQuery,
  docs: readonly DocMeta[],
  order: 'newest' | 'oldest',
): Promise<BackendResult> {
  const counted = await backend.search({ ...query, offset: 0, limit: 0 });
  const parts = pageOfGroups(dateGroups(docs, counted.facets.doc, order), query.offset, query.limit);
  const results = await Promise.all(
    parts.map((part) => backend.search({ ...query, filters: { ...query.filters, docs: part.docs }, offset: part.offset, limit: part.limit })),
  );
  const hits: BackendHit[] = results.flatMap((r) => r.hits);
  const failed = [...new Set([counted, ...results].flatMap((r) => r.partial?.failed ?? []))];
  const partial = [counted, ...results].find((r) => r.partial)?.partial;
  return { total: counted.total, facets: counted.facets, hits, ...(partial ? { partial: { ...partial, failed } } : {}) };
}
