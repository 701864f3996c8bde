/**
 * Two ingests at once over the same index folder: the second waits for the first (the write lock), both
 * succeed, and the index they leave is whole and served as saved. A lock left by a killed writer is taken
 * over; a lock held by a live process makes a writer wait, then give up with INDEX_BUSY.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/runtime/build-index.js';
import { readManifest, writeIndex } from '../../src/index/store.js';
import { acquireWriteLock, LOCK_FILE } from '../../src/index/write-lock.js';
import { killChildren, removeTempDirs, runTs, seedCorpus, tempDir } from './helpers.js';

afterEach(killChildren);
afterAll(removeTempDirs);

const MANIFEST = { formatVersion: 1, analyzer: 'test', corpus: 'test', builtAt: '2026-01-01T00:00:00Z' } as unknown as Parameters<typeof writeIndex>[2];

/** The pid of a process that has already exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(done.stdout);
}

describe('concurrent writers of one index', () => {
  it('two npm run ingest at once both succeed, one after the other, and leave a whole index', async () => {
    const corpusDir = seedCorpus();
    const indexDir = tempDir('index');
    const runs = [0, 1].map(() => runTs('src/cli/ingest.ts', [corpusDir], { INDEX_DIR: indexDir }));
    const exits = await Promise.all(runs.map((r) => r.exited));
    expect(exits.map((e) => e.code), runs.map((r) => r.output()).join('\n')).toEqual([0, 0]);
    const { generation } = await readManifest(indexDir);
    const entries = readdirSync(indexDir);
    expect(entries).toContain(generation);
    expect(entries.filter((e) => e.startsWith('.staging-') || e === LOCK_FILE || /\.tmp-\d+$/.test(e))).toEqual([]);
    const log: string[] = [];
    const opened = await openIndex({ corpusDirs: [corpusDir], indexDir, log: (line) => log.push(line) });
    expect(opened.built).toBe(false);
    expect(opened.data.passages.length).toBeGreaterThan(50);
  }, 120_000);

  it('in one process, writes wait for each other and the last one is current', async () => {
    const indexDir = tempDir('index');
    const names = await Promise.all([0, 1, 2].map((i) => writeIndex(indexDir, { 'data.json': `{"n":${i}}` }, MANIFEST)));
    const { generation } = await readManifest(indexDir);
    expect(names).toContain(generation);
    expect(existsSync(path.join(indexDir, LOCK_FILE))).toBe(false);
    expect(readdirSync(indexDir).filter((e) => e.startsWith('gen-')).length).toBeLessThanOrEqual(2);
  });

  it('takes over a lock whose writer is gone, and clears the temporary files a killed write left', async () => {
    const indexDir = tempDir('index');
    await writeIndex(indexDir, { 'data.json': '{}' }, MANIFEST);
    writeFileSync(path.join(indexDir, LOCK_FILE), String(deadPid()));
    writeFileSync(path.join(indexDir, 'CURRENT.tmp-999999'), 'gen-x');
    const name = await writeIndex(indexDir, { 'data.json': '{"again":true}' }, MANIFEST);
    expect((await readManifest(indexDir)).generation).toBe(name);
    expect(readdirSync(indexDir).filter((e) => e === LOCK_FILE || e.includes('.tmp-'))).toEqual([]);
  });

  it('waits for a live writer, then gives up with INDEX_BUSY naming it', async () => {
    const indexDir = tempDir('index');
    writeFileSync(path.join(indexDir, LOCK_FILE), String(process.ppid));
    const started = Date.now();
    await expect(acquireWriteLock(indexDir, 600, 50)).rejects.toMatchObject({ code: 'INDEX_BUSY', message: expect.stringContaining(`pid ${process.ppid}`) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    const release = acquireWriteLock(indexDir, 5000, 50);
    writeFileSync(path.join(indexDir, LOCK_FILE), String(deadPid()));
    (await release)();
    expect(existsSync(path.join(indexDir, LOCK_FILE))).toBe(false);
  });
});
