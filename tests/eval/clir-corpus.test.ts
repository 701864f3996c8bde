import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSourcesExist, nationalReports, writeClirCorpus, type ClirSources } from '../../src/eval/clir-corpus.js';
import { clirDirection } from '../../src/eval/clir-direction.js';
import { reportParagraphs } from '../../src/eval/report-paragraphs.js';
import { parseManifest } from '../../src/ingest/manifest.js';
import { nationalJsonl, parallelCsv, repoRoot, sharedRoot } from './paths.js';
import { describeWithShared } from '../shared-data.js';

const sources: ClirSources = { nationalJsonl, bundledCorpus: path.join(repoRoot, 'corpus') };
const roots = { shared: sharedRoot, repo: repoRoot };
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clir-corpus-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describeWithShared('corpora', 'the evaluation corpus from the shared corpora', () => {
  describe('the evaluation corpus', () => {
    it('holds the 2025 report as Chinese lines, the 2024 and 2023 reports and the bundled corpus, with a valid manifest', async () => {
      const dir = await tempDir();
      const corpus = await writeClirCorpus(sources, dir, clirDirection(2025, roots));
      const manifest = parseManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
      const bundled = parseManifest(readFileSync(path.join(repoRoot, 'corpus/manifest.json'), 'utf8'));
      expect(manifest.map((e) => e.year).slice(0, 3)).toEqual([2025, 2024, 2023]);
      expect(manifest.slice(3)).toEqual(bundled);
      const target = await readFile(path.join(dir, manifest[0].file), 'utf8');
      expect(target.split('\n').filter((l) => l !== '')).toEqual(corpus.paragraphs.map((p) => p.text));
      expect(target).not.toMatch(/[A-Za-z]{4,}/); // Chinese only: no English sentence came along
      for (const e of manifest) expect((await readFile(path.join(dir, e.file))).length).toBeGreaterThan(0);
    });

    it('holds the 2024 report as Chinese lines under its own id when 2024 is evaluated, with the 2025 and 2023 reports as distractors', async () => {
      const direction = clirDirection(2024, roots);
      const dir = await tempDir();
      const corpus = await writeClirCorpus(sources, dir, direction);
      const manifest = parseManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
      expect(corpus.targetDocId).toBe('national-2024-government-work-report-zh');
      expect(manifest.slice(0, 3).map((e) => [e.id, e.year])).toEqual([
        ['national-2024-government-work-report-zh', 2024],
        ['national-2025-government-work-report-zh', 2025],
        ['national-2023-government-work-report-zh', 2023],
      ]);
      // The 2024 paragraphs, numbered as the CSV numbers them, one a line in the file the manifest names.
      const expected = reportParagraphs(readFileSync(parallelCsv(2024), 'utf8'), 2024);
      expect(corpus.paragraphs).toEqual(expected);
      const target = await readFile(path.join(dir, manifest[0].file), 'utf8');
      expect(target.split('\n').filter((l) => l !== '')).toEqual(expected.map((p) => p.text));
      expect(target).toContain('杭州亚运会'); // a 2024-only event
      expect(target).not.toContain('零基预算'); // a 2025-only term
      const distractor2025 = await readFile(path.join(dir, manifest[1].file), 'utf8');
      expect(distractor2025).toContain('零基预算');
    });

    it('refuses a CSV that does not hold the evaluated year with a coded error', async () => {
      const dir = await tempDir();
      await expect(writeClirCorpus(sources, dir, { ...clirDirection(2024, roots), targetCsv: parallelCsv(2025) })).rejects.toThrow(expect.objectContaining({ code: 'EVAL_REPORT_MISSING' }));
    });

    it('takes the distractors from the national reports by year, never the evaluated one', () => {
      const reports = nationalReports(readFileSync(nationalJsonl, 'utf8'), [2024, 2023]);
      expect([...reports.keys()]).toEqual([2024, 2023]);
      for (const text of reports.values()) expect(text).not.toContain('零基预算'); // a 2025-only term
      expect(() => nationalReports('{"year": "2024", "content": "x"}\n', [2023])).toThrow(expect.objectContaining({ code: 'EVAL_REPORT_MISSING' }));
    });

    it('names a missing source file with a coded error', () => {
      expect(() => assertSourcesExist({ ...sources, nationalJsonl: '/nowhere/reports.jsonl' }, parallelCsv(2025))).toThrow(/\/nowhere\/reports\.jsonl/);
    });
  });
});
