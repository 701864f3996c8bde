/**
 * A throwaway Sphinx cluster for the tests and the bench: scripts/sphinx/cluster.sh on free loopback ports with its
 * own work folder. Outside CI, a machine where searchd cannot be installed or started skips the cluster
 * tests with a message; with CI=true it must start.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv } from '../../src/config.js';
import type { SphinxConfig } from '../../src/index/sphinx/index.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(REPO_ROOT, 'scripts/sphinx/cluster.sh');

export interface TestCluster {
  config: SphinxConfig;
  /** Runs `cluster.sh <args>` against this cluster; returns its output. */
  run(...args: string[]): string;
  /** Stops every node and removes the work folder. */
  dispose(): void;
}

function parseEnv(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const match of text.matchAll(/^export (\w+)=(.*)$/gm)) env[match[1] ?? ''] = match[2] ?? '';
  return env;
}

/** Starts a cluster, or returns the reason it could not (outside CI only; in CI it throws). */
export function startTestCluster(): TestCluster | { skipped: string } {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-sphinx-test-'));
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    // Below Linux's ephemeral range (32768–60999), where the other tests' connections take their ports.
    const base = 20000 + 10 * Math.floor(Math.random() * 1200);
    const env = { ...process.env, SPHINX_BASE_PORT: String(base), SPHINX_WORK_DIR: workDir, SPHINX_SHARD_COUNT: '2' };
    const run = (...args: string[]): string => execFileSync('bash', [SCRIPT, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      run('start');
      const { backend } = configFromEnv(parseEnv(run('env')));
      const config = typeof backend === 'object' ? backend.sphinx : null;
      if (!config) throw new Error('cluster.sh env did not name a sphinx backend');
      return {
        config,
        run,
        dispose: () => {
          try {
            run('stop');
          } finally {
            rmSync(workDir, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
      lastError = `${error instanceof Error ? error.message : String(error)} ${stderr}`.trim();
      try {
        run('stop');
      } catch {
        // nothing was started
      }
      // A port found free can be taken before searchd binds it (another test file starting a cluster): try others.
      if (!/port \d+ is taken|Address already in use/.test(lastError)) break;
    }
  }
  rmSync(workDir, { recursive: true, force: true });
  if (process.env.CI === 'true') throw new Error(`CI=true and the Sphinx cluster did not start: ${lastError}`);
  return { skipped: `Sphinx cluster tests skipped: scripts/sphinx/cluster.sh start failed (${lastError.split('\n')[0]})` };
}

/**
 * A cluster for a test file, or null, with the reason printed, when it could not start (outside CI only).
 * @example const cluster = clusterOrSkip(); describe.skipIf(cluster === null)('…', () => { … })
 */
export function clusterOrSkip(): TestCluster | null {
  const started = startTestCluster();
  if (!('skipped' in started)) return started;
  console.warn(started.skipped);
  return null;
}
