import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecksumThread } from '../../src/index/checksum-thread.js';
import { corpusFilesFingerprint, fingerprintParts } from '../../src/index/fingerprint.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'gov-search-fingerprint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fingerprint as it was defined before it could be hashed on a second thread: whole files, read one by one. */
function oracle(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.isFile() ? [path.join(d, e.name)] : []));
  for (const [i, dir] of dirs.entries()) {
    hash.update(`dir\0${i}\0`);
    for (const file of walk(dir)) {
      const bytes = readFileSync(file);
      hash.update(`${path.relative(dir, file)}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The fingerprint on this thread, checked against the same parts hashed on the second thread. */
async function bothThreads(dirs: readonly string[]): Promise<string> {
  const here = await corpusFilesFingerprint(dirs);
  const thread = new ChecksumThread();
  try {
    expect(`sha256:${await thread.digest(fingerprintParts(dirs))}`).toBe(here);
  } finally {
    thread.close();
  }
  return here;
}

describe('corpus fingerprint', () => {
  describeWithShared('corpora', 'the shared corpora', () => {
    it('is what it was before (an index built earlier stays current), on either thread', async () => {
      const dirs = [path.join(REPO_ROOT, 'corpus'), sharedPath('corpora')];
      const fingerprint = await bothThreads(dirs);
      expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(fingerprint).toBe(oracle(dirs));
    });
  });

  it('changes when a byte of a file changes, a file is added, or a file is renamed; a file over the read chunk is read whole', async () => {
    const dir = path.join(scratch, 'corpus');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    // 6 MB: more than one 4 MiB read.
    writeFileSync(path.join(dir, 'a.txt'), '政府工作报告\n'.repeat(300_000));
    const seen = new Set<string>();
    const check = async (): Promise<void> => {
      const fingerprint = await bothThreads([dir]);
      expect(fingerprint).toBe(oracle([dir]));
      expect(seen.has(fingerprint)).toBe(false);
      seen.add(fingerprint);
    };
    await check();
    appendFileSync(path.join(dir, 'a.txt'), '。');
    await check();
    writeFileSync(path.join(dir, 'b.txt'), '二〇二四年');
    await check();
    renameSync(path.join(dir, 'b.txt'), path.join(dir, 'c.txt'));
    await check();
  });

  it('throws ENOENT for a folder that is not there', async () => {
    await expect(corpusFilesFingerprint([path.join(scratch, 'nowhere')])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
