import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitiveLinks, logLikelihood, MIN_ASSOCIATION } from '../../src/crosslang/competitive-links.js';
import type { TokenizedPair } from '../../src/crosslang/align.js';
import { chineseWords, englishWords, learnLexicon } from '../../src/crosslang/learn.js';
import { readParallelPairs } from '../../src/ingest/parallel-pairs.js';
import { parallelPairs } from './helpers.js';
import { parallelCsv } from '../eval/paths.js';
import { describeWithShared } from '../shared-data.js';

/** G² as the textbook writes it: 2 Σ observed × ln(observed / expected) over the four cells. */
function logLikelihoodByCells(both: number, a: number, b: number, total: number): number {
  const observed = [both, a - both, b - both, total - a - b + both];
  const expected = [(a * b) / total, (a * (total - b)) / total, ((total - a) * b) / total, ((total - a) * (total - b)) / total];
  return 2 * observed.reduce((sum, o, k) => sum + (o > 0 ? o * Math.log(o / (expected[k] as number)) : 0), 0);
}

/** Sentence pairs of words from small vocabularies, so that words recur. */
const sentences = fc.array(
  fc.record({ en: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 }), zh: fc.array(fc.constantFrom('甲', '乙', '丙', '丁'), { minLength: 1, maxLength: 5 }) }),
  { minLength: 1, maxLength: 30 },
);

describe('the log-likelihood ratio', () => {
  it('is the textbook sum over the four cells for positive association, and 0 otherwise', () => {
    const table = fc.integer({ min: 1, max: 400 }).chain((total) =>
      fc.tuple(fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total })).chain(([a, b]) =>
        fc.tuple(fc.constant(total), fc.constant(a), fc.constant(b), fc.integer({ min: Math.max(0, a + b - total), max: Math.min(a, b) }))));
    fc.assert(
      fc.property(table, ([total, a, b, both]) => {
        const positive = both * total > a * b;
        const g2 = logLikelihood(both, a, b, total);
        return positive ? Math.abs(g2 - logLikelihoodByCells(both, a, b, total)) < 1e-6 * Math.max(1, g2) : g2 === 0;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('competitive linking', () => {
  it('links one to one, never below the threshold, and leaves no better pair of free words unlinked (greedy by association)', () => {
    fc.assert(
      fc.property(sentences, fc.constantFrom(0.5, 2, MIN_ASSOCIATION), (pairs: TokenizedPair[], threshold) => {
        const links = competitiveLinks(pairs, threshold);
        const total = pairs.length;
        const count = (f: (p: TokenizedPair) => boolean): number => pairs.filter(f).length;
        const score = (e: string, z: string): number =>
          logLikelihood(count((p) => p.en.includes(e) && p.zh.includes(z)), count((p) => p.en.includes(e)), count((p) => p.zh.includes(z)), total);
        return pairs.every((pair, s) => {
          const own = links[s] ?? [];
          const enOf = new Map(own.map(([i, j]) => [i, j]));
          const zhOf = new Map(own.map(([i, j]) => [j, i]));
          if (enOf.size !== own.length || zhOf.size !== own.length) return false;
          const linkScore = (i: number, j: number): number => score(pair.en[i] as string, pair.zh[j] as string);
          if (own.some(([i, j]) => linkScore(i, j) < threshold)) return false;
          // A cell scoring above the threshold has a word linked to a partner at least as strong.
          for (let i = 0; i < pair.en.length; i++) {
            for (let j = 0; j < pair.zh.length; j++) {
              const cell = linkScore(i, j);
              if (cell < threshold) continue;
              const viaEn = enOf.has(i) ? linkScore(i, enOf.get(i) as number) : -1;
              const viaZh = zhOf.has(j) ? linkScore(zhOf.get(j) as number, j) : -1;
              if (Math.max(viaEn, viaZh) < cell) return false;
            }
          }
          return true;
        });
      }),
      { numRuns: 300 },
    );
  });
});

describeWithShared('corpora/parallel-zh-en', 'competitive linking on the 2024 report', () => {
  const pairs2024 = readParallelPairs(parallelCsv(2024));

  it('gives `percent` the `%` written onto the number, not the verb beside it', () => {
    const tokenized = pairs2024.map((p) => ({ en: englishWords(p.en).words, zh: chineseWords(p.zh).keys }));
    const links = competitiveLinks(tokenized);
    let percent = 0;
    let sign = 0;
    tokenized.forEach((pair, s) => {
      for (const [i, j] of links[s] ?? []) {
        if (pair.en[i] !== 'percent') continue;
        percent++;
        if (pair.zh[j] === '%') sign++;
      }
    });
    expect(percent).toBeGreaterThan(10);
    expect(sign / percent).toBeGreaterThan(0.8);
  });

  it('keeps the learned lexicon from pairing percent with 增长 (growth), while growth still is 增长', { tags: ['slow'] }, () => {
    const entries = learnLexicon(pairs2024.map((p) => ({ zh: p.zh, en: p.en })));
    expect(entries.filter((e) => e.en === 'percent').map((e) => e.zh)).not.toContain('增长');
    expect(entries.filter((e) => e.en === 'growth').map((e) => e.zh)).toContain('增长');
  });

  const pairsOf = (entries: ReturnType<typeof learnLexicon>): string[] => entries.map((e) => `${e.en}→${e.zh}`);
  /** The pairs learned from both reports with both tests, learned once for the two tests below. */
  let testedPairs: string[] | null = null;

  /** The pairs learned from both reports with and without one of the two tests: those it drops are learned without it. */
  function expectDropped(without: { minLinkAssociation?: number; minPairAssociation?: number }, dropped: string[], kept: string[]): void {
    const all = parallelPairs();
    const tested = (testedPairs ??= pairsOf(learnLexicon(all)));
    const untested = pairsOf(learnLexicon(all, { phrases: without }));
    for (const pair of dropped) {
      expect(untested, pair).toContain(pair);
      expect(tested, pair).not.toContain(pair);
    }
    for (const pair of kept) expect(tested, pair).toContain(pair);
  }

  it('drops from the lexicon of both reports pairs of a word with a frequent neighbour that links elsewhere', { tags: ['slow'] }, () => {
    // Macao beside 方针 (the policy of one country, two systems), attended beside 金砖 (the BRICS summit attended)…
    expectDropped({ minLinkAssociation: 0 }, ['macao→方针', 'attended→金砖', 'insurance→补贴', 'importance→力量'], ['development→发展', 'cooperation→合作', 'fiscal policy→财政政策']);
  });

  it('drops a pair whose sides are not seen together more often than chance (two frequent words, a few times together)', { tags: ['slow'] }, () => {
    // A rare pair always seen together passes: both words occur only in the sentences that pair them.
    expectDropped({ minPairAssociation: 0 }, ['good→不断', 'see→提高', 'provide→力度', 'step→加强'], ['biomanufacturing→生物制造', 'development→发展']);
  });
});
