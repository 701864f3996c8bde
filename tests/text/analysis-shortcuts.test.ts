/**
 * The analyzer's shortcuts give what the long way gives: the words without the bigrams, the bigrams from a match
 * text already made, no compounds when a Latin word has no hyphen, and a match key made without its offsets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWordsAndCompounds, bigramTokens, bigramTokensOfMatch, normalizeForMatch, normalizeTerm } from '../../src/text/analyzer.js';
import { latinTerm, latinWordCompounds } from '../../src/text/latin-segmenter.js';
import { matchKeyOf } from '../../src/text/normalize.js';
import { codePointCount, hasHyphen, hyphenParts, splitScriptRuns } from '../../src/text/scripts.js';
import { readSeeds, unicodeText } from './fixtures.js';

/** Text that often holds Latin words with joiners and hyphens of every width, beside Han and odd characters. */
const latinish = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', 'é', '5', '-', '‐', '－', '‑', '‒', '—', '.', "'", '&', ' ', '中', '﹣'), unicodeText), maxLength: 40 });

/** Slices of the seed reports, 1–40 code units, from anywhere. */
const seeds = readSeeds().map((s) => s.text);
const seedSlice = fc.tuple(fc.nat(seeds.length - 1), fc.nat(), fc.integer({ min: 1, max: 40 })).map(([d, at, length]) => {
  const text = seeds[d] ?? '';
  const start = at % Math.max(1, text.length - length);
  return text.slice(start, start + length);
});

/** The oracle for `latinWordCompounds`: the word cut at its hyphens, joined when it has two parts or more (no hyphen test first). */
function compoundsTheLongWay(word: string): Array<{ term: string; start: number; end: number }> {
  const parts = hyphenParts(word);
  const term = parts.length < 2 ? null : latinTerm(parts.map((p) => word.slice(p.start, p.end)).join(''));
  return term === null ? [] : [{ term, start: 0, end: word.length }];
}

/** The Latin runs of a text, each one word (what the analyzer hands the Latin segmenters). */
const latinRunsOf = (text: string): string[] => splitScriptRuns(text).filter((r) => r.script === 'latin').map((r) => text.slice(r.start, r.end));

describe('analysis shortcuts', () => {
  it('analyzeWordsAndCompounds is analyze without its bigrams, on random and real text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, latinish, seedSlice), (text) => {
        const { words, compounds } = analyze(text);
        expect(analyzeWordsAndCompounds(text)).toEqual({ words, compounds });
      }),
      { numRuns: 400 },
    );
  });

  it('bigramTokensOfMatch of a text’s match text is bigramTokens of the text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, latinish, seedSlice), (text) => {
        expect(bigramTokensOfMatch(normalizeForMatch(text))).toEqual(bigramTokens(text));
      }),
      { numRuns: 400 },
    );
  });

  it('hasHyphen holds exactly when some character normalizes to a hyphen', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, latinish), (text) => {
        expect(hasHyphen(text)).toBe([...text].some((c) => normalizeTerm(c) === '-' || normalizeTerm(c) === '‐'));
      }),
      { numRuns: 600 },
    );
  });

  it('latinWordCompounds finds the same compound as cutting the word at its hyphens, on every Latin run', () => {
    const check = (text: string): void => {
      for (const word of latinRunsOf(text)) expect(latinWordCompounds(word), word).toEqual(compoundsTheLongWay(word));
    };
    fc.assert(fc.property(fc.oneof(unicodeText, latinish, seedSlice), check), { numRuns: 600 });
    for (const text of seeds) check(text);
    for (const text of ['eco-tourism and COVID-19', 'Kashin－Beck', 'tourism', '2021-2025', 'e‑commerce']) check(text);
    expect(['eco-tourism and COVID-19', 'Kashin－Beck'].flatMap(latinRunsOf).flatMap((word) => latinWordCompounds(word).map((t) => t.term))).toEqual(['ecotour', 'covid19', 'kashinbeck']);
  });

  it('codePointCount counts what spreading the string gives, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, seedSlice), (text) => {
        expect(codePointCount(text)).toBe([...text].length);
      }),
      { numRuns: 600 },
    );
  });

  it('matchKeyOf is the text of normalizeForMatch', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, latinish, seedSlice), (text) => {
        expect(matchKeyOf(text)).toBe(normalizeForMatch(text).text);
      }),
      { numRuns: 600 },
    );
  });

  it('normalizeForMatch answers alike whatever was normalized before, and a later call changes no earlier answer', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(unicodeText, seedSlice, fc.string({ minLength: 200, maxLength: 400 })), { minLength: 2, maxLength: 6 }), (texts) => {
        const answers = texts.map((t) => normalizeForMatch(t));
        const copies = answers.map((a) => ({ text: a.text, starts: [...a.starts], ends: [...a.ends] }));
        for (const t of [...texts].reverse()) normalizeForMatch(t);
        texts.forEach((t, i) => {
          const again = normalizeForMatch(t);
          expect({ text: again.text, starts: [...again.starts], ends: [...again.ends] }).toEqual(copies[i]);
          expect({ text: answers[i]?.text, starts: [...(answers[i]?.starts ?? [])], ends: [...(answers[i]?.ends ?? [])] }).toEqual(copies[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a run split again is the one run it was, of every script (what a one-class text is answered by at once)', () => {
    const check = (text: string): void => {
      for (const run of splitScriptRuns(text)) {
        const piece = text.slice(run.start, run.end);
        expect(splitScriptRuns(piece), piece).toEqual([{ script: run.script, start: 0, end: piece.length }]);
      }
    };
    fc.assert(fc.property(fc.oneof(unicodeText, latinish, seedSlice), check), { numRuns: 600 });
    for (const text of seeds) check(text.slice(0, 20_000));
    for (const text of ['西藏', 'G318', '  ', '…', 'བོད', 'e\u0301', '5G基站', '民族团结进\n步', '2021-2025', '1..2', '3%']) check(text);
  });
});
