import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/search/types.js';
import { openTestEngine, type TestEngine, type TestEngineOptions } from '../server/test-engine.js';

/**
 * The engine over the bundled corpus (`openTestEngine`: the run's shared index), opened before the file's
 * tests and released after them (closed, then its folder removed when it has one of its own). Call at the top of
 * a file or describe block, before the hooks that read it; read the engine inside tests or later hooks.
 * @example const bundled = useBundledEngine(); it('…', async () => bundled.engine().search('乡村振兴'));
 */
export function useBundledEngine(options: TestEngineOptions = {}): { engine: () => Engine } {
  let opened: TestEngine | undefined;
  beforeAll(async () => {
    opened = await openTestEngine(options);
  });
  afterAll(async () => {
    await opened?.engine.close();
    opened?.dispose();
  });
  return {
    engine: () => {
      if (!opened) throw new Error('the bundled engine is opened in beforeAll: read it inside a test');
      return opened.engine;
    },
  };
}
