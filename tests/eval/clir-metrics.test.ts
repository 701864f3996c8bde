import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPassingRank, passes, summarize, summarizeByKind, type QueryOutcome } from '../../src/eval/clir-metrics.js';

const TARGET = 'national-2025';
const hitArb = fc.record({ docId: fc.constantFrom(TARGET, 'national-2024', 'xizang-2024'), text: fc.constantFrom('实施适度宽松的货币政策', '零基预算改革', '其他内容', '适度 宽松') });
const outcomeArb = fc.record({
  q: fc.string(),
  kind: fc.constantFrom('common', 'specific', 'descriptive'),
  rank: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  total: fc.nat({ max: 50 }),
});

describe('judging a hit', () => {
  it('passes only a passage of the target report that contains an expected substring', () => {
    expect(passes({ docId: TARGET, text: '实施适度宽松的货币政策。' }, TARGET, ['适度宽松'])).toBe(true);
    expect(passes({ docId: 'national-2024', text: '实施适度宽松的货币政策。' }, TARGET, ['适度宽松'])).toBe(false);
    expect(passes({ docId: TARGET, text: '实施稳健的货币政策。' }, TARGET, ['适度宽松', '零基预算'])).toBe(false);
  });

  it('ignores spaces and full-width forms, as passages rejoin lines with a space between digits and letters', () => {
    expect(passes({ docId: TARGET, text: '延长至２４０ 小时' }, TARGET, ['240小时'])).toBe(true);
  });

  it('never passes on an empty expected substring', () => {
    expect(passes({ docId: TARGET, text: '任何文字' }, TARGET, ['', ' '])).toBe(false);
  });
});

describe('the rank of the first passing hit', () => {
  it('agrees with a plain loop over the top k', () => {
    fc.assert(
      fc.property(fc.array(hitArb, { maxLength: 15 }), fc.integer({ min: 1, max: 12 }), (hits, k) => {
        let oracle: number | null = null;
        for (let i = 0; i < Math.min(k, hits.length) && oracle === null; i++) {
          if (hits[i].docId === TARGET && hits[i].text.replace(/ /g, '').includes('适度宽松')) oracle = i + 1;
        }
        expect(firstPassingRank(hits, TARGET, ['适度宽松'], k)).toBe(oracle);
      }),
    );
  });
});

describe('summaries', () => {
  it('recall@k, MRR and zero results agree with their definitions', () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { minLength: 1, maxLength: 40 }), (outcomes: QueryOutcome[]) => {
        const s = summarize(outcomes);
        let found = 0;
        let rr = 0;
        let zero = 0;
        for (const o of outcomes) {
          if (o.rank !== null) {
            found += 1;
            rr += 1 / o.rank;
          }
          if (o.total === 0) zero += 1;
        }
        expect(s.n).toBe(outcomes.length);
        expect(s.recallAtK).toBeCloseTo(found / outcomes.length, 12);
        expect(s.mrr).toBeCloseTo(rr / outcomes.length, 12);
        expect(s.zeroResults).toBe(zero);
        expect(s.mrr).toBeLessThanOrEqual(s.recallAtK + 1e-12);
      }),
    );
  });

  it('split by kind, the parts add up to the whole, which comes last as `all`', () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 40 }), (outcomes) => {
        const rows = summarizeByKind(outcomes);
        const all = rows.at(-1);
        expect(all?.kind).toBe('all');
        expect(all?.summary).toEqual(summarize(outcomes));
        const parts = rows.slice(0, -1);
        expect(parts.reduce((n, r) => n + r.summary.n, 0)).toBe(outcomes.length);
        expect(parts.reduce((n, r) => n + r.summary.zeroResults, 0)).toBe(all?.summary.zeroResults);
      }),
    );
  });

  it('an empty group scores zero rather than NaN', () => {
    expect(summarize([])).toEqual({ n: 0, recallAtK: 0, mrr: 0, zeroResults: 0 });
  });
});
