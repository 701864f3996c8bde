/**
 * Global setup of the test run: builds the index of the bundled corpus once, in a temporary folder, and
 * hands its path to the test files (`inject('bundledIndexDir')`), which open it instead of building their
 * own (see `openTestEngine`). Only loading reads it, so the test files can share it; it is removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEngine } from '../src/search/engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The index of `corpus/`, built once for the run (dictionary cache included). */
    bundledIndexDir: string;
  }
}

export const BUNDLED_CORPUS = path.resolve(import.meta.dirname, '../corpus');

/** Builds the bundled corpus's index and provides its folder; returns the teardown that removes it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const indexDir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-test-bundled-index-'));
  const engine = await openEngine({ corpusDirs: [BUNDLED_CORPUS], indexDir });
  await engine.close();
  project.provide('bundledIndexDir', indexDir);
  return () => rmSync(indexDir, { recursive: true, force: true });
}
