/**
 * The facet table's newest year and kind order (what the Sphinx backend's pruned searches read), against a
 * brute-force scan of the facts recorded, written in place or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PassageFacts } from '../../src/index/backend.js';
import { FacetTable } from '../../src/index/facet-table.js';
import { PASSAGE_KINDS } from '../../src/model.js';

const fact = fc.record({
  docId: fc.constantFrom('a', 'b', 'c'),
  year: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
  kind: fc.constantFrom(...PASSAGE_KINDS),
});

/** The newest year among facts, by a scan. */
const newestOf = (facts: readonly PassageFacts[]): number | null =>
  facts.reduce<number | null>((best, f) => (f.year !== null && (best === null || f.year > best) ? f.year : best), null);

describe('FacetTable', () => {
  it('names the newest year and the kinds in first-recorded order, as its facet counts list them', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), fc.array(fact, { maxLength: 10 }), (initial, written) => {
        const table = new FacetTable(initial);
        written.forEach((f, i) => table.set(initial.length + i, f));
        const all = [...initial, ...written];
        expect(table.newestYear()).toBe(newestOf(all));
        expect(table.kindOrder()).toEqual([...new Set(all.map((f) => f.kind))]);
        const counted = Object.keys(table.count(all.map((_, p) => p)).kind);
        expect(counted).toEqual([...table.kindOrder()]);
      }),
    );
  });

  it('keeps a year it once held when its passage is rewritten (as the prior it weighs does)', () => {
    const table = new FacetTable([{ docId: 'a', year: 2024, kind: 'paragraph' }]);
    table.set(0, { docId: 'a', year: 2020, kind: 'heading' });
    expect(table.newestYear()).toBe(2024);
    expect(table.kindOrder()).toEqual(['paragraph', 'heading']);
  });
});
