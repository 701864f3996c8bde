import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PassageView, SearchResponse } from '../../src/search/types.js';
import { squash } from '../server/test-engine.js';
import { SCREENSHOTS, hasChromium, jsonApi, openPage as openBrowserPage, waitForResults, useBrowserSuite } from './browser.js';
import type { Watched } from './browser.js';

let browser: Browser;
let base: string;

function openPage(locale = 'zh-CN', viewport = { width: 1280, height: 900 }): Promise<Watched> {
  return openBrowserPage(browser, locale, viewport);
}

const api = jsonApi(() => base);

/** Polls `check` until it holds (the test's own timeout bounds the wait). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.skipIf(!hasChromium)(`the page in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('searches as you type and marks every match of "高质量发展" in the results', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${base}/`);
    await page.locator('#q').pressSequentially('"高质量发展"');
    await page.locator('.hit mark').first().waitFor();
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('"高质量发展"');
    const expected = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('"高质量发展"')}&limit=10`);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${expected.total} 条结果`);
    const hits = page.locator('#results > .hit');
    expect(await hits.count()).toBe(expected.hits.length);
    for (let i = 0; i < expected.hits.length; i++) {
      const marks = await hits.nth(i).locator('.snippet mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(squash(marks.join(''))).toContain('高质量发展');
      expect(await hits.nth(i).locator('.snippet').textContent()).toBe(expected.hits[i]!.snippet);
    }
    await page.locator('#q').blur();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'results-desktop-zh.png'), fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says before any search what it covers, with a link to the library', async () => {
    const { page, context, problems } = await openPage();
    const { documents } = await api<{ documents: Array<{ year: number | null }> }>('/api/documents');
    const years = documents.flatMap((d) => (d.year === null ? [] : [d.year]));
    await page.goto(`${base}/`);
    const summary = page.locator('#notice .corpus-summary');
    await summary.waitFor();
    // The bundled reports are one region's: its count is not said.
    expect(await summary.textContent()).toBe(`检索范围：${documents.length} 份报告（${Math.min(...years)}–${Math.max(...years)} 年）。 报告库`);
    expect(await summary.locator('a').getAttribute('href')).toBe('/reports');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a passage of the same text once, with a link to where else it stands', async () => {
    const { page, context, problems } = await openPage('en-US');
    const query = '各位代表';
    const folded = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&fold=1&fields=text`);
    const twin = folded.hits.find((h) => (h.sameText ?? []).length > 0)!;
    await page.goto(`${base}/?q=${encodeURIComponent(query)}`);
    await waitForResults(page);
    expect(await page.locator('#results > .hit').count()).toBe(folded.hits.length);
    const line = page.locator('#results > .hit .same-text');
    expect(await line.count()).toBe(folded.hits.filter((h) => h.sameText).length);
    expect(await line.first().textContent()).toContain('Same text also in');
    expect(await line.first().locator('a').first().getAttribute('href')).toBe(twin.sameText![0]!.url);
    expect(await page.locator('#status .count').textContent()).toContain('of the same text folded in');
    await line.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'results-same-text-en.png'), fullPage: false });
    await line.first().locator('a').first().click();
    await page.waitForURL(`${base}${twin.sameText![0]!.url}`);
    await page.locator('.passage.current').waitFor();
    expect(await page.locator('.passage.current').getAttribute('id')).toBe(twin.sameText![0]!.id);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches the interface to English and remembers the choice after a reload', async () => {
    const { page, context, problems } = await openPage('zh-CN');
    await page.goto(`${base}/?q=${encodeURIComponent('光伏')}`);
    await waitForResults(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#status .count').textContent()).toMatch(/^第 1–\d+ 条，共 \d+ 条结果$/);
    // The server rendered the switch as a link to the English page (for readers without the script): the
    // script switches in place instead, the address unchanged.
    const address = page.url();
    await page.click('#lang-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(page.url()).toBe(address);
    expect(await page.locator('#status .count').textContent()).toMatch(/^Results 1–\d+ of \d+$/);
    expect(await page.locator('#lang-switch').textContent()).toBe('中文');
    expect(await page.locator('.hit .action').first().textContent()).toBe('Read in context');
    await page.reload();
    await waitForResults(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('button[type=submit]').textContent()).toBe('Search');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('names the search in the window title as the server does, after a typed search, back, and a language switch', async () => {
    const { page, context, problems } = await openPage('zh-CN');
    await page.goto(`${base}/?q=${encodeURIComponent('乡村振兴')}`);
    await waitForResults(page);
    expect(await page.title()).toBe('乡村振兴 · 政府工作报告检索');
    await page.locator('#q').fill('"高质量发展"');
    await page.locator('#q').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '"高质量发展"');
    await waitForResults(page);
    expect(await page.title()).toBe('"高质量发展" · 政府工作报告检索');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === '乡村振兴');
    await waitForResults(page);
    expect(await page.title()).toBe('乡村振兴 · 政府工作报告检索');
    await page.click('#lang-switch');
    expect(await page.title()).toBe('乡村振兴 · Government Report Search');
    await page.goto(`${base}/`);
    expect(await page.title()).toBe('Government Report Search');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('defaults to English for an English browser', async () => {
    const { page, context } = await openPage('en-US');
    await page.goto(`${base}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('#q').getAttribute('placeholder')).toContain('quoted phrase');
    await context.close();
  });

  it('narrows the results with a year filter and with a bar of the chart, and back undoes each', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${base}/?q=${encodeURIComponent('发展')}`);
    await waitForResults(page);
    const all = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('发展')}&limit=1`);
    const year = Object.keys(all.facets.year)[0]!;
    await page.selectOption('#filter-year', year);
    await page.waitForURL((url) => url.searchParams.get('year') === year);
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${all.facets.year[year]} 条结果`);
    for (const badge of await page.locator('.hit .hit-head .badge:not(.kind)').allTextContents()) expect(badge).toBe(year);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('year'));
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${all.total} 条结果`);

    const bar = page.locator('.chart.docs .bar').first();
    const count = /：(\d+) 段/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1];
    await bar.click();
    await page.waitForURL((url) => url.searchParams.has('doc'));
    await waitForResults(page);
    const doc = new URL(page.url()).searchParams.get('doc')!;
    expect(count).toBe(String(all.facets.doc[doc]));
    expect(await page.locator('#status .count').textContent()).toContain(`共 ${count} 条结果`);
    for (const href of await page.locator('.hit .hit-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(href?.startsWith(`/p/${doc}-p`)).toBe(true);
    }
    expect(await page.locator('.chart.docs .bar.active').count()).toBe(1);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('doc'));
    await waitForResults(page);
    expect(await page.inputValue('#q')).toBe('发展');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens "read in context" on the whole report with the paragraph highlighted and in view', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${base}/?q=${encodeURIComponent('青稞')}`);
    await waitForResults(page);
    const href = (await page.locator('.hit .action', { hasText: '阅读上下文' }).nth(2).getAttribute('href'))!;
    const id = decodeURIComponent(href.slice('/p/'.length));
    await page.locator('.hit .action', { hasText: '阅读上下文' }).nth(2).click();
    await page.waitForURL(`${base}/p/${encodeURIComponent(id)}`);
    const current = page.locator('.passage.current');
    await current.waitFor();
    expect(await current.getAttribute('id')).toBe(id);
    const view = await api<PassageView>(`/api/passages/${encodeURIComponent(id)}`);
    expect(squash((await current.textContent())!.replace('¶', ''))).toBe(squash(view.passage.text));
    const box = (await current.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + Math.min(box.height, 100)).toBeLessThanOrEqual(900);
    const { passages } = await api<{ passages: unknown[] }>(`/api/documents/${view.doc.id}`);
    expect(await page.locator('#reader-text > .passage').count()).toBe(passages.length);
    expect(await page.locator('#outline a').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-desktop-zh.png') });

    if (view.nextId) {
      await page.click('#reader-bar a[rel=next]');
      await page.waitForURL(`${base}/p/${encodeURIComponent(view.nextId)}`);
      await page.locator(`.passage.current[id="${view.nextId}"]`).waitFor();
      expect(await page.locator('.passage.current').count()).toBe(1);
    }
    await page.click('#reader-back');
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === '青稞');
    await waitForResults(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('copies the citation in the chosen style and the link, and confirms each', async () => {
    const { page, context, problems } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.goto(`${base}/?q=${encodeURIComponent('青稞')}`);
    await waitForResults(page);
    const first = (await api<SearchResponse>(`/api/search?q=${encodeURIComponent('青稞')}&limit=1`)).hits[0]!;
    const clipboard = async (): Promise<string> => String(await page.evaluate('navigator.clipboard.readText()'));

    await page.locator('.hit').first().locator('button', { hasText: '复制引文' }).click();
    await page.locator('#toast.visible', { hasText: '引文已复制' }).waitFor();
    expect(await clipboard()).toBe(first.citation.zh);

    await page.selectOption('#results-toolbar select', 'en');
    await page.locator('.hit').first().locator('button', { hasText: '复制引文' }).click();
    await until(async () => (await clipboard()) === first.citation.en);
    expect(await clipboard()).toBe(first.citation.en);

    await page.locator('.hit').first().locator('button', { hasText: '复制链接' }).click();
    await page.locator('#toast.visible', { hasText: '链接已复制' }).waitFor();
    expect(await clipboard()).toBe(`${base}${first.url}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a query containing markup as text and runs nothing', async () => {
    const { page, context, dialogs } = await openPage();
    const attack = '<img src=x onerror=alert(1)>';
    await page.goto(`${base}/`);
    await page.fill('#q', attack);
    await page.waitForURL((url) => url.searchParams.get('q') === attack);
    await waitForResults(page);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.inputValue('#q')).toBe(attack);
    const total = (await api<SearchResponse>(`/api/search?q=${encodeURIComponent(attack)}`)).total;
    if (total === 0) expect(await page.locator('.no-results').textContent()).toContain(attack);
    else expect(await page.locator('#results > .hit').count()).toBeGreaterThan(0);

    await page.goto(`${base}/?q=${encodeURIComponent('"<script>alert(2)</script>"')}`);
    await waitForResults(page);
    expect(await page.locator('.no-results').textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('#main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('suggests a query without quotes when a quoted phrase found nothing', async () => {
    const { page, context, problems } = await openPage('en-US');
    await page.goto(`${base}/?q=${encodeURIComponent('"产业 青稞"')}`);
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toBe('0 results');
    await page.locator('.no-results a', { hasText: 'without quotes' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '产业 青稞');
    await waitForResults(page);
    const total = (await api<SearchResponse>(`/api/search?q=${encodeURIComponent('产业 青稞')}`)).total;
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('#status .count').textContent()).toBe(`Results 1–${Math.min(10, total)} of ${total}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('proposes what to try when nothing matched, the same with and without JavaScript', async () => {
    // Several words, not all in one passage: any of them; one unknown word: what to change.
    const cases: Array<[string, string[]]> = [
      ['量子引力波 乡村振兴', ['量子引力波 OR 乡村振兴']],
      ['"产业 青稞"', ['产业 青稞']],
      ['量子引力波', []],
    ];
    for (const [q, tries] of cases) {
      const { page, context, problems } = await openPage('en-US');
      await page.goto(`${base}/?q=${encodeURIComponent(q)}`);
      await waitForResults(page);
      expect(await page.locator('#status .count').textContent(), q).toBe('0 results');
      const shown = await page.locator('.no-results a').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', 'http://x').searchParams.get('q')));
      expect(shown, q).toEqual(tries);
      const said = await page.locator('.no-results').textContent();
      if (tries.length === 0) expect(said, q).toContain('fewer or more general words');
      const rendered = await (await fetch(`${base}/?q=${encodeURIComponent(q)}&lang=en`)).text();
      for (const tried of tries) expect(rendered, q).toContain(`href="/?q=${encodeURIComponent(tried).replace(/%20/g, '+')}&amp;lang=en"`);
      if (tries.length === 0) expect(rendered, q).toContain('fewer or more general words');
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('focuses the box with / and takes a suggestion chosen with the keyboard', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${base}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement.id')).toBe('q');
    await page.keyboard.type('高质');
    const first = page.locator('#suggestions [role=option]').first();
    await first.waitFor();
    const suggestion = (await first.textContent())!;
    expect(suggestion.startsWith('高质')).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#q', 'aria-activedescendant')).toBe('suggestion-0');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === suggestion);
    await waitForResults(page);
    expect(await page.inputValue('#q')).toBe(suggestion);
    expect(await page.getAttribute('#q', 'aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when a permalink names no passage', async () => {
    const { page, context } = await openPage('en-US');
    const response = await page.goto(`${base}/p/no-such-report-p0001`);
    expect(response?.status()).toBe(404);
    await page.locator('#reader-message .error').waitFor();
    expect(await page.locator('#reader-message').textContent()).toBe('There is no passage no-such-report-p0001.');
    await context.close();
  });

  it('is usable on a phone: the results fit the screen width', async () => {
    const { page, context, problems } = await openPage('en-US', { width: 390, height: 844 });
    await page.goto(`${base}/?q=tourism`);
    await waitForResults(page);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    // Each title is shown whole (wrapped, not cut): the English titles differ only at their end, in the region.
    const cutTitles = await page.$$eval('.hit-title', (titles) =>
      titles.filter((title) => title.scrollWidth > title.clientWidth + 1).map((title) => title.textContent));
    expect(cutTitles).toEqual([]);
    // An English title that names its region at its end is named by the region first (`placeFirst`).
    expect(await page.locator('.hit-title .hit-place').first().textContent()).toBe('Xizang (Tibet) Autonomous Region');
    // The other title, the section and what matched each have a line: side by side they had a few characters each.
    const squeezed = await page.$$eval('.hit-meta', (metas) => metas.filter((meta) => {
      const boxes = [...meta.children].map((child) => child.getBoundingClientRect());
      return boxes.some((box) => box.height === 0) || new Set(boxes.map((box) => Math.round(box.top))).size < boxes.length;
    }).map((meta) => meta.textContent));
    expect(squeezed).toEqual([]);
    expect(await page.locator('.hit-meta .crumbs').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'results-phone-en.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
