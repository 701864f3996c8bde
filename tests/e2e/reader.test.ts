import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import type { PassageView, SearchResponse } from '../../src/search/types.js';
import { SCREENSHOTS, hasChromium, jsonApi, openPage, useBrowserSuite } from './browser.js';

const PUBLIC = 'https://reports.example.org';
let browser: Browser;
let base: string;

const api = jsonApi(() => base);

/** The id of the first passage a quoted phrase finds. */
async function passageWith(phrase: string, kind?: string): Promise<string> {
  const res = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(`"${phrase}"`)}${kind ? `&kind=${kind}` : ''}`);
  expect(res.hits.length).toBeGreaterThan(0);
  return res.hits[0]!.id;
}

describe.skipIf(!hasChromium)(`the reader in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite), { baseUrl: PUBLIC });

  it('shows the paragraph number a reader counts in the margin of every paragraph, and none by headings', async () => {
    const { page, context, problems } = await openPage(browser);
    const id = await passageWith('公共文化服务取得新业绩');
    await page.goto(`${base}/p/${encodeURIComponent(id)}`);
    const current = page.locator('.passage.current');
    await current.waitFor();
    expect(await current.getAttribute('data-paragraph')).toBe('25');
    expect(await current.evaluate((node) => node.ownerDocument.defaultView!.getComputedStyle(node, '::before').content)).toBe('"25"');
    expect(await page.locator('#reader-bar .position').textContent()).toBe('第 25 段');
    // The number stands in the margin, left of the text, inside the window.
    const box = (await current.boundingBox())!;
    const numberLeft = await current.evaluate((node) => node.getBoundingClientRect().left + parseFloat(node.ownerDocument.defaultView!.getComputedStyle(node, '::before').left));
    expect(numberLeft).toBeGreaterThanOrEqual(0);
    expect(numberLeft).toBeLessThan(box.x);
    const { passages } = await api<{ passages: Passage[] }>('/api/documents/xizang-2020-government-work-report');
    const shown = await page.locator('#reader-text > .passage').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-paragraph')));
    expect(shown).toEqual(passages.map((p) => (p.paragraph == null ? null : String(p.paragraph))));
    expect(await page.locator('#reader-text > h2.passage[data-paragraph], #reader-text > h3.passage[data-paragraph]').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-margin-numbers.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('copies the public link under BASE_URL, never the address the server listens on', async () => {
    const { page, context, problems } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const id = await passageWith('公共文化服务取得新业绩');
    await page.goto(`${base}/p/${encodeURIComponent(id)}`);
    await page.locator('.passage.current').waitFor();
    await page.locator('#reader-bar button', { hasText: '复制链接' }).click();
    await page.locator('#toast.visible', { hasText: '链接已复制' }).waitFor();
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toBe(`${PUBLIC}/p/${id}`);
    expect(copied).not.toContain('127.0.0.1');

    await page.goto(`${base}/?q=${encodeURIComponent('青稞')}`);
    await page.locator('.hit').first().locator('button', { hasText: '复制链接' }).click();
    await page.locator('#toast.visible', { hasText: '链接已复制' }).waitFor();
    const first = (await api<SearchResponse>(`/api/search?q=${encodeURIComponent('青稞')}&limit=1`)).hits[0]!;
    expect(String(await page.evaluate('navigator.clipboard.readText()'))).toBe(`${PUBLIC}${first.url}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a wide table with its title and header row in view, scrolled to its first column', async () => {
    const { page, context, problems } = await openPage(browser, 'zh-CN', { width: 900, height: 700 });
    const id = await passageWith('地区生产总值（亿元）', 'table');
    await page.goto(`${base}/p/${encodeURIComponent(id)}`);
    const current = page.locator('.passage.current');
    await current.waitFor();
    await page.waitForFunction("document.querySelector('.passage.current').getBoundingClientRect().top < 200");
    const header = current.locator('tr').first();
    const box = (await header.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(200);
    expect(await current.locator('.table-wrap').evaluate((n) => n.scrollLeft)).toBe(0);
    const view = await api<PassageView>(`/api/passages/${encodeURIComponent(id)}`);
    const firstRow = view.passage.text.split('\n')[0]!;
    expect((await header.locator('td').allTextContents()).join('\t')).toBe(firstRow);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-table-arrival.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps every row of a table under its header’s columns, leading empty cells included', async () => {
    const { page, context } = await openPage(browser);
    const id = await passageWith('地方财政一般公共预算收入（亿元）', 'table');
    await page.goto(`${base}/p/${encodeURIComponent(id)}`);
    const current = page.locator('.passage.current');
    await current.waitFor();
    const cells = await current.locator('tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td').length));
    const header = cells.find((n) => n > 1);
    const row = current.locator('tr', { hasText: '地方财政一般公共预算收入' }).first();
    expect(await row.locator('td').count()).toBe(header);
    expect(await row.locator('td').first().textContent()).toBe('');
    expect(await row.locator('td').nth(1).textContent()).toBe('地方财政一般公共预算收入（亿元）');
    await context.close();
  });

  it('shows page breaks between the passages of a paged source, and the pages in the bar', async () => {
    const { page, context, problems } = await openPage(browser);
    const docId = 'xizang-2020-government-work-report';
    // The bundled reports are not paged: give the report pages of five passages each, as a PDF would.
    // Every other page begins inside a passage (it runs on from the page before), the rest between two.
    const pageOf = (p: Passage): number => 1 + Math.floor(p.ordinal / 5);
    const endOf = (p: Passage): number => (p.ordinal % 10 === 4 ? pageOf(p) + 1 : pageOf(p));
    await page.route(`**/api/documents/${docId}`, async (route) => {
      const found = (await (await route.fetch()).json()) as { doc: DocMeta; passages: Passage[] };
      const passages = found.passages.map((p) => ({ ...p, page: pageOf(p), pageEnd: endOf(p) }));
      await route.fulfill({ json: { ...found, passages } });
    });
    await page.route('**/api/passages/*', async (route) => {
      const view = (await (await route.fetch()).json()) as PassageView;
      const p = view.passage;
      await route.fulfill({ json: { ...view, passage: { ...p, page: pageOf(p), pageEnd: endOf(p) } } });
    });
    const { passages } = await api<{ passages: Passage[] }>(`/api/documents/${docId}`);
    const spanning = passages.find((p) => endOf(p) > pageOf(p) && p.paragraph != null)!;
    await page.goto(`${base}/p/${encodeURIComponent(spanning.id)}`);
    await page.locator('.passage.current').waitFor();
    const breaks = await page.locator('#reader-text > .page-break').allTextContents();
    // A break before each passage that begins on a later page than the one before it ended on.
    const expected = passages.filter((p, k) => k === 0 || pageOf(p) > endOf(passages[k - 1]!)).map((p) => `第 ${pageOf(p)} 页`);
    expect(expected.length).toBeGreaterThan(5);
    expect(breaks).toEqual(expected);
    const before = await page.locator(`#reader-text > .page-break + [id="${passages[10]!.id}"]`).count();
    expect(before).toBe(1);
    expect(await page.locator('#reader-bar .position').textContent()).toBe(`第 ${spanning.paragraph} 段 · 第 ${pageOf(spanning)}–${pageOf(spanning) + 1} 页`);
    expect(await page.locator('#reader-text > .passage').count()).toBe(passages.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});
