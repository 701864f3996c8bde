/**
 * What the browser tests share: the Chromium they drive, a page that records its own problems, and the
 * wait for a search to settle.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/http-server.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { REPO_ROOT, openTestEngine } from '../server/test-engine.js';
import { openTempCorpusEngine } from '../temp-corpus-engine.js';

export const SCREENSHOTS = path.join(REPO_ROOT, 'tests/e2e/screenshots');
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`No Chromium at ${CHROMIUM}; CI must run the browser tests (apt-get install -y chromium).`);
}
if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

/** The page served over the bundled corpus, and the browser that drives it, for one test file. */
export interface BrowserSuite {
  /** The server's origin, e.g. `http://127.0.0.1:40123`. */
  base: string;
  browser: Browser;
  /** Closes the browser and the server and removes the temporary index. */
  close(): Promise<void>;
}

/** What a browser suite serves: the bundled corpus (with the site's public address `baseUrl`), or `corpus`'s files. */
interface SuiteOptions {
  baseUrl?: string;
  corpus?: Readonly<Record<string, string>>;
}

/**
 * Opens the engine over corpus/ (with the site's public address `baseUrl`, if given), or over the files of
 * `corpus` (name → text) in a temporary folder, serves the app on a free port and launches Chromium.
 * @example const suite = await startBrowserSuite(); await suite.browser.newPage(); await suite.close();
 */
export async function startBrowserSuite(options: SuiteOptions = {}): Promise<BrowserSuite> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const opened = options.corpus ? await openTempCorpusEngine(options.corpus, 'browser-') : await openTestEngine(options);
  const server = await startServer(createApp(opened.engine), { port: 0, host: '127.0.0.1' }).catch(async (error: unknown) => {
    await opened.dispose();
    throw error;
  });
  const close = async (browser?: Browser): Promise<void> => {
    await browser?.close();
    await server.close();
    await opened.dispose();
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { base: server.url, browser, close: () => close(browser) };
}

/**
 * Starts a browser suite before the tests of the enclosing `describe` (handing it to `started`) and closes
 * it after them.
 * @example useBrowserSuite((suite) => ({ base, browser } = suite));
 */
export function useBrowserSuite(started: (suite: BrowserSuite) => void, options: SuiteOptions = {}): void {
  let suite: BrowserSuite | undefined;
  beforeAll(async () => {
    suite = await startBrowserSuite(options);
    started(suite);
  });
  afterAll(async () => {
    await suite?.close();
  });
}

/**
 * A reader of the server's JSON API at the origin `base()` gives when called (a suite's, once started): the
 * answer to a path, after checking it is a 200.
 * @example const api = jsonApi(() => base); const found = await api<SearchResponse>('/api/search?q=…');
 */
export function jsonApi(base: () => string): <T>(url: string) => Promise<T> {
  return async <T>(url: string): Promise<T> => {
    const res = await fetch(`${base()}${url}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
}

/** Problems a page reported: uncaught errors, CSP violations, dialogs (alert/confirm/prompt). */
export interface Watched {
  page: Page;
  context: BrowserContext;
  problems: string[];
  dialogs: string[];
}

/**
 * A new page in its own context, recording errors, console errors and dialogs. `bypassCSP` lets a test inject
 * a checker script (the page's own CSP forbids inline scripts).
 * @example const { page, problems } = await openPage(browser, 'en-US', { width: 390, height: 844 });
 */
export async function openPage(
  browser: Browser,
  locale = 'zh-CN',
  viewport = { width: 1280, height: 900 },
  options: { bypassCSP?: boolean } = {},
): Promise<Watched> {
  const context = await browser.newContext({ locale, viewport, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, context, problems, dialogs };
}

/**
 * Waits until the result count is shown and no search is under way.
 * @example await waitForResults(page);
 */
export async function waitForResults(page: Page): Promise<void> {
  await page.locator('#status .count').waitFor();
  await page.locator('#results:not([aria-busy])').waitFor({ state: 'attached' });
}
