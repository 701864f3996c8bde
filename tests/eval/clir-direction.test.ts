import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIR_TARGET_YEARS, clirDirection, parallelCsvOf } from '../../src/eval/clir-direction.js';
import { readParallelPairs } from '../../src/ingest/parallel-pairs.js';
import { parallelCsv, repoRoot, sharedRoot } from './paths.js';
import { describeWithShared } from '../shared-data.js';

const roots = { shared: sharedRoot, repo: repoRoot };

describe('the directions of the cross-language measurement', () => {
  it('evaluates 2025 by default, learning from 2024, with the four 2025 query sets it had before directions existed and, after them, the third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth and thirteenth held-out sets, only the thirteenth unjudged', () => {
    expect(CLIR_TARGET_YEARS[0]).toBe(2025);
    const direction = clirDirection(2025, roots);
    // The values the harness had as constants: its default output depends on each of them.
    expect(direction).toEqual({
      targetYear: 2025,
      learnedYear: 2024,
      distractorYears: [2024, 2023],
      targetCsv: path.join(sharedRoot, 'corpora/parallel-zh-en/04_2025_auto_usable_parallel.csv'),
      learnedCsv: path.join(sharedRoot, 'corpora/parallel-zh-en/04_2024_auto_usable_parallel.csv'),
      querySets: [
        { name: 'open (../shared/eval/open-clir-2025.json)', file: path.join(sharedRoot, 'eval/open-clir-2025.json') },
        { name: 'own (eval/clir-2025-queries.json)', file: path.join(repoRoot, 'eval/clir-2025-queries.json') },
        { name: 'held out (eval/clir-2025-heldout.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout.json') },
        { name: 'held out 2 (eval/clir-2025-heldout2.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout2.json') },
        { name: 'held out 3 (eval/clir-2025-heldout3.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout3.json') },
        { name: 'held out 4 (eval/clir-2025-heldout4.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout4.json') },
        { name: 'held out 5 (eval/clir-2025-heldout5.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout5.json') },
        { name: 'held out 6 (eval/clir-2025-heldout6.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout6.json') },
        { name: 'held out 7 (eval/clir-2025-heldout7.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout7.json') },
        { name: 'held out 8 (eval/clir-2025-heldout8.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout8.json') },
        { name: 'held out 9 (eval/clir-2025-heldout9.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout9.json') },
        { name: 'held out 10 (eval/clir-2025-heldout10.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout10.json') },
        { name: 'held out 11 (eval/clir-2025-heldout11.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout11.json') },
        { name: 'held out 12 (eval/clir-2025-heldout12.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout12.json') },
        { name: 'held out 13 (eval/clir-2025-heldout13.json)', file: path.join(repoRoot, 'eval/clir-2025-heldout13.json'), heldOut: true },
      ],
    });
  });

  it('swaps the years for 2024: learned from 2025, the 2025 and 2023 reports as distractors, the own 2024 set and two judged held-out sets turned development sets (dev 2024 b and c) with their failures printed, held out 2024 2 and 4 to 11 judged, held out 2024 12 not yet', () => {
    const direction = clirDirection(2024, roots);
    expect([direction.targetYear, direction.learnedYear, direction.distractorYears]).toEqual([2024, 2025, [2025, 2023]]);
    expect([direction.targetCsv, direction.learnedCsv]).toEqual([parallelCsv(2024), parallelCsv(2025)]);
    expect(direction.querySets).toEqual([
      { name: 'own 2024 (eval/clir-2024-queries.json)', file: path.join(repoRoot, 'eval/clir-2024-queries.json') },
      { name: 'dev 2024 b (eval/clir-2024-heldout.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout.json') },
      { name: 'held out 2024 2 (eval/clir-2024-heldout2.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout2.json') },
      { name: 'dev 2024 c (eval/clir-2024-heldout3.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout3.json') },
      { name: 'held out 2024 4 (eval/clir-2024-heldout4.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout4.json') },
      { name: 'held out 2024 5 (eval/clir-2024-heldout5.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout5.json') },
      { name: 'held out 2024 6 (eval/clir-2024-heldout6.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout6.json') },
      { name: 'held out 2024 7 (eval/clir-2024-heldout7.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout7.json') },
      { name: 'held out 2024 8 (eval/clir-2024-heldout8.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout8.json') },
      { name: 'held out 2024 9 (eval/clir-2024-heldout9.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout9.json') },
      { name: 'held out 2024 10 (eval/clir-2024-heldout10.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout10.json') },
      { name: 'held out 2024 11 (eval/clir-2024-heldout11.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout11.json') },
      { name: 'held out 2024 12 (eval/clir-2024-heldout12.json)', file: path.join(repoRoot, 'eval/clir-2024-heldout12.json'), heldOut: true },
    ]);
  });

  it('never uses the evaluated report as a distractor or learns from it, in either direction', () => {
    for (const year of CLIR_TARGET_YEARS) {
      const direction = clirDirection(year, roots);
      expect(direction.distractorYears).not.toContain(year);
      expect(direction.learnedYear).not.toBe(year);
      expect(direction.learnedCsv).not.toBe(direction.targetCsv);
    }
  });

  it('refuses a year it has no direction for with a coded error naming the years it has', () => {
    expect(() => clirDirection(2023, roots)).toThrow(expect.objectContaining({ code: 'EVAL_ARGS', message: expect.stringContaining('2025 and 2024') }));
  });

  it('names the parallel CSVs as the shared corpora do', () => {
    expect(parallelCsvOf('/data', 2024)).toBe('/data/corpora/parallel-zh-en/04_2024_auto_usable_parallel.csv');
  });
});

describeWithShared('corpora/parallel-zh-en', 'learning with the evaluated year left out', () => {
  it('leaves every row of 2024 out, and none of 2025, when 2024 is excluded (the lexicon of the 2024 direction)', () => {
    expect(readParallelPairs(parallelCsv(2024), { excludeYears: [2024] })).toEqual([]);
    const pairs2025 = readParallelPairs(parallelCsv(2025), { excludeYears: [2024] });
    expect(pairs2025.length).toBe(readParallelPairs(parallelCsv(2025)).length);
    expect(pairs2025.length).toBeGreaterThan(0);
    expect(pairs2025.every((p) => p.year === 2025)).toBe(true);
  });
});
