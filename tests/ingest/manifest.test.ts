import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../../src/ingest/checksum.js';
import { isPartialIsoDate, loadManifest, parseManifest } from '../../src/ingest/manifest.js';
import { corpusDir } from './helpers.js';

const good = {
  id: 'xizang-2024-government-work-report',
  title: '2024年西藏自治区政府工作报告',
  titleEn: 'Report on the Work of the Government of the Xizang (Tibet) Autonomous Region (2024)',
  type: 'government work report',
  region: 'Xizang (Tibet) Autonomous Region',
  year: 2024,
  date: '2024-01-07',
  issuer: '严金海',
  language: 'zh',
  file: 'xizang-2024-government-work-report.txt',
};

function codeAndMessage(json: string): { code: string; message: string } {
  try {
    parseManifest(json);
    return { code: 'none', message: '' };
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
}

describe('the shipped corpus/manifest.json', () => {
  it('is valid, covers the five seed files, and its checksums match their bytes', async () => {
    const manifest = await loadManifest(corpusDir);
    expect(manifest?.entries).toHaveLength(5);
    for (const entry of manifest?.entries ?? []) {
      expect(entry.checksum, entry.file).toBe(checksumOf(readFileSync(path.join(corpusDir, entry.file))));
      expect(entry.region).toBe('Xizang (Tibet) Autonomous Region');
      expect(entry.language).toBe('zh');
    }
  });

  it('states facts each report\'s text confirms: date digits and issuer appear in the file', async () => {
    const manifest = await loadManifest(corpusDir);
    for (const entry of manifest?.entries ?? []) {
      const text = readFileSync(path.join(corpusDir, entry.file), 'utf8').replace(/\s/g, '');
      if (entry.issuer) expect(text, entry.file).toContain(entry.issuer);
      if (entry.date && entry.date.length === 10) {
        const [y, m, d] = entry.date.split('-').map(Number);
        expect(text, entry.file).toContain(`${y}年${m}月${d}日`);
      }
    }
  });
});

describe('parseManifest', () => {
  it('accepts a valid entry, with or without a checksum', () => {
    expect(parseManifest(JSON.stringify([good]))).toEqual([good]);
    const withSum = { ...good, checksum: checksumOf('x') };
    expect(parseManifest(JSON.stringify([withSum]))[0].checksum).toBe(checksumOf('x'));
  });

  it('rejects broken JSON with MANIFEST_JSON', () => {
    expect(codeAndMessage('[{"id": "a",]').code).toBe('MANIFEST_JSON');
  });

  it('rejects anything but an array with MANIFEST_SHAPE', () => {
    expect(codeAndMessage('{"docs": []}').code).toBe('MANIFEST_SHAPE');
    expect(codeAndMessage('null').code).toBe('MANIFEST_SHAPE');
  });

  it('rejects a bad field with MANIFEST_ENTRY naming the entry and the field', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...good, id: 'Has Spaces' }, /entry 0 .*"id"/],
      [{ ...good, year: '2024' }, /"year"/],
      [{ ...good, date: '2024-02-30' }, /"date"/],
      [{ ...good, language: 'chinese' }, /"language"/],
      [{ ...good, file: '../outside.txt' }, /"file"/],
      [{ ...good, checksum: 'md5:abc' }, /"checksum"/],
      [{ ...good, tilte: 'typo' }, /unknown field\(s\) "tilte"/],
      [{ ...good, title: '' }, /"title"/],
    ];
    for (const [entry, message] of cases) {
      const result = codeAndMessage(JSON.stringify([entry]));
      expect(result.code).toBe('MANIFEST_ENTRY');
      expect(result.message).toMatch(message);
    }
    const missing: Record<string, unknown> = { ...good };
    delete missing.issuer;
    expect(codeAndMessage(JSON.stringify([missing])).message).toMatch(/"issuer"/);
  });

  it('rejects duplicate ids or files with MANIFEST_DUPLICATE', () => {
    expect(codeAndMessage(JSON.stringify([good, { ...good, file: 'other.txt' }])).code).toBe('MANIFEST_DUPLICATE');
    expect(codeAndMessage(JSON.stringify([good, { ...good, id: 'other' }])).code).toBe('MANIFEST_DUPLICATE');
  });

  it('knows partial ISO dates', () => {
    expect(['2023', '2023-01', '2024-02-29'].every(isPartialIsoDate)).toBe(true);
    expect(['2023-13', '2023-02-29', '23-01-01', '2023/01/07'].some(isPartialIsoDate)).toBe(false);
  });
});

describe('loadManifest', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('returns null for a folder without a manifest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-manifest-'));
    dirs.push(dir);
    expect(await loadManifest(dir)).toBeNull();
  });

  it('names the manifest path in the error of a malformed one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-manifest-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'manifest.json'), '[{"id": }]');
    await expect(loadManifest(dir)).rejects.toThrow(expect.objectContaining({ code: 'MANIFEST_JSON', message: expect.stringContaining(path.join(dir, 'manifest.json')) }));
  });
});
