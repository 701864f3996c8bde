/**
 * The reports a query is restricted to by what they are: a range of years (`year:2013-2022` in a query, `years`
 * from an address) and a region (`region:广东`): those reports are searched. The per-year searches are the oracle: a
 * range finds exactly what its years find one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionIs, withReportScope } from '../../src/search/report-scope.js';
import { readYearRange } from '../../src/search/year-range.js';
import { useBundledEngine } from './bundled-engine.js';

describe('readYearRange, regionIs and withReportScope', () => {
  it('reads two years with a dash, a tilde, two dots, 至 or 到 between them, either way round', () => {
    for (const written of ['2013-2022', '2022-2013', '2013–2022', '2013—2022', '2013～2022', '2013~2022', '2013..2022', '2013至2022', '２０１３到２０２２', ' 2013 - 2022 ']) {
      expect(readYearRange(written), written).toEqual({ from: 2013, to: 2022 });
    }
  });

  it('reads no range from one year, other text, or a year outside 1900-2100', () => {
    for (const written of ['2024', '2013-', '-2022', '2013-22', '2013/2022', '1899-2000', '2000-2101', 'abc']) expect(readYearRange(written), written).toBeNull();
  });

  it('keeps the reports of the years in the range and of the region, an undated one never, the filters as they are without either', () => {
    const docs = [
      { id: 'a', year: 2019, region: 'Guangdong Province' },
      { id: 'b', year: 2022, region: 'China (national)' },
      { id: 'c', year: null, region: 'Guangdong Province' },
      { id: 'd', year: 2023, region: 'Xizang (Tibet) Autonomous Region' },
    ];
    type F = { kind: string; docs?: readonly string[] };
    expect(withReportScope<F>({ kind: 'table' }, { years: { from: 2019, to: 2022 } }, docs)).toEqual({ kind: 'table', docs: ['a', 'b'] });
    expect(withReportScope<F>({ kind: 'table' }, { region: '广东' }, docs)).toEqual({ kind: 'table', docs: ['a', 'c'] });
    expect(withReportScope<F>({ kind: 'table' }, { years: { from: 2019, to: 2030 }, region: 'guangdong' }, docs)).toEqual({ kind: 'table', docs: ['a'] });
    expect(withReportScope<F>({ kind: 'table' }, {}, docs)).toEqual({ kind: 'table' });
  });

  it('names a region by part of its English or Chinese name, in either script, the nation by national or 全国', () => {
    expect(regionIs('Xizang (Tibet) Autonomous Region', 'Tibet')).toBe(true);
    expect(regionIs('Xizang (Tibet) Autonomous Region', '西藏')).toBe(true);
    expect(regionIs('Xizang (Tibet) Autonomous Region', '西藏自治區')).toBe(true);
    expect(regionIs('Inner Mongolia Autonomous Region', '内蒙古')).toBe(true);
    expect(regionIs('海拉尔区', '海拉尔')).toBe(true);
    expect(regionIs('China (national)', '全国')).toBe(true);
    expect(regionIs('China (national)', 'National')).toBe(true);
    expect(regionIs('Shaanxi Province', 'Shanxi')).toBe(false);
    expect(regionIs('Shanxi Province', '陕西')).toBe(false);
    expect(regionIs('Guangdong Province', '广西')).toBe(false);
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

  it('restricts to a region named in the query, with a range too, in a search and a concordance', async () => {
    const engine = bundled.engine();
    const all = (await engine.search('旅游', { limit: 1 })).total;
    expect((await engine.search('旅游 region:西藏', { limit: 1 })).total).toBe(all);
    expect((await engine.search('旅游 region:Tibet year:2020-2021', { limit: 1 })).total).toBe((await engine.search('旅游 year:2020-2021', { limit: 1 })).total);
    expect((await engine.search('旅游 region:广东', { limit: 1 })).total).toBe(0);
    expect((await engine.concordance('"旅游" region:广东')).total).toBe(0);
    expect((await engine.concordance('"旅游" region:xizang')).total).toBe((await engine.concordance('"旅游"')).total);
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
