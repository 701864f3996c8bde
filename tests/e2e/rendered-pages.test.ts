/**
 * The server-rendered pages in Chromium: with JavaScript disabled the reader, a search and the library of
 * reports show their content and their forms work; with JavaScript on, the script takes them over without
 * drawing anything twice, and the reader's search within its report lists its matches and marks the terms.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PassageView, SearchResponse } from '../../src/search/types.js';
import { CONCEPT_LABELS } from '../server/concept-labels.js';
import { squash } from '../server/test-engine.js';
import { SCREENSHOTS, hasChromium, jsonApi, openPage, useBrowserSuite, waitForResults } from './browser.js';

let browser: Browser;
let base: string;

/** An API answer from the server under test (a 200 is expected). */
const api = jsonApi(() => base);

async function passageWith(phrase: string): Promise<PassageView> {
  const found = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(`"${phrase}"`)}`);
  return api<PassageView>(`/api/passages/${encodeURIComponent(found.hits[0]!.id)}`);
}

/** A script run before the page's own: counts passages removed from the document. */
const REMOVED_PASSAGES = `window.removedPassages = 0;
new MutationObserver((records) => {
  for (const r of records) for (const n of r.removedNodes) if (n.classList && n.classList.contains('passage')) window.removedPassages += 1;
}).observe(document, { childList: true, subtree: true });`;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations (WCAG 2 A/AA and best practice) within `selector`, as `rule: targets`. */
async function violations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE); // through the browser's debugger: the page's CSP does not apply
  const run = `axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`;
  return (await page.evaluate(run)) as string[];
}

/** A page in a context with JavaScript disabled. */
async function noScriptPage(locale = 'zh-CN'): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale, viewport: { width: 1280, height: 900 } });
  return { page: await context.newPage(), context };
}

describe.skipIf(!hasChromium)(`the server-rendered pages in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('shows the reader without JavaScript: the report, the cited paragraph in view, its citation, and a scoped search', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const { page, context } = await noScriptPage();
    await page.goto(`${base}/p/${encodeURIComponent(view.passage.id)}`);
    expect(await page.title()).toBe(`${view.doc.title} · 政府工作报告检索`);
    const current = page.locator('#reader-text .passage.cited');
    expect(await current.getAttribute('id')).toBe(view.passage.id);
    expect(squash((await current.textContent())!.replace('¶', ''))).toBe(squash(view.passage.text));
    // Focused on load (autofocus), so the browser scrolled it into view.
    const box = (await current.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    expect(Number(await page.evaluate('window.scrollY'))).toBeGreaterThan(0);
    await page.click('#reader-bar .ready-citation summary');
    expect(await page.locator('#reader-bar .ready-citation p').textContent()).toBe(view.citation.zh);
    expect(await page.locator('#reader-bar .ready-citation p').isVisible()).toBe(true);
    expect(await page.locator('#outline a').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-no-script.png') });
    // The search within the report asks the search page, filtered to the report.
    await page.fill('#doc-q', '牦牛');
    await page.press('#doc-q', 'Enter');
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === '牦牛' && url.searchParams.get('doc') === view.doc.id);
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('牦牛')}&doc=${view.doc.id}`);
    expect(await page.locator('#results > li.hit').count()).toBe(Math.min(10, answer.total));
    expect(await page.locator('#filter-doc option[selected]').getAttribute('value')).toBe(view.doc.id);
    await context.close();
  });

  it('shows a search without JavaScript: marked results, the total, paging and the filters form', async () => {
    const query = '乡村振兴';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    const { page, context } = await noScriptPage('en-US');
    await page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('#status .count').textContent()).toBe(`Results 1–10 of ${answer.total}`);
    expect(await page.locator('#results > li.hit').count()).toBe(10);
    const marks = await page.locator('#results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => squash(m) === query)).toBe(true);
    await page.click('#pager a[rel="next"]');
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    expect(await page.locator('#status .count').textContent()).toBe(`Results 11–${Math.min(20, answer.total)} of ${answer.total}`);
    await page.selectOption('#filter-year', '2021');
    await page.click('#filters button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.get('year') === '2021' && url.searchParams.get('q') === query);
    const years = await page.locator('#results .badge:not(.kind)').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2021']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-no-script.png') });
    await context.close();
  });

  it('shows what an English search looked for without JavaScript, and drops a word with one click', async () => {
    const query = 'herders zorblaxian jobs';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    expect(answer.concepts?.map((c) => c.en)).toEqual(['herders', 'zorblaxian', 'jobs']);
    const { page, context } = await noScriptPage('en-US');
    await page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('#concepts').isVisible()).toBe(true);
    expect(await page.locator('#concepts .concept-en').allTextContents()).toEqual(['herders', 'zorblaxian', 'jobs']);
    expect(await page.locator('#concepts .concept-untranslated .concept-note').textContent()).toBe(CONCEPT_LABELS.en.untranslated);
    expect(await page.locator('#concepts .feedback-word').allTextContents()).toEqual((answer.feedback ?? []).slice(0, 8));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'concepts-no-script.png') });
    await page.getByRole('link', { name: CONCEPT_LABELS.en.remove('zorblaxian'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'herders jobs');
    expect(await page.locator('#concepts .concept-en').allTextContents()).toEqual(['herders', 'jobs']);
    expect(await page.inputValue('#q')).toBe('herders jobs');
    const after = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('herders jobs')}`);
    expect(await page.locator('#status .count').textContent()).toBe(`Results 1–10 of ${after.total}`);
    await context.close();
    // axe runs through the page's debugger, which a context without JavaScript lacks: the page's own scripts are kept out instead.
    const unscripted = await openPage(browser, 'en-US');
    await unscripted.page.route('**/*.js', (route) => route.abort());
    await unscripted.page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    expect(await violations(unscripted.page, '#concepts')).toEqual([]);
    await unscripted.context.close();
    // With its script, the page redraws the line once, with buttons in place of the links.
    const scripted = await openPage(browser, 'en-US');
    await scripted.page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    await scripted.page.locator('#concepts button.concept-remove').first().waitFor();
    expect(await scripted.page.locator('#concepts .concept-list').count()).toBe(1);
    expect(await scripted.page.locator('#concepts .concept-en').allTextContents()).toEqual(['herders', 'zorblaxian', 'jobs']);
    expect(await scripted.page.locator('#concepts a.concept-remove').count()).toBe(0);
    expect(scripted.problems).toEqual([]);
    await scripted.context.close();
  });

  it('shows the library of reports without JavaScript and filters it with its form', async () => {
    const { page, context } = await noScriptPage();
    await page.goto(`${base}/?q=x`);
    await page.click('header a.header-link');
    await page.waitForURL(`${base}/reports`);
    expect(await page.locator('h1').textContent()).toBe('报告库');
    expect(await page.locator('#reports-table tbody tr:visible').count()).toBe(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-no-script.png') });
    await page.selectOption('#reports-from', '2023');
    await page.click('#reports-filters button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.get('from') === '2023');
    expect(await page.locator('#reports-table tbody tr:visible td.num:nth-child(2)').allTextContents()).toEqual(['2025', '2024', '2023']);
    await page.locator('#reports-table tbody tr:visible a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/p/'));
    expect(await page.locator('#reader-text .passage').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('takes the rendered reader over without drawing it twice, and its search marks the terms in the text', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const { passages } = await api<{ passages: unknown[] }>(`/api/documents/${view.doc.id}`);
    const { page, context, problems } = await openPage(browser);
    // Counts the passages taken out of the page: the script keeps the server's text, so none should be.
    await page.addInitScript({ content: REMOVED_PASSAGES });
    await page.goto(`${base}/p/${encodeURIComponent(view.passage.id)}`);
    await page.locator('#reader-bar button').first().waitFor(); // the script's bar (copy buttons) is up
    expect(await page.evaluate('window.removedPassages')).toBe(0);
    expect(await page.locator('#reader-text > .passage').count()).toBe(passages.length);
    expect(await page.locator('.passage.current').count()).toBe(1);
    expect(await page.locator('.passage.cited').count()).toBe(0); // the server's mark handed over to the script's
    expect(await page.locator('#reader-header h1').count()).toBe(1);

    const query = '牦牛';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&doc=${view.doc.id}&limit=100`);
    expect(answer.total).toBeGreaterThan(1);
    await page.fill('#doc-q', query);
    await page.press('#doc-q', 'Enter');
    await page.locator('#doc-search-results li').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${view.passage.id}`);
    expect(await page.locator('#doc-search-results .count').textContent()).toBe(`本报告中有 ${answer.total} 段匹配`);
    expect(await page.locator('#doc-search-results li').count()).toBe(answer.hits.length);
    await page.locator('#reader-header').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-search-box.png') });
    const marks = await page.locator('#reader-text mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(answer.total);
    expect(marks.every((m) => squash(m) === query)).toBe(true);
    const markedIds = await page.locator('#reader-text .passage:has(mark)').evaluateAll((nodes) => nodes.map((n) => n.id).sort());
    expect(markedIds).toEqual(answer.hits.map((h) => h.id).sort());
    expect(await page.locator('#reader-text > .passage').count()).toBe(passages.length);

    // A match jumps to its passage; the marks stay.
    const target = page.locator('#doc-search-results li a').nth(1);
    const targetId = (await target.getAttribute('data-id'))!;
    expect(await target.locator('.match-where').textContent()).toMatch(/^第 \d+ 段$|^标题$/);
    await target.click();
    await page.waitForURL(`${base}/p/${encodeURIComponent(targetId)}`);
    await page.locator(`.passage.current[id="${targetId}"]`).waitFor();
    expect(await page.locator('#reader-text mark').count()).toBe(marks.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-search-marks.png') });

    await page.click('.doc-search .link-button');
    await page.locator('#doc-search-results li').first().waitFor({ state: 'detached' });
    expect(await page.locator('#reader-text mark').count()).toBe(0);
    expect(await page.locator('.passage.current').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches within the report in the English interface too, and says when nothing matches', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/p/${encodeURIComponent(view.passage.id)}`);
    await page.locator('#reader-bar button').first().waitFor();
    expect(await page.locator('#doc-q').getAttribute('placeholder')).toBe('Search this report');
    await page.fill('#doc-q', '牦牛');
    await page.press('#doc-q', 'Enter');
    await page.locator('#doc-search-results li').first().waitFor();
    expect(await page.locator('#doc-search-results .count').textContent()).toMatch(/^\d+ passages of this report match$/);
    expect(await page.locator('#doc-search-results .match-where').first().textContent()).toMatch(/^Paragraph \d+$|^Heading$/);
    await page.fill('#doc-q', '"不存在的短语甲乙丙"');
    await page.press('#doc-q', 'Enter');
    await page.locator('#doc-search-results .no-results').waitFor();
    expect(await page.locator('#doc-search-results .no-results').textContent()).toBe('No passage of this report matches “"不存在的短语甲乙丙"”.');
    expect(await page.locator('#reader-text mark').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes a rendered search over with one list of results, and filters the library as one types', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(`${base}/?q=${encodeURIComponent('乡村振兴')}`);
    await waitForResults(page);
    expect(await page.locator('#results > li.hit').count()).toBe(10);
    expect(await page.locator('#filters select').count()).toBe(3);

    await page.click('header a.header-link');
    await page.waitForURL(`${base}/reports`);
    await page.fill('#reports-title', '五年规划');
    await page.waitForURL((url) => url.searchParams.get('title') === '五年规划');
    expect(await page.locator('#reports-table tbody tr:visible').count()).toBe(1);
    expect(await page.locator('#reports-count').textContent()).toBe('1 / 5 份报告');
    await page.fill('#reports-title', '');
    expect(await page.locator('#reports-table tbody tr:visible').count()).toBe(5);
    await page.click('#lang-switch');
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    expect(await page.locator('h1').textContent()).toBe('Library of reports');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the library of reports to a phone\'s width, in both languages', async () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const { page, context, problems } = await openPage(browser, locale, { width: 390, height: 844 });
      await page.goto(`${base}/reports`);
      expect(await page.locator('#reports-table tbody tr:visible').count()).toBe(5);
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('has no accessibility violations in the library (with and without its script) and in the reader\'s search', async () => {
    for (const script of [true, false]) {
      const { page, context } = await openPage(browser);
      // Without its script: the page's own scripts are not fetched (axe itself still runs).
      if (!script) await page.route('**/*.js', (route) => route.abort());
      await page.goto(`${base}/reports?from=2021`);
      expect(await violations(page, 'html')).toEqual([]);
      await context.close();
    }
    const view = await passageWith('公共文化服务取得新业绩');
    const { page, context, problems } = await openPage(browser, 'en-US');
    await page.goto(`${base}/p/${encodeURIComponent(view.passage.id)}`);
    await page.locator('#reader-bar button').first().waitFor();
    await page.fill('#doc-q', '牦牛');
    await page.press('#doc-q', 'Enter');
    await page.locator('#doc-search-results li').first().waitFor();
    expect(await violations(page, '#reader-header')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
