import { describe, expect, it } from 'vitest';
import { paraphraseSenses } from '../../src/crosslang/paraphrase.js';

/** A dictionary of paraphrase keys only: sorted content words → headwords, whole definitions and two of three words. */
const dictionary = (entries: Record<string, string[]>, partial: Record<string, string[]> = {}) => ({
  paraphrases: (words: readonly string[]): string[] => entries[[...words].sort().join(' ')] ?? [],
  partialParaphrases: (words: readonly string[]): string[] => partial[[...words].sort().join(' ')] ?? [],
});

describe('paraphrase senses of two neighbouring words', () => {
  const synonyms = (w: string): string[] => ({ urban: ['city', 'urbanize'], village: ['hamlet'] })[w] ?? [];

  it('takes the pair as written first, then with a synonym in either place, weighed lower', () => {
    const senses = paraphraseSenses(dictionary({ 'urban village': ['城乡结合'], 'city village': ['城中村'] }), synonyms, 'urban', 'village');
    expect(senses).toEqual([
      { term: '城乡结合', source: 'dictionary', weight: 0.5 },
      { term: '城中村', source: 'synonym', weight: 0.3 },
    ]);
  });

  it('then takes the headwords two of whose definition\'s three words are the pair, lower again', () => {
    const cut = (w: string): string[] => (w === 'cuts' ? ['reduce'] : []);
    const senses = paraphraseSenses(dictionary({}, { 'reduce tax': ['减税'], 'cuts tax': ['抽税'] }), cut, 'tax', 'cuts');
    expect(senses).toEqual([
      { term: '抽税', source: 'dictionary', weight: 0.35 },
      { term: '减税', source: 'synonym', weight: 0.21 },
    ]);
    // A whole definition comes before a partial one.
    expect(paraphraseSenses(dictionary({ 'reduce tax': ['甲'] }, { 'cuts tax': ['乙'] }), cut, 'tax', 'cuts').map((s) => s.term)).toEqual(['甲', '乙']);
  });

  it('gives each headword once, three at most, and none when nothing defines the pair', () => {
    const many = dictionary({ 'urban village': ['甲', '乙'], 'city village': ['乙', '丙'], 'hamlet urban': ['丁'] });
    // The first word as written with the second's synonyms comes before the first word's synonyms.
    expect(paraphraseSenses(many, synonyms, 'urban', 'village').map((s) => s.term)).toEqual(['甲', '乙', '丁']);
    expect(paraphraseSenses(dictionary({}), synonyms, 'urban', 'village')).toEqual([]);
  });
});
