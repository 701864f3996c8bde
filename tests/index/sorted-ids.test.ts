import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GallopCursor, intersect, intersectAll, merge, union } from '../../src/index/sorted-ids.js';

/** Ascending, distinct positions below 2000. */
const ids = fc.uniqueArray(fc.integer({ min: 0, max: 1999 }), { maxLength: 300 }).map((a) => Uint32Array.from(a.sort((x, y) => x - y)));

describe('set algebra over sorted passage lists', () => {
  it('intersects two lists exactly like a filter does', () => {
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const set = new Set(b);
        expect([...intersect(a, b)]).toEqual([...a].filter((x) => set.has(x)));
      }),
      { numRuns: 300 },
    );
  });

  it('intersects many lists from the shortest up, with null meaning every passage', () => {
    fc.assert(
      fc.property(fc.array(fc.option(ids, { nil: null }), { maxLength: 5 }), (lists: Array<Uint32Array | null>) => {
        const real = lists.flatMap((l) => (l === null ? [] : [l]));
        const got = intersectAll(lists);
        if (real.length === 0) expect(got).toBeNull();
        else expect([...(got ?? [])]).toEqual([...real[0]].filter((x) => real.every((l) => l.includes(x))));
      }),
      { numRuns: 300 },
    );
  });

  it('merges two lists into one ascending list without repeats', () => {
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        expect([...merge(a, b)]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });

  it('unions lists into one ascending list without repeats, by merging, sorting or a mark table', () => {
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 7 }), (lists) => {
        const expected = [...new Set(lists.flatMap((l) => [...l]))].sort((x, y) => x - y);
        expect([...union(lists, 2000)]).toEqual(expected);
        expect([...union(lists, 1_000_000)]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each answer its own: a later intersection or union, written through the same scratch, changes none before it', () => {
    const both = (lists: Uint32Array[]): number[] => [...lists[0]].filter((x) => lists.every((l) => l.includes(x)));
    const either = (lists: Uint32Array[]): number[] => [...new Set(lists.flatMap((l) => [...l]))].sort((x, y) => x - y);
    // Positions below 60, so that the lists overlap and the answers are not empty.
    const near = fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 50 }).map((a) => Uint32Array.from(a.sort((x, y) => x - y)));
    fc.assert(
      fc.property(fc.array(fc.array(near, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 6 }), (calls) => {
        const answers = calls.map((lists) => ({ lists, all: intersectAll(lists), any: union(lists, 2000) }));
        for (const { lists, all, any } of answers) {
          expect([...(all ?? [])]).toEqual(both(lists));
          expect([...any]).toEqual(either(lists));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('intersects and unions lists longer than the scratch arrays are kept at, in arrays of their own', () => {
    // Every third, every second and every fifth position below 1.5 million: their union passes the 2^20 kept.
    const every = (step: number): Uint32Array => Uint32Array.from({ length: Math.ceil(1_500_000 / step) }, (_, i) => i * step);
    const [thirds, halves, fifths] = [every(3), every(2), every(5)];
    const union3 = union([thirds, halves, fifths], 1_500_000);
    expect(union3.length).toBe(1_500_000 - Math.floor(1_500_000 * (1 / 2) * (2 / 3) * (4 / 5)));
    expect([...union3.subarray(0, 8)]).toEqual([0, 2, 3, 4, 5, 6, 8, 9]);
    expect([...union([thirds, halves], 1_500_000).subarray(0, 6)]).toEqual([0, 2, 3, 4, 6, 8]);
    const all = intersectAll([every(1), halves, thirds]);
    expect(all?.length).toBe(250_000);
    expect(all?.[1]).toBe(6);
    // The kept scratch arrays still answer a small one afterwards.
    expect([...intersectAll([Uint32Array.of(1, 6, 9), Uint32Array.of(6, 9, 12), Uint32Array.of(2, 6)]) ?? []]).toEqual([6]);
  });

  it('finds ascending targets with a galloping cursor exactly where indexOf does', () => {
    fc.assert(
      fc.property(ids, fc.uniqueArray(fc.integer({ min: 0, max: 2100 })), (list, targets) => {
        const cursor = new GallopCursor(list);
        for (const t of targets.sort((x, y) => x - y)) expect(cursor.seek(t)).toBe(list.indexOf(t));
      }),
      { numRuns: 300 },
    );
  });
});
