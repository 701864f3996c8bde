/**
 * Writing a derived file (a lexicon, the dictionary cache, the synonym table) so that a reader sees the old
 * file or the new one, never half of one: a temporary file beside it, fsynced, renamed over it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `file` atomically (its folder made if missing). On failure the temporary file is removed,
 * the old file is left as it was, and the error is thrown.
 * @example writeFileAtomically('data/lexicon.tsv', '#lexicon\n') // data/lexicon.tsv replaced whole
 */
export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, text, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file); // atomic within one filesystem
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
