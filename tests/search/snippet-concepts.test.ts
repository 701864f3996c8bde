/**
 * The excerpt of a hit shows where the query's concepts meet: on the bundled reports, for queries of two
 * Chinese words, every hit whose text has the two words within an excerpt's length shows both in its snippet,
 * where the densest run of matches alone would often show one word repeated.
 */
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../src/search/snippet.js';
import { useBundledEngine } from './bundled-engine.js';

const bundled = useBundledEngine();

/** The excerpt's target length (`snippet.ts`): a run of matches that fits it is shown whole. */
const SIZE = 120;

/** True when some occurrence of `a` and one of `b` fit in `size` code units together. */
function meetWithin(text: string, a: string, b: string, size: number): boolean {
  const at = (w: string): number[] => {
    const found: number[] = [];
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) found.push(i);
    return found;
  };
  const bs = at(b);
  return at(a).some((i) => bs.some((j) => Math.max(i + a.length, j + b.length) - Math.min(i, j) <= size));
}

const PAIRS: Array<[string, string]> = [
  ['发展', '旅游'],
  ['建设', '农牧民'],
  ['加强', '教育'],
  ['推进', '生态'],
  ['提高', '收入'],
];

describe('a snippet shows where the query’s concepts meet', () => {
  it.each(PAIRS)('%s %s: both words in the snippet of every hit where they stand within an excerpt of each other', async (a, b) => {
    const answer = await bundled.engine().search(`${a} ${b}`, { limit: 50 });
    expect(answer.hits.length).toBeGreaterThan(10);
    let meet = 0;
    for (const hit of answer.hits) {
      if (!meetWithin(hit.text, a, b, SIZE)) continue;
      meet++;
      expect([hit.id, hit.snippet.includes(a) && hit.snippet.includes(b)]).toEqual([hit.id, true]);
    }
    expect(meet).toBeGreaterThan(0);
  });

  it('would show one concept alone in some hits without them (the test can fail)', async () => {
    let misses = 0;
    for (const [a, b] of PAIRS) {
      const answer = await bundled.engine().search(`${a} ${b}`, { limit: 50 });
      for (const hit of answer.hits) {
        if (!meetWithin(hit.text, a, b, SIZE)) continue;
        const countOnly = makeSnippet(hit.text, hit.textHighlights ?? []).snippet;
        if (!(countOnly.includes(a) && countOnly.includes(b))) misses++;
      }
    }
    expect(misses).toBeGreaterThan(0);
  });
});
