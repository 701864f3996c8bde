/**
 * Fingerprint of the raw corpus: every file's path and bytes. Computed without parsing anything, so the
 * server can tell at start-up whether the saved index still matches the corpus.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every regular file under `dir`, recursively, sorted, dotfiles skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

/** Files up to this size are read whole; larger ones are hashed as a stream (a Buffer cannot hold 2 GiB). */
const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

/**
 * sha256 over the relative paths and contents of every file in the given folders. Files larger than
 * `streamAbove` bytes are read as a stream, which gives the same fingerprint.
 * @example await corpusFilesFingerprint(['corpus']) // 'sha256:…'
 */
export async function corpusFilesFingerprint(dirs: readonly string[], streamAbove = STREAM_ABOVE_BYTES): Promise<string> {
  const hash = createHash('sha256');
  for (const [i, dir] of dirs.entries()) {
    hash.update(`dir\0${i}\0`);
    for (const file of await listFiles(dir)) {
      const { size } = await stat(file);
      if (size > streamAbove) {
        hash.update(`${path.relative(dir, file)}\0${size}\0`);
        for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
        continue;
      }
      const bytes = readFileSync(file); // one call; the promise API would take a round trip per step
      hash.update(`${path.relative(dir, file)}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
  return `sha256:${hash.digest('hex')}`;
}
