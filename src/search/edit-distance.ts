/**
 * Edit distance over characters (code points, so a Han character or a letter counts one): insertions,
 * deletions, substitutions and swaps of two adjacent characters (the optimal string alignment form of
 * Damerau–Levenshtein), bounded: work stops as soon as the distance must exceed `max`.
 */

/**
 * The edit distance between `a` and `b`, or `max + 1` when it is larger than `max`.
 * @example editDistance('toursim', 'tourism', 2) // 1
 * @example editDistance('乡村振新', '乡村振兴', 1) // 1
 * @example editDistance('abc', 'xyz', 1) // 2
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0 || t.length === 0) return Math.min(max + 1, Math.max(s.length, t.length));
  // Three rows: two back (for swaps), one back, and the current one.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowBest = Math.min(rowBest, d);
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[t.length], max + 1);
}
