import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { hasChromium, openPage, useBrowserSuite, waitForResults } from './browser.js';

let browser: Browser;
let base: string;
const enc = encodeURIComponent;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What axe-core reports of one rule broken on a page. */
interface Violation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * The accessibility rules `page` breaks, as "rule: help at selector" lines: every rule axe-core runs by
 * default, plus the (experimental) check that a control's name contains its visible text.
 */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const run = "axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } }).then((r) => r.violations)";
  const found = (await page.evaluate(run)) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)} (${n.failureSummary ?? ''})`));
}

const LOCALES = ['zh-CN', 'en-US'] as const;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)(`accessibility (axe-core) in Chromium${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  /** Opens `path` in `locale` with the checker allowed in, waits for `ready`, and returns what axe finds. */
  async function check(locale: string, path: string, ready: (page: Page) => Promise<void>, viewport = DESKTOP): Promise<string[]> {
    const { page, context, problems } = await openPage(browser, locale, viewport, { bypassCSP: true });
    try {
      await page.goto(`${base}${path}`);
      await ready(page);
      const found = await violations(page);
      expect(problems).toEqual([]);
      return found;
    } finally {
      await context.close();
    }
  }

  for (const locale of LOCALES) {
    it(`finds nothing on the empty search page (${locale})`, async () => {
      expect(await check(locale, '/', (page) => page.locator('.intro').waitFor())).toEqual([]);
    });

    it(`finds nothing on a page of results with the trend of two phrases (${locale})`, async () => {
      const path = `/?q=${enc('乡村振兴')}&vs=${enc('高质量发展')}`;
      const found = await check(locale, path, async (page) => {
        await waitForResults(page);
        await page.locator('svg.chart.trend .series-1 polyline').first().waitFor();
        await page.locator('.chart.docs .bar').first().waitFor();
      });
      expect(found).toEqual([]);
    });

    it(`finds nothing on results charted as passages per year, with a filter chosen (${locale})`, async () => {
      // An OR query has no trend: the chart counts passages per year, and the filter lists show a choice.
      const found = await check(locale, `/?q=${enc('乡村振兴 OR 旅游')}&kind=paragraph`, async (page) => {
        await waitForResults(page);
        await page.locator('svg.chart.years .bar').first().waitFor();
      });
      expect(found).toEqual([]);
    });

    it(`finds nothing on the concordance view (${locale})`, async () => {
      const found = await check(locale, `/?q=${enc('乡村振兴')}&view=kwic`, (page) => page.locator('table.kwic tbody tr').first().waitFor());
      expect(found).toEqual([]);
    });

    it(`finds nothing in the reader, on a desktop and on a phone (${locale})`, async () => {
      const res = await fetch(`${base}/api/search?q=${enc('乡村振兴')}&limit=1`);
      const { hits } = (await res.json()) as SearchResponse;
      const ready = (page: Page): Promise<void> => page.locator('.passage.current').waitFor();
      expect(await check(locale, hits[0]!.url, ready)).toEqual([]);
      expect(await check(locale, hits[0]!.url, ready, PHONE)).toEqual([]);
    });
  }
});
