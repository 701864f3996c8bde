/**
 * Opens the real engine over the project's corpus with an index in a fresh temporary folder, so tests
 * never touch the repository's `index/`. `dispose()` removes the folder.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { BackendChoice } from '../../src/config.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestEngine {
  engine: Engine;
  indexDir: string;
  dispose(): void;
}

/** How a test opens the bundled engine: `baseUrl` stands for the site's BASE_URL; `backend` as the settings choose it. */
export interface TestEngineOptions {
  baseUrl?: string;
  backend?: BackendChoice;
}

/**
 * The engine over corpus/. It opens the index the run's global setup built (`bundledIndexDir`, read only, so
 * test files share it); a run without that setup indexes into a temporary folder of its own, which
 * `dispose()` removes.
 * @example const { engine, dispose } = await openTestEngine({ backend: 'minisearch' });
 */
export async function openTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const corpusDirs = [path.join(REPO_ROOT, 'corpus')];
  const { baseUrl, backend } = options;
  const shared = inject('bundledIndexDir');
  if (shared) return { engine: await openEngine({ corpusDirs, indexDir: shared, baseUrl, backend }), indexDir: shared, dispose: () => {} };
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-test-index-'));
  const engine = await openEngine({ corpusDirs, indexDir, baseUrl, backend });
  return { engine, indexDir, dispose: () => rmSync(indexDir, { recursive: true, force: true }) };
}

/**
 * The app over the bundled engine, opened before the file's tests and closed after them, its log discarded:
 * call at the top of a test file, and call what it returns inside a test.
 * @example const app = useTestApp(); it('…', () => request(app()).get('/api/health').expect(200));
 */
export function useTestApp(): () => Express {
  let opened: TestEngine | undefined;
  let app: Express | undefined;
  beforeAll(async () => {
    opened = await openTestEngine();
    app = createApp(opened.engine, { log: () => {} });
  });
  afterAll(() => opened?.dispose());
  return () => {
    if (!app) throw new Error('useTestApp: the app is opened in beforeAll; call it inside a test');
    return app;
  };
}

/**
 * A copy of the bundled corpus's index (with its caches) in a fresh temporary folder named from `prefix`,
 * which a test may damage or write to; the caller removes it.
 * @example const dir = await copyBundledIndex('gov-search-open-engine-'); … rmSync(dir, { recursive: true, force: true });
 */
export async function copyBundledIndex(prefix: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const shared = inject('bundledIndexDir');
  if (shared) {
    cpSync(shared, dir, { recursive: true });
    return dir;
  }
  // A run without the global setup: index the corpus in a folder of its own, then copy that.
  const { indexDir, engine, dispose } = await openTestEngine();
  await engine.close();
  cpSync(indexDir, dir, { recursive: true });
  dispose();
  return dir;
}

/** NFKC with all whitespace removed: how the evaluation compares a phrase with passage text. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}
