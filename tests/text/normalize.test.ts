import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyWalker, normalizeCodePoint, normalizeForMatch, normalizeTerm, originalRanges } from '../../src/text/normalize.js';
import { readSeeds, sharedRoot, splitsSurrogatePair, unicodeText } from './fixtures.js';
import { describeWithShared } from '../shared-data.js';

describe('normalizeTerm', () => {
  it('turns traditional Chinese into simplified', () => {
    expect(normalizeTerm('鄉村振興')).toBe('乡村振兴');
    expect(normalizeTerm('脫貧攻堅')).toBe('脱贫攻坚');
    expect(normalizeTerm('民族團結')).toBe('民族团结');
    expect(normalizeTerm('生態文明')).toBe('生态文明');
    expect(normalizeTerm('電力裝機')).toBe('电力装机');
  });

  it('leaves the simplified seed reports alone but for the two traditional characters they contain', () => {
    expect(normalizeTerm('显著提高怎么办')).toBe('显著提高怎么办');
    const changed = new Set<string>();
    for (const { text } of readSeeds()) {
      for (const char of text) {
        if (/\p{Script=Han}/u.test(char) && normalizeTerm(char) !== char) changed.add(`${char}→${normalizeTerm(char)}`);
      }
    }
    expect([...changed].sort()).toEqual(['來→来', '執→执']);
  });

  it('folds full-width forms to half-width and upper case to lower case', () => {
    expect(normalizeTerm('ＧＤＰ２０２３')).toBe('gdp2023');
    expect(normalizeTerm('Ｇ３１８')).toBe('g318');
    expect(normalizeTerm('６．８％')).toBe('6.8%');
    expect(normalizeTerm('COVID-19')).toBe('covid-19');
  });

  it('writes the typographic apostrophe as the typed one', () => {
    expect(normalizeTerm('People’s')).toBe("people's");
    expect(normalizeForMatch('China’s economy').text).toBe("china'seconomy");
  });

  it('reads the circles typed for zero as the numeral zero 〇, one character for one', () => {
    expect(normalizeTerm('一九八○年')).toBe('一九八〇年');
    expect(normalizeTerm('二◯二四年')).toBe('二〇二四年');
    const match = normalizeForMatch('一九八 ○年');
    expect(match.text).toBe('一九八〇年');
    expect([...match.starts]).toEqual([0, 1, 2, 4, 5]);
  });

  it('normalizes one code point at a time, so normalizing twice changes nothing', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const once = normalizeTerm(text);
        expect(normalizeTerm(once)).toBe(once);
        expect(once).toBe([...text].map((char) => normalizeCodePoint(char.codePointAt(0) ?? 0)).join(''));
      }),
      { numRuns: 400 },
    );
  });
});

describe('normalizeForMatch', () => {
  it('removes all whitespace, including U+3000, line breaks, zero-width characters and the BOM', () => {
    expect(normalizeForMatch('\ufeff民族\u3000团结\r\n进\u200b步\u200c示\u200d范 ').text).toBe('民族团结进步示范');
  });

  it('maps each normalized code unit back to the original character it came from', () => {
    const { text, starts, ends } = normalizeForMatch('㍻ Ａ𠀀b');
    expect(text).toBe('平成a𠀀b');
    expect([...starts]).toEqual([0, 0, 2, 3, 3, 5]);
    expect([...ends]).toEqual([1, 1, 3, 5, 5, 6]);
  });

  it('never throws on random Unicode and keeps its ranges inside the string, in order, off surrogate halves', () => {
    fc.assert(
      fc.property(unicodeText, (original) => {
        const { text, starts, ends } = normalizeForMatch(original);
        expect(starts).toHaveLength(text.length);
        expect(ends).toHaveLength(text.length);
        const bad: number[] = [];
        for (let i = 0; i < text.length; i++) {
          const inside = starts[i] >= 0 && ends[i] > starts[i] && ends[i] <= original.length;
          const monotone = i === 0 || (starts[i] >= starts[i - 1] && ends[i] >= ends[i - 1]);
          const whole = !splitsSurrogatePair(original, starts[i]) && !splitsSurrogatePair(original, ends[i]);
          if (!inside || !monotone || !whole) bad.push(i);
        }
        expect(bad).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('rebuilds its text from the match forms of the original ranges, and leaves out only ignorable characters', () => {
    fc.assert(
      fc.property(unicodeText, (original) => {
        const { text, starts, ends } = normalizeForMatch(original);
        let rebuilt = '';
        let covered = 0;
        for (let i = 0; i < text.length; ) {
          let j = i + 1;
          while (j < text.length && starts[j] === starts[i]) j++;
          // whatever lies between two ranges normalizes to nothing
          expect(normalizeForMatch(original.slice(covered, starts[i])).text).toBe('');
          rebuilt += normalizeForMatch(original.slice(starts[i], ends[i])).text;
          covered = ends[i];
          i = j;
        }
        expect(normalizeForMatch(original.slice(covered)).text).toBe('');
        expect(rebuilt).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  describeWithShared('eval/open-queries.json', 'the open-evaluation phrases', () => {
    it('finds each open-evaluation phrase in the seed reports exactly as often as the evaluation counts it', () => {
      const open = JSON.parse(readFileSync(path.join(sharedRoot, 'eval/open-queries.json'), 'utf8')) as {
        phrases: Array<{ phrase: string; occurrences: number }>;
      };
      const reports = readSeeds().map((seed) => normalizeForMatch(seed.text).text);
      expect(open.phrases.length).toBeGreaterThan(20);
      for (const { phrase, occurrences } of open.phrases) {
        const needle = normalizeForMatch(phrase).text;
        let count = 0;
        for (const report of reports) {
          for (let at = report.indexOf(needle); at !== -1; at = report.indexOf(needle, at + needle.length)) count++;
        }
        expect({ phrase, count }).toEqual({ phrase, count: occurrences });
      }
    });
  });
});

describe('originalRanges', () => {
  /** The oracle: the whole map of normalizeForMatch, read at each span's first and last code unit. */
  const fromWholeMap = (original: string, spans: Array<[number, number]>): Array<[number, number]> => {
    const { starts, ends } = normalizeForMatch(original);
    return spans.filter(([s, e]) => e > s).map(([s, e]) => [starts[s] as number, ends[e - 1] as number]);
  };

  it('maps spans of the key exactly as the whole map does, on random Unicode', () => {
    fc.assert(
      fc.property(unicodeText, fc.array(fc.tuple(fc.nat(60), fc.nat(8)), { maxLength: 6 }), (original, picks) => {
        const keyLength = normalizeForMatch(original).text.length;
        if (keyLength === 0) return;
        const spans = picks.map(([at, len]): [number, number] => {
          const start = at % keyLength;
          return [start, Math.min(keyLength, start + len)];
        });
        expect(originalRanges(original, spans)).toEqual(fromWholeMap(original, spans));
      }),
      { numRuns: 1000 },
    );
  });

  describeWithShared('eval/open-queries.json', 'the open-evaluation phrases', () => {
    it('maps every occurrence of the open-evaluation phrases in the seeds as the whole map does', () => {
      const open = JSON.parse(readFileSync(path.join(sharedRoot, 'eval/open-queries.json'), 'utf8')) as { phrases: Array<{ phrase: string }> };
      const phrases = open.phrases.map((p) => normalizeForMatch(p.phrase).text).filter((p) => p.length > 0);
      let mapped = 0;
      for (const { text } of readSeeds()) {
        const key = normalizeForMatch(text).text;
        const spans: Array<[number, number]> = [];
        for (const phrase of phrases) {
          for (let at = key.indexOf(phrase); at !== -1; at = key.indexOf(phrase, at + phrase.length)) spans.push([at, at + phrase.length]);
        }
        expect(originalRanges(text, spans)).toEqual(fromWholeMap(text, spans));
        mapped += spans.length;
      }
      expect(mapped).toBeGreaterThan(100);
    });
  });
});

describe('keyWalker', () => {
  it('answers for each unit of the key as the whole map does, asked in any order, and nothing past its end', () => {
    fc.assert(
      fc.property(unicodeText, fc.array(fc.nat(80), { maxLength: 12 }), fc.boolean(), (original, picks, ascending) => {
        const { text, starts, ends } = normalizeForMatch(original);
        const units = ascending ? [...picks].sort((a, b) => a - b) : picks;
        const walk = keyWalker(original);
        for (const unit of units) {
          expect(walk(unit)).toEqual(unit < text.length ? [starts[unit], ends[unit]] : undefined);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
