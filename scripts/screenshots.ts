/**
 * Takes the README's screenshots (`docs/images/*.png`) of the page over the bundled corpus, in Chromium:
 * `npm run screenshots`. The index is built in a temporary folder; nothing in `index/` is touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '../src/paths.js';
import { openEngine } from '../src/runtime/open-engine.js';
import { createApp } from '../src/server/app.js';
import { startServer } from '../src/server/http-server.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const IMAGES = path.join(REPO_ROOT, 'docs/images');

interface Shot {
  file: string;
  url: string;
  locale: 'zh-CN' | 'en-US';
  size: { width: number; height: number };
  /** What must be on the page before the picture is taken. */
  ready: string;
}

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const q = (text: string): string => encodeURIComponent(text);

const SHOTS: Shot[] = [
  { file: 'results.png', url: `/?q=${q('"高质量发展"')}`, locale: 'zh-CN', size: DESKTOP, ready: '#results .hit' },
  { file: 'results-en.png', url: `/?q=${q('rural revitalization')}`, locale: 'en-US', size: DESKTOP, ready: '#results .hit' },
  { file: 'results-phone-zh.png', url: `/?q=${q('乡村振兴')}`, locale: 'zh-CN', size: PHONE, ready: '#results .hit' },
  { file: 'results-phone-en.png', url: `/?q=${q('border villages')}`, locale: 'en-US', size: PHONE, ready: '#results .hit' },
  { file: 'concordance.png', url: `/?q=${q('乡村振兴')}&view=kwic&vs=${q('脱贫攻坚')}`, locale: 'zh-CN', size: DESKTOP, ready: '.kwic' },
  { file: 'reader.png', url: '/p/xizang-2024-government-work-report-p0028', locale: 'zh-CN', size: DESKTOP, ready: '.current' },
];

async function shoot(page: Page, base: string, shot: Shot): Promise<void> {
  await page.setViewportSize(shot.size);
  await page.goto(`${base}${shot.url}`);
  await page.locator(shot.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(IMAGES, shot.file) });
  console.log(`docs/images/${shot.file}`);
}

async function main(): Promise<void> {
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const engine = await openEngine({ corpusDirs: [path.join(REPO_ROOT, 'corpus')], indexDir });
  const server = await startServer(createApp(engine), { port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    for (const shot of SHOTS) {
      const context = await browser.newContext({ locale: shot.locale });
      await shoot(await context.newPage(), server.url, shot);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await engine.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
