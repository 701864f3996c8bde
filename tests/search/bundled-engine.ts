import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openEngine, REPO_ROOT } from '../../src/search/engine.js';
import type { Engine } from '../../src/search/types.js';

/**
 * An engine over the bundled corpus with its index in a temporary folder, opened before the file's tests and
 * removed after them. Call at the top of a describe block; read the engine inside tests.
 * @example const bundled = useBundledEngine('prior'); it('…', async () => bundled.engine().search('乡村振兴'));
 */
export function useBundledEngine(label: string): { engine: () => Engine } {
  let engine: Engine | undefined;
  let indexDir = '';
  beforeAll(async () => {
    indexDir = mkdtempSync(path.join(os.tmpdir(), `${label}-`));
    engine = await openEngine({ corpusDirs: [path.join(REPO_ROOT, 'corpus')], indexDir });
  });
  afterAll(() => rmSync(indexDir, { recursive: true, force: true }));
  return {
    engine: () => {
      if (!engine) throw new Error('the bundled engine is opened in beforeAll: read it inside a test');
      return engine;
    },
  };
}
