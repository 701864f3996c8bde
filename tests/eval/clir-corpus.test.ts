import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSourcesExist, nationalReports, writeClirCorpus, type ClirSources } from '../../src/eval/clir-corpus.js';
import { parseManifest } from '../../src/ingest/manifest.js';
import { nationalJsonl, parallelCsv, repoRoot } from './paths.js';
import { describeWithShared } from '../shared-data.js';

const sources: ClirSources = { parallelCsv: parallelCsv(2025), nationalJsonl, bundledCorpus: path.join(repoRoot, 'corpus') };
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describeWithShared('corpora', 'the evaluation corpus from the shared corpora', () => {
  describe('the evaluation corpus', () => {
    it('holds the 2025 report as Chinese lines, the 2024 and 2023 reports and the bundled corpus, with a valid manifest', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'clir-corpus-'));
      dirs.push(dir);
      const corpus = await writeClirCorpus(sources, dir);
      const manifest = parseManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
      const bundled = parseManifest(readFileSync(path.join(repoRoot, 'corpus/manifest.json'), 'utf8'));
      expect(manifest.map((e) => e.year).slice(0, 3)).toEqual([2025, 2024, 2023]);
      expect(manifest.slice(3)).toEqual(bundled);
      const target = await readFile(path.join(dir, manifest[0].file), 'utf8');
      expect(target.split('\n').filter((l) => l !== '')).toEqual(corpus.paragraphs.map((p) => p.text));
      expect(target).not.toMatch(/[A-Za-z]{4,}/); // Chinese only: no English sentence came along
      for (const e of manifest) expect((await readFile(path.join(dir, e.file))).length).toBeGreaterThan(0);
    });

    it('takes the distractors from the national reports by year, never the evaluated one', () => {
      const reports = nationalReports(readFileSync(nationalJsonl, 'utf8'), [2024, 2023]);
      expect([...reports.keys()]).toEqual([2024, 2023]);
      for (const text of reports.values()) expect(text).not.toContain('零基预算'); // a 2025-only term
      expect(() => nationalReports('{"year": "2024", "content": "x"}\n', [2023])).toThrow(expect.objectContaining({ code: 'EVAL_REPORT_MISSING' }));
    });

    it('names a missing source file with a coded error', () => {
      expect(() => assertSourcesExist({ ...sources, nationalJsonl: '/nowhere/reports.jsonl' })).toThrow(/\/nowhere\/reports\.jsonl/);
    });
  });
});
