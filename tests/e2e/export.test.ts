/**
 * Sorting and export on the page, in Chromium: the sort select reorders the results and is kept in the URL,
 * "Download CSV" and "Export results as citations" download the results in that order (with and without
 * JavaScript), and a hit's and the reader's citation links download RIS and BibTeX files that hold the
 * report's Chinese title.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SearchResponse } from '../../src/search/types.js';
import { hasChromium, openPage, useBrowserSuite, waitForResults, type BrowserSuite } from './browser.js';

const q = encodeURIComponent('乡村振兴');
let suite: BrowserSuite;

/** A search answer straight from the server the page talks to. */
const search = async (params: string): Promise<SearchResponse> => (await (await fetch(`${suite.base}/api/search?q=${q}&${params}`)).json()) as SearchResponse;

describe.skipIf(!hasChromium)(`sorting and export in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((started) => (suite = started));
  // Polls wait this long at most for the page to redraw (a bound, not a measured time).
  const redraw = { timeout: 15_000 };

  it('sorts by date from the select, keeps the order in the URL, and downloads the results as CSV in that order', async () => {
    const { page, context, problems } = await openPage(suite.browser, 'en-US');
    await page.goto(`${suite.base}/?q=${q}`);
    await waitForResults(page);
    expect(await page.locator('#results-sort option').allTextContents()).toEqual(['Relevance', 'Newest first', 'Oldest first']);
    await page.selectOption('#results-sort', 'oldest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), redraw).toBe('oldest');
    const oldest = await search('sort=oldest&limit=10&lang=en');
    const hrefs = () => page.locator('#results .hit-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await expect.poll(hrefs, redraw).toEqual(oldest.hits.map((h) => h.url));
    // The order survives paging and a reload.
    await page.getByRole('link', { name: 'Next' }).click();
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('oldest');
    await page.reload();
    await waitForResults(page);
    expect(await page.locator('#results-sort').inputValue()).toBe('oldest');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.results-csv').click()]);
    expect(download.suggestedFilename()).toBe('search-乡村振兴.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    const all = await search('sort=oldest&limit=100&lang=en');
    expect(rows[0]?.slice(0, 3)).toEqual(['rank', 'id', 'report']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.hits.map((h) => h.id));
    expect(rows.slice(1).map((r) => Number(r[4]))).toEqual([...rows.slice(1).map((r) => Number(r[4]))].sort((a, b) => a - b));
    expect(rows[1]?.[11]).toBe(all.hits[0]?.citation.en);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('labels the sort in Chinese', async () => {
    const { page, context, problems } = await openPage(suite.browser, 'zh-CN');
    await page.goto(`${suite.base}/?q=${q}&sort=newest`);
    await waitForResults(page);
    expect(await page.locator('#results-sort option').allTextContents()).toEqual(['按相关度', '最新在前', '最早在前']);
    expect(await page.locator('#results-sort').inputValue()).toBe('newest');
    expect(await page.locator('a.results-csv').textContent()).toBe('下载 CSV');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers results and concordance lines past one file\'s rows as ranges of files, none passed off as the whole list', async () => {
    const { page, context, problems } = await openPage(suite.browser, 'en-US');
    // The bundled corpus has no search of more than 1,000 results nor a concordance of more than 10,000 lines:
    // the answers say there are 2,500 results and 17,036 occurrences.
    await page.route('**/api/search?*', async (route) => {
      const found = (await (await route.fetch()).json()) as SearchResponse;
      await route.fulfill({ json: { ...found, total: 2500 } });
    });
    await page.route('**/api/concordance?*', async (route) => {
      const found = (await (await route.fetch()).json()) as { total: number };
      await route.fulfill({ json: { ...found, total: 17036 } });
    });
    await page.goto(`${suite.base}/?q=${q}&sort=oldest`);
    await waitForResults(page);
    const menu = page.locator('.results-toolbar details.csv-downloads');
    await menu.locator('summary').click();
    const links = menu.locator('a.results-csv');
    expect(await links.allTextContents()).toEqual(['1–1,000 of 2,500', '1,001–2,000 of 2,500', '2,001–2,500 of 2,500']);
    const offsets = await links.evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', 'http://x').searchParams.get('offset')));
    expect(offsets).toEqual([null, '1000', '2000']);
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(1).click()]);
    const rows = parse(readFileSync(await download.path(), 'utf8').slice(1)) as string[][];
    // The file of the second range holds what the search holds from its 1,001st result: here none.
    expect(rows[0]?.slice(0, 3)).toEqual(['rank', 'id', 'report']);

    // The citations, by the same ranges, each in the three formats; opening them closes the CSV's list.
    const cite = page.locator('.results-toolbar details.results-citations');
    await menu.locator('summary').click();
    await cite.locator('summary').click();
    await cite.locator('a.results-ris').first().waitFor();
    await menu.locator('summary').click();
    await expect.poll(() => cite.evaluate((d) => d.hasAttribute('open')), redraw).toBe(false);
    const citeLinks = cite.locator('a.results-citation');
    expect(await cite.locator('.range-label').allTextContents()).toEqual(['1–1,000 of 2,500', '1,001–2,000 of 2,500', '2,001–2,500 of 2,500']);
    const params = await citeLinks.evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', 'http://x').searchParams).map((p) => `${p.get('format')}@${p.get('offset') ?? 0}/${p.get('sort')}`));
    expect(params).toEqual(['0', '1000', '2000'].flatMap((offset) => ['ris', 'bibtex', 'csl-json'].map((format) => `${format}@${offset}/oldest`)));

    await page.goto(`${suite.base}/?q=${q}&view=kwic`);
    const kwic = page.locator('details.csv-downloads:has(a.kwic-csv)');
    await kwic.locator('summary').click();
    expect(await kwic.locator('a.kwic-csv').allTextContents()).toEqual(['1–10,000 of 17,036', '10,001–17,036 of 17,036']);
    expect(await kwic.locator('a.kwic-csv').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', 'http://x').searchParams.get('offset')))).toEqual([null, '10000']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads every result as citations from beside "Download CSV", one record per result in the order shown', async () => {
    const { page, context, problems } = await openPage(suite.browser, 'en-US');
    await page.goto(`${suite.base}/?q=${q}&sort=oldest`);
    await waitForResults(page);
    const menu = page.locator('.results-toolbar details.results-citations');
    expect(await menu.locator('summary').textContent()).toBe('Citations');
    await menu.locator('summary').click();
    expect(await menu.locator('a.results-citation').allTextContents()).toEqual(['RIS', 'BibTeX', 'CSL-JSON']);
    const all = await search('sort=oldest&limit=100');
    expect(all.total).toBeLessThanOrEqual(100);

    const [ris] = await Promise.all([page.waitForEvent('download'), menu.locator('a.results-ris').click()]);
    expect(ris.suggestedFilename()).toBe('search-乡村振兴.ris');
    const risText = readFileSync(await ris.path(), 'utf8');
    expect([...risText.matchAll(/^TY {2}- /gm)]).toHaveLength(all.total);
    expect([...risText.matchAll(/^UR {2}- .*\/p\/(\S+)$/gm)].map((m) => m[1])).toEqual(all.hits.map((h) => h.id));

    const [bib] = await Promise.all([page.waitForEvent('download'), menu.locator('a.results-bibtex').click()]);
    expect(bib.suggestedFilename()).toBe('search-乡村振兴.bib');
    const keys = [...readFileSync(await bib.path(), 'utf8').matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect([keys.length, new Set(keys).size]).toEqual([all.total, all.total]);

    const [csl] = await Promise.all([page.waitForEvent('download'), menu.locator('a.results-csl-json').click()]);
    expect(csl.suggestedFilename()).toBe('search-乡村振兴.json');
    const items = JSON.parse(readFileSync(await csl.path(), 'utf8')) as Array<{ id: string }>;
    expect(items.map((i) => i.id)).toEqual(all.hits.map((h) => h.id));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the same downloads without JavaScript, in Chinese, and they download', async () => {
    const url = `${suite.base}/?q=${q}&sort=newest&year=2024`;
    const hrefs = (page: Page) => page.locator('#results-toolbar a[download]').evaluateAll((as) => as.map((a) => `${a.className} ${a.getAttribute('href')}`));
    const scripted = await openPage(suite.browser, 'zh-CN');
    await scripted.page.goto(url);
    await waitForResults(scripted.page);
    const withScript = await hrefs(scripted.page);
    expect(scripted.problems).toEqual([]);
    await scripted.context.close();

    const context = await suite.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    expect(await hrefs(page)).toEqual(withScript);
    const menu = page.locator('#results-toolbar details.results-citations');
    expect(await menu.locator('summary').textContent()).toBe('导出全部引文');
    expect(await page.locator('#results-toolbar a.results-csv').textContent()).toBe('下载 CSV');
    await menu.locator('summary').click();
    const [bib] = await Promise.all([page.waitForEvent('download'), menu.locator('a.results-bibtex').click()]);
    const found = await search('sort=newest&year=2024&limit=100');
    const text = readFileSync(await bib.path(), 'utf8');
    expect([...text.matchAll(/^\s*url = \{.*\/p\/([^}]+)\},$/gm)].map((m) => m[1])).toEqual(found.hits.map((h) => h.id));
    await context.close();
  });

  it('downloads a hit\'s citation as RIS and the reader\'s as BibTeX, with the Chinese title', async () => {
    const { page, context, problems } = await openPage(suite.browser, 'zh-CN');
    await page.goto(`${suite.base}/?q=${q}`);
    await waitForResults(page);
    const [first] = (await search('limit=1')).hits;
    const hit = page.locator('#results .hit').first();
    await hit.locator('.citation-downloads > summary').click();
    const [ris] = await Promise.all([page.waitForEvent('download'), hit.locator('a.citation-ris').click()]);
    expect(ris.suggestedFilename()).toBe(`${first?.id}.ris`);
    const risText = readFileSync(await ris.path(), 'utf8');
    expect(risText.split(/\r?\n/)).toEqual(expect.arrayContaining(['TY  - RPRT', `TI  - ${first?.docTitle}`, 'AU  - 西藏自治区人民政府']));

    await page.goto(`${suite.base}${first?.url}`);
    const summary = page.locator('#reader-bar .citation-downloads > summary');
    await summary.waitFor();
    await summary.click();
    const [bib] = await Promise.all([page.waitForEvent('download'), page.locator('#reader-bar a.citation-bibtex').click()]);
    expect(bib.suggestedFilename()).toBe(`${first?.id}.bib`);
    const bibText = readFileSync(await bib.path(), 'utf8');
    expect(bibText).toContain(`title = {${first?.docTitle}}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
