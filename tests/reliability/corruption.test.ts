/**
 * A saved index that is damaged (a file truncated, altered or missing, an unreadable manifest, a broken
 * CURRENT pointer) is detected by the checksums in its manifest, reported in the log, and rebuilt from the
 * corpus: it is never served half-read. A corpus file deleted after a build is reported, and the rest of
 * the corpus is served.
 */
import { readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/model.js';
import { openCorpus, openIndex } from '../../src/runtime/build-index.js';
import { POSTINGS_FILE } from '../../src/index/schema.js';
import { readManifest } from '../../src/index/store.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { CORPUS_DIR, removeTempDirs, seedCorpus, SMALL_SEED, tempDir } from './helpers.js';

afterAll(removeTempDirs);

let corpusDir: string;
let indexDir: string;
let expected: Passage[];

beforeAll(async () => {
  corpusDir = seedCorpus();
  indexDir = tempDir('index');
  expected = (await openIndex({ corpusDirs: [corpusDir], indexDir })).data.passages;
}, 120_000);

/** A fresh, good index (rebuilt on purpose), its generation folder and the data files its manifest lists. */
async function freshIndex(): Promise<{ genDir: string; files: string[]; builtAt: string }> {
  await openIndex({ corpusDirs: [corpusDir], indexDir, force: true });
  const { generation, manifest } = await readManifest(indexDir);
  return { genDir: path.join(indexDir, generation), files: Object.keys(manifest.files), builtAt: manifest.builtAt };
}

/** Opens the index as the server does at start and returns what it logged and whether it rebuilt. */
async function reopen(): Promise<{ built: boolean; log: string; passages: Passage[]; builtAt: string }> {
  const lines: string[] = [];
  const opened = await openIndex({ corpusDirs: [corpusDir], indexDir, log: (line) => lines.push(line) });
  return { built: opened.built, log: lines.join('\n'), passages: opened.data.passages, builtAt: opened.manifest.builtAt };
}

/** The damaged index was reported as corrupt, rebuilt into the same passages, and the rebuild now loads. */
async function expectReportedAndRebuilt(damage: string, pattern: RegExp): Promise<void> {
  const first = await reopen();
  expect(first.built, damage).toBe(true);
  expect(first.log, damage).toMatch(/index not usable \(INDEX_CORRUPT: .+\): rebuilding/);
  expect(first.log, damage).toMatch(pattern);
  expect(first.passages, damage).toEqual(expected);
  const second = await reopen();
  expect({ built: second.built, builtAt: second.builtAt }, damage).toEqual({ built: false, builtAt: first.builtAt });
}

describe('a damaged index file', () => {
  it('lists every data file in the manifest with its size and sha256', async () => {
    const { files } = await freshIndex();
    const { manifest } = await readManifest(indexDir);
    expect(files.length).toBeGreaterThan(0);
    for (const entry of Object.values(manifest.files)) {
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.bytes).toBeGreaterThan(0);
    }
  });

  it('is detected when truncated, reported, and rebuilt (each data file in turn)', async () => {
    for (const file of (await freshIndex()).files) {
      const { genDir } = await freshIndex();
      const full = path.join(genDir, file);
      truncateSync(full, Math.floor(readFileSync(full).length / 2));
      await expectReportedAndRebuilt(`${file} truncated`, new RegExp(`${file.replace('.', '\\.')} does not match its checksum`));
    }
  });

  it('is detected when one byte is altered and the size is unchanged, reported, and rebuilt', async () => {
    for (const file of (await freshIndex()).files) {
      const { genDir } = await freshIndex();
      const full = path.join(genDir, file);
      const bytes = readFileSync(full);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      writeFileSync(full, bytes);
      await expectReportedAndRebuilt(`${file}: byte ${at} flipped`, /does not match its checksum/);
    }
  });

  it('is detected when missing, reported, and rebuilt', async () => {
    const { genDir, files } = await freshIndex();
    unlinkSync(path.join(genDir, files[0] ?? ''));
    await expectReportedAndRebuilt(`${files[0]} deleted`, /is missing from gen-/);
  });
});

describe('opening only the corpus (for a cluster backend, which holds its own index)', () => {
  it('reads the corpus of a current index without its postings, and checks what it reads', async () => {
    const { genDir, builtAt } = await freshIndex();
    unlinkSync(path.join(genDir, POSTINGS_FILE));
    const corpusOnly = await openCorpus({ corpusDirs: [corpusDir], indexDir });
    expect({ built: corpusOnly.built, builtAt: corpusOnly.manifest.builtAt }).toEqual({ built: false, builtAt });
    expect(corpusOnly.data.passages).toEqual(expected);
    expect('backend' in corpusOnly).toBe(false);
    // The whole index needs the postings: it notices they are gone and rebuilds.
    expect((await reopen()).built).toBe(true);
    const { genDir: next } = await freshIndex();
    const corpusFile = path.join(next, 'corpus.json');
    const bytes = readFileSync(corpusFile);
    bytes[bytes.length - 2] ^= 0xff;
    writeFileSync(corpusFile, bytes);
    const rebuilt = await openCorpus({ corpusDirs: [corpusDir], indexDir });
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.data.passages).toEqual(expected);
  });
});

describe('a damaged manifest or CURRENT pointer', () => {
  it('is detected when the manifest is cut short, reported, and rebuilt', async () => {
    const { genDir } = await freshIndex();
    const manifest = path.join(genDir, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 40));
    await expectReportedAndRebuilt('manifest cut short', /manifest of gen-\S+ unreadable/);
  });

  it.each([
    ['names a generation that does not exist', 'gen-20200101T000000000Z-1'],
    ['is garbage', '../../etc/passwd'],
    ['is empty', ''],
  ])('is detected when CURRENT %s, reported, and rebuilt', async (_what, content) => {
    await freshIndex();
    writeFileSync(path.join(indexDir, 'CURRENT'), content);
    await expectReportedAndRebuilt(`CURRENT = "${content}"`, /INDEX_CORRUPT/);
  });

  it('is rebuilt through openEngine, which then serves the rebuilt index', async () => {
    const { genDir, files, builtAt } = await freshIndex();
    truncateSync(path.join(genDir, files[0] ?? ''), 10);
    const log: string[] = [];
    const engine = await openEngine({ corpusDirs: [corpusDir], indexDir, log: (line) => log.push(line) });
    expect(log.join('\n')).toMatch(/INDEX_CORRUPT: .*does not match its checksum/);
    expect(engine.stats().builtAt).not.toBe(builtAt);
    expect(engine.stats().passages).toBe(expected.length);
    expect((await engine.search('西藏')).total).toBeGreaterThan(0);
  });
});

describe('a corpus file deleted after the build', () => {
  const OTHER = 'xizang-2023-plan-report.txt';

  it('is reported by name when the manifest lists it, and the remaining report is served', async () => {
    const dir = seedCorpus([SMALL_SEED, OTHER]);
    const entries = (JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Array<{ id: string; file: string }>).filter(
      (e) => e.file === SMALL_SEED || e.file === OTHER,
    );
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(entries));
    const index = tempDir('index');
    const before = await openEngine({ corpusDirs: [dir], indexDir: index });
    expect(before.documents().map((d) => d.file).sort()).toEqual([OTHER, SMALL_SEED].sort());

    rmSync(path.join(dir, OTHER));
    const log: string[] = [];
    const after = await openEngine({ corpusDirs: [dir], indexDir: index, log: (line) => log.push(line) });
    const text = log.join('\n');
    expect(text).toMatch(/index not usable \(INDEX_STALE: the corpus changed\): rebuilding/);
    expect(text).toContain(`warning: ${path.join(dir, OTHER)}: a manifest entry names a file that does not exist`);
    expect(after.documents().map((d) => d.file)).toEqual([SMALL_SEED]);
    expect((await after.search('西藏')).hits.every((h) => h.docId === after.documents()[0]?.id)).toBe(true);
  });

  it('is noticed without a manifest too: the index is rebuilt from the files that are left', async () => {
    const dir = seedCorpus([SMALL_SEED, OTHER]);
    const index = tempDir('index');
    expect((await openEngine({ corpusDirs: [dir], indexDir: index })).documents()).toHaveLength(2);
    rmSync(path.join(dir, SMALL_SEED));
    const log: string[] = [];
    const after = await openEngine({ corpusDirs: [dir], indexDir: index, log: (line) => log.push(line) });
    expect(log.join('\n')).toMatch(/INDEX_STALE: the corpus changed/);
    expect(after.documents().map((d) => d.file)).toEqual([OTHER]);
  });

  it('stops the start with a coded error naming the folder when no file is left', async () => {
    const dir = seedCorpus([SMALL_SEED]);
    const index = tempDir('index');
    await openEngine({ corpusDirs: [dir], indexDir: index });
    rmSync(path.join(dir, SMALL_SEED));
    await expect(openEngine({ corpusDirs: [dir], indexDir: index })).rejects.toThrow(
      expect.objectContaining({ code: 'CORPUS_EMPTY', message: expect.stringContaining(dir) }),
    );
  });
});
