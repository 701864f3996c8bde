import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../../src/ingest/checksum.js';
import { corpusFingerprint, isSkippedName, listCorpusFiles, readCorpus, readFile as readOneFile } from '../../src/ingest/corpus.js';
import { loadManifest } from '../../src/ingest/manifest.js';
import type { SourceDoc } from '../../src/model.js';
import { describeWithShared } from '../shared-data.js';
import { corporaDir, corpusDir, repoRoot, tempDirs } from './helpers.js';

const tempDir = tempDirs('ingest-corpus-');

describe('readCorpus over the shipped corpus/', () => {
  it('reads the five seeds with their manifest metadata and no warning', async () => {
    const { docs, warnings } = await readCorpus([corpusDir]);
    expect(warnings).toEqual([]);
    const manifest = await loadManifest(corpusDir);
    expect(docs.map((d) => d.meta.id)).toEqual(
      [...(manifest?.entries ?? [])].sort((a, b) => (a.file < b.file ? -1 : 1)).map((e) => e.id),
    );
    for (const doc of docs) {
      const entry = manifest?.entries.find((e) => e.file === doc.meta.file);
      expect(doc.meta).toEqual({ ...entry });
      expect(doc.meta.inferred).toBeUndefined();
      expect(doc.text).toBe(await readFile(path.join(corpusDir, doc.meta.file), 'utf8'));
    }
  });
});

describeWithShared('corpora', 'readCorpus over the shared corpora', () => {
  let result: { docs: SourceDoc[]; warnings: unknown[] };
  beforeAll(async () => {
    result = await readCorpus([corporaDir]);
  });

  it('reads every report of every format, and nothing there is unreadable', () => {
    const byFormat = (f: SourceDoc['format']): number => result.docs.filter((d) => d.format === f).length;
    expect(byFormat('csv')).toBe(2);
    expect(byFormat('jsonl')).toBe(72);
    expect(byFormat('yeartxt')).toBe(53);
    expect(byFormat('docx')).toBe(31);
    expect(byFormat('txt')).toBe(8);
    expect(result.docs).toHaveLength(166);
    expect(result.warnings).toEqual([]);
  });

  it('gives every document a distinct URL-safe id and inferred, marked metadata', () => {
    const ids = result.docs.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const doc of result.docs) {
      expect(doc.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(doc.meta.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(doc.text.trim().length).toBeGreaterThan(0);
    }
    expect(result.docs.filter((d) => d.format === 'txt' || d.format === 'docx').every((d) => d.meta.inferred === true)).toBe(true);
  });

  it('records paths relative to the corpus folder and skips README.md and SOURCE.txt', () => {
    const files = new Set(result.docs.map((d) => d.meta.file));
    expect(files.has('district-gbk/2012.txt')).toBe(true);
    expect(files.has('national-zh/gov_reports1954-2022.txt')).toBe(true);
    expect([...files].some((f) => /README|SOURCE/.test(f))).toBe(false);
  });
}, { tags: ['slow'] });

describe('readCorpus on a folder of broken files', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof readCorpus>>;
  beforeAll(async () => {
    dir = await tempDir();
    await copyFile(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), path.join(dir, 'good.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    await writeFile(path.join(dir, 'fake.docx'), '这不是一个Word文件');
    await writeFile(path.join(dir, 'notes.xyz'), 'hello');
    await writeFile(path.join(dir, 'old.pdf'), '%PDF-1.4');
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Rapport annuel : activité, résultats, priorités.', 'latin1'));
    await writeFile(path.join(dir, 'README.md'), '# about this folder');
    await writeFile(path.join(dir, 'LICENSE'), 'public domain');
    await writeFile(path.join(dir, '.hidden.txt'), 'secret');
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main');
    result = await readCorpus([dir]);
  });

  it('reads the good file and goes on past the bad ones', () => {
    expect(result.docs.map((d) => d.meta.file)).toEqual(['good.txt']);
  });

  it('warns once per unreadable file, naming the file, the reason and the fix', () => {
    const byFile = Object.fromEntries(result.warnings.map((w) => [path.basename(w.file), w.code]));
    expect(byFile).toEqual({
      '.git': 'INGEST_HIDDEN_SKIPPED',
      '.hidden.txt': 'INGEST_HIDDEN_SKIPPED',
      'binary.txt': 'INGEST_BINARY',
      'empty.txt': 'INGEST_EMPTY',
      'fake.docx': 'INGEST_NOT_ZIP',
      'latin1.txt': 'INGEST_ENCODING_INVALID',
      'notes.xyz': 'INGEST_UNKNOWN_EXTENSION',
      'old.pdf': 'INGEST_PDF_INVALID',
    });
    for (const w of result.warnings) {
      expect(path.dirname(w.file)).toBe(dir);
      expect(w.message).toMatch(/To fix: ./);
    }
    expect(result.warnings.find((w) => w.file.endsWith('old.pdf'))?.message).toMatch(/save a new copy/);
  });

  it('skips README and LICENSE silently, and dotfiles and dot-folders with a warning naming each', async () => {
    const skipped: string[] = [];
    expect(await listCorpusFiles(dir, { warn: (w) => skipped.push(`${path.basename(w.file)} ${w.code}`) })).toEqual(['binary.txt', 'empty.txt', 'fake.docx', 'good.txt', 'latin1.txt', 'notes.xyz', 'old.pdf']);
    expect(skipped).toEqual(['.git INGEST_HIDDEN_SKIPPED', '.hidden.txt INGEST_HIDDEN_SKIPPED']);
    expect(result.warnings.find((w) => w.file.endsWith('.hidden.txt'))?.message).toMatch(/skipped on purpose.*To fix: rename it without the leading dot/);
    expect(['README.md', 'SOURCE.txt', 'LICENSE', 'manifest.json', '.DS_Store'].every(isSkippedName)).toBe(true);
    expect(['sources.txt', 'report.txt'].some(isSkippedName)).toBe(false);
  });

  it('skips files over the size limit with a warning', async () => {
    const limit = 40_000;
    const files = (await listCorpusFiles(corpusDir)).filter((f) => f.endsWith('.txt'));
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(corpusDir, f))).size));
    const { docs, warnings } = await readCorpus([corpusDir], { maxFileBytes: limit });
    expect(docs.map((d) => d.meta.file)).toEqual(files.filter((_, i) => sizes[i] <= limit));
    expect(warnings.map((w) => [path.basename(w.file), w.code])).toEqual(files.filter((_, i) => sizes[i] > limit).map((f) => [f, 'INGEST_TOO_LARGE']));
    expect(docs.length * warnings.length).toBeGreaterThan(0);
  });

  it('throws CORPUS_EMPTY, listing the reasons, when nothing at all can be read', async () => {
    const bad = await tempDir();
    await writeFile(path.join(bad, 'empty.txt'), '');
    await expect(readCorpus([bad, path.join(bad, 'missing')])).rejects.toThrow(
      expect.objectContaining({ code: 'CORPUS_EMPTY', message: expect.stringMatching(/empty\.txt \[INGEST_EMPTY\].*\[CORPUS_DIR_MISSING\]/) }),
    );
  });
});

describe('readCorpus with a manifest', () => {
  it('warns about a file without an entry and prints the entry to add, as JSON', async () => {
    const dir = await tempDir();
    for (const f of ['xizang-2020-government-work-report.txt', 'xizang-2024-government-work-report.txt']) await copyFile(path.join(corpusDir, f), path.join(dir, f));
    const manifest = (await loadManifest(corpusDir))?.entries.filter((e) => e.file === 'xizang-2020-government-work-report.txt');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const { docs, warnings } = await readCorpus([dir]);
    expect(docs).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'MANIFEST_NO_ENTRY', file: path.join(dir, 'xizang-2024-government-work-report.txt') });
    const suggested = JSON.parse(/\{.*\}/.exec(warnings[0].message)?.[0] ?? 'null') as Record<string, unknown>;
    expect(suggested).toMatchObject({ id: 'xizang-2024-government-work-report', file: 'xizang-2024-government-work-report.txt', year: 2024, issuer: '严金海' });
    expect(suggested.inferred).toBeUndefined();
  });

  it('warns on a checksum mismatch, keeps the manifest metadata and records the actual checksum', async () => {
    const dir = await tempDir();
    const file = 'xizang-2020-government-work-report.txt';
    const changed = `${await readFile(path.join(corpusDir, file), 'utf8')}\n（修订）\n`;
    await writeFile(path.join(dir, file), changed);
    const entries = (await loadManifest(corpusDir))?.entries.filter((e) => e.file === file);
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(entries));
    const { docs, warnings } = await readCorpus([dir]);
    expect(warnings.map((w) => w.code)).toEqual(['CHECKSUM_MISMATCH']);
    expect(docs[0].meta.title).toBe('2020年西藏自治区政府工作报告');
    expect(docs[0].meta.checksum).toBe(checksumOf(changed));
  });

  it('warns about an entry whose file is missing', async () => {
    const dir = await tempDir();
    await copyFile(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), path.join(dir, 'xizang-2020-government-work-report.txt'));
    await copyFile(path.join(corpusDir, 'manifest.json'), path.join(dir, 'manifest.json'));
    const { warnings } = await readCorpus([dir]);
    expect(warnings.map((w) => w.code)).toEqual(Array(4).fill('MANIFEST_FILE_MISSING'));
  });

  it('throws on a malformed manifest instead of guessing', async () => {
    const dir = await tempDir();
    await copyFile(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), path.join(dir, 'a.txt'));
    await writeFile(path.join(dir, 'manifest.json'), '{"not": "an array"}');
    await expect(readCorpus([dir])).rejects.toThrow(expect.objectContaining({ code: 'MANIFEST_SHAPE' }));
  });
});

describe('duplicate ids', () => {
  it('get a suffix and a warning when two folders hold the same report', async () => {
    const dir = await tempDir();
    await copyFile(path.join(corpusDir, 'xizang-2024-government-work-report.txt'), path.join(dir, 'copy.txt'));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify([{ ...(await loadManifest(corpusDir))?.entries[3], file: 'copy.txt', checksum: undefined }]));
    const { docs, warnings } = await readCorpus([corpusDir, dir]);
    expect(docs.map((d) => d.meta.id)).toContain('xizang-2024-government-work-report-2');
    expect(warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_ID', file: path.join(dir, 'copy.txt') })]);
  });
});

describeWithShared('corpora', 'readFile', () => {
  it('reads one file with inferred metadata relative to its folder', async () => {
    const { docs, warnings } = await readOneFile(path.join(corporaDir, 'district-gbk/2019.txt'), { root: corporaDir });
    expect(warnings).toEqual([]);
    expect(docs[0].meta).toMatchObject({ file: 'district-gbk/2019.txt', id: 'district-gbk-2019', year: 2019, issuer: '萨国文' });
  });

  it('throws a coded error for an unreadable file', async () => {
    await expect(readOneFile(path.join(repoRoot, 'README.md'))).rejects.toThrow(expect.objectContaining({ code: 'INGEST_UNKNOWN_EXTENSION' }));
  });
});

describe('corpusFingerprint', () => {
  it('does not depend on reading order, and changes with any checksum or metadata', async () => {
    const { docs } = await readCorpus([corpusDir]);
    const base = corpusFingerprint(docs);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(corpusFingerprint([...docs].reverse())).toBe(base);
    const edited = docs.map((d, i) => (i === 0 ? { ...d, meta: { ...d.meta, checksum: checksumOf('other') } } : d));
    expect(corpusFingerprint(edited)).not.toBe(base);
    const retitled = docs.map((d, i) => (i === 1 ? { ...d, meta: { ...d.meta, titleEn: 'Another title' } } : d));
    expect(corpusFingerprint(retitled)).not.toBe(base);
  });
});
