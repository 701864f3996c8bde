/**
 * Opens the real engine over the project's corpus with an index in a fresh temporary folder, so tests
 * never touch the repository's `index/`. `dispose()` removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestEngine {
  engine: Engine;
  indexDir: string;
  dispose(): void;
}

/**
 * The engine over corpus/. It opens the index the run's global setup built (`bundledIndexDir`, read only, so
 * test files share it); a run without that setup indexes into a temporary folder of its own, which
 * `dispose()` removes. `baseUrl` stands for the site's BASE_URL.
 */
export async function openTestEngine(options: { baseUrl?: string } = {}): Promise<TestEngine> {
  const corpusDirs = [path.join(REPO_ROOT, 'corpus')];
  const shared = inject('bundledIndexDir');
  if (shared) return { engine: await openEngine({ corpusDirs, indexDir: shared, baseUrl: options.baseUrl }), indexDir: shared, dispose: () => {} };
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-test-index-'));
  const engine = await openEngine({ corpusDirs, indexDir, baseUrl: options.baseUrl });
  return { engine, indexDir, dispose: () => rmSync(indexDir, { recursive: true, force: true }) };
}

/** NFKC with all whitespace removed: how the evaluation compares a phrase with passage text. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}
