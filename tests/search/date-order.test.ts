/**
 * Sorting by date (`sort=newest|oldest`) on the bundled corpus, on the postings index and the MiniSearch
 * reference: every page equals the brute-force order of the whole matching set (the relevance order, then a
 * stable sort by the report's date), with the total and facets of the relevance search.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { compareDates, dateGroups, pageOfGroups } from '../../src/search/date-order.js';
import type { Engine, SearchHit, SearchOptions } from '../../src/search/types.js';
import { useBundledEngine } from './bundled-engine.js';

const bundled = { postings: useBundledEngine({ backend: 'postings' }), minisearch: useBundledEngine({ backend: 'minisearch' }) };
let passages: Passage[];
let docs: Map<string, DocMeta>;

beforeAll(async () => {
  const engine = bundled.postings.engine();
  docs = new Map(engine.documents().map((d) => [d.id, d]));
  passages = (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
});

/** Every hit of a query, page after page of 100. */
async function everyHit(engine: Engine, q: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await engine.search(q, { ...options, offset, limit: 100, suggest: false });
    hits.push(...page.hits);
    if (offset + 100 >= page.total) return hits;
  }
}

/** The brute-force order: the whole relevance order, stably sorted by the reports' dates. */
function byDate(hits: SearchHit[], order: 'newest' | 'oldest'): string[] {
  const doc = (hit: SearchHit): DocMeta => docs.get(hit.docId) as DocMeta;
  return [...hits].sort((a, b) => compareDates(doc(a), doc(b), order)).map((h) => h.id);
}

describe('date groups and the page over them', () => {
  const meta = (id: string, year: number | null, date: string | null): DocMeta =>
    ({ id, year, date, title: id, titleEn: id, type: '', region: '', issuer: null, language: 'zh', file: '', checksum: '' });

  it('puts unknown years last, and undated reports after dated ones of their year, in both orders', () => {
    const list = [meta('none', null, null), meta('y2024', 2024, null), meta('d2024', 2024, '2024-01-07'), meta('d2020', 2020, '2020-01-07')];
    const counts = { none: 1, y2024: 2, d2024: 3, d2020: 4 };
    expect(dateGroups(list, counts, 'newest').map((g) => g.docs)).toEqual([['d2024'], ['y2024'], ['d2020'], ['none']]);
    expect(dateGroups(list, counts, 'oldest').map((g) => g.docs)).toEqual([['d2020'], ['d2024'], ['y2024'], ['none']]);
  });

  it('groups reports of the same date and leaves out reports without matches', () => {
    const list = [meta('a', 2025, null), meta('b', 2021, null), meta('c', 2025, null)];
    expect(dateGroups(list, { a: 2, b: 0, c: 5 }, 'oldest')).toEqual([{ docs: ['a', 'c'], count: 7 }]);
  });

  it('cuts a page across groups exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 8 }), fc.nat(60), fc.integer({ min: 1, max: 20 }), (counts, offset, limit) => {
        const groups = counts.map((count, i) => ({ docs: [String(i)], count }));
        const flat = counts.flatMap((count, i) => Array.from({ length: count }, (_, k) => `${i}:${k}`));
        const cut = pageOfGroups(groups, offset, limit).flatMap((p) => Array.from({ length: p.limit }, (_, k) => `${p.docs[0]}:${p.offset + k}`));
        expect(cut).toEqual(flat.slice(offset, offset + limit));
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe.each(['postings', 'minisearch'] as const)('sorting by date on the %s backend', (name) => {
  it('gives every page of a frequent term in brute-force date order, with the same total and facets', async () => {
    const engine = bundled[name].engine();
    const relevance = await engine.search('乡村振兴', { limit: 1 });
    const all = await everyHit(engine, '乡村振兴');
    for (const sort of ['newest', 'oldest'] as const) {
      const first = await engine.search('乡村振兴', { sort, limit: 7 });
      expect({ total: first.total, facets: first.facets }).toEqual({ total: relevance.total, facets: relevance.facets });
      const years = (await everyHit(engine, '乡村振兴', { sort })).map((h) => h.year ?? 0);
      expect(years).toEqual([...years].sort((a, b) => (sort === 'newest' ? b - a : a - b)));
      expect((await everyHit(engine, '乡村振兴', { sort })).map((h) => h.id)).toEqual(byDate(all, sort));
    }
  });

  it('equals a brute-force sort of the whole matching set for random substrings, filters and pages', async () => {
    const engine = bundled[name].engine();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('newest' as const, 'oldest' as const),
        fc.nat(40),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom<SearchOptions>({}, { kind: 'paragraph' }, { year: 2024 }),
        async (at, len, sort, offset, limit, filters) => {
          const passage = passages[at % passages.length] as Passage;
          const start = at % Math.max(1, passage.text.length - len);
          const q = passage.text.slice(start, start + len).replace(/["“”「」『』\s:：()（）-]/gu, '');
          fc.pre(q.length > 0);
          const oracle = byDate(await everyHit(engine, q, filters), sort);
          const page = await engine.search(q, { ...filters, sort, offset, limit, suggest: false });
          expect(page.total).toBe(oracle.length);
          expect(page.hits.map((h) => h.id)).toEqual(oracle.slice(offset, offset + limit));
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
  });
});

describe('the two embedded backends sorted by date', () => {
  it('agree on every page of a phrase', async () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const [a, b] = await Promise.all([everyHit(bundled.postings.engine(), '"高质量发展"', { sort }), everyHit(bundled.minisearch.engine(), '"高质量发展"', { sort })]);
      expect(a.length).toBeGreaterThan(10);
      expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
    }
  });
});
