import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary, alignCorpus, symmetrize, type Alignment, type TokenizedPair } from '../../src/crosslang/align.js';
import { learnLexicon } from '../../src/crosslang/learn.js';
import { DEFAULT_PHRASE_PARAMS, extractSpanPairs, scorePhrasePairs, type SegmentedPair, type SpanPair } from '../../src/crosslang/phrase-pairs.js';

/** A toy corpus where every word has one right translation, seen in varied company. */
const TOY: TokenizedPair[] = [
  { en: ['house'], zh: ['房子'] },
  { en: ['small', 'house'], zh: ['小', '房子'] },
  { en: ['small', 'book'], zh: ['小', '书'] },
  { en: ['book'], zh: ['书'] },
  { en: ['big', 'book'], zh: ['大', '书'] },
  { en: ['big', 'house'], zh: ['大', '房子'] },
  { en: ['new', 'book'], zh: ['新', '书'] },
  { en: ['new', 'small', 'house'], zh: ['新', '小', '房子'] },
];

const RIGHT: Record<string, string> = { house: '房子', small: '小', book: '书', big: '大', new: '新' };

describe('word alignment by Model 1 in both directions', () => {
  const corpus = alignCorpus(TOY);

  it('converges to the right translation of every word, in both directions', () => {
    for (const [en, zh] of Object.entries(RIGHT)) {
      const others = Object.values(RIGHT).filter((z) => z !== zh);
      for (const other of others) {
        expect(corpus.enToZh.prob(en, zh)).toBeGreaterThan(corpus.enToZh.prob(en, other));
        expect(corpus.zhToEn.prob(zh, en)).toBeGreaterThan(corpus.zhToEn.prob(other, en));
      }
      expect(corpus.enToZh.prob(en, zh)).toBeGreaterThan(0.5);
    }
  });

  it('aligns each sentence word to word', () => {
    TOY.forEach((pair, s) => {
      const points = corpus.alignments[s].map(([i, j]) => `${pair.en[i]}-${pair.zh[j]}`);
      expect(points.sort()).toEqual(pair.en.map((w) => `${w}-${RIGHT[w]}`).sort());
    });
  });

  it('gives 0 for words it never saw together', () => {
    expect(corpus.enToZh.prob('house', '书')).toBe(0);
    expect(corpus.enToZh.prob('unknown', '书')).toBe(0);
  });
});

describe('the vocabulary both aligners number words by', () => {
  it('numbers words from 1 in order of appearance, a word seen again keeping its id, 0 left for NULL', () => {
    const vocabulary = new Vocabulary();
    expect([...vocabulary.sentence(['tax', 'cut', 'tax'])]).toEqual([1, 2, 1]);
    expect([...vocabulary.sentence(['cut', 'fee'])]).toEqual([2, 3]);
    expect(vocabulary.size).toBe(4);
    expect(vocabulary.find('fee')).toBe(3);
    expect(vocabulary.find('rate')).toBeUndefined();
  });
});

describe('symmetrization', () => {
  const points = (m: number, n: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: -1, max: m - 1 }), { minLength: n, maxLength: n });
  const sizes = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }));

  it('keeps every intersection point and adds only union points', () => {
    fc.assert(
      fc.property(sizes.chain(([m, n]) => fc.tuple(fc.constant(m), fc.constant(n), points(m, n), points(n, m))), ([m, n, zhToEn, enToZh]) => {
        const result = new Set(symmetrize(m, n, zhToEn, enToZh).map(([i, j]) => `${i},${j}`));
        const a = new Set(zhToEn.flatMap((i, j) => (i >= 0 ? [`${i},${j}`] : [])));
        const b = new Set(enToZh.flatMap((j, i) => (j >= 0 ? [`${i},${j}`] : [])));
        for (const p of a) if (b.has(p)) expect(result.has(p)).toBe(true);
        for (const p of result) expect(a.has(p) || b.has(p)).toBe(true);
      }),
    );
  });
});

/** Every span pair that satisfies the definition, found by trying them all. */
function bruteForceSpans(pair: SegmentedPair, alignment: Alignment): SpanPair[] {
  const m = pair.en.length;
  const n = pair.zh.length;
  const same = (segments: number[] | undefined, a: number, b: number): boolean => segments === undefined || segments.slice(a, b).every((s) => s === segments[a]);
  const aligned = (test: (i: number, j: number) => boolean): boolean => alignment.some(([i, j]) => test(i, j));
  const spans: SpanPair[] = [];
  for (let e1 = 0; e1 < m; e1++) {
    for (let e2 = e1 + 1; e2 <= Math.min(m, e1 + DEFAULT_PHRASE_PARAMS.maxEnWords); e2++) {
      for (let f1 = 0; f1 < n; f1++) {
        for (let f2 = f1 + 1; f2 <= Math.min(n, f1 + DEFAULT_PHRASE_PARAMS.maxZhWords); f2++) {
          const inEn = (i: number): boolean => i >= e1 && i < e2;
          const inZh = (j: number): boolean => j >= f1 && j < f2;
          const consistent = !aligned((i, j) => inEn(i) !== inZh(j));
          const edges = aligned((i) => i === e1) && aligned((_, j) => j === f1) && aligned((_, j) => j === f2 - 1);
          if (consistent && edges && same(pair.enSegments, e1, e2) && same(pair.zhSegments, f1, f2)) spans.push({ en: [e1, e2], zh: [f1, f2] });
        }
      }
    }
  }
  return spans;
}

describe('phrase pair extraction', () => {
  it('finds exactly the consistent span pairs a brute-force search finds', () => {
    const sentence = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 })).chain(([m, n]) =>
      fc.record({
        m: fc.constant(m),
        n: fc.constant(n),
        points: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: n - 1 })), { selector: ([i, j]) => `${i},${j}` }),
        enSegments: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: m, maxLength: m }),
        zhSegments: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(sentence, ({ m, n, points, enSegments, zhSegments }) => {
        const segmentsOf = (raw: number[]): number[] => raw.map((_, k) => raw.slice(0, k + 1).reduce((a, b) => a + b, 0));
        const pair: SegmentedPair = { en: Array(m).fill('w'), zh: Array(n).fill('字'), enSegments: segmentsOf(enSegments), zhSegments: segmentsOf(zhSegments) };
        const alignment = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]) as Alignment;
        const key = (s: SpanPair): string => `${s.en.join('-')}/${s.zh.join('-')}`;
        expect(extractSpanPairs(pair, alignment, DEFAULT_PHRASE_PARAMS).map(key).sort()).toEqual(bruteForceSpans(pair, alignment).map(key).sort());
      }),
    );
  });

  it('yields a multiword English term for one Chinese word', () => {
    const pairs: SegmentedPair[] = [
      { en: ['fiscal', 'policy'], zh: ['财政政策'] },
      { en: ['implement', 'fiscal', 'policy'], zh: ['实施', '财政政策'] },
      { en: ['implement', 'monetary', 'policy'], zh: ['实施', '货币政策'] },
      { en: ['monetary', 'policy'], zh: ['货币政策'] },
      { en: ['policy'], zh: ['政策'] },
      { en: ['implement', 'policy'], zh: ['实施', '政策'] },
    ];
    const scored = scorePhrasePairs(pairs, alignCorpus(pairs), DEFAULT_PHRASE_PARAMS, () => true);
    const best = (en: string): string | undefined => scored.find((p) => p.en.join(' ') === en)?.zh.join('');
    expect(best('fiscal policy')).toBe('财政政策');
    expect(best('monetary policy')).toBe('货币政策');
    expect(best('implement')).toBe('实施');
    expect(best('policy')).toBe('政策');
  });

  it('keeps a pair seen once only when both its sides are rare and the vouch agrees', () => {
    // `tariff` ↔ 关税 and `marine` ↔ 海洋 are each seen once, in a corpus where `policy` ↔ 政策 is frequent.
    const pairs: SegmentedPair[] = [
      { en: ['tariff', 'policy'], zh: ['关税', '政策'] },
      { en: ['marine', 'policy'], zh: ['海洋', '政策'] },
      { en: ['policy'], zh: ['政策'] },
      { en: ['implement', 'policy'], zh: ['实施', '政策'] },
      { en: ['implement'], zh: ['实施'] },
    ];
    const corpus = alignCorpus(pairs);
    const learned = (vouch?: (en: string[], zh: string[]) => boolean, rareSentences = DEFAULT_PHRASE_PARAMS.rareSentences): string[] =>
      scorePhrasePairs(pairs, corpus, { ...DEFAULT_PHRASE_PARAMS, rareSentences, strongSingle: 2 }, () => true, vouch)
        .filter((p) => p.count === 1)
        .map((p) => `${p.en.join(' ')}→${p.zh.join('')}`);
    expect(learned()).toEqual([]);
    expect(learned(() => true)).toEqual(expect.arrayContaining(['marine→海洋', 'tariff→关税']));
    expect(learned((en) => en[0] !== 'tariff')).not.toContain('tariff→关税');
    expect(learned(() => true, 0)).toEqual([]);
    // `policy` is in four sentences: no pair with it as a side is learned from one of them.
    expect(learned(() => true).some((p) => p.startsWith('policy→'))).toBe(false);
  });

  it('learns from sentences: jieba words on one side, English content words on the other', { tags: ['slow'] }, () => {
    const entries = learnLexicon([
      { en: 'Fiscal policy was stepped up.', zh: '财政政策加力。' },
      { en: 'We improved fiscal policy.', zh: '我们完善财政政策。' },
      { en: 'Fiscal policy supported growth.', zh: '财政政策支持增长。' },
      { en: 'Monetary policy was flexible.', zh: '货币政策灵活。' },
      { en: 'We eased monetary policy.', zh: '我们放松货币政策。' },
      { en: 'Monetary policy supported employment.', zh: '货币政策支持就业。' },
    ]);
    expect(entries.find((e) => e.en === 'fiscal policy')?.zh).toBe('财政政策');
    expect(entries.find((e) => e.en === 'monetary policy')?.zh).toBe('货币政策');
    expect(entries.find((e) => e.en === 'supported')?.zh).toBe('支持');
    // `policy` is only ever half of a two-word term here, and no side holds punctuation.
    expect(entries.some((e) => e.en === 'policy' || /[。，]/u.test(e.zh))).toBe(false);
    expect(entries.every((e) => e.p > 0 && e.p <= 1 && e.count >= 1)).toBe(true);
  });
});
