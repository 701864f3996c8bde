import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEncoder } from '../../src/server/answer-json.js';
import type { SerializedAnswer } from '../../src/server/answer-json.js';
import type { SearchHit, SearchOptions, SearchResponse } from '../../src/search/types.js';
import { openTestEngine, REPO_ROOT } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let local: TestEngine;
let online: TestEngine;

beforeAll(async () => {
  local = await openTestEngine();
  online = await openTestEngine({ baseUrl: 'https://reports.example.org/' });
});
afterAll(() => {
  local?.dispose();
  online?.dispose();
});

/** The oracle: what Express's res.json writes with `json escape` on (`<`, `>`, `&` as \u escapes). */
const expressJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The encoded answer with `tookMs` written back in, as text. */
const whole = (answer: SerializedAnswer, tookMs: number): string =>
  Buffer.concat([answer.head, Buffer.from(JSON.stringify(tookMs)), answer.tail]).toString('utf8');

/** Every query of the bench and of the open evaluation (phrases quoted, traditional, English). */
function realQueries(): string[] {
  const bench = JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench/queries.json'), 'utf8')) as { queries: Array<{ q: string }> };
  const open = JSON.parse(readFileSync(path.join(REPO_ROOT, '../shared/eval/open-queries.json'), 'utf8')) as {
    phrases: Array<{ phrase: string }>;
    traditional: Array<{ query: string }>;
    english: Array<{ query: string }>;
  };
  return [
    ...bench.queries.map((q) => q.q),
    ...open.phrases.map((p) => `"${p.phrase}"`),
    ...open.traditional.map((q) => q.query),
    ...open.english.map((q) => q.query),
  ];
}

const OPTIONS: SearchOptions[] = [{ fields: [] }, { fields: ['text'], limit: 20 }, { fields: [], sort: 'newest', offset: 5 }];

describe('AnswerEncoder', () => {
  it('writes the bytes of JSON.stringify for every real query, the first time and from what it kept', async () => {
    const queries = realQueries();
    expect(queries.length).toBeGreaterThan(100);
    for (const { engine } of [local, online]) {
      const encoder = new AnswerEncoder();
      for (const options of OPTIONS) {
        for (const q of queries) {
          const response = await engine.search(q, options);
          const expected = expressJson(response);
          expect(whole(encoder.encode(response), response.tookMs)).toBe(expected);
          // The second time, the hits' fixed members come from the kept bytes.
          expect(whole(encoder.encode(response), response.tookMs)).toBe(expected);
        }
      }
    }
  });

  it('makes a hit again when a fixed member differs from what was kept (value, object, order, presence)', async () => {
    const response = await online.engine.search('旅游', { limit: 5 });
    const encoder = new AnswerEncoder();
    encoder.encode(response);
    const first = response.hits[0] as SearchHit;
    const { docTitleEn, snippet, ...withoutTitle } = first;
    const changes: SearchHit[] = [
      { ...first, text: `${first.text}<&>` },
      { ...first, citation: { ...first.citation, zh: 'another' } },
      { ...first, sectionPath: [...first.sectionPath, 'more'] },
      { ...withoutTitle, snippet } as SearchHit,
      { ...withoutTitle, snippet, docTitleEn },
      { ...first, expansions: ['tourism'] },
      { snippet, ...withoutTitle, docTitleEn, year: null },
    ];
    // Changed in place after its bytes were kept: an array's items are compared, an object that is not frozen never.
    const path = [...first.sectionPath, 'its own'];
    const citation = { ...first.citation };
    const inPlace: Array<[SearchHit, () => void]> = [
      [{ ...first, sectionPath: path }, () => path.push('changed in place')],
      [{ ...first, citation }, () => (citation.zh = 'changed in place')],
    ];
    for (const [hit, change] of inPlace) {
      const once: SearchResponse = { ...response, hits: [hit] };
      encoder.encode(once);
      change();
      expect(whole(encoder.encode(once), 1.5)).toBe(expressJson({ ...once, tookMs: 1.5 }));
    }
    for (const hit of changes) {
      const changed: SearchResponse = { ...response, hits: [hit, ...response.hits.slice(1)] };
      expect(whole(encoder.encode(changed), 1.5)).toBe(expressJson({ ...changed, tookMs: 1.5 }));
      expect(whole(encoder.encode(response), 1.5)).toBe(expressJson({ ...response, tookMs: 1.5 }));
    }
  });

  it('writes what JSON.stringify writes for any hits, with kept bytes shared and evicted (property)', () => {
    // Values drawn from a small pool, so that the same strings and objects come back under other layouts.
    const frozen = Object.freeze({ zh: '引用 <a>', en: 'cite & co' });
    const pool = fc.oneof(
      fc.constantFrom<unknown>(undefined, null, 0, 2024, -1.5, '', 'x', '鄉村振興 & <b>', frozen, ['a', 'b'], [[1, 2]], { deep: { er: [1] } }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.double(),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    );
    const names = ['id', 'docId', 'docTitle', 'docTitleEn', 'year', 'sectionPath', 'kind', 'paragraph', 'page', 'pageEnd', 'text', 'textEn',
      'url', 'publicUrl', 'citation', 'snippet', 'highlights', 'textHighlights', 'textEnHighlights', 'score', 'expansions', 'other'];
    // A few layouts come back often (a hit's members as the engine orders them, with and without the optional ones).
    const layouts = fc.constantFrom(names.slice(1, 15), names.slice(1, 8).concat(names.slice(10, 12), names.slice(15, 17), names.slice(19)), names.slice(1).reverse());
    const hit = fc
      .tuple(fc.constantFrom('p1', 'p2', 'p3'), fc.oneof(layouts, fc.shuffledSubarray(names.slice(1))), fc.array(pool, { minLength: names.length, maxLength: names.length }))
      .map(([id, order, values]) => Object.fromEntries([['id', id], ...order.map((name, i) => [name, values[i]])]) as unknown as SearchHit);
    const answer = fc.record({ query: fc.string(), total: fc.nat(), tookMs: fc.double({ noNaN: true }), hits: fc.array(hit, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 600, 1 << 20), (answers, bound) => {
        const encoder = new AnswerEncoder(bound);
        for (const a of answers) {
          const response = a as unknown as SearchResponse;
          expect(whole(encoder.encode(response), response.tookMs)).toBe(expressJson(response));
        }
      }),
      { numRuns: 300 },
    );
  });
});
