import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { createIngestError, describeCode, INGEST_ERROR_CODES, isIngestError } from '../../src/ingest/errors.js';
import { loadManifest } from '../../src/ingest/manifest.js';
import { corpusDir, tempDirs } from './helpers.js';

const HAN = /\p{Script=Han}/u;
/** Names an operator types or looks for, which a translation must keep as they are. */
const KEPT_NAMES = /\.(?:txt|html|docx|doc|pdf|csv|jsonl)\b|manifest\.json|\b[A-Z][A-Z0-9_-]{2,}\b|\bmax[A-Z]\w+|ocrmypdf|<meta charset>|"\w+"/g;

const tempDir = tempDirs('ingest-zh-');

describe('the ingest catalogue in Chinese', () => {
  it.each(INGEST_ERROR_CODES)('%s has a Chinese message and hint', (code) => {
    const { zh, hintZh } = describeCode(code);
    expect(zh).toMatch(HAN);
    expect(hintZh).toMatch(HAN);
  });

  it.each(INGEST_ERROR_CODES)('%s keeps the file-format and variable names of its English text', (code) => {
    const { message, hint, zh, hintZh } = describeCode(code);
    const names = new Set(`${message} ${hint}`.match(KEPT_NAMES) ?? []);
    for (const name of names) expect(`${zh} ${hintZh}`).toContain(name);
  });

  it('appends the detail to the Chinese message as to the English one', () => {
    const error = createIngestError('MANIFEST_DUPLICATE', 'id "xizang-2024" appears twice', 'manifest.json');
    expect(error.message).toBe(`${describeCode('MANIFEST_DUPLICATE').message}: id "xizang-2024" appears twice`);
    expect(error.zh).toBe(`${describeCode('MANIFEST_DUPLICATE').zh}：id "xizang-2024" appears twice`);
    expect(error.hintZh).toBe(describeCode('MANIFEST_DUPLICATE').hintZh);
  });

  it('names the manifest file in the Chinese message of a malformed manifest', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'manifest.json'), '[{"id": ');
    const thrown: unknown = await loadManifest(dir).catch((e: unknown) => e);
    expect(isIngestError(thrown, 'MANIFEST_JSON')).toBe(true);
    if (!isIngestError(thrown)) return;
    const file = path.join(dir, 'manifest.json');
    expect(thrown.message.startsWith(`${file}: `)).toBe(true);
    expect(thrown.zh.startsWith(`${file}：${describeCode('MANIFEST_JSON').zh}`)).toBe(true);
    expect(thrown.hintZh).toBe(describeCode('MANIFEST_JSON').hintZh);
  });
});

describe('ingest warnings in both languages', () => {
  it('carry the Chinese message and hint of an empty, a binary file and a link out of the corpus folder', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    const report = 'xizang-2020-government-work-report.txt';
    await copyFile(path.join(corpusDir, report), path.join(dir, report));
    await writeFile(path.join(dir, 'empty.txt'), '  \n\n');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x00, 0x01, 0x02, 0x00, 0x7f, 0x00, 0x00, 0x10, 0x00]));
    await mkdir(path.join(outside, 'elsewhere'));
    const target = path.join(outside, 'elsewhere', report);
    await copyFile(path.join(corpusDir, report), target);
    await symlink(target, path.join(dir, 'linked.txt'));

    const { docs, warnings } = await readCorpus([dir]);
    expect(docs.map((d) => d.meta.id)).toEqual(['xizang-2020-government-work-report']);
    const byFile = new Map(warnings.map((w) => [path.basename(w.file), w]));
    const expected = { 'empty.txt': 'INGEST_EMPTY', 'binary.txt': 'INGEST_BINARY', 'linked.txt': 'INGEST_SYMLINK_OUTSIDE' } as const;
    for (const [name, code] of Object.entries(expected)) {
      const warning = byFile.get(name);
      expect(warning?.code).toBe(code);
      const { zh, hintZh } = describeCode(code);
      expect(warning?.messages?.zh.startsWith(zh)).toBe(true);
      expect(warning?.hints).toEqual({ en: describeCode(code).hint, zh: hintZh });
      // The English fields are as before: the message, then the fix.
      expect(warning?.message).toBe(`${warning?.messages?.en}. To fix: ${warning?.hints?.en}`);
    }
    expect(byFile.get('linked.txt')?.messages?.zh).toContain(target);
  });
});
