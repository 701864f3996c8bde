/**
 * The fast tier for the edit-test loop (`npm run test:fast`): every test that runs in this process's
 * workers alone — no server process, no Sphinx cluster, no browser, no crash or load test. CI runs the whole
 * suite (`npm test`).
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
    },
  }),
);
