/**
 * The files a long list downloads in: every row in exactly one file, in order, none past the last offset the
 * API takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRanges } from '../../public/js/csv-ranges.js';

describe('csvRanges', () => {
  it('cuts a list into files of `size` rows, the last one shorter', () => {
    expect(csvRanges(2500, 1000)).toEqual([
      { offset: 0, from: 1, to: 1000 },
      { offset: 1000, from: 1001, to: 2000 },
      { offset: 2000, from: 2001, to: 2500 },
    ]);
    expect(csvRanges(1000, 1000)).toEqual([{ offset: 0, from: 1, to: 1000 }]);
    expect(csvRanges(0, 1000)).toEqual([]);
  });

  it('covers every row once, in order, up to the last offset the API takes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 20_000 }), (total, size, maxOffset) => {
        const ranges = csvRanges(total, size, maxOffset);
        let next = 1;
        for (const r of ranges) {
          expect(r.from).toBe(next);
          expect(r.offset).toBe(r.from - 1);
          expect(r.offset).toBeLessThanOrEqual(maxOffset);
          expect(r.to - r.from).toBeLessThan(size);
          next = r.to + 1;
        }
        // The last file ends the list, or starts at the last offset the API takes that a file can start at.
        expect(next - 1).toBe(Math.min(total, Math.floor(maxOffset / size) * size + size));
      }),
      { numRuns: 300 },
    );
  });
});
