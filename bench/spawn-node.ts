/**
 * Runs a Node process with the given arguments, its stderr passed through (progress), and waits for it.
 */
import { spawn } from 'node:child_process';

/** Runs `node …args` in `cwd`; rejects with BENCH_CHILD_FAILED when it exits non-zero. */
export async function runNode(args: string[], cwd: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`BENCH_CHILD_FAILED: ${args.filter((a) => !a.startsWith('{')).join(' ')} exited with ${code ?? signal}`));
    });
  });
}
