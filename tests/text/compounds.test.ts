import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, phraseKey, type Token, wordFieldTerms, wordFieldTokens } from '../../src/text/analyzer.js';
import { latinTerm } from '../../src/text/latin-segmenter.js';
import { normalizeTerm } from '../../src/text/normalize.js';
import { splitScriptRuns } from '../../src/text/scripts.js';
import { splitsSurrogatePair, unicodeText } from './fixtures.js';

/** The forms of the issue, as an English passage of a parallel report would write them. */
const PASSAGE =
  "Eco-tourism grew; Kashin-Beck disease was curbed with state-of-the-art care. High-quality, China-Africa and " +
  "zero-carbon projects went ahead after COVID-19, and Chang'e-6 returned.";

/** Hyphens by normalized form (ASCII, U+2010; U+2011 and full-width forms normalize to them). */
const HYPHEN = /[-‐]/gu;
const hasHyphen = (text: string): boolean => normalizeTerm(text).search(HYPHEN) !== -1;

/** Text rich in compounds: words, numbers and codes joined by every kind of hyphen, dash, space or Han. */
const compoundText = fc
  .array(
    fc.tuple(
      fc.constantFrom('eco', 'Tourism', 'of', 'the', 'art', '19', '6', 'Ｅｃｏ', "Chang'e", 'G318', 'R&D', '6.8', 'a', 'e\u0301', '𝐀'),
      fc.constantFrom('-', '-', '－', '‐', '‑', '﹣', ' ', '–', '—', '中', '', '--', '\n'),
    ),
    { maxLength: 10 },
  )
  .map((pairs) => pairs.flat().join(''));
const anyText = fc.oneof(compoundText, unicodeText, fc.tuple(unicodeText, compoundText).map(([a, b]) => a + b));

/** Brute force: one joined form per Latin run whose normalized text holds a hyphen, over the whole run. */
function oracleCompounds(text: string): Token[] {
  return splitScriptRuns(text).flatMap((run) => {
    const surface = text.slice(run.start, run.end);
    if (run.script !== 'latin' || !hasHyphen(surface)) return [];
    const term = latinTerm(normalizeTerm(surface).replace(HYPHEN, ''));
    return term === null ? [] : [{ term, start: run.start, end: run.end }];
  });
}

/** Brute force: the terms of a compound's parts, split at the hyphens of its normalized text. */
const oracleParts = (surface: string): string[] =>
  normalizeTerm(surface)
    .split(HYPHEN)
    .map((part) => latinTerm(part))
    .filter((term): term is string => term !== null);

const slices = (text: string, tokens: Token[]): string[] => tokens.map((t) => `${t.term}=${text.slice(t.start, t.end)}`);

describe('hyphenated compounds', () => {
  it('index every form of the issue by its parts and by its joined form, over exactly its own text', () => {
    const { words, compounds } = analyze(PASSAGE);
    expect(slices(PASSAGE, compounds)).toEqual([
      'ecotour=Eco-tourism',
      'kashinbeck=Kashin-Beck',
      'stateoftheart=state-of-the-art',
      'highqual=High-quality',
      'chinaafrica=China-Africa',
      'zerocarbon=zero-carbon',
      'covid19=COVID-19',
      "chang'e6=Chang'e-6",
    ]);
    expect(slices(PASSAGE, words).slice(0, 8)).toEqual(['eco=Eco', 'tourism=tourism', 'grew=grew', 'kashin=Kashin', 'beck=Beck', 'diseas=disease', 'curb=curbed', 'state=state']);
    // The joined form written as one word, and a part written alone, give the same terms as the compound.
    for (const [whole, joined, part] of [['Eco-tourism', 'ecotourism', 'tourism'], ['Kashin-Beck', 'KashinBeck', 'Beck'], ['zero-carbon', 'zerocarbon', 'carbon']]) {
      const terms = wordFieldTerms(whole);
      expect(terms).toContain(wordFieldTerms(joined)[0]);
      expect(terms).toContain(wordFieldTerms(part)[0]);
    }
  });

  it('give words and joined forms whose offsets slice back to the text they came from', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { words, compounds } = analyze(text);
        for (const token of [...words, ...compounds]) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(splitsSurrogatePair(text, token.start) || splitsSurrogatePair(text, token.end)).toBe(false);
        }
        for (const word of words) {
          const surface = text.slice(word.start, word.end);
          const latin = splitScriptRuns(surface)[0]?.script === 'latin';
          // A Latin word is one part: never a hyphen in it; its own text gives its term.
          if (latin) expect(hasHyphen(surface), surface).toBe(false);
          // (A compatibility character may normalize to a space and a mark, `ﱞ` → ` ٌّ`: the key drops the space.)
          expect(latin ? word.term : word.term.replace(/\s/gu, '')).toBe(latin ? latinTerm(surface) : phraseKey(surface));
        }
        for (const compound of compounds) {
          const surface = text.slice(compound.start, compound.end);
          expect(hasHyphen(surface), surface).toBe(true);
          expect(compound.term).toBe(latinTerm(normalizeTerm(surface).replace(HYPHEN, '')));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('give a joined form for hyphen-joined Latin runs only, and their parts as the words inside them', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { words, compounds } = analyze(text);
        expect(compounds).toEqual(oracleCompounds(text));
        for (const compound of compounds) {
          const inside = words.filter((w) => w.start >= compound.start && w.end <= compound.end).map((w) => w.term);
          expect(inside).toEqual(oracleParts(text.slice(compound.start, compound.end)));
        }
        // Words stay in order and apart; the field tokens are words and compounds by position.
        words.forEach((w, i) => expect(w.start).toBeGreaterThanOrEqual(words[i - 1]?.end ?? 0));
        const field = wordFieldTokens({ words, compounds });
        expect(field).toHaveLength(words.length + compounds.length);
        field.forEach((t, i) => expect(t.start).toBeGreaterThanOrEqual(field[i - 1]?.start ?? 0));
      }),
      { numRuns: 400 },
    );
  });

  it('keep a range of numbers, a dash and a hyphen at a word edge out of compounds', () => {
    for (const text of ['2021-2025年', 'China – Africa', 'China—Africa', 'eco- tourism', '-tourism', 'tourism-', 'G318 R&D 6.8%']) {
      expect(analyze(text).compounds, text).toEqual([]);
    }
  });
});

describe('soft hyphens', () => {
  it('keep a word whole where it may break (`sust\u00ADained`): one run, one word, the word its phrase key and its query find', () => {
    const text = 'sust\u00ADained eco\u00ADnomic growth';
    expect(splitScriptRuns(text).filter((r) => r.script === 'latin').map((r) => text.slice(r.start, r.end))).toEqual(['sust\u00ADained', 'eco\u00ADnomic', 'growth']);
    expect(wordFieldTerms(text)).toEqual(wordFieldTerms('sustained economic growth'));
    expect(phraseKey(text)).toBe(phraseKey('sustained economic growth'));
    // Its token still spans the word as written, soft hyphen included, so a highlight covers it whole.
    const [first] = wordFieldTokens(analyze(text));
    expect(text.slice(first?.start, first?.end)).toBe('sust\u00ADained');
    // Elsewhere it parts nothing it did not part before: at a word's edge, or between a letter and a digit.
    expect(wordFieldTerms('\u00ADgrowth growth\u00AD 5\u00ADG')).toEqual(wordFieldTerms('growth growth 5 G'));
  });
});
