import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltIndex } from '../../src/index/build.js';
import type { PassageKeys } from '../../src/index/passage-keys.js';
import { planQuery } from '../../src/search/plan.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { seedBackend } from '../index/seed-index.js';
import { exactSet } from '../../bench/exactness.js';

let built: BuiltIndex;
let keys: PassageKeys;
let texts: string[];

beforeAll(async () => {
  ({ built, keys } = await seedBackend());
  texts = built.data.passages.map((p) => `${phraseKey(p.text)}\u0000${p.textEn ? phraseKey(p.textEn) : ''}`);
});

/**
 * Passages returned for a quoted phrase, against those whose match key contains it (at the edges of words, for
 * a phrase that begins or ends with a Latin letter or a digit: `word-edges.ts`).
 */
function check(phrase: string): void {
  const plan = planQuery(parseQuery(`"${phrase}"`), keys, { crossLang: testCrossLang() });
  const key = phraseKey(phrase);
  const expected = exactSet(built.data.passages, texts, key);
  expect(plan.empty, phrase).toBe(false);
  const result = built.backend.search({ ...plan.query, offset: 0, limit: 100_000 });
  expect(result.total, phrase).toBe(expected.size);
  expect(result.hits.map((h) => h.index).sort((a, b) => a - b), phrase).toEqual([...expected]);
}

describe('quoted phrases the index answers without verification', () => {
  it('return exactly the passages containing every single character of the seeds', { tags: ['slow'] }, () => {
    const chars = new Set(texts.flatMap((t) => [...t.replace('\u0000', '')]));
    for (const c of chars) if (/[\p{L}\p{N}]/u.test(c)) check(c);
  });

  it('return exactly the passages containing any two characters of a seed passage, punctuation included', () => {
    const passages = built.data.passages;
    fc.assert(
      fc.property(fc.nat(passages.length - 1), fc.nat(400), (p, at) => {
        const cps = [...(passages[p]?.text ?? '')];
        const pair = cps.slice(at % Math.max(1, cps.length - 1), (at % Math.max(1, cps.length - 1)) + 2).join('');
        fc.pre(/[\p{L}\p{N}]/u.test(pair) && !/["“”「」『』＂]/u.test(pair));
        check(pair);
      }),
      { numRuns: 800, seed: 20261124 },
    );
  });
});

describe('English abbreviations with points', () => {
  it('reads U.S., e.g. and Sino-U.S. as English words, never as exact codes every passage must hold', () => {
    const search = (query: string) => {
      const plan = planQuery(parseQuery(query), keys, { crossLang: testCrossLang() });
      return { plan, total: built.backend.search({ ...plan.query, offset: 0, limit: 10 }).total };
    };
    const alone = search('tariffs').total;
    for (const query of ['U.S. tariffs', 'e.g. tariffs', 'e.g tariffs', 'Sino-U.S. tariffs', 'U.S.-China tariffs', 'pro-U.S tariffs']) {
      const { plan, total } = search(query);
      expect(plan.query.groups, query).toEqual([]);
      expect(plan.concepts.map((c) => c.en), query).toContain('tariffs');
      expect(total, query).toBeGreaterThanOrEqual(alone);
    }
    expect(alone).toBeGreaterThan(0);
    // Any letters and apostrophes on either side of hyphens; the compound is never an exact code.
    for (const query of ['P.R.C. tariffs', 'Sino-U.S.-EU tariffs', "Xi'an-U.S. tariffs", '--U.S.- tariffs']) {
      expect(search(query).plan.query.groups, query).toEqual([]);
    }
  });
});

describe('an ampersand between English words', () => {
  it('reads as "and" inside one run, so Belt & Road is the glossary unit Belt and Road, not two words', () => {
    const concepts = (query: string) => planQuery(parseQuery(query), keys, { crossLang: testCrossLang() }).concepts;
    const written = concepts('Belt and Road');
    expect(written.map((c) => c.en)).toEqual(['Belt and Road']);
    expect(concepts('Belt & Road').map((c) => c.terms.map((t) => t.zh))).toEqual(written.map((c) => c.terms.map((t) => t.zh)));
    // Nothing to search by the ampersand itself: no required group.
    expect(planQuery(parseQuery('Belt & Road'), keys, { crossLang: testCrossLang() }).query.groups).toEqual([]);
  });
});

describe('excluded words and phrases', () => {
  it('are planned once each, however often the query repeats them', () => {
    const plan = (q: string) => planQuery(parseQuery(q), keys, { crossLang: testCrossLang() }).query.exclude;
    const once = plan('发展 -"of the" -旅游');
    expect(once.length).toBeGreaterThan(0);
    expect(plan('发展 -"of the" -旅游 -"of the" -旅游 -"of the"')).toEqual(once);
  });
});
