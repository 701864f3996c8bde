/**
 * Fingerprint of the raw corpus: every file's path and bytes. Computed without parsing anything, so the
 * server can tell at start-up whether the saved index still matches the corpus; `fingerprintParts` lists what
 * is hashed, so that the hashing can run on a second thread (`checksum-thread.ts`) while the index is read.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashParts, type HashPart } from './checksum-thread.js';

/** Every regular file under `dir`, recursively, sorted, dotfiles skipped. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * What the corpus fingerprint hashes, in order: for each folder its position, then for each file its path
 * relative to the folder, its size and its bytes. Lists the folders (a missing one throws ENOENT) without
 * reading any file.
 * @example hashParts(fingerprintParts(['corpus'])) // the hex digest of corpusFilesFingerprint(['corpus'])
 */
export function fingerprintParts(dirs: readonly string[]): HashPart[] {
  const parts: HashPart[] = [];
  for (const [i, dir] of dirs.entries()) {
    parts.push({ text: `dir\0${i}\0` });
    for (const file of listFiles(dir)) {
      parts.push({ text: `${path.relative(dir, file)}\0${statSync(file).size}\0` }, { file });
    }
  }
  return parts;
}

/**
 * sha256 over the relative paths, sizes and contents of every file in the given folders, on this thread.
 * @example await corpusFilesFingerprint(['corpus']) // 'sha256:…'
 */
export async function corpusFilesFingerprint(dirs: readonly string[]): Promise<string> {
  return `sha256:${hashParts(fingerprintParts(dirs))}`;
}
