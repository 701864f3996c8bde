import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacetTable } from '../../src/index/facet-table.js';
import { KIND_WEIGHTS, passagePrior, recencyWeight } from '../../src/index/prior.js';
import { PASSAGE_KINDS } from '../../src/model.js';
import type { PassageKind } from '../../src/model.js';
import { useBundledEngine } from '../search/bundled-engine.js';

describe('the recency of a report', () => {
  it('is 1 for the newest year and for an unknown year, and falls with age towards 1/(1+R)', () => {
    expect(recencyWeight(2025, 2025)).toBe(1);
    expect(recencyWeight(null, 2025)).toBe(1);
    expect(recencyWeight(2025, null)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2030 }), fc.integer({ min: 0, max: 80 }), (newest, age) => {
        const w = recencyWeight(newest - age, newest);
        expect(w).toBeLessThanOrEqual(1);
        expect(w).toBeGreaterThan(0.5);
        expect(recencyWeight(newest - age - 1, newest)).toBeLessThan(w);
      }),
    );
  });
});

describe('the prior of a passage', () => {
  it('never exceeds 1, so block maxima that fold it in stay bounds', () => {
    for (const kind of PASSAGE_KINDS) expect(passagePrior(kind, 2000, 2025)).toBeLessThanOrEqual(1);
    expect(passagePrior('paragraph', 2025, 2025)).toBe(1);
  });

  it('puts headings, contents lines and front matter below body text of the same report', () => {
    for (const kind of ['heading', 'toc', 'front'] as PassageKind[]) expect(KIND_WEIGHTS[kind]).toBeLessThan(KIND_WEIGHTS.paragraph);
  });
});

describe('the facet table’s window bound on the prior', () => {
  it('is the largest prior in the window, as a scan of every passage says', () => {
    const fact = fc.record({
      docId: fc.constantFrom('a', 'b', 'c'),
      year: fc.option(fc.integer({ min: 2018, max: 2025 })),
      kind: fc.constantFrom(...PASSAGE_KINDS),
    });
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (facts, a, b) => {
        const table = new FacetTable(facts);
        const from = a % facts.length;
        const to = from + (b % (facts.length - from));
        let best = 0;
        for (let p = from; p <= to; p++) best = Math.max(best, table.prior(p));
        expect(table.maxPriorIn(from, to)).toBeGreaterThanOrEqual(best);
        // A block's maximum may come from a passage just outside the window, never from beyond its blocks.
        let blocks = 0;
        for (let p = Math.floor(from / 64) * 64; p <= Math.min(facts.length - 1, Math.floor(to / 64) * 64 + 63); p++) blocks = Math.max(blocks, table.prior(p));
        expect(table.maxPriorIn(from, to)).toBe(blocks);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ranking on the bundled corpus', () => {
  const bundled = useBundledEngine();

  it('puts body paragraphs above the short headings that name the same thing', async () => {
    for (const q of ['高质量发展', '乡村振兴', '生态文明']) {
      const all = await bundled.engine().search(q, { limit: 100 });
      expect(all.facets.kind.heading ?? 0, q).toBeGreaterThan(0);
      const top = await bundled.engine().search(q, { limit: 5 });
      expect(top.hits.map((h) => h.kind), q).not.toContain('heading');
    }
  });

  it('keeps the same total whatever the prior does to the order', async () => {
    const unquoted = await bundled.engine().search('高质量发展');
    const quoted = await bundled.engine().search('"高质量发展"');
    expect(unquoted.total).toBe(quoted.total);
  });
});
