/**
 * A range of years as a filter (`year:2013-2022` in a query, `years` from an address): the reports of those years
 * are searched. The per-year searches are the oracle: a range finds exactly what its years find one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docsWithin, readYearRange, withYearRange } from '../../src/search/year-range.js';
import { useBundledEngine } from './bundled-engine.js';

describe('readYearRange and docsWithin', () => {
  it('reads two years with a dash, a tilde, two dots, 至 or 到 between them, either way round', () => {
    for (const written of ['2013-2022', '2022-2013', '2013–2022', '2013—2022', '2013～2022', '2013~2022', '2013..2022', '2013至2022', '２０１３到２０２２', ' 2013 - 2022 ']) {
      expect(readYearRange(written), written).toEqual({ from: 2013, to: 2022 });
    }
  });

  it('reads no range from one year, other text, or a year outside 1900-2100', () => {
    for (const written of ['2024', '2013-', '-2022', '2013-22', '2013/2022', '1899-2000', '2000-2101', 'abc']) expect(readYearRange(written), written).toBeNull();
  });

  it('keeps the reports of the years in the range, an undated one never, and the filters as they are without a range', () => {
    const docs = [{ id: 'a', year: 2019 }, { id: 'b', year: 2022 }, { id: 'c', year: null }, { id: 'd', year: 2023 }];
    expect(docsWithin(docs, { from: 2019, to: 2022 })).toEqual(['a', 'b']);
    expect(withYearRange<{ kind: string; docs?: readonly string[] }>({ kind: 'table' }, { from: 2023, to: 2030 }, docs)).toEqual({ kind: 'table', docs: ['d'] });
    expect(withYearRange<{ kind: string; docs?: readonly string[] }>({ kind: 'table' }, undefined, docs)).toEqual({ kind: 'table' });
  });
});

describe('a range of years, over the bundled corpus', () => {
  const bundled = useBundledEngine();
  const queries = ['乡村振兴', '旅游', '"高质量发展"', 'tourism', '教育 医疗', '边境 OR 口岸'];

  it('finds what its years find one by one, every hit and facet within it, in the query or asked', async () => {
    const engine = bundled.engine();
    const years = fc.integer({ min: 2018, max: 2027 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries), years, years, async (q, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        let expected = 0;
        for (let y = from; y <= to; y++) expected += (await engine.search(q, { year: y, limit: 1 })).total;
        const typed = await engine.search(`${q} year:${b}-${a}`, { limit: 100 });
        expect(typed.total).toBe(expected);
        expect(typed.hits.every((h) => h.year !== null && h.year >= from && h.year <= to)).toBe(true);
        expect(Object.keys(typed.facets.year).every((y) => Number(y) >= from && Number(y) <= to)).toBe(true);
        const asked = await engine.search(q, { years: { from, to }, limit: 100 });
        expect(asked.total).toBe(expected);
        expect(asked.hits.map((h) => h.id)).toEqual(typed.hits.map((h) => h.id));
      }),
      { numRuns: 25 },
    );
  });

  it('is overridden by an asked year, as a typed year is; sorted by date, it pages through its years alone', async () => {
    const engine = bundled.engine();
    expect((await engine.search('乡村振兴 year:2020-2021', { year: 2024 })).total).toBe((await engine.search('乡村振兴', { year: 2024 })).total);
    const oldest = await engine.search('旅游 year:2021-2024', { sort: 'oldest', limit: 100 });
    const years = oldest.hits.map((h) => h.year ?? 0);
    expect(years).toEqual([...years].sort((x, y) => x - y));
    expect(years[0]).toBeGreaterThanOrEqual(2021);
    expect(years.at(-1)).toBeLessThanOrEqual(2024);
  });

  it('restricts a concordance and a trend: the trend\'s years are the range\'s', async () => {
    const engine = bundled.engine();
    const one = async (y: number) => (await engine.concordance('"乡村振兴"', { year: y })).total;
    const expected = (await one(2020)) + (await one(2021)) + (await one(2022)) + (await one(2023));
    expect((await engine.concordance('"乡村振兴" year:2020-2023')).total).toBe(expected);
    expect((await engine.concordance('"乡村振兴"', { years: { from: 2020, to: 2023 } })).total).toBe(expected);
    const trend = await engine.trend('乡村振兴 year:2020-2023');
    expect(trend.total).toBe(expected);
    expect(trend.years.every((y) => y.year >= 2020 && y.year <= 2023)).toBe(true);
  });
});
