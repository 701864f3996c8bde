import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QueryConcept, SearchResponse } from '../../src/search/types.js';
import { SCREENSHOTS, hasChromium, openPage, waitForResults, useBrowserSuite } from './browser.js';
import type { Watched } from './browser.js';
import { CONCEPT_LABELS as LABELS } from '../server/concept-labels.js';

let browser: Browser;
let base: string;

async function apiTotal(q: string): Promise<number> {
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=1`);
  expect(res.status).toBe(200);
  return ((await res.json()) as SearchResponse).total;
}

/** Opens the search for `q` and returns the concepts of the answer the page received. */
async function searchFor(page: Page, q: string): Promise<QueryConcept[]> {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('q') === q);
  await page.goto(`${base}/?q=${encodeURIComponent(q)}`);
  const body = (await (await answer).json()) as SearchResponse;
  await waitForResults(page);
  expect(body.concepts).toBeDefined();
  return body.concepts ?? [];
}

/** Checks that the chips show exactly `concepts`, in order, with the labels of `lang`. */
async function expectChips(page: Page, concepts: QueryConcept[], lang: 'en' | 'zh'): Promise<void> {
  const labels = LABELS[lang];
  expect(await page.locator('#concepts .concepts-label').textContent()).toBe(labels.searchedFor);
  const chips = page.locator('#concepts .concept');
  expect(await chips.count()).toBe(concepts.length);
  for (const [i, concept] of concepts.entries()) {
    const chip = chips.nth(i);
    expect(await chip.locator('.concept-en').textContent()).toBe(concept.en);
    expect(await chip.getAttribute('class')).toContain(`concept-${concept.status}`);
    const shown = concept.status === 'ignored' ? [] : concept.terms;
    expect(await chip.locator('.concept-term > span[lang]').allTextContents()).toEqual(shown.map((term) => term.zh));
    expect(await chip.locator('.concept-term .source').allTextContents()).toEqual(shown.map((term) => labels.source[term.source]));
    const note = concept.status === 'translated' ? [] : [concept.status === 'ignored' ? labels.ignored : labels.untranslated];
    expect(await chip.locator('.concept-note').allTextContents()).toEqual(note);
    expect(await chip.getByRole('button', { name: labels.remove(concept.en), exact: true }).count()).toBe(1);
  }
}

/** The page reported no error; its context is closed. */
async function finish(watched: Watched): Promise<void> {
  expect(watched.problems).toEqual([]);
  await watched.context.close();
}

async function noOverflow(watched: Watched): Promise<void> {
  const overflow = Number(await watched.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.skipIf(!hasChromium)(`the "Searched for" line in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('shows each concept of an English query with its Chinese terms and their sources, and an unknown word as not translated', async () => {
    const watched = await openPage(browser, 'en-US');
    const concepts = await searchFor(watched.page, 'tourism qwertyzz');
    expect(concepts.map((c) => [c.en, c.status])).toEqual([['tourism', 'translated'], ['qwertyzz', 'untranslated']]);
    expect(concepts[0]!.terms.some((term) => term.zh === '旅游' && term.source === 'glossary')).toBe(true);
    await expectChips(watched.page, concepts, 'en');
    expect(await watched.page.locator('#concepts .concept-untranslated .concept-note').textContent()).toBe(LABELS.en.untranslated);
    const line = (await watched.page.locator('#concepts').boundingBox())!;
    const results = (await watched.page.locator('#results').boundingBox())!;
    expect(line.y + line.height).toBeLessThanOrEqual(results.y);
    await watched.page.screenshot({ path: path.join(SCREENSHOTS, 'concepts-desktop-en.png') });
    await finish(watched);
  });

  it('names the words that reordered an English answer after its concepts, as text, and none for one concept', async () => {
    const watched = await openPage(browser, 'zh-CN');
    const { page } = watched;
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search');
    await page.goto(`${base}/?q=${encodeURIComponent('tax cuts')}`);
    const body = (await (await answered).json()) as SearchResponse;
    await waitForResults(page);
    expect(body.feedback?.length ?? 0).toBeGreaterThan(0);
    const line = page.locator('#concepts .concepts-feedback');
    expect(await line.locator('.feedback-word').allTextContents()).toEqual((body.feedback ?? []).slice(0, 8));
    expect(await line.textContent()).toContain('排序还参考了前列段落共有的词：');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'concepts-feedback-zh.png') });
    await searchFor(page, 'tourism');
    expect(await page.locator('#concepts .concepts-feedback').count()).toBe(0);
    await noOverflow(watched);
    await finish(watched);
  });

  it('drops a concept with one click: the box, the URL and the results follow, and the focus stays on the line or goes to the box', async () => {
    const watched = await openPage(browser, 'en-US');
    const { page } = watched;
    await searchFor(page, 'tourism herdsmen');
    const before = await apiTotal('tourism herdsmen');
    const after = await apiTotal('tourism');
    expect(after).not.toBe(before);
    expect(await page.locator('#status .count').textContent()).toContain(`of ${before}`);

    await page.getByRole('button', { name: LABELS.en.remove('herdsmen'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tourism');
    await waitForResults(page);
    expect(await page.inputValue('#q')).toBe('tourism');
    expect(await page.locator('#status .count').textContent()).toBe(`Results 1–10 of ${after}`);
    expect(await page.locator('#concepts .concept-en').allTextContents()).toEqual(['tourism']);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(LABELS.en.remove('tourism'));

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tourism herdsmen');
    await waitForResults(page);
    expect(await page.locator('#concepts .concept-en').allTextContents()).toEqual(['tourism', 'herdsmen']);

    await page.getByRole('button', { name: LABELS.en.remove('herdsmen'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tourism');
    await waitForResults(page);
    await page.getByRole('button', { name: LABELS.en.remove('tourism'), exact: true }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.locator('#notice .intro').waitFor();
    expect(await page.locator('#concepts').isHidden()).toBe(true);
    expect(await page.evaluate('document.activeElement.id')).toBe('q');
    await finish(watched);
  });

  it('reaches a remove button with the keyboard, shows its focus, and removes with Enter', async () => {
    const watched = await openPage(browser, 'en-US');
    const { page } = watched;
    await searchFor(page, 'tourism qwertyzz');
    await page.locator('#q').focus();
    for (let i = 0; i < 30 && !(await page.evaluate('document.activeElement.classList.contains("concept-remove")')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(LABELS.en.remove('tourism'));
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'tourism');
    await waitForResults(page);
    expect(await page.locator('#status .count').textContent()).toBe(`Results 1–10 of ${await apiTotal('tourism')}`);
    await finish(watched);
  });

  it('labels sources, untranslated and ignored words in Chinese in the Chinese interface, and wraps on a phone', async () => {
    const q = 'how to help herdsmen cut taxes qwertyzz';
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const watched = await openPage(browser, 'zh-CN', viewport);
      const concepts = await searchFor(watched.page, q);
      const statuses = new Set(concepts.map((c) => c.status));
      expect([...statuses].sort()).toEqual(['ignored', 'translated', 'untranslated']);
      const sources = new Set(concepts.flatMap((c) => c.terms.map((term) => term.source)));
      expect(sources.has('glossary') && sources.has('dictionary')).toBe(true);
      await expectChips(watched.page, concepts, 'zh');
      await noOverflow(watched);
      await watched.page.screenshot({ path: path.join(SCREENSHOTS, `concepts-${viewport.width}-zh.png`) });

      await watched.page.click('#lang-switch');
      await expectChips(watched.page, concepts, 'en');
      await noOverflow(watched);
      await finish(watched);
    }
  });
});
