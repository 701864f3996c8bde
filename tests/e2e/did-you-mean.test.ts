import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { SCREENSHOTS, hasChromium, openPage, waitForResults, useBrowserSuite } from './browser.js';
import type { Watched } from './browser.js';

let browser: Browser;
let base: string;

/** Opens the search for `q` and returns the answer the page received. */
async function searchFor(page: Page, q: string): Promise<SearchResponse> {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('q') === q);
  await page.goto(`${base}/?q=${encodeURIComponent(q)}`);
  const body = (await (await answer).json()) as SearchResponse;
  await waitForResults(page);
  return body;
}

/** Clicks the first proposal and checks that the page searched it: the box, the URL and the count follow. */
async function followFirst(watched: Watched, expected: string): Promise<void> {
  const { page } = watched;
  const link = page.locator('#notice .did-you-mean a').first();
  expect(await link.textContent()).toBe(expected);
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('q') === expected);
  await link.click();
  const body = (await (await answer).json()) as SearchResponse;
  await waitForResults(page);
  expect(body.total).toBeGreaterThan(0);
  expect(await page.inputValue('#q')).toBe(expected);
  expect(new URL(page.url()).searchParams.get('q')).toBe(expected);
  expect(await page.locator('#results > *').count()).toBeGreaterThan(0);
  expect(await page.locator('#notice .did-you-mean').count()).toBe(0);
}

async function finish(watched: Watched): Promise<void> {
  expect(watched.problems).toEqual([]);
  expect(watched.dialogs).toEqual([]);
  await watched.context.close();
}

describe.skipIf(!hasChromium)(`"did you mean" in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('offers 乡村振兴 for 乡村振新 in the Chinese interface, with its count, and clicking it searches it', async () => {
    const watched = await openPage(browser, 'zh-CN');
    const body = await searchFor(watched.page, '乡村振新');
    expect(body.total).toBe(0);
    const proposal = body.didYouMean?.[0];
    expect(proposal).toMatchObject({ query: '乡村振兴', reason: 'chinese-near-miss' });
    const line = watched.page.locator('#notice .did-you-mean');
    expect(await line.locator('.did-you-mean-label').textContent()).toBe('您是不是要找：');
    expect(await line.locator('.did-you-mean-count').first().textContent()).toBe(`（${proposal?.total} 条）`);
    await watched.page.screenshot({ path: path.join(SCREENSHOTS, 'did-you-mean-zh.png') });
    await followFirst(watched, '乡村振兴');
    await finish(watched);
  });

  it('offers tourism for toursim in the English interface, and clicking it searches it', async () => {
    const watched = await openPage(browser, 'en-US');
    const body = await searchFor(watched.page, 'toursim');
    expect(body.didYouMean?.[0]).toMatchObject({ query: 'tourism', reason: 'spelling' });
    expect(await watched.page.locator('#notice .did-you-mean-label').textContent()).toBe('Did you mean:');
    await followFirst(watched, 'tourism');
    await finish(watched);
  });

  it('offers the Chinese of pinyin typed as a query, and keeps a filter when following it', async () => {
    const watched = await openPage(browser, 'en-US');
    const year = '2021';
    const answer = watched.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('q') === 'xiangcun zhenxing');
    await watched.page.goto(`${base}/?q=${encodeURIComponent('xiangcun zhenxing')}&year=${year}`);
    const body = (await (await answer).json()) as SearchResponse;
    await waitForResults(watched.page);
    expect(body.didYouMean?.[0]).toMatchObject({ query: '乡村振兴', reason: 'pinyin' });
    expect(await watched.page.locator('#notice .did-you-mean a').first().getAttribute('title')).toBe('The Chinese this pinyin spells');
    await followFirst(watched, '乡村振兴');
    expect(new URL(watched.page.url()).searchParams.get('year')).toBe(year);
    await finish(watched);
  });
  it('offers a year written the other way, with its count, and clicking it searches that form', async () => {
    const watched = await openPage(browser, 'en-US');
    const body = await searchFor(watched.page, '2035年');
    const other = body.alsoWritten;
    expect(other).toMatchObject({ query: '二〇三五年', reason: 'in-chinese-numerals' });
    const line = watched.page.locator('#notice .also-written');
    expect(await line.locator('.did-you-mean-label').textContent()).toBe('With the numbers written the other way:');
    expect(await line.locator('.did-you-mean-count').textContent()).toBe(` (${other?.total} found)`);
    const link = line.locator('a');
    expect(await link.getAttribute('title')).toBe('Dates and percentages in Chinese numerals');
    const answer = watched.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('q') === '二〇三五年');
    await link.click();
    const followed = (await (await answer).json()) as SearchResponse;
    await waitForResults(watched.page);
    expect(followed.total).toBe(other?.total);
    expect(await watched.page.inputValue('#q')).toBe('二〇三五年');
    // The way back: the numerals' answer offers the digits.
    expect(await watched.page.locator('#notice .also-written a').textContent()).toBe('2035年');
    await finish(watched);
  });
});
