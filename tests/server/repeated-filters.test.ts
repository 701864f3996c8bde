import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-engine.js';

const app = useTestApp();
const get = (url: string) => request(app()).get(url);
const q = (text: string) => encodeURIComponent(text);

/** What each route finds for a query and extra parameters: passages of the search, its CSV rows, the concordance's and the trend's occurrences. */
async function found(query: string, extra = '') {
  const search = (await get(`/api/search?q=${q(query)}&limit=100${extra}`).expect(200)).body;
  const csv = (await get(`/api/search?q=${q(query)}&format=csv${extra}`).expect(200)).text;
  const concordance = (await get(`/api/concordance?q=${q(query)}&limit=1${extra}`).expect(200)).body;
  return { total: search.total, years: search.facets.year, csvRows: csv.trim().split('\n').length - 1, occurrences: concordance.total, passages: concordance.passages };
}

describe('a filter given twice', () => {
  it('counts the last of the query\'s filters of one key, on the search, its CSV, the concordance and the trend alike', async () => {
    const twice = await found('year:2024 year:2025 乡村');
    expect(twice).toEqual(await found('year:2025 乡村'));
    expect(Object.keys(twice.years)).toEqual(['2025']);
    expect(twice.csvRows).toBe(twice.total);
    const trend = (await get(`/api/trend?q=${q('year:2024 year:2025 乡村')}`).expect(200)).body;
    const byYear = Object.fromEntries(trend.years.filter((y: { occurrences: number }) => y.occurrences > 0).map((y: { year: number; occurrences: number }) => [y.year, y.occurrences]));
    expect(byYear).toEqual({ 2025: twice.occurrences });
  });

  it('counts the parameter over the query\'s own filter, on the search, its CSV and the concordance alike', async () => {
    expect(await found('year:2025 乡村', '&year=2024')).toEqual(await found('乡村', '&year=2024'));
    expect(await found('kind:table 乡村', '&kind=paragraph')).toEqual(await found('乡村', '&kind=paragraph'));
  });

  it('refuses a parameter given twice, with a 400 naming it', async () => {
    for (const route of ['search', 'concordance']) {
      const res = await get(`/api/${route}?q=${q('乡村')}&year=2024&year=2025&lang=en`).expect(400);
      expect(res.body.error.code).toBe('REPEATED_PARAMETER');
      expect(res.body.error.message).toContain('year');
    }
  });
});
