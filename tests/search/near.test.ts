/**
 * Proximity operators: `A /s B` (one sentence), `A /p B` (one paragraph, i.e. passage), `A NEAR/n B` (within n
 * characters). Parsed into one unit, and exact: the passages returned are those a brute-force scan of the
 * match keys finds, on the shipped corpus.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltIndex } from '../../src/index/build.js';
import { isNear } from '../../src/index/near.js';
import type { PassageKeys } from '../../src/index/passage-keys.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery, type Scope } from '../../src/search/query-parser.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { seedBackend } from '../index/seed-index.js';

let built: BuiltIndex;
let keys: PassageKeys;
let texts: string[];

beforeAll(async () => {
  ({ built, keys } = await seedBackend());
  texts = built.data.passages.map((p) => phraseKey(p.text));
});

/** Brute force: every pair of occurrences, sentences found by splitting. */
function oracle(text: string, a: string, b: string, scope: Scope): boolean {
  const all = (k: string): number[] => {
    const out: number[] = [];
    for (let i = 0; i + k.length <= text.length; i++) if (text.startsWith(k, i)) out.push(i);
    return out;
  };
  const as = all(a);
  const bs = all(b);
  if (as.length === 0 || bs.length === 0) return false;
  if (scope === 'paragraph') return true;
  if (scope === 'sentence') {
    const sentenceAt = (i: number): number => [...text.slice(0, i)].filter((c) => '。！？!?；;'.includes(c)).length;
    return as.some((x) => bs.some((y) => sentenceAt(x) === sentenceAt(y)));
  }
  return as.some((x) => bs.some((y) => Math.max(y - (x + a.length), x - (y + b.length)) <= scope));
}

const WORDS = ['发展', '旅游', '边境', '生态', '教育', '就业', '牧民', '文化', '青稞', '基础设施', '乡村振兴', '拉萨', '改革', '保护'];
const SCOPES: Array<[string, Scope]> = [['/s', 'sentence'], ['/p', 'paragraph'], ['NEAR/5', 5], ['NEAR/20', 20], ['near/0', 0], ['NEAR/10000', 1000]];

describe('parsing proximity operators', () => {
  it('joins two units around an operator into one near unit', () => {
    expect(parseQuery('旅游 /s 生态').groups).toEqual([[{ kind: 'near', text: '旅游 /s 生态', left: '旅游', right: '生态', scope: 'sentence' }]]);
    expect(parseQuery('"高质量发展" /p 改革 year:2024').groups[0]?.[0]).toMatchObject({ kind: 'near', left: '高质量发展', right: '改革', scope: 'paragraph' });
    expect(parseQuery('边境 NEAR/12 小康').groups[0]?.[0]).toMatchObject({ scope: 12 });
  });

  it('caps a distance past 1000 at 1000, however many digits it has', () => {
    for (const n of ['1001', '9999', '10000', '99999', '99999999999999', '0001000']) {
      expect(parseQuery(`边境 NEAR/${n} 小康`).groups).toEqual([[{ kind: 'near', text: `边境 NEAR/${n} 小康`, left: '边境', right: '小康', scope: 1000 }]]);
    }
    expect(parseQuery('边境 NEAR/0012 小康').groups[0]?.[0]).toMatchObject({ scope: 12 });
  });

  it('keeps an operator with no number, or not a whole number, as a plain term', () => {
    for (const word of ['NEAR/', 'NEAR/-1', 'NEAR/1.5', 'NEAR/x']) {
      expect(parseQuery(`边境 ${word} 小康`).groups).toEqual([[{ kind: 'term', text: '边境' }], [{ kind: 'term', text: word }], [{ kind: 'term', text: '小康' }]]);
    }
  });

  it('drops an operator without a word on each side', () => {
    expect(parseQuery('/s 旅游').groups).toEqual([[{ kind: 'term', text: '旅游' }]]);
    expect(parseQuery('旅游 /p').groups).toEqual([[{ kind: 'term', text: '旅游' }]]);
    expect(parseQuery('旅游 /s -生态').groups).toEqual([[{ kind: 'term', text: '旅游' }]]);
  });
});

describe('the proximity test on a key', () => {
  it('agrees with a brute force on random texts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[甲乙丙。，]{0,40}$/), fc.constantFrom('甲', '乙', '甲乙'), fc.constantFrom('乙', '丙', '丙甲'), fc.constantFrom<Scope>('sentence', 'paragraph', 0, 1, 3, 10), (text, a, b, scope) => {
        expect(isNear(text, a, b, scope)).toBe(oracle(text, a, b, scope));
      }),
      { numRuns: 500 },
    );
  });
});

describe('proximity searches on the corpus', () => {
  it('return exactly the passages a scan finds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...SCOPES), (a, b, [operator, scope]) => {
        const plan = planQuery(parseQuery(`${a} ${operator} ${b}`), keys, { crossLang: testCrossLang() });
        const result = built.backend.search({ ...plan.query, offset: 0, limit: 100_000 });
        const expected = texts.flatMap((t, i) => (oracle(t, phraseKey(a), phraseKey(b), scope) ? [i] : []));
        expect(result.total).toBe(expected.length);
        expect(result.hits.map((h) => h.index).sort((x, y) => x - y)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
