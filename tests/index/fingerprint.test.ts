import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFilesFingerprint } from '../../src/index/fingerprint.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'gov-search-fingerprint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('corpus fingerprint', () => {
  describeWithShared('corpora', 'the shared corpora', () => {
    it('is the same whether files are read whole or as a stream (how files over 64 MiB are read)', async () => {
      const dirs = [path.join(REPO_ROOT, 'corpus'), sharedPath('corpora')];
      const whole = await corpusFilesFingerprint(dirs);
      expect(whole).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await corpusFilesFingerprint(dirs, 0)).toBe(whole);
      expect(await corpusFilesFingerprint(dirs, 100_000)).toBe(whole);
    });
  });

  it('changes when a byte of a file changes, a file is added, or a file is renamed, streamed or not', async () => {
    const dir = path.join(scratch, 'corpus');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.txt'), '政府工作报告\n'.repeat(1000));
    const seen = new Set<string>();
    const both = async (): Promise<void> => {
      const whole = await corpusFilesFingerprint([dir]);
      expect(await corpusFilesFingerprint([dir], 0)).toBe(whole);
      expect(seen.has(whole)).toBe(false);
      seen.add(whole);
    };
    await both();
    appendFileSync(path.join(dir, 'a.txt'), '。');
    await both();
    writeFileSync(path.join(dir, 'b.txt'), '二〇二四年');
    await both();
    renameSync(path.join(dir, 'b.txt'), path.join(dir, 'c.txt'));
    await both();
  });
});
