/**
 * One writer at a time for an index folder: `index/.write-lock` holds the pid of the process writing a new
 * generation. A second ingest (or a server rebuilding) waits for it; a lock whose process is gone (killed
 * mid-write) is taken over. Two builds in one process wait for each other the same way. Processes on one machine share an index folder, so a pid says enough; no timers
 * run while the lock is held, so a long synchronous write cannot make it look abandoned.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IndexStoreError } from './errors.js';

export const LOCK_FILE = '.write-lock';

/** True when a process with this pid is running (or exists but is not ours to signal). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a lock file names, or null when it is unreadable or malformed (a writer killed while writing it). */
function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** How long ago the file was last written (0 when it is gone). */
function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Takes the write lock of `dir`, waiting up to `waitMs` for another writer; returns its release function.
 * Throws an error with code `INDEX_BUSY` when the other writer is still at work after `waitMs`.
 * @example const release = await acquireWriteLock('index'); try { … } finally { release(); }
 */
export async function acquireWriteLock(dir: string, waitMs = 120_000, pollMs = 200): Promise<() => void> {
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(file);
    // An empty lock file is either being written this instant or was left by a writer killed in between.
    if (holder === null && ageMs(file) < 2000) {
      await sleep(pollMs);
      continue;
    }
    if (holder === null || !alive(holder)) {
      // Abandoned: its writer is gone. Remove it only if it still names that writer (another waiter may have won).
      if (holderOf(file) === holder) rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new IndexStoreError('INDEX_BUSY', `another process (pid ${holder}) is writing the index in ${dir}; try again when it is done`);
    }
    await sleep(pollMs);
  }
}
