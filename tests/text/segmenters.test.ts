import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseSegmenter } from '../../src/text/chinese-segmenter.js';
import { fallbackSegmenter } from '../../src/text/fallback-segmenter.js';
import { analyzeWords, analyzeWordsAndCompounds } from '../../src/text/analyzer.js';
import { latinTerm, latinWordCompounds, latinWordSegmenter } from '../../src/text/latin-segmenter.js';
import { splitScriptRuns } from '../../src/text/scripts.js';
import { tibetanSegmenter } from '../../src/text/tibetan-segmenter.js';
import type { Segmenter, Token } from '../../src/text/token.js';
import { readSeeds, unicodeText } from './fixtures.js';

/** The Latin segmenter as the analyzer applies it: to each Latin run of a text (one word each), offsets into the text. */
const latinOfRuns: Segmenter = (text) =>
  splitScriptRuns(text)
    .filter((run) => run.script === 'latin')
    .flatMap((run) => latinWordSegmenter(text.slice(run.start, run.end)).map((t) => ({ term: t.term, start: run.start + t.start, end: run.start + t.end })));

const SEGMENTERS: Array<[string, Segmenter]> = [
  ['chinese', chineseSegmenter],
  ['latin', latinOfRuns],
  ['tibetan', tibetanSegmenter],
  ['fallback', fallbackSegmenter],
];

const terms = (tokens: Token[]): string[] => tokens.map((token) => token.term);

describe.each(SEGMENTERS)('the %s segmenter', (_name, segment) => {
  it('never throws on random input and returns ordered, non-overlapping, non-empty tokens inside the run', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(unicodeText, (run) => {
        const tokens = segment(run);
        let end = 0;
        for (const token of tokens) {
          expect(token.term.length).toBeGreaterThan(0);
          expect(token.start).toBeGreaterThanOrEqual(end);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(run.length);
          end = token.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns nothing for punctuation and whitespace only', () => {
    expect(segment(' 。，、（）\u3000\n—…%.-')).toEqual([]);
  });
});

describe('the Chinese segmenter', () => {
  it('keeps government terms whole and offsets them in the run', () => {
    expect(chineseSegmenter('加快川藏铁路建设')).toEqual([
      { term: '加快', start: 0, end: 2 },
      { term: '川藏铁路', start: 2, end: 6 },
      { term: '建设', start: 6, end: 8 },
    ]);
    expect(terms(chineseSegmenter('碳达峰碳中和'))).toEqual(['碳达峰碳中和']);
    expect(terms(chineseSegmenter('发展新质生产力'))).toEqual(['发展', '新质生产力']);
  });

  it('segments a word wrapped across lines as one word spanning the line break', () => {
    expect(chineseSegmenter('促进民族团结进\n步')).toEqual([
      { term: '促进', start: 0, end: 2 },
      { term: '民族团结进步', start: 2, end: 9 },
    ]);
  });

  it('segments traditional text as its simplified form, with offsets into the traditional text', () => {
    expect(chineseSegmenter('鄉村振興，脫貧攻堅')).toEqual([
      { term: '乡村振兴', start: 0, end: 4 },
      { term: '脱贫攻坚', start: 5, end: 9 },
    ]);
  });

  it('gives a character that expands under NFKC one token for its whole range', () => {
    expect(chineseSegmenter('㍻')).toEqual([{ term: '平成', start: 0, end: 1 }]);
  });
});

describe('the Latin segmenter', () => {
  it.each([
    ['12.3', '12.3'],
    ['6.8', '6.8'],
    ['3%', '3%'],
    ['5G', '5g'],
    ['G318', 'g318'],
    ['R&D', 'r&d'],
    ['2023', '2023'],
    ['Ｇ３１８', 'g318'],
    ['６．８％', '6.8%'],
  ])('keeps %s whole as %s', (surface, term) => {
    expect(splitScriptRuns(surface)).toEqual([{ script: 'latin', start: 0, end: surface.length }]);
    expect(latinWordSegmenter(surface)).toEqual([{ term, start: 0, end: surface.length }]);
  });

  it('cuts a hyphenated word into its parts, and gives its joined form over the whole word', () => {
    expect(latinWordSegmenter('COVID-19')).toEqual([{ term: 'covid', start: 0, end: 5 }, { term: '19', start: 6, end: 8 }]);
    expect(latinWordCompounds('COVID-19')).toEqual([{ term: 'covid19', start: 0, end: 8 }]);
    expect(latinWordSegmenter('e-commerce')).toEqual([{ term: 'e', start: 0, end: 1 }, { term: 'commerc', start: 2, end: 10 }]);
    expect(latinWordCompounds('e-commerce')).toEqual([{ term: 'ecommerc', start: 0, end: 10 }]);
    // Stopword parts are dropped, but not from the joined form; a full-width hyphen is a hyphen.
    expect(terms(latinWordSegmenter('state-of-the-art'))).toEqual(['state', 'art']);
    expect(terms(latinWordCompounds('state-of-the-art'))).toEqual(['stateoftheart']);
    expect(latinWordCompounds('Ｅｃｏ－ｔｏｕｒｉｓｍ')).toEqual([{ term: 'ecotour', start: 0, end: 11 }]);
    // Numbers joined by a hyphen are two words, not a compound (`2021-2025` is a range).
    expect(analyzeWordsAndCompounds('2021-2025 G318 R&D 6.8').compounds).toEqual([]);
  });

  it('stems English words, drops possessives and stopwords', () => {
    expect(terms(analyzeWords("The economies of China's regions are growing"))).toEqual(['economi', 'china', 'region', 'grow']);
    expect(latinTerm('Employment')).toBe('employ');
    expect(latinTerm('the')).toBeNull();
  });

  it('finds the same word whatever the case or width it is written in', () => {
    expect(latinTerm('TOURISM')).toBe(latinTerm('tourism'));
    expect(latinTerm('ＴＯＵＲＩＳＭ')).toBe(latinTerm('Tourism'));
  });
});

describe('the Tibetan segmenter', () => {
  it('splits syllables at the tsheg and the shad', () => {
    expect(tibetanSegmenter('བོད་ཀྱི་རྒྱལ་ཁབ།')).toEqual([
      { term: 'བོད', start: 0, end: 3 },
      { term: 'ཀྱི', start: 4, end: 7 },
      { term: 'རྒྱལ', start: 8, end: 12 },
      { term: 'ཁབ', start: 13, end: 15 },
    ]);
  });

  it('gives one token per syllable of the gazette\'s Tibetan line', () => {
    const gazette = readSeeds().find((seed) => seed.name.startsWith('xizang-gazette'));
    const line = gazette?.text.split('\n').find((candidate) => /\p{Script=Tibetan}/u.test(candidate)) ?? '';
    const tibetan = line.slice(line.search(/\p{Script=Tibetan}/u));
    const syllables = tibetan.split(/[\u0f0b\u0f0d\s]+/u).filter((syllable) => /\p{Script=Tibetan}/u.test(syllable));
    expect(syllables.length).toBeGreaterThan(10);
    expect(terms(tibetanSegmenter(tibetan))).toEqual(syllables);
  });
});

describe('the fallback segmenter', () => {
  it('cuts words of other scripts with Unicode word boundaries, normalized', () => {
    expect(fallbackSegmenter('Привет, МИР')).toEqual([
      { term: 'привет', start: 0, end: 6 },
      { term: 'мир', start: 8, end: 11 },
    ]);
    expect(terms(fallbackSegmenter('Αθήνα και Σπάρτη'))).toEqual(['αθήνα', 'και', 'σπάρτη']);
  });
});
