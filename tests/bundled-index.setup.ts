/**
 * Global setup of the test run: opens the index of the bundled corpus once, in a temporary folder kept
 * between runs (one per checkout), and hands its path to the test files (`inject('bundledIndexDir')`), which
 * open it instead of building their own (see `openTestEngine`). Opening checks the saved index against the
 * corpus and the analyzer and rebuilds it when either changed, so a kept index is never stale; only loading
 * reads it, so the test files can share it.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEngine } from '../src/runtime/open-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The index of `corpus/`, current for this run (dictionary cache included). */
    bundledIndexDir: string;
  }
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** Opens (building when needed) the bundled corpus's index and provides its folder. */
export default async function setup(project: TestProject): Promise<void> {
  const checkout = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
  const indexDir = path.join(os.tmpdir(), `gov-search-test-bundled-index-${checkout}`);
  const engine = await openEngine({ corpusDirs: [path.join(REPO_ROOT, 'corpus')], indexDir });
  await engine.close();
  project.provide('bundledIndexDir', indexDir);
}
