/**
 * The first-answer benchmark's command line: a scale a server cannot start on is refused before any server is
 * started, with a coded message that names the scales it can.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/test-engine.js';

/** Runs `bench/first-answer.ts` with these arguments to its end. */
function firstAnswer(args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/first-answer.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stderr: run.stderr };
}

describe('bench/first-answer.ts --scale', () => {
  it('refuses an unknown or a synthetic scale, naming 1x and real, rather than running on real', { tags: ['slow'] }, () => {
    for (const [scale, args] of [['2y', ['--scale', '2y']], ['REAL', ['--scale', 'REAL']], ['100x', ['--scale', '100x']], ['2y', ['--scale=2y']]] as const) {
      const { status, stderr } = firstAnswer([...args, '--starts', '1']);
      expect(status, stderr).toBe(1);
      expect(stderr).toMatch(/^BENCH_BAD_ARGUMENT: /);
      expect(stderr).toContain(scale);
      expect(stderr).toMatch(/1x.*real|real.*1x/);
    }
  });

  it('refuses an unknown flag and a flag without its value, with the usage', { tags: ['slow'] }, () => {
    for (const args of [['--scael', 'real'], ['--starts']]) {
      const { status, stderr } = firstAnswer(args);
      expect(status, stderr).toBe(1);
      expect(stderr).toMatch(/^BENCH_BAD_ARGUMENT: .*usage: --starts/);
    }
  });
});
