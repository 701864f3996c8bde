import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, a single worker on two cores; the test files
    // spend much of their time waiting on child processes, sockets and disk, so use every core.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Builds the bundled corpus's index once for the run; `openTestEngine` opens it (tests/bundled-index.setup.ts).
    globalSetup: ['tests/bundled-index.setup.ts'],
    tags: [{ name: 'slow', description: 'a test of several seconds (real-scale data, many random cases): left out of `npm run test:fast`' }],
  },
});
