/**
 * The Region list, over a corpus of reports from the nation, a province and a district whose reports name it two
 * ways (海拉尔区, 呼伦贝尔市海拉尔区): `/api/documents` lists each region once with its reports; the search page
 * rendered without script offers it with counts, and a region picked there (`region=…`, as the form sends it) is
 * written into the query, which the engine reads; the library lists the district once.
 */
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { RegionGroup } from '../../src/search/region-groups.js';
import type { SearchResponse } from '../../src/search/types.js';
import { REGION_REPORTS } from '../region-reports.js';
import { useTempCorpusEngine } from '../temp-corpus-engine.js';


const engine = useTempCorpusEngine(REGION_REPORTS, 'region-list-');

async function page(url: string): Promise<CheerioAPI> {
  return load((await request(createApp(engine())).get(url).expect(200)).text);
}
const api = async <T>(url: string): Promise<T> => (await request(createApp(engine())).get(url).expect(200)).body as T;
const options = ($: CheerioAPI, select: string): string[][] =>
  $(`${select} option`).toArray().map((o) => [$(o).attr('value') ?? '', $(o).text(), $(o).attr('selected') === undefined ? '' : 'selected']);

describe('the Region list', () => {
  it('lists each region once, however its reports name it, in the official order', async () => {
    const { documents, regions } = await api<{ documents: Array<{ id: string; region: string }>; regions: RegionGroup[] }>('/api/documents');
    expect(new Set(documents.map((d) => d.region))).toEqual(new Set(['China (national)', 'Guangdong Province', '海拉尔区', '呼伦贝尔市海拉尔区']));
    const hailar = documents.filter((d) => d.region.includes('海拉尔')).map((d) => d.id).sort();
    expect(regions.map((r) => [r.value, r.zh, r.en])).toEqual([
      ['全国', '全国', 'National'],
      ['广东省', '广东省', 'Guangdong Province'],
      ['呼伦贝尔市海拉尔区', '呼伦贝尔市海拉尔区', 'Hailar District, Hulunbuir City'],
    ]);
    expect([...regions[2]!.docs].sort()).toEqual(hailar);
  });

  it('is offered on the search page with each region\'s passages, and a region picked there is searched', async () => {
    const all = await api<SearchResponse>('/api/search?q=乡村振兴');
    const $ = await page(`/?q=${encodeURIComponent('乡村振兴')}`);
    const listed = options($, '#filter-region');
    expect(listed.map(([value]) => value)).toEqual(['', '全国', '广东省', '呼伦贝尔市海拉尔区']);
    // The counts add up to the passages found.
    const counts = listed.slice(1).map(([, text]) => Number(/\((\d+)\)$/.exec(text!)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(all.total);

    // As the form sends it: the query without filters, and the region picked.
    const picked = await page(`/?q=${encodeURIComponent('乡村振兴')}&region=${encodeURIComponent('呼伦贝尔市海拉尔区')}&doc=&year=&kind=`);
    expect(picked('#q').attr('value')).toBe('乡村振兴 region:呼伦贝尔市海拉尔区');
    expect(options(picked, '#filter-region').find(([, , s]) => s)?.[0]).toBe('呼伦贝尔市海拉尔区');
    expect(picked('form.filter-form input[name="q"]').attr('value')).toBe('乡村振兴');
    const titles = picked('#results a.hit-title').toArray().map((a) => picked(a).text());
    expect(titles.length).toBe(counts[2]);
    for (const title of titles) expect(title).toMatch(/海拉尔区/);
    // The other lists count what the region leaves: its two reports, its two years; its own list, every region.
    expect(options(picked, '#filter-doc').slice(1).map(([, text]) => text.replace(/ \(\d+\)$/, ''))).toEqual(['2019 · 2019年呼伦贝尔市海拉尔区政府工作报告', '2018 · 2018年海拉尔区政府工作报告']);
    expect(options(picked, '#filter-year').slice(1).map(([value]) => value)).toEqual(['2019', '2018']);
    expect(options(picked, '#filter-region')).toEqual(listed.map(([value, text]) => [value, text, value === '呼伦贝尔市海拉尔区' ? 'selected' : '']));
  });

  it('selects the region a query names by part of its name, and names it in English on the English page', async () => {
    const $ = await page(`/?q=${encodeURIComponent('乡村振兴 region:海拉尔')}&lang=en`);
    const listed = options($, '#filter-region');
    expect(listed.map(([, text]) => text.replace(/ \(\d+\)$/, ''))).toEqual(['All', 'National', 'Guangdong Province', 'Hailar District, Hulunbuir City']);
    expect(listed.find(([, , s]) => s)?.[0]).toBe('呼伦贝尔市海拉尔区');
    expect($('label[for="filter-region"]').text()).toBe('Region');
  });

  it('takes a region beside the query in the API, as region: in it, over the query\'s own', async () => {
    const typed = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴 region:海拉尔')}`);
    const asked = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴')}&region=${encodeURIComponent('海拉尔')}`);
    expect(asked.total).toBe(2);
    expect(asked.hits.map((h) => h.id)).toEqual(typed.hits.map((h) => h.id));
    // A region of several words, quoted in the query.
    const quoted = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴 region:"Guangdong Province"')}`);
    expect(quoted.hits.map((h) => h.docId)).toEqual(['guangdong-2025-government-work-report']);
    const over = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴 region:广东')}&region=${encodeURIComponent('海拉尔')}`);
    expect(over.hits.map((h) => h.id)).toEqual(typed.hits.map((h) => h.id));
    const lines = await api<{ total: number; lines: Array<{ docId: string }> }>(`/api/concordance?q=${encodeURIComponent('乡村振兴')}&region=national`);
    expect(lines.total).toBe(2);
    const csv = await request(createApp(engine())).get(`/api/search?q=${encodeURIComponent('乡村振兴')}&region=${encodeURIComponent('广东')}&format=csv`).expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(2); // the header and Guangdong's one passage
    const tooLong = await request(createApp(engine())).get(`/api/search?q=x&region=${'广'.repeat(101)}`).expect(400);
    expect(tooLong.body.error.code).toBe('PARAMETER_TOO_LONG');
  });

  it('says when a query names no region of the reports, in the API and on the page, in both languages', async () => {
    const none = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴 region:Atlantis')}`);
    expect([none.total, none.noticeCode]).toEqual([0, 'UNKNOWN_REGION']);
    expect(none.notice).toContain('"Atlantis"');
    expect((await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴')}&region=Atlantis`)).noticeCode).toBe('UNKNOWN_REGION');
    // A region that has reports, none of them in the years asked: nothing found, and no such notice.
    const empty = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴 region:广东 year:2018-2019')}`);
    expect([empty.total, empty.noticeCode]).toEqual([0, undefined]);
    const zh = await page(`/?q=${encodeURIComponent('乡村振兴 region:Atlantis')}`);
    expect(zh('.engine-notice').text()).toBe('没有地区为“Atlantis”的报告：地区以其名称或名称的一部分表示（如 region:广东、region:西藏）。');
    const en = await page(`/?q=${encodeURIComponent('乡村振兴 region:Atlantis')}&lang=en`);
    expect(en('.engine-notice').text()).toContain('No report is from a region named “Atlantis”');
  });

  it('proposes a word that names a region as its filter, when that finds more, on both pages', async () => {
    // The district's reports never name it in their passages: as text it finds nothing, as a region both.
    const found = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('海拉尔 乡村振兴')}`);
    expect(found.total).toBe(0);
    expect(found.asRegion).toEqual({ query: '乡村振兴 region:呼伦贝尔市海拉尔区', region: '呼伦贝尔市海拉尔区', total: 2 });
    expect((await api<SearchResponse>(`/api/search?q=${encodeURIComponent('乡村振兴')}`)).asRegion).toBeUndefined();
    expect((await api<SearchResponse>(`/api/search?q=${encodeURIComponent('海拉尔 乡村振兴')}&region=${encodeURIComponent('广东')}`)).asRegion).toBeUndefined();
    const $ = await page(`/?q=${encodeURIComponent('海拉尔 乡村振兴')}&lang=en`);
    const link = $('p.as-region a.did-you-mean-query');
    expect(link.text()).toBe('乡村振兴 region:呼伦贝尔市海拉尔区');
    expect($('p.as-region').text()).toContain('As a region filter:');
    const followed = await page(link.attr('href')!);
    expect(followed('#results > li.hit').length).toBe(2);
  });

  it('draws a region\'s trend over its own reports: their years, their characters', async () => {
    const trend = await api<{ series: Array<{ total: number; years: Array<{ year: number; reports: number; occurrences: number; chars: number }> }> }>(
      `/api/trend?q=${encodeURIComponent('乡村振兴 region:海拉尔')}`,
    );
    const [series] = trend.series;
    expect(series!.years.map((y) => [y.year, y.reports, y.occurrences])).toEqual([[2018, 1, 1], [2019, 1, 1]]);
    // Each year's characters are those of the district's report of that year, counted from its passages.
    const { documents } = await api<{ documents: Array<{ id: string; year: number; region: string }> }>('/api/documents');
    for (const doc of documents.filter((d) => d.region.includes('海拉尔'))) {
      const { passages } = await api<{ passages: Array<{ text: string; textEn?: string }> }>(`/api/documents/${doc.id}`);
      const chars = passages.reduce((sum, p) => sum + Array.from(`${p.text}${p.textEn ?? ''}`.replace(/\s/gu, '')).length, 0);
      expect(series!.years.find((y) => y.year === doc.year)?.chars, doc.id).toBe(chars);
    }
  });

  it('names a report\'s region in the reader in the page\'s language', async () => {
    const { documents } = await api<{ documents: Array<{ id: string; region: string }> }>('/api/documents');
    const guangdong = documents.find((d) => d.region === 'Guangdong Province')!;
    const hailar = documents.find((d) => d.region === '海拉尔区')!;
    const answer = await api<{ passages: Array<{ id: string }>; region: unknown }>(`/api/documents/${guangdong.id}`);
    expect(answer.region).toEqual({ value: '广东省', zh: '广东省', en: 'Guangdong Province' });
    const first = answer.passages[0]!.id;
    expect((await page(`/p/${first}`))('#reader-header .doc-facts').text()).toMatch(/ · 广东省$/);
    expect((await page(`/p/${first}?lang=en`))('#reader-header .doc-facts').text()).toMatch(/ · Guangdong Province$/);
    const district = (await api<{ passages: Array<{ id: string }> }>(`/api/documents/${hailar.id}`)).passages[0]!.id;
    expect((await page(`/p/${district}`))('#reader-header .doc-facts').text()).toMatch(/ · 呼伦贝尔市海拉尔区$/);
    expect((await page(`/p/${district}?lang=en`))('#reader-header .doc-facts').text()).toMatch(/ · Hailar District, Hulunbuir City$/);
  });

  it('lists the district once in the library, and its filter shows both its reports', async () => {
    const $ = await page('/reports');
    expect(options($, '#reports-region').map(([value, text]) => `${value}=${text}`)).toEqual(['=全部', '全国=全国', '广东省=广东省', '呼伦贝尔市海拉尔区=呼伦贝尔市海拉尔区']);
    const shown = async (region: string): Promise<string[]> => {
      const filtered = await page(`/reports?region=${encodeURIComponent(region)}`);
      return filtered('#reports-table tbody tr:not([hidden])').toArray().map((r) => filtered(r).attr('data-year') ?? '');
    };
    expect(await shown('呼伦贝尔市海拉尔区')).toEqual(['2019', '2018']);
    // An older address's region, or part of a name, selects the entry that holds what it finds.
    expect(await shown('海拉尔区')).toEqual(['2019', '2018']);
    expect(await shown('Guangdong Province')).toEqual(['2025']);
    const old = await page(`/reports?region=${encodeURIComponent('Guangdong Province')}`);
    expect(old('#reports-region option[selected]').attr('value')).toBe('广东省');
    const rows = $('#reports-table tbody tr').toArray();
    expect(rows.map((r) => $(r).attr('data-region'))).toEqual(['广东省', '全国', '呼伦贝尔市海拉尔区', '呼伦贝尔市海拉尔区']);
  });
});
