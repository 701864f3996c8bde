import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { TermPositions } from '../../src/index/term-positions.js';
import { seedIndex } from './seed-index.js';

let index: PostingsIndex;

beforeAll(async () => {
  ({ index } = await seedIndex());
});

describe('TermPositions', () => {
  it('finds every term where a scan of the field finds it, and -1 for a term the field lacks, asked in any order and again', () => {
    const fields = [index.fields.words, index.fields.bigrams, index.fields.en, index.fields.heading].filter((f) => f.terms.length > 0);
    expect(fields.length).toBeGreaterThanOrEqual(3);
    // A few kept per field, so the map is emptied and refilled many times over a run.
    const positions = new TermPositions(5);
    const asked = fc.record({
      field: fc.integer({ min: 0, max: fields.length - 1 }),
      pick: fc.nat(),
      // A corpus term, the same with a character added (mostly absent), or random text.
      shape: fc.constantFrom('term', 'longer', 'random'),
      random: fc.string({ maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(asked, { minLength: 1, maxLength: 40 }), (queries) => {
        for (const { field: f, pick, shape, random } of queries) {
          const field = fields[f];
          const term = field.terms[pick % field.terms.length];
          const asking = shape === 'term' ? term : shape === 'longer' ? `${term}藏` : random;
          expect(positions.of(field, asking)).toBe(field.terms.indexOf(asking));
        }
      }),
      { numRuns: 200, seed: 41 },
    );
  });

  it('keeps the terms of each field apart: the same text has its own position in each', () => {
    const positions = new TermPositions();
    const { words, bigrams } = index.fields;
    const shared = words.terms.find((t) => bigrams.terms.includes(t) && words.terms.indexOf(t) !== bigrams.terms.indexOf(t));
    if (!shared) throw new Error('no term sits at different positions in words and bigrams');
    expect(positions.of(words, shared)).toBe(words.terms.indexOf(shared));
    expect(positions.of(bigrams, shared)).toBe(bigrams.terms.indexOf(shared));
  });
});
