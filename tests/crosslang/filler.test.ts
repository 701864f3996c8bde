import { describe, expect, it } from 'vitest';
import { contentTokens, tokenizeEnglish } from '../../src/crosslang/english.js';
import { isFiller } from '../../src/crosslang/filler.js';

/** The words of a query as `expand.ts` reads them, joined by spaces only (each linked and adjacent to the next). */
function words(query: string) {
  const tokens = contentTokens(tokenizeEnglish(query));
  const joined = tokens.slice(1).map(() => true);
  return { tokens, linked: joined, adjacent: joined };
}

/** The words of `query` that are filler. */
const filler = (query: string): string[] => {
  const w = words(query);
  return w.tokens.flatMap((t, j) => (isFiller(w, j) ? [t.text] : []));
};

describe('isFiller', () => {
  it('marks the words a searcher adds, and irregular forms of the filler verbs', () => {
    expect(filler('help herders find jobs')).toEqual(['help', 'find']);
    expect(filler('progress made gave taken')).toEqual(['made', 'gave', 'taken']);
    expect(filler('grain output grew')).toEqual([]);
    // Quantity comparatives and the pronoun `ones` are filler as `more` is.
    expect(filler('fewer inspections, not less than before, new ones')).toEqual(['fewer', 'less', 'new', 'ones']);
  });

  it('keeps a modifier before its word and a capitalized word inside a name, not an opening instruction or capitals', () => {
    expect(filler('information security')).toEqual([]);
    expect(filler('government information')).toEqual(['information']);
    expect(filler('Pudong New Area')).toEqual([]);
    expect(filler('Find Tibet Tourism')).toEqual(['Find']);
    expect(filler('PUDONG NEW AREA')).toEqual(['NEW']);
  });

  it('takes a capitalized neighbour only across a link: a break (a full stop) ends the name', () => {
    const w = words('Pudong New Area');
    expect(isFiller({ ...w, linked: [false, false] }, 1)).toBe(true);
  });
});
