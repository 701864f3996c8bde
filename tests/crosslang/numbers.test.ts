import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeEnglish } from '../../src/crosslang/english.js';
import { fiveYearPlanAt, numberSenses, scaledNumberAt, shiftPoint } from '../../src/crosslang/numbers.js';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR } from './helpers.js';

/** The oracle: a decimal times 10^k as an exact whole number (k at least its decimals' count). */
function times(decimal: string, k: number): bigint {
  const [whole = '', fraction = ''] = decimal.split('.');
  return BigInt(whole + fraction) * 10n ** BigInt(k - fraction.length);
}

describe('numbers of an English query', () => {
  it('moves a decimal point exactly, in plain notation (a brute-force oracle in whole units)', () => {
    const decimal = fc.tuple(fc.nat(99_999), fc.option(fc.nat(999), { nil: undefined })).map(([w, f]) => (f === undefined ? `${w}` : `${w}.${f}`));
    fc.assert(
      fc.property(decimal, fc.integer({ min: -6, max: 6 }), (digits, places) => {
        const out = shiftPoint(digits, places);
        expect(out).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
        // Counted in units of 10^-12, the output is the input times 10^places.
        expect(times(out, 12)).toBe(times(digits, 12 + places));
      }),
    );
  });

  it('keeps the bare-number senses: digits, numerals, ordinals', () => {
    expect(numberSenses('15th').map((s) => s.term)).toEqual(['15', '十五', '第十五']);
    expect(numberSenses('abc')).toEqual([]);
  });

  it('finds a scale after a number, and none after an ordinal or before a comma', () => {
    const at = (text: string, i = 0) => scaledNumberAt(text, tokenizeEnglish(text), i);
    expect(at('5 percent')?.end).toBe(2);
    expect(at('5 per cent')?.senses.map((s) => s.term)).toEqual(['5%', '百分之五']);
    expect(at('5%')?.end).toBe(1);
    expect(at('5 million')?.senses.map((s) => s.term)).toEqual(['500万']);
    expect(at('5th million')).toBeNull();
    expect(at('5, million')).toBeNull();
    expect(at('5 tons')).toBeNull();
  });

  it('reads one before a scale as the number, and leaves it a word elsewhere', () => {
    const at = (text: string, i = 0) => scaledNumberAt(text, tokenizeEnglish(text), i);
    expect(at('one trillion yuan')?.senses.map((s) => s.term)).toEqual(['1万亿']);
    expect(at('one million jobs')).toMatchObject({ end: 2, senses: [{ term: '100万' }] });
    expect(at('one of them')).toBeNull();
    expect(numberSenses('one')).toEqual([]);
  });
});

describe('fiveYearPlanAt', () => {
  it('names a numbered Five-Year Plan by its number and 五, and in full', () => {
    expect(fiveYearPlanAt(tokenizeEnglish('15th Five-Year Plan'), 0)).toEqual({
      end: 4,
      senses: [
        { term: '十五五', source: 'number', weight: 1 },
        { term: '第十五个五年规划', source: 'number', weight: 0.9 },
      ],
    });
    expect(fiveYearPlanAt(tokenizeEnglish('16th five year plans'), 0)?.senses[0]?.term).toBe('十六五');
    expect(fiveYearPlanAt(tokenizeEnglish('9th Five-Year Plan'), 0)?.senses[0]?.term).toBe('九五');
  });

  it('is null for anything else: no ordinal, another plan, a plan without its number', () => {
    for (const text of ['15 Five-Year Plan', 'Five-Year Plan', '15th annual plan', '15th Five-Year Goals', '100th Five-Year Plan']) {
      expect([text, fiveYearPlanAt(tokenizeEnglish(text), 0)]).toEqual([text, null]);
    }
  });

  it('is one concept of a query, which a curated entry for the whole plan still names (14th → 十四五 from the glossary)', () => {
    const crossLang = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR });
    expect(crossLang.expandEnglish('targets of the 15th Five-Year Plan').map((u) => [u.en, u.zh[0]?.term])).toEqual([
      ['targets', expect.any(String)],
      ['15th Five-Year Plan', '十五五'],
    ]);
    expect(crossLang.expandEnglish('14th Five-Year Plan')[0]?.zh[0]).toEqual(expect.objectContaining({ term: '十四五', source: 'glossary' }));
  });
});
