/**
 * A passage's static ranking factor, known before any query: what kind of passage it is, and how recent its
 * report is. A search multiplies each passage's relevance by it, in every backend, so the same words in a
 * body paragraph outrank a heading or a contents line, and the same words in this year's report outrank
 * last year's. Pure.
 */
import type { PassageKind } from '../model.js';

/**
 * Contents lines, front matter and headings rank below the body text that says the same words. A heading is
 * short, so its length-normalized score is high for one occurrence; it still counts for the section context
 * of the paragraphs under it (the `heading` field).
 */
export const KIND_WEIGHTS: Record<PassageKind, number> = { paragraph: 1, heading: 0.5, table: 1, toc: 0.2, front: 0.5, note: 0.8 };

/**
 * How much more the newest year's reports weigh than a report of long ago: the factor goes from 1 (the
 * newest year in the corpus) through 1/(1+R/2) a year before, down towards 1/(1+R). Among passages that
 * match equally well, the current statement of a policy comes first; a clearly better match in an older
 * report still wins.
 */
export const RECENCY = 0.3;

/**
 * The recency factor of a report of `year` in a corpus whose newest report is of `newest` (1 when either is
 * unknown, or for the newest year).
 * @example recencyWeight(2025, 2025) // 1
 * @example recencyWeight(2024, 2025) // 1.15 / 1.3
 */
export function recencyWeight(year: number | null, newest: number | null): number {
  if (year === null || newest === null) return 1;
  const age = Math.max(0, newest - year);
  return (1 + RECENCY / (1 + age)) / (1 + RECENCY);
}

/**
 * The passage's factor: its kind's weight times its report's recency.
 * @example passagePrior('heading', 2025, 2025) // 0.5
 */
export function passagePrior(kind: PassageKind, year: number | null, newest: number | null): number {
  return (KIND_WEIGHTS[kind] ?? 1) * recencyWeight(year, newest);
}

/**
 * The newest of these report years (null when none is known): the reference year of the recency factor.
 * @example newestYear([2023, null, 2025, 2024]) // 2025
 */
export function newestYear(years: Iterable<number | null>): number | null {
  let newest: number | null = null;
  for (const year of years) if (year !== null && (newest === null || year > newest)) newest = year;
  return newest;
}
