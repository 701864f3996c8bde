import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeEnglish } from '../../src/crosslang/english.js';
import { numberSenses, scaledNumberAt, shiftPoint } from '../../src/crosslang/numbers.js';

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
