/**
 * The saved index: one generation directory per build plus a `CURRENT` pointer.
 *
 *   index/CURRENT              → "gen-20261124T050102Z-1234"
 *   index/gen-…/manifest.json  → versions, fingerprints, counts, sha256 of every data file
 *   index/gen-…/*.json         → the data
 *
 * A build writes a fresh generation (each file written to a temporary name, fsynced, renamed), then swaps
 * `CURRENT` atomically. A crash at any point leaves the previous generation in place and served. One writer at
 * a time (`write-lock.ts`): a second build waits for the first, then cleans up what a killed one left behind.
 * The generation just replaced is kept until the next build, for a server that is opening it at that moment.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { syncDirectory, writeFileAtomically } from '../atomic-write.js';
import { readShared, type ChecksumThread } from './checksum-thread.js';
import { IndexStoreError } from './errors.js';
import { acquireWriteLock } from './write-lock.js';
import path from 'node:path';

export interface IndexManifest {
  formatVersion: number;
  analyzer: string;
  corpus: string;
  builtAt: string;
  documents: number;
  passages: number;
  files: Record<string, { sha256: string; bytes: number }>;
}

export { IndexStoreError };

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Writes a new generation with `files` (name → text or bytes) and makes it current.
 * @example await writeIndex('index', { 'data.json': '{}' }, manifestWithoutFiles)
 */
export async function writeIndex(
  dir: string,
  files: Record<string, string | Uint8Array>,
  manifest: Omit<IndexManifest, 'files'>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const release = await acquireWriteLock(dir);
  try {
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const name = `gen-${stamp}-${process.pid}`;
    const staging = path.join(dir, `.staging-${name}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    const entries: IndexManifest['files'] = {};
    for (const [file, content] of Object.entries(files)) {
      writeFileAtomically(path.join(staging, file), content);
      entries[file] = { sha256: sha256(content), bytes: Buffer.byteLength(content) };
    }
    // The atomic write syncs the staging folder after the manifest's rename: all of it is on disk.
    writeFileAtomically(path.join(staging, 'manifest.json'), JSON.stringify({ ...manifest, files: entries }, null, 2));
    await rename(staging, path.join(dir, name));
    syncDirectory(dir);
    const previous = await currentGeneration(dir);
    writeFileAtomically(path.join(dir, 'CURRENT'), name);
    await removeLeftovers(dir, [name, previous]);
    return name;
  } finally {
    release();
  }
}

/**
 * The generation CURRENT names, or null (no index yet).
 * @example await currentGeneration('index') // 'gen-20261124T050102Z-1234'
 */
export async function currentGeneration(dir: string): Promise<string | null> {
  try {
    return (await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Removes what earlier builds left (the lock is held, so no other writer is at work): generations but the new
 * one and the one it replaced (a server that read CURRENT a moment ago may still be opening that one),
 * staging folders, and temporary files of writes that a kill interrupted (`CURRENT.tmp-<pid>`).
 */
async function removeLeftovers(dir: string, keep: Array<string | null>): Promise<void> {
  for (const entry of await readdir(dir)) {
    const leftover = entry.startsWith('gen-') || entry.startsWith('.staging-') || /\.tmp-\d+$/.test(entry);
    if (leftover && !keep.includes(entry)) {
      await rm(path.join(dir, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Reads the current generation's manifest, or throws INDEX_MISSING / INDEX_CORRUPT. */
export async function readManifest(dir: string): Promise<{ generation: string; manifest: IndexManifest }> {
  let generation: string;
  try {
    generation = (await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim();
  } catch {
    throw new IndexStoreError('INDEX_MISSING', `no index in ${dir} yet`);
  }
  if (!/^gen-[\w-]+$/.test(generation)) throw new IndexStoreError('INDEX_CORRUPT', `index/CURRENT names "${generation}"`);
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, generation, 'manifest.json'), 'utf8')) as IndexManifest;
    if (typeof manifest.formatVersion !== 'number' || typeof manifest.files !== 'object') throw new Error('bad shape');
    return { generation, manifest };
  } catch (e) {
    throw new IndexStoreError('INDEX_CORRUPT', `manifest of ${generation} unreadable: ${(e as Error).message}`);
  }
}

/** A data file of the saved generation, read; `verified` settles once its sha256 has been checked. */
export interface IndexFileRead {
  bytes: Uint8Array;
  /** Resolves when the bytes are the ones the manifest lists; rejects with INDEX_CORRUPT otherwise. */
  verified: Promise<void>;
}

/**
 * Reads one data file of the current generation (INDEX_CORRUPT at once when it is missing or not of the size
 * the manifest lists) and checks its sha256 on `thread` while the caller decodes it. Nothing decoded from
 * `bytes` may be served before `verified` resolves; `verified` never goes unhandled (a no-op handler is attached).
 * @example const { bytes, verified } = readIndexFile('index', generation, manifest, 'postings.bin', thread); decode(bytes); await verified;
 */
export function readIndexFile(dir: string, generation: string, manifest: IndexManifest, file: string, thread: ChecksumThread): IndexFileRead {
  const entry = manifest.files[file];
  if (!entry) throw new IndexStoreError('INDEX_CORRUPT', `manifest lists no ${file}`);
  let bytes: Uint8Array;
  try {
    // Read in one go, into memory the second thread can hash without a copy.
    bytes = readShared(path.join(dir, generation, file));
  } catch {
    throw new IndexStoreError('INDEX_CORRUPT', `${file} is missing from ${generation}`);
  }
  const altered = (): IndexStoreError => new IndexStoreError('INDEX_CORRUPT', `${file} does not match its checksum (truncated or altered)`);
  if (bytes.length !== entry.bytes) throw altered();
  const verified = thread.digest([{ bytes }]).then((hex) => {
    if (hex !== entry.sha256) throw altered();
  });
  verified.catch(() => undefined);
  return { bytes, verified };
}
