/**
 * The fast tier for the edit-test loop (`npm run test:fast`, under a minute on two cores): the tests that run
 * in the workers alone and take well under a second or two each. It leaves out child processes and servers
 * (`tests/reliability`, `tests/server/main.test.ts`, the lexicon CLI run), the Sphinx cluster, the browser,
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
    },
  }),
);
