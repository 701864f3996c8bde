/**
 * Sets of matching passages with their scores and labels, and the two operations a query plan needs on
 * them: the union of a group's alternatives and the intersection of groups. Shared by the backends that
 * combine per-alternative results themselves (the MiniSearch reference and the Sphinx backend).
 */
import { coordination } from './backend.js';

/** What one passage earned in a set: its score and the labels of the alternatives that matched it. */
export interface Matched {
  score: number;
  labels: string[];
}

/** Passage position → what it earned. */
export type MatchSet = Map<number, Matched>;

/**
 * The union of a group's alternatives: best score, every label.
 * @example unite([new Map([[1, { score: 2, labels: ['a'] }]]), new Map([[1, { score: 3, labels: ['b'] }]])]).get(1) // { score: 3, labels: ['a', 'b'] }
 */
export function unite(sets: Iterable<MatchSet>): MatchSet {
  const union: MatchSet = new Map();
  for (const set of sets) {
    for (const [index, m] of set) {
      const seen = union.get(index);
      if (!seen) union.set(index, { score: m.score, labels: [...m.labels] });
      else {
        seen.score = Math.max(seen.score, m.score);
        seen.labels.push(...m.labels);
      }
    }
  }
  return union;
}

/**
 * The passages in both sets, scores added, labels joined (walks the smaller set).
 * @example intersect(new Map([[1, { score: 1, labels: [] }]]), new Map([[1, { score: 2, labels: [] }]])).get(1)?.score // 3
 */
export function intersect(a: MatchSet, b: MatchSet): MatchSet {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: MatchSet = new Map();
  for (const [index, m] of small) {
    const other = large.get(index);
    if (other) out.set(index, { score: m.score + other.score, labels: [...m.labels, ...other.labels] });
  }
  return out;
}

/**
 * A soft AND over groups already united: the passages in at least `minimum` of the `soft` sets (and in
 * `required`, when given), each one's scores added and multiplied by its coordination (the share of soft
 * sets it is in, squared), labels joined.
 * @example atLeast([new Map([[1, { score: 2, labels: [] }]]), new Map()], 1).get(1)?.score // 0.5
 */
export function atLeast(soft: MatchSet[], minimum: number, required: MatchSet | null = null): MatchSet {
  const sums: MatchSet = new Map();
  const counts = new Map<number, number>();
  for (const set of soft) {
    for (const [index, m] of set) {
      if (required && !required.has(index)) continue;
      const seen = sums.get(index);
      if (!seen) sums.set(index, { score: m.score, labels: [...m.labels] });
      else {
        seen.score += m.score;
        seen.labels.push(...m.labels);
      }
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
  }
  const out: MatchSet = new Map();
  for (const [index, m] of sums) {
    const matched = counts.get(index) ?? 0;
    if (matched < minimum) continue;
    const base = required?.get(index);
    out.set(index, { score: ((base?.score ?? 0) + m.score) * coordination(matched, soft.length), labels: [...(base?.labels ?? []), ...m.labels] });
  }
  return out;
}
