/**
 * The Region list in the browser, over reports from three regions (`region-reports.ts`): it lists each region once
 * with its passages, in the page's language; a region picked is written into the query as `region:…` (the box and
 * the address show it), the results are that region's, and "All" takes it out again.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { REGION_REPORTS } from '../region-reports.js';
import { hasChromium, jsonApi, openPage, useBrowserSuite, waitForResults } from './browser.js';

let browser: Browser;
let base: string;
const api = jsonApi(() => base);

describe.skipIf(!hasChromium)(`the Region list in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite), { corpus: REGION_REPORTS });

  it('narrows the results to a region picked in the list, written into the query, and "All" takes it out', async () => {
    const { page, context, problems } = await openPage(browser, 'zh-CN', { width: 1280, height: 900 });
    const query = '乡村振兴';
    const all = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    const hailar = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(`${query} region:海拉尔`)}`);
    expect(hailar.total).toBeGreaterThan(0);
    expect(hailar.total).toBeLessThan(all.total);
    await page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    await waitForResults(page);
    const texts = await page.locator('#filter-region option').allTextContents();
    expect(texts[0]).toBe('全部');
    expect(texts.slice(1).map((t) => t.replace(/ \(\d+\)$/, ''))).toEqual(['全国', '广东省', '呼伦贝尔市海拉尔区']);
    expect(texts[3]).toBe(`呼伦贝尔市海拉尔区 (${hailar.total})`);

    await page.selectOption('#filter-region', '呼伦贝尔市海拉尔区');
    await page.waitForURL((url) => url.searchParams.get('q') === `${query} region:呼伦贝尔市海拉尔区`);
    await waitForResults(page);
    expect(await page.inputValue('#q')).toBe(`${query} region:呼伦贝尔市海拉尔区`);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${hailar.total} 条结果`);
    for (const title of await page.locator('.hit .hit-title').allTextContents()) expect(title).toMatch(/海拉尔区/);
    expect(await page.inputValue('#filter-region')).toBe('呼伦贝尔市海拉尔区');
    // The Report list counts what the region leaves (its two reports); the Region list, every region still.
    expect((await page.locator('#filter-doc option').allTextContents()).slice(1).map((t) => t.replace(/ \(\d+\)$/, '').replace(/^\d{4} · /, ''))).toEqual([
      '2019年呼伦贝尔市海拉尔区政府工作报告',
      '2018年海拉尔区政府工作报告',
    ]);
    expect(await page.locator('#filter-region option').allTextContents()).toEqual(texts);

    await page.selectOption('#filter-region', '');
    await page.waitForURL((url) => url.searchParams.get('q') === query);
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${all.total} 条结果`);

    // In English, the regions' English names; a region typed as part of its name selects its entry.
    await page.goto(`${base}/?q=${encodeURIComponent(`${query} region:海拉尔`)}&lang=en`);
    await waitForResults(page);
    expect(await page.inputValue('#filter-region')).toBe('呼伦贝尔市海拉尔区');
    expect(await page.locator('#filter-region option:checked').textContent()).toBe(`Hailar District, Hulunbuir City (${hailar.total})`);
    // A phrase compared in the trend is counted under the query's region too: 推进 once in the district's reports.
    const compared = await api<{ series: Array<{ total: number }> }>(`/api/trend?q=${encodeURIComponent('推进')}`);
    expect(compared.series[0]!.total).toBeGreaterThan(1);
    await page.goto(`${base}/?q=${encodeURIComponent(`${query} region:海拉尔`)}&vs=${encodeURIComponent('推进')}`);
    await page.locator('.trend-legend li.series-1').waitFor();
    expect(await page.locator('.trend-legend li.series-1').textContent()).toMatch(/^推进\D*1\D*×$/);

    // The reader names the report's region in the page's language.
    await page.goto(`${base}/?q=${encodeURIComponent(`${query} region:广东`)}&lang=en`);
    await waitForResults(page);
    await page.locator('.hit .hit-title').first().click();
    await page.locator('#reader-header .doc-facts').waitFor();
    expect(await page.locator('#reader-header .doc-facts').textContent()).toMatch(/ · Guangdong Province$/);

    // A word naming a region, proposed as its filter, followed.
    await page.goto(`${base}/?q=${encodeURIComponent(`海拉尔 ${query}`)}`);
    await page.locator('p.as-region a').click();
    await page.waitForURL((url) => url.searchParams.get('q') === `${query} region:呼伦贝尔市海拉尔区`);
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${hailar.total} 条结果`);

    // Before any search, what the search covers: four reports of three regions.
    await page.goto(`${base}/?lang=en`);
    await page.locator('#notice .corpus-summary').waitFor();
    expect(await page.locator('#notice .corpus-summary').textContent()).toBe('Searching 4 reports (2018–2025) from 3 regions. Library of reports');

    // A region no report is from: said so, in the page's language.
    await page.goto(`${base}/?q=${encodeURIComponent(`${query} region:Atlantis`)}&lang=en`);
    await page.locator('.engine-notice').waitFor();
    expect(await page.locator('.engine-notice').textContent()).toContain('No report is from a region named “Atlantis”');
    expect(problems).toEqual([]);
    await context.close();
  });
});
