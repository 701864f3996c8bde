import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/search/types.js';
import { openTestEngine, type TestEngine } from '../server/test-engine.js';

/**
 * The engine over the bundled corpus (`openTestEngine`: the run's shared index), opened before the file's
 * tests and released after them. Call at the top of a describe block; read the engine inside tests.
 * @example const bundled = useBundledEngine(); it('…', async () => bundled.engine().search('乡村振兴'));
 */
export function useBundledEngine(): { engine: () => Engine } {
  let opened: TestEngine | undefined;
  beforeAll(async () => {
    opened = await openTestEngine();
  });
  afterAll(() => opened?.dispose());
  return {
    engine: () => {
      if (!opened) throw new Error('the bundled engine is opened in beforeAll: read it inside a test');
      return opened.engine;
    },
  };
}
