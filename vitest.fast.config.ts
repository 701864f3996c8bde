/**
 * The fast tier for the edit-test loop (`npm run test:fast`, under a minute on two cores): the tests that run
 * in the workers alone and take well under a second or two each. It leaves out child processes and servers
 * (`tests/reliability`, `tests/server/main.test.ts`, the lexicon CLI run; the .doc reader's own short-lived
 * children, a tenth of a second each, stay), the Sphinx cluster, the browser,
 * and every test tagged `slow` (real-scale corpora, large property runs). CI runs the whole suite (`npm test`).
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'tests/e2e/**',
        'tests/sphinx/**',
        'tests/reliability/**',
        'tests/server/main.test.ts',
        'tests/crosslang/learn.test.ts',
        'node_modules/**',
      ],
      tagsFilter: ['!slow'],
      // One module registry per worker rather than per file: the analyzer's dictionaries load once per worker,
      // and the per-process memos of the test helpers (the seeds' index, the cross-language expander) are
      // shared. No file here changes process-wide state that another could see.
      isolate: false,
    },
  }),
);
