/**
 * Server errors in the user's language: the API sends each error's catalogue message in Chinese and English,
 * and the page shows the one of its interface, never the developer detail.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, openPage, useBrowserSuite } from './browser.js';

let browser: Browser;
let base: string;
const TOO_LONG = 'ab '.repeat(300).trim();

describe.skipIf(!hasChromium)(`server errors on the page${hasChromium ? '' : ' (skipped: no Chromium)'}`, () => {
  useBrowserSuite((suite) => ({ base, browser } = suite));

  it('sends every error in both languages', async () => {
    const response = await fetch(`${base}/api/search?q=${encodeURIComponent(TOO_LONG)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; messages: { en: string; zh: string } } };
    expect(body.error).toMatchObject({ code: 'PARAMETER_TOO_LONG', messages: { en: 'A parameter is too long.', zh: '参数太长。' } });
    expect(body.error.message).toContain('characters long');
  });

  // The server's own message, which names the parameter and its length, in the interface's language.
  it.each([
    ['zh-CN', '无法完成搜索： 参数 q 长 899 个字符，上限为 500 个。请检索较短的短语。'],
    ['en-US', 'The search failed: Parameter q is 899 characters long; the limit is 500. Search for a shorter phrase.'],
  ])('shows a server error in the %s interface in its language', async (locale, shown) => {
    const watched = await openPage(browser, locale);
    try {
      await watched.page.goto(`${base}/?q=${encodeURIComponent(TOO_LONG)}`);
      const error = watched.page.locator('[role="alert"].error');
      await error.waitFor();
      expect(await error.textContent()).toBe(shown);
    } finally {
      await watched.context.close();
    }
  });
});
