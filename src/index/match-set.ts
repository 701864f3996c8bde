/**
 * Sets of matching passages with their scores and labels, and the two operations a query plan needs on
 * them: the union of a group's alternatives and the intersection of groups. Shared by the backends that
 * combine per-alternative results themselves (the MiniSearch reference and the Sphinx backend).
 */

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
