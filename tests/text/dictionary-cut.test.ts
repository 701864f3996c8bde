/**
 * The TypeScript cut against jieba itself: the same words for every Han run of the shipped reports and of the
 * national reports in ../shared (when present), and for random text; and the analyzer's words the same before
 * and after jieba is loaded (a server answers with the first, a build with the second).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canCut, dictionaryCut } from '../../src/text/dictionary-cut.js';
import { analyzeWords, loadChineseSegmenter, normalizeForMatch } from '../../src/text/analyzer.js';
import { splitScriptRuns } from '../../src/text/scripts.js';
import { openSegmenterDictionary } from '../../src/text/segmenter-dictionary.js';
import { USER_DICT_PATH } from '../../src/paths.js';
import { repoRoot, SEEDS } from '../chunk/seeds.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

type Jieba = { load(options: { userDict: string }): void; cut(text: string, hmm: boolean): string[] };

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'segmenter-dictionary-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const NATIONAL_FILE = 'corpora/national-zh/gov_reports1954-2022.txt';

/** The normalized Han runs of a text: what the analyzer hands the Chinese segmenter. */
function hanRuns(text: string): string[] {
  return splitScriptRuns(text)
    .filter((run) => run.script === 'han')
    .map((run) => normalizeForMatch(text.slice(run.start, run.end)).text)
    .filter((run) => run !== '');
}

const seedTexts = SEEDS.map((seed) => readFileSync(path.join(repoRoot, 'corpus', seed.file), 'utf8'));

describe('dictionaryCut', () => {
  // Compiled from the sources (no cache yet), then opened from the cache it wrote: both must cut alike.
  const compiled = openSegmenterDictionary(cacheDir);
  const cached = openSegmenterDictionary(cacheDir);
  const jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
  jieba.load({ userDict: USER_DICT_PATH });

  it('cuts every Han run of the shipped reports as jieba does', () => {
    const runs = seedTexts.flatMap(hanRuns);
    expect(runs.length).toBeGreaterThan(1000);
    const differ = runs.filter((run) => canCut(run) && dictionaryCut(cached, run).join('/') !== jieba.cut(run, true).join('/'));
    expect(differ).toEqual([]);
    expect(existsSync(path.join(cacheDir, 'segmenter-dictionary.bin'))).toBe(true);
  });

  describeWithShared(NATIONAL_FILE, 'the national reports', () => {
    it('cuts every Han run of the national reports 1954–2022 as jieba does', () => {
      const runs = hanRuns(readFileSync(sharedPath(NATIONAL_FILE), 'utf8'));
      expect(runs.length).toBeGreaterThan(10_000);
      const differ = runs.filter((run) => canCut(run) && dictionaryCut(cached, run).join('/') !== jieba.cut(run, true).join('/'));
      expect(differ.slice(0, 5)).toEqual([]);
    });
  });

  it('cuts random Han text as jieba does, from the compiled dictionary and from its cache alike', () => {
    // Characters of the reports (so that dictionary words occur), rare ideographs (the HMM's unknowns) and an
    // astral one.
    const common = [...new Set(seedTexts.join('').match(/\p{Script=Han}/gu) ?? [])];
    const char = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...common) },
      { weight: 1, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
      { weight: 1, arbitrary: fc.constantFrom('𠀀', '𡈽', '〇', '々') },
    );
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        fc.pre(canCut(text));
        const expected = jieba.cut(text, true);
        expect(dictionaryCut(compiled, text)).toEqual(expected);
        expect(dictionaryCut(cached, text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers only for text it cuts exactly: no ASCII, no separator, no lone surrogate', () => {
    expect(canCut('乡村振兴')).toBe(true);
    expect(canCut('𠀀字')).toBe(true);
    for (const text of ['5G基站', '发展，改革', '发展。', 'a', '\ud800字', '字\udc00']) expect(canCut(text)).toBe(false);
  });
});

describe('the analyzer before and after jieba is loaded', () => {
  it('gives the same words for every paragraph of the shipped reports', () => {
    const paragraphs = seedTexts.flatMap((text) => text.split('\n')).filter((line) => /\p{Script=Han}/u.test(line));
    const before = paragraphs.map((p) => analyzeWords(p));
    loadChineseSegmenter();
    const after = paragraphs.map((p) => analyzeWords(p));
    expect(after).toEqual(before);
  });
});
