import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { SCREENSHOTS, hasChromium, jsonApi, openPage, useBrowserSuite, waitForResults } from './browser.js';

let browser: Browser;
let base: string;
const enc = encodeURIComponent;

const api = jsonApi(() => base);

describe.skipIf(!hasChromium)(`the search page's small faults${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('shows year:2024 typed in the query in the Year filter, and writes a year chosen there into the query', async () => {
    const { page, context, problems } = await openPage(browser, 'zh-CN');
    await page.goto(`${base}/?q=${enc('year:2024 乡村振兴')}`);
    await waitForResults(page);
    expect(await page.inputValue('#filter-year')).toBe('2024');
    const inQuery = await api<SearchResponse>(`/api/search?q=${enc('year:2024 乡村振兴')}&limit=1`);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${inQuery.total} 条结果`);
    // The list offers the other years too, counted without the filter.
    const all = await api<SearchResponse>(`/api/search?q=${enc('乡村振兴')}&limit=1`);
    const other = Object.keys(all.facets.year).find((y) => y !== '2024')!;
    expect(await page.locator(`#filter-year option[value="${other}"]`).count()).toBe(1);

    await page.selectOption('#filter-year', other);
    await page.waitForURL((url) => url.searchParams.get('q') === `year:${other} 乡村振兴`);
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.has('year')).toBe(false);
    expect(await page.inputValue('#q')).toBe(`year:${other} 乡村振兴`);
    expect(await page.inputValue('#filter-year')).toBe(other);

    await page.selectOption('#filter-year', '');
    await page.waitForURL((url) => url.searchParams.get('q') === '乡村振兴');
    await waitForResults(page);
    expect(await page.inputValue('#filter-year')).toBe('');
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${all.total} 条结果`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a range of years typed in the query in the Year filter, and writes a year chosen there in its place', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('乡村振兴 year:2020-2021')}`);
    await waitForResults(page);
    expect(await page.inputValue('#filter-year')).toBe('2020-2021');
    const ranged = await api<SearchResponse>(`/api/search?q=${enc('乡村振兴')}&year=2020-2021&limit=1`);
    expect(await page.locator('#filter-year option[value="2020-2021"]').textContent()).toContain('2020–2021');
    expect(await page.locator('#status .count').textContent()).toContain(`of ${ranged.total}`);
    await page.selectOption('#filter-year', '2021');
    await page.waitForURL((url) => url.searchParams.get('q') === '乡村振兴 year:2021');
    await waitForResults(page);
    expect(await page.inputValue('#filter-year')).toBe('2021');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks the years of a range chosen in the address in the chart, and narrows it to a year clicked there', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('乡村振兴')}&year=2020-2021`);
    await waitForResults(page);
    expect(await page.inputValue('#filter-year')).toBe('2020-2021');
    const marked = page.locator('#chart g.bar[aria-pressed="true"]');
    expect(await marked.count()).toBe(2);
    await marked.first().click();
    await page.waitForURL((url) => url.searchParams.get('year') === '2020');
    await waitForResults(page);
    expect(await page.locator('#chart g.bar[aria-pressed="true"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("says which filter of a shared link it cannot use, and why, in the page's language", async () => {
    for (const [locale, says] of [
      ['zh-CN', ['无法完成搜索', '参数 doc', '“no-such-report”', '参数 year', '1900 到 2100 之间的年份', '“1800”']],
      ['en-US', ['The search failed', 'Parameter doc names no report ("no-such-report")', 'Parameter year must be', '(got "1800")']],
    ] as const) {
      const { page, context } = await openPage(browser, locale);
      await page.goto(`${base}/?q=${enc('乡村振兴')}&doc=no-such-report`);
      await page.locator('#status .error').waitFor();
      const unknownReport = await page.locator('#status').innerText();
      await page.goto(`${base}/?q=${enc('乡村振兴')}&year=1800`);
      await page.locator('#status .error').waitFor();
      const badYear = await page.locator('#status').innerText();
      for (const part of says) expect(`${unknownReport}\n${badYear}`).toContain(part);
      await context.close();
    }
  });

  it('keeps the search when Escape is pressed with no suggestion list open', async () => {
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('乡村振兴')}`);
    await waitForResults(page);
    await page.locator('#q').focus();
    expect(await page.locator('#suggestions').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#q')).toBe('乡村振兴');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#q')).toBe('乡村振兴');
    expect(new URL(page.url()).searchParams.get('q')).toBe('乡村振兴');
    expect(await page.locator('#results > .hit').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [locale, message, linkText] of [
    ['zh-CN', (last: number) => `没有第 999 页：结果只有 ${last} 页。`, (last: number) => `回到第 ${last} 页`],
    ['en-US', (last: number) => `There is no page 999: the results end on page ${last}.`, (last: number) => `Go to page ${last}`],
  ] as const) {
    it(`says page 999 is past the last page and links back to it (${locale})`, async () => {
      const { page, context, problems } = await openPage(browser, locale);
      const { total } = await api<SearchResponse>(`/api/search?q=${enc('乡村振兴')}&limit=1`);
      const last = Math.ceil(total / 10);
      await page.goto(`${base}/?q=${enc('乡村振兴')}&page=999`);
      await waitForResults(page);
      expect(await page.locator('.past-end p').first().textContent()).toBe(message(last));
      await page.locator('.past-end a', { hasText: linkText(last) }).click();
      await page.waitForURL((url) => url.searchParams.get('page') === String(last));
      await waitForResults(page);
      expect(await page.locator('#results > .hit').count()).toBe(total - (last - 1) * 10);
      expect(await page.locator('.past-end').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('fits at least five hits in a 1280×900 window, in both languages', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, context } = await openPage(browser, locale);
      await page.goto(`${base}/?q=${enc('乡村振兴')}`);
      await waitForResults(page);
      const inWindow = await page
        .locator('#results > .hit')
        .evaluateAll((hits, height) => hits.filter((h) => h.getBoundingClientRect().bottom <= height).length, 900);
      expect(inWindow).toBeGreaterThanOrEqual(5);
      await context.close();
    }
  });

  it('cuts long report titles in the chart at their end, whole in the text and the tooltip', async () => {
    const { page, context } = await openPage(browser, 'en-US');
    await page.goto(`${base}/?q=${enc('乡村振兴')}`);
    await waitForResults(page);
    const labels = page.locator('.chart.docs .bar');
    expect(await labels.count()).toBeGreaterThan(0);
    for (const bar of await labels.all()) {
      const text = await bar.locator('.bar-title').textContent();
      expect(text).not.toContain('…');
      // The bundled reports' labels are their titles alone (no two read the same: no source file is named).
      expect(await bar.locator('.bar-source').count()).toBe(0);
      expect(await bar.getAttribute('title')).toBe(text);
    }
    const overflow = "[...document.querySelectorAll('.chart.docs .bar-title')].map((n) => getComputedStyle(n).textOverflow)";
    expect(new Set((await page.evaluate(overflow)) as string[])).toEqual(new Set(['ellipsis']));
    await context.close();
  });

  it('reads on a phone with a bar of at most 56 px and the outline folded before the text', async () => {
    const { page, context, problems } = await openPage(browser, 'zh-CN', { width: 390, height: 844 });
    const { hits } = await api<SearchResponse>(`/api/search?q=${enc('乡村振兴')}&limit=1`);
    await page.goto(`${base}${hits[0]!.url}`);
    await page.locator('#reader-bar .position').waitFor();
    expect((await page.locator('#reader-bar').boundingBox())!.height).toBeLessThanOrEqual(56);
    const fold = page.locator('#outline-fold');
    expect(await fold.getAttribute('open')).toBeNull();
    expect((await fold.boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await page.locator('#outline a').first().isVisible()).toBe(false);
    await page.locator('#outline-fold > summary').click();
    expect(await page.locator('#outline a').first().isVisible()).toBe(true);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-phone-zh.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
