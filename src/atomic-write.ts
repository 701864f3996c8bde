/**
 * Writing a file so that a reader sees the old file or the new one, never half of one, and the new one survives
 * a crash once written: a temporary file beside it (`<file>.tmp-<pid>`, the name the index store's clean-up
 * knows), written whole and fsynced, renamed over the file, then the folder fsynced so the rename is on disk.
 * The one writer of the saved index's files, the derived tables (lexicon, synonyms, dictionary caches) and the
 * segmenter's compiled dictionaries.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` atomically and durably, its folder made if missing. On
 * failure the temporary file is removed, the old file is left as it was, and the error is thrown.
 * @example writeFileAtomically('data/lexicon.tsv', '#lexicon\n') // data/lexicon.tsv replaced whole
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at, bytes.byteLength - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file); // atomic on POSIX within one filesystem
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/**
 * Fsyncs a folder, so that a rename or a new entry in it survives a crash. Some filesystems refuse fsync on
 * folders; the rename is atomic all the same, so a refusal is ignored.
 * @example syncDirectory('index') // index's entries on disk
 */
export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The folder could not be synced: the rename stands, only its durability across a power cut is weaker.
  }
}
