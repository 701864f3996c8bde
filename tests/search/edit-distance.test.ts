import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search/edit-distance.js';

/** The oracle: the whole optimal-string-alignment table, no bound, no early exit. */
function fullDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j] + 1, row[j - 1] + 1, up[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j], (d[i - 2] as number[])[j - 2] + 1);
    }
  }
  return (d[s.length] as number[])[t.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '乡', '村', '振', '兴', '新', '𠀀'), maxLength: 8 });

describe('editDistance', () => {
  it('counts a swap of neighbours, a substitution, an insertion and a deletion as one edit each', () => {
    expect(editDistance('toursim', 'tourism', 2)).toBe(1);
    expect(editDistance('乡村振新', '乡村振兴', 1)).toBe(1);
    expect(editDistance('乡村振兴', '乡村振', 1)).toBe(1);
    expect(editDistance('economc', 'economic', 2)).toBe(1);
  });

  it('counts a character beyond the Basic Multilingual Plane as one character', () => {
    expect(editDistance('𠀀村', '乡村', 1)).toBe(1);
  });

  it('equals the full table when within the bound, and bound + 1 beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(fullDistance(a, b), max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
