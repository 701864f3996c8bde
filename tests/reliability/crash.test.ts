/**
 * Killing the ingest (`src/cli/ingest.ts`, what `npm run ingest` runs) with SIGKILL while it writes the index
 * never costs the index: the previous generation stays intact and is served, without a rebuild, on the next
 * start. The kills come two ways: from inside, just before a chosen file-system call of the write (the
 * fixture `fixtures/crash-points.ts` numbers them), and from this process at a random moment of a write
 * stretched to about a second. A later ingest succeeds (taking over the write lock a killed one left) and
 * clears what the killed ones left behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/runtime/build-index.js';
import { readManifest } from '../../src/index/store.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { killChildren, removeTempDirs, runTs, seedCorpus, tempDir, waitForOutput } from './helpers.js';
import type { Child } from './helpers.js';

const CRASH_POINTS = './tests/reliability/fixtures/crash-points.ts';

let corpusDir: string;
let indexDir: string;

afterEach(killChildren);
afterAll(removeTempDirs);

function ingest(env: Record<string, string> = {}): Child {
  return runTs('src/cli/ingest.ts', [corpusDir], { INDEX_DIR: indexDir, CRASH_LOG: '1', ...env }, [CRASH_POINTS]);
}

/** The numbered calls a run made, from its `crash-step <n> <call> <path>` lines. */
function stepsOf(output: string): Array<{ n: number; call: string; target: string }> {
  return [...output.matchAll(/^crash-step (\d+) (\S+) (.*)$/gm)].map((m) => ({ n: Number(m[1]), call: m[2] ?? '', target: m[3] ?? '' }));
}

/** The generation CURRENT names, and its build time. */
async function current(): Promise<{ generation: string; builtAt: string }> {
  const { generation, manifest } = await readManifest(indexDir);
  return { generation, builtAt: manifest.builtAt };
}

/** Opens the index as the server does at start: it must load, not rebuild, and be the expected build. */
async function expectServedWithoutRebuild(builtAt: string, context: string): Promise<void> {
  const log: string[] = [];
  const opened = await openIndex({ corpusDirs: [corpusDir], indexDir, log: (line) => log.push(line) });
  // The only line: the generation it opened (no "rebuilding", no warning).
  const others = log.filter((line) => !/^index gen-\S+ opened in \d+ ms/.test(line));
  expect({ built: opened.built, builtAt: opened.manifest.builtAt, others }, context).toEqual({ built: false, builtAt, others: [] });
  expect(log, context).toHaveLength(1);
  expect(opened.data.passages.length, context).toBeGreaterThan(0);
}

let commitStep = 0;
let totalSteps = 0;

beforeAll(async () => {
  corpusDir = seedCorpus();
  indexDir = tempDir('index');
  // A first index, then a second ingest over it: its numbered calls are those every later run makes.
  expect((await ingest().exited).code).toBe(0);
  const second = ingest();
  expect((await second.exited).code).toBe(0);
  const steps = stepsOf(second.output());
  totalSteps = steps.length;
  commitStep = steps.find((s) => s.call === 'renameSync' && /[/\\]CURRENT\.tmp-\d+$/.test(s.target))?.n ?? 0;
}, 180_000);

describe('SIGKILL during npm run ingest', () => {
  it('numbers the write: files into a staging folder, the folder renamed, then CURRENT swapped by one rename', () => {
    expect(commitStep).toBeGreaterThan(10);
    // After the swap only the old generation is removed (and the folder synced).
    expect(totalSteps).toBeGreaterThan(commitStep);
  });

  it('just before any chosen call of the write leaves the previous index served (after the swap, the new one)', async () => {
    const random = (n: number): number => 1 + Math.floor(Math.random() * n);
    // Just before the swap, just after it, and a random call (each run costs a few seconds).
    const chosen = [...new Set([commitStep, commitStep + 1, random(totalSteps)])];
    for (const step of chosen) {
      const before = await current();
      const run = ingest({ CRASH_AT_STEP: String(step) });
      const exit = await run.exited;
      const context = `killed before call ${step} of ${totalSteps} (swap at ${commitStep})`;
      expect(exit.signal, context).toBe('SIGKILL');
      const after = await current();
      if (step <= commitStep) expect(after, context).toEqual(before);
      else expect(after.builtAt, context).not.toBe(before.builtAt);
      await expectServedWithoutRebuild(after.builtAt, context);
    }
  }, 240_000);

  it('at a random moment from another process leaves a complete index served, old or new', async () => {
    for (let round = 0; round < 2; round += 1) {
      const before = await current();
      // About 30 ms a call: the write takes over a second, and the kill lands somewhere inside it.
      const run = ingest({ CRASH_STEP_DELAY_MS: '30' });
      await waitForOutput(run, /^crash-step 1 /m);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * totalSteps * 30));
      run.child.kill('SIGKILL');
      await run.exited;
      const reached = Math.max(0, ...stepsOf(run.output()).map((s) => s.n));
      const after = await current();
      const context = `round ${round}: killed after reaching call ${reached} of ${totalSteps} (swap at ${commitStep})`;
      if (after.generation === before.generation) expect(reached, context).toBeLessThanOrEqual(commitStep);
      else expect(reached, context).toBeGreaterThanOrEqual(commitStep);
      await expectServedWithoutRebuild(after.builtAt, context);
    }
  }, 120_000);

  it('does not stop the next ingest, which clears the debris; the engine then serves that index as saved', async () => {
    const previous = await current();
    const run = ingest();
    expect((await run.exited).code).toBe(0);
    const { generation, builtAt } = await current();
    // Only CURRENT, the new generation and the one it replaced remain: no staging folder, no temporary file
    // of an interrupted write, no lock.
    expect(readdirSync(indexDir).sort()).toEqual(['CURRENT', generation, previous.generation].sort());
    expect(readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim()).toBe(generation);
    const engine = await openEngine({ corpusDirs: [corpusDir], indexDir });
    expect(engine.stats().builtAt).toBe(builtAt);
    expect((await engine.search('西藏')).total).toBeGreaterThan(0);
  }, 120_000);
});
