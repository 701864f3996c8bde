/**
 * Learning on the real parallel reports. Never measured on what it learned from: the lexicon is learned
 * from the 2024 report only, and held-out checks run on the 2025 report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../../src/crosslang/learn.js';
import { buildLexicon, type LexiconBuild } from '../../src/crosslang/lexicon-build.js';
import { dictionaryVouch } from '../../src/crosslang/lexicon-vouch.js';
import { parseLexicon, type Lexicon } from '../../src/crosslang/lexicon.js';
import { readParallelPairs } from '../../src/ingest/parallel-pairs.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { PARALLEL_DIR, REPO_ROOT, TEST_CACHE_DIR, testCrossLang } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

const CSV_2024 = path.join(PARALLEL_DIR, '04_2024_auto_usable_parallel.csv');
const CSV_2025 = path.join(PARALLEL_DIR, '04_2025_auto_usable_parallel.csv');

/** The entry lines of a lexicon file (its header names the sources and parameters, which may differ). */
const body = (text: string): string => text.split('\n').filter((l) => !l.startsWith('#')).join('\n');

describeWithShared('corpora/parallel-zh-en', 'the lexicon learned from the parallel reports', () => {
  let from2024: LexiconBuild;
  let lexicon2024: Lexicon;

  /** CC-CEDICT vouching for pairs seen once, as `npm run lexicon` has it. */
  const learn = (): { vouch: ReturnType<typeof dictionaryVouch> } => ({ vouch: dictionaryVouch(testCrossLang().dictionary()) });

  beforeAll(() => {
    from2024 = buildLexicon({ inputs: [CSV_2024], learn: learn() });
    lexicon2024 = parseLexicon(from2024.text);
  });

  describe('reading parallel pairs', () => {
    it('leaves out the rows of an excluded year', () => {
      const all = readParallelPairs(CSV_2025);
      expect(all.length).toBeGreaterThan(400);
      expect(all.every((p) => p.year === 2025 && p.zh !== '' && p.en !== '')).toBe(true);
      expect(readParallelPairs(CSV_2025, { excludeYears: [2025] })).toEqual([]);
      expect(readParallelPairs(CSV_2025, { excludeYears: [2024] })).toEqual(all);
    });
  });

  describe('the lexicon learned from the 2024 report', () => {
    it.each([
      [['employment'], '就业'],
      [['innovation'], '创新'],
      [['consumption'], '消费'],
      [['debt'], '债务'],
      [['education'], '教育'],
      [['real', 'estate'], '房地产'],
      [['fiscal', 'policy'], '财政政策'],
      [['monetary', 'policy'], '货币政策'],
      [['high', 'quality', 'development'], '高质量发展'],
      [['rural', 'areas'], '农村'],
      [['manufacturing', 'sector'], '制造业'],
    ])('maps %j to %s first', (words, zh) => {
      expect(lexicon2024.lookup(words)[0]?.zh).toBe(zh);
    });

    it('maps cooperation to 合作 and keeps cooperative apart', () => {
      expect(lexicon2024.lookup(['cooperation'])[0]?.zh).toBe('合作');
      expect(lexicon2024.lookup(['cooperation']).map((e) => e.zh)).not.toContain('合作社');
      expect(lexicon2024.lookup(['cooperative']).map((e) => e.zh)).not.toContain('合作');
    });

    it('learns a term the report names once where the dictionary vouches for it, and no rare word it contradicts', () => {
      const once = (en: string): string[] => lexicon2024.entries.filter((e) => e.en === en && e.count === 1).map((e) => e.zh);
      expect(once('capital market')).toContain('资本市场');
      expect(once('advanced manufacturing cluster')).toContain('先进制造业集群');
      expect(once('administer macao')).toEqual([]);
      expect(from2024.header.params.rareVouchedBy).toMatch(/^crosslang-dictionary\//);
      // Without a dictionary to vouch, a pair must be seen twice.
      const unvouched = buildLexicon({ inputs: [CSV_2024] });
      expect(unvouched.header.params.rareVouchedBy).toBe('none');
      expect(parseLexicon(unvouched.text).lookup(['capital', 'market']).map((e) => e.zh)).not.toContain('资本市场');
    });

    it('learns a one-character translation only where the dictionary vouches for it, however often it was seen', () => {
      const vouch = learn().vouch;
      const single = lexicon2024.entries.filter((e) => [...e.zh].length === 1);
      expect(single.map((e) => e.zh)).toContain('新');
      for (const e of single) expect([e.en, e.zh, vouch.vouches(e.en.split(' '), e.zh)]).toEqual([e.en, e.zh, true]);
      // Without the rule the same alignment learns characters the dictionary contradicts (`fully` → 好).
      const unvouched = parseLexicon(buildLexicon({ inputs: [CSV_2024] }).text).entries.filter((e) => [...e.zh].length === 1 && e.count > 1);
      expect(unvouched.some((e) => !vouch.vouches(e.en.split(' '), e.zh))).toBe(true);
    });

    it('states its one source and pairs only meaningful sides', () => {
      expect(from2024.header.sources.map((s) => [path.basename(s.file), s.pairs])).toEqual([['04_2024_auto_usable_parallel.csv', 431]]);
      for (const e of lexicon2024.entries) {
        expect(e.zh).toMatch(/\p{Script=Han}/u);
        expect(e.zh).not.toMatch(/^[的了和与及是在]|[的了和与及是在]$/u);
        expect(e.en).not.toMatch(/^[\d.,%]+$/);
      }
    });

    it('finds the translation of a multiword key in most held-out 2025 sentences that use the key', () => {
      let uses = 0;
      let found = 0;
      for (const pair of readParallelPairs(CSV_2025)) {
        const { words, segments } = englishWords(pair.en);
        const zh = phraseKey(pair.zh);
        for (let n = 2; n <= lexicon2024.maxWords; n++) {
          for (let i = 0; i + n <= words.length; i++) {
            const best = segments[i] === segments[i + n - 1] ? lexicon2024.lookup(words.slice(i, i + n))[0] : undefined;
            if (best === undefined) continue;
            uses++;
            if (zh.includes(phraseKey(best.zh))) found++;
          }
        }
      }
      expect(uses).toBeGreaterThan(100);
      expect(found / uses).toBeGreaterThan(0.6);
    });
  });

  describe('rebuilding', () => {
    it('is deterministic: learning twice gives identical bytes', () => {
      expect(buildLexicon({ inputs: [CSV_2024], learn: learn() }).text).toBe(from2024.text);
    });

    it('with --exclude-year 2025 learns from the 2024 rows only, and writes the same bytes in a fresh process', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lexicon-test-'));
      try {
        const out = path.join(dir, 'lexicon.tsv');
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lexicon.ts', '--input', CSV_2024, CSV_2025, '--exclude-year', '2025', '--out', out, '--dictionary-cache', TEST_CACHE_DIR], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const written = parseLexicon(readFileSync(out, 'utf8'));
        expect(written.header.params.excludeYears).toBe('2025');
        expect(written.header.sources.map((s) => [path.basename(s.file), s.rows, s.pairs])).toEqual([
          ['04_2024_auto_usable_parallel.csv', 431, 431],
          ['04_2025_auto_usable_parallel.csv', 432, 0],
        ]);
        expect(body(readFileSync(out, 'utf8'))).toBe(body(from2024.text));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses to learn from nothing, with a coded error', () => {
      expect(() => buildLexicon({ inputs: [CSV_2024], excludeYears: [2024] })).toThrow(expect.objectContaining({ code: 'CROSSLANG_LEXICON_NO_INPUT' }));
    });
  });

  describe('default inputs', () => {
    it('are the shared parallel reports plus the aligned tables (.csv, .tsv) of the corpus folders; other tables are skipped with a warning', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lexicon-corpus-'));
      try {
        const head = '报告年份,年度文件内行号,段内对齐序号,中文,英文';
        writeFileSync(path.join(dir, 'own-report.csv'), `${head}\n2023,1,1,实施财政政策。,We implemented fiscal policy.\n`);
        writeFileSync(path.join(dir, 'budget-table.csv'), 'item,amount\nroads,3\n');
        // Two columns, tab-separated, no header: an aligned table all the same.
        writeFileSync(path.join(dir, 'plan.tsv'), '推进乡村振兴。\tWe advanced rural revitalization.\n稳定粮食生产。\tWe stabilized grain production.\n');
        const built = buildLexicon({ corpusDirs: [dir] });
        expect(built.header.sources.map((s) => [path.basename(s.file), s.pairs])).toEqual([
          ['04_2024_auto_usable_parallel.csv', 431],
          ['04_2025_auto_usable_parallel.csv', 432],
          ['own-report.csv', 1],
          ['plan.tsv', 2],
        ]);
        expect(built.warnings).toEqual([expect.stringMatching(/^skipped \[INGEST_CSV_INVALID\] .*budget-table\.csv: .*To fix:/)]);
        // Given explicitly, the same file is an error that names it.
        expect(() => buildLexicon({ inputs: [path.join(dir, 'budget-table.csv')] })).toThrow(/budget-table\.csv: the \.csv or \.tsv file is not a parallel corpus table/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
