import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ConcordanceResponse } from '../../src/search/research.js';
import { SCREENSHOTS, hasChromium, jsonApi, openPage, useBrowserSuite, waitForResults } from './browser.js';

let browser: Browser;
let base: string;
const enc = encodeURIComponent;
/** How long a poll waits for the page to redraw (a bound, not a measured time). */
const WAIT = { timeout: 15_000 };

const api = jsonApi(() => base);

describe.skipIf(!hasChromium)(`the research views in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('shows the concordance with the keyword column aligned, sorts it by right context, and loads more lines', async () => {
    const { page, context, problems } = await openPage(browser, 'zh-CN');
    await page.goto(`${base}/?q=${enc('乡村振兴')}&vs=${enc('高质量发展')}`);
    await waitForResults(page);
    await page.getByRole('link', { name: '语境索引' }).click();
    await page.locator('table.kwic tbody tr').first().waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('kwic');
    const expected = await api<ConcordanceResponse>(`/api/concordance?q=${enc('乡村振兴')}&context=30&limit=100`);
    expect(await page.locator('.kwic-count').textContent()).toContain(`共出现 ${expected.total} 次`);
    const rows = page.locator('table.kwic tbody tr');
    expect(await rows.count()).toBe(Math.min(100, expected.total));
    expect(await rows.first().locator('.kwic-left').textContent()).toBe(expected.lines[0]!.left);
    expect(await rows.first().locator('.kwic-right').textContent()).toBe(expected.lines[0]!.right);
    // The keyword column is aligned: every keyword cell starts at the same x.
    const xs = await page.locator('td.kwic-match').evaluateAll((cells) => cells.slice(0, 20).map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(new Set(xs).size).toBe(1);
    await page.selectOption('#kwic-sort', 'right');
    const sorted = await api<ConcordanceResponse>(`/api/concordance?q=${enc('乡村振兴')}&context=30&limit=100&sort=right`);
    await expect.poll(() => page.locator('table.kwic tbody tr .kwic-right').first().textContent(), WAIT).toBe(sorted.lines[0]!.right);
    const rights = await page.locator('table.kwic tbody .kwic-right').allTextContents();
    expect(rights).toEqual(sorted.lines.map((l) => l.right));
    if (expected.total > 100) {
      await page.locator('.kwic-more').click();
      await expect.poll(() => rows.count(), WAIT).toBe(Math.min(200, expected.total));
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'concordance-zh.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the whole keyword of every concordance line on a phone, in both languages', async () => {
    for (const [locale, phrase] of [['zh-CN', '乡村振兴'], ['en-US', '高质量发展']] as const) {
      const { page, context, problems } = await openPage(browser, locale, { width: 390, height: 844 });
      await page.goto(`${base}/?q=${enc(`"${phrase}"`)}&view=kwic`);
      await page.locator('table.kwic tbody tr').first().waitFor();
      // Each keyword cell is wide enough for its keyword: nothing of it is cut off.
      const cells = await page.locator('td.kwic-match').evaluateAll((tds) => tds.slice(0, 20).map((td) => ({ text: td.textContent, shown: td.clientWidth, needed: td.scrollWidth })));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.shown, `${locale} ${cell.text}`).toBeGreaterThanOrEqual(cell.needed);
      // And the contexts still show something on both sides.
      const sides = await page.locator('td.kwic-left, td.kwic-right').evaluateAll((tds) => Math.min(...tds.slice(0, 10).map((td) => td.clientWidth)));
      expect(sides).toBeGreaterThan(60);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `concordance-phone-${locale}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('cuts a long keyword on a phone rather than squeeze its contexts away', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US', { width: 390, height: 844 });
    await page.goto(`${base}/?q=${enc('"巩固拓展脱贫攻坚成果同乡村振兴有效衔接"')}&view=kwic`);
    await page.locator('table.kwic tbody tr').first().waitFor();
    const widths = await page.locator('tbody td.kwic-left, tbody td.kwic-right').evaluateAll((tds) => tds.map((td) => td.clientWidth));
    expect(Math.min(...widths)).toBeGreaterThan(90);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the concordance as CSV, every occurrence in the chosen order', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('"高质量发展"')}&view=kwic`);
    await page.locator('table.kwic tbody tr').first().waitFor();
    await page.selectOption('#kwic-sort', 'year');
    await page.locator('a.kwic-csv[href*="sort=year"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.kwic-csv').click()]);
    expect(download.suggestedFilename()).toBe('concordance-高质量发展.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const { total, lines } = await api<ConcordanceResponse>(`/api/concordance?q=${enc('"高质量发展"')}&limit=10000&sort=year`);
    const rows = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('left,match,right,docId,year,passageId,paragraph,page,field');
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).map((r) => r.split(',').find((cell) => /-p\d{4}$/.test(cell)))).toEqual(lines.map((l) => l.passageId));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('charts passages per year for a proximity query, asking no trend the server refuses', async () => {
    for (const q of ['旅游 /s 生态', '"高质量发展" /p 改革', '边境 NEAR/10 小康']) {
      const { page, context, problems } = await openPage(browser, 'en-US');
      const refused: string[] = [];
      page.on('response', (res) => {
        if (res.status() >= 400) refused.push(`${res.status()} ${res.url()}`);
      });
      await page.goto(`${base}/?q=${enc(q)}`);
      await waitForResults(page);
      await page.locator('svg.chart.years .bar').first().waitFor();
      expect(refused, q).toEqual([]);
      expect(problems, q).toEqual([]);
      await context.close();
    }
  });

  it('charts the passages found per year for an English query, asking no trend of its English words', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    const trends: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/trend')) trends.push(req.url());
    });
    await page.goto(`${base}/?q=${enc('tourism')}`);
    await waitForResults(page);
    await page.locator('svg.chart.years .bar').first().waitFor();
    expect(trends).toEqual([]);
    expect(await page.locator('.trend-figure').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses to compare the trend with a query a trend cannot follow, and keeps the trend drawn', async () => {
    for (const [locale, said] of [['en-US', 'one word or phrase'], ['zh-CN', '一个词或短语']] as const) {
      const { page, context, problems } = await openPage(browser, locale);
      const refused: string[] = [];
      page.on('response', (res) => {
        if (res.status() >= 400) refused.push(`${res.status()} ${res.url()}`);
      });
      await page.goto(`${base}/?q=${enc('乡村振兴')}`);
      await waitForResults(page);
      await page.locator('svg.chart.trend').waitFor();
      await page.fill('#trend-add', '旅游 OR 文化');
      await page.locator('#trend-add').press('Enter');
      await expect.poll(() => page.locator('#trend-add').evaluate((i) => (i as { validationMessage?: string }).validationMessage), WAIT).toContain(said);
      expect(new URL(page.url()).searchParams.getAll('vs')).toEqual([]);
      await page.fill('#trend-add', '旅游');
      expect(await page.locator('#trend-add').evaluate((i) => (i as { validationMessage?: string }).validationMessage)).toBe('');
      // A link made by hand with such a phrase: the query's trend is drawn, with the phrases a trend can follow.
      await page.goto(`${base}/?q=${enc('乡村振兴')}&vs=${enc('旅游 /s 生态')}&vs=${enc('高质量发展')}`);
      await waitForResults(page);
      await page.locator('svg.chart.trend .series-1 polyline').first().waitFor();
      expect(await page.locator('.trend-legend li').count()).toBe(2);
      expect(refused).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('draws the trend of two phrases per 10,000 characters, with raw counts on hover', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('乡村振兴')}`);
    await waitForResults(page);
    await page.locator('svg.chart.trend').waitFor();
    await page.fill('#trend-add', '高质量发展');
    await page.locator('#trend-add').press('Enter');
    await page.locator('svg.chart.trend .series-1 polyline').first().waitFor();
    expect(new URL(page.url()).searchParams.getAll('vs')).toEqual(['高质量发展']);
    await page.fill('#trend-add', 'tourism');
    await page.locator('.trend-add button').click();
    await page.locator('svg.chart.trend .series-2 polyline').first().waitFor({ state: 'attached' });
    await page.locator('.trend-legend .series-2 button').click();
    await expect.poll(() => page.locator('.trend-legend li').count(), WAIT).toBe(2);
    const trend = await api<{ series: Array<{ q: string; total: number; years: Array<{ year: number; occurrences: number; passages: number; reports: number }> }> }>(`/api/trend?q=${enc('乡村振兴')}&q=${enc('高质量发展')}`);
    const legend = await page.locator('.trend-legend li').allTextContents();
    expect(legend).toHaveLength(2);
    expect(legend[0]).toContain(`乡村振兴 (${trend.series[0]!.total} occurrences)`);
    expect(legend[1]).toContain(`高质量发展 (${trend.series[1]!.total.toLocaleString('en')} occurrences)`);
    const dated = trend.series[0]!.years.filter((y) => y.reports > 0);
    expect(await page.locator('svg.chart.trend .series-0 circle').count()).toBe(dated.length);
    expect(await page.locator('svg.chart.trend .series-1 circle').count()).toBe(dated.length);
    const year = dated.find((y) => y.occurrences > 0)!;
    const title = await page.locator(`svg.chart.trend g.bar[aria-label*="乡村振兴, ${year.year}:"] title`).textContent();
    expect(title).toContain(`乡村振兴, ${year.year}: ${year.occurrences} occurrences in ${year.passages} passages`);
    const other = trend.series[1]!.years.find((y) => y.year === year.year)!;
    expect(title).toContain(`高质量发展, ${year.year}: ${other.occurrences.toLocaleString('en')} occurrences`);
    await page.locator('#chart').screenshot({ path: path.join(SCREENSHOTS, 'trend-two-phrases-en.png') });
    await page.locator('.trend-legend .series-1 button').click();
    await expect.poll(() => page.locator('.trend-legend li').count(), WAIT).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('vs')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
