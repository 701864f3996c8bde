import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { abbreviationEntries, abbreviationKeys, abbreviationOf, definesAbbreviation } from '../../src/crosslang/abbreviations.js';
import { locateCedict, locateWordFrequencies, readCedict, readWordFrequencies } from '../../src/crosslang/cedict-source.js';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR } from './helpers.js';

const crossLang = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR, synonyms: null });
const unitsOf = (query: string) => crossLang.expandEnglish(query);
const sensesOf = (query: string): string[] => unitsOf(query).flatMap((u) => u.zh.map((z) => z.term));

beforeAll(() => {
  crossLang.dictionary();
});

/** The brute-force reading of Schwartz and Hearst's test: some choice of positions spells the letters in order, the first at 0. */
function definesByBruteForce(abbreviation: string, name: string): boolean {
  const letters = abbreviation.toLowerCase().replace(/[^a-z0-9]/g, '');
  const long = name.toLowerCase().trim();
  const from = (k: number, at: number): boolean => k === letters.length || [...long].some((c, i) => i >= at && c === letters[k] && from(k + 1, i + 1));
  return letters !== '' && long[0] === letters[0] && from(1, 1);
}

describe('a word written as an abbreviation', () => {
  it('is its capitals without points, and a word in lower or title case is none', () => {
    expect(['U.S.', 'U.S', 'US', 'G20', 'R&D', 'WTO'].map(abbreviationOf)).toEqual(['US', 'US', 'US', 'G20', 'R&D', 'WTO']);
    expect(['us', 'It', 'U', 'Us', '5G', 'GOVERNMENTS'].map(abbreviationOf)).toEqual([null, null, null, null, null, null]);
  });

  it('is looked up as written, then without a plural s in lower case (SARS stays SARS)', () => {
    expect(abbreviationKeys('SOEs')).toEqual(['SOE']);
    expect(abbreviationKeys('SARS')).toEqual(['SARS']);
    expect(abbreviationKeys('us')).toEqual([]);
  });

  it('is defined by a name whose letters spell it in order from its first (Schwartz and Hearst), as a brute-force search finds', () => {
    expect(definesAbbreviation('RMB', 'Renminbi')).toBe(true);
    expect(definesAbbreviation('SAR', 'special administrative region')).toBe(true);
    expect(definesAbbreviation('UK', 'Parliament')).toBe(false);
    expect(definesAbbreviation('US', 'income statement')).toBe(false);
    const word = fc.stringMatching(/^[a-d ]{0,9}$/);
    fc.assert(fc.property(fc.stringMatching(/^[A-D]{1,4}$/), word, (short, long) => definesAbbreviation(short, long) === definesByBruteForce(short, long)), { numRuns: 2000 });
  });
});

describe('abbreviations keyed from CC-CEDICT', () => {
  it('ranks a headword a sense names by the abbreviation above those that only mention it or share its initials', () => {
    const table = abbreviationEntries(readCedict(locateCedict()), readWordFrequencies(locateWordFrequencies()));
    expect(table.get('\u0005US')?.[0]).toBe('美国');
    expect(table.get('\u0005US')).not.toContain('亲美'); // "pro-U.S."
    expect(table.get('\u0005US')).not.toContain('美元'); // "US dollar"
    expect(table.get('\u0005US')).not.toContain('六方会谈'); // "… involving China, the US, North Korea …"
    expect(table.get('\u0005UN')?.[0]).toBe('联合国'); // the initials of "United Nations"
    expect(table.get('\u0005UK')?.[0]).toBe('英国'); // "United Kingdom (UK)"
    expect(table.get('\u0005SAR')).toEqual(['特别行政区']); // "special administrative region (SAR), of which … 香港 …"
    expect(table.get('\u0005CIA')).toContain('中央情报局'); // "US Central Intelligence Agency, CIA"
  });
});

describe('expandEnglish on abbreviations', () => {
  it('reads US, U.S. and USA as the United States, and us in lower case as filler', () => {
    for (const query of ['US tariffs', 'U.S. tariffs', 'USA tariffs', 'Sino-U.S. relations']) {
      const unit = unitsOf(query).find((u) => /^U\.?S/.test(u.en));
      expect(unit?.zh[0]?.term, query).toBe('美国');
      expect(unit?.zh.map((z) => z.term), query).not.toContain('我们');
    }
    expect(unitsOf('tell us about jobs').find((u) => u.en === 'us')?.status).toBe('ignored');
  });

  it('never reaches the pronoun through a synonym written with points or in lower case (u.s., us of USA)', () => {
    const withSynonyms = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR });
    for (const query of ['US', 'USA', 'U.S.']) {
      const terms = withSynonyms.expandEnglish(query).flatMap((u) => u.zh.map((z) => z.term));
      expect(terms[0], query).toBe('美国');
      expect(terms, query).not.toContain('我们');
    }
  });

  it('finds the abbreviations of policy English as CC-CEDICT gives them', () => {
    const cases: Array<[string, string]> = [
      ['EU trade', '欧盟'], ['UN climate talks', '联合国'], ['RMB exchange rate', '人民币'], ['Hong Kong SAR', '特别行政区'],
      ['WTO reform', '世贸组织'], ['ASEAN', '东盟'], ['BRICS', '金砖国家'], ['SCO summit', '上合'], ['IT industry', '信息技术'],
      ['APEC', '亚太经合组织'], ['SARS epidemic', '非典'],
    ];
    for (const [query, zh] of cases) expect(sensesOf(query), query).toContain(zh);
    expect(sensesOf('Hong Kong SAR'), 'SAR is not SARS').not.toContain('非典');
  });

  it('reads a stopword in capitals as its abbreviation when CC-CEDICT gives one (WHO), and drops it when none does', () => {
    expect(sensesOf('WHO cooperation')).toContain('世界卫生组织');
    expect(unitsOf('who cooperates').map((u) => u.en)).toEqual(['cooperates']);
    expect(unitsOf('THE cooperation').map((u) => u.en)).toEqual(['cooperation']);
  });
});
