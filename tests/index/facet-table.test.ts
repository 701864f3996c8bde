/**
 * The facet table's newest year and kind order (what the Sphinx backend's pruned searches read), against a
 * brute-force scan of the facts recorded, written in place or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PassageFacts } from '../../src/index/backend.js';
import { FACETS_JSON, FacetTable } from '../../src/index/facet-table.js';
import { PASSAGE_KINDS } from '../../src/model.js';

const fact = fc.record({
  docId: fc.constantFrom('a', 'b', 'c'),
  year: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }),
  kind: fc.constantFrom(...PASSAGE_KINDS),
});

/** The newest year among facts, by a scan. */
const newestOf = (facts: readonly PassageFacts[]): number | null =>
  facts.reduce<number | null>((best, f) => (f.year !== null && (best === null || f.year > best) ? f.year : best), null);

/** The facets of `ids` by a scan: documents and kinds in the order first recorded (`history`), years with a count. */
function facetsOf(facts: readonly PassageFacts[], ids: readonly number[], history: readonly PassageFacts[] = facts) {
  const docOrder = [...new Set(history.map((f) => f.docId))];
  const doc: Record<string, number> = {};
  for (const d of docOrder) {
    const n = ids.filter((p) => facts[p].docId === d).length;
    if (n > 0) doc[d] = n;
  }
  const year: Record<number, number> = {};
  for (const p of ids) if (facts[p].year !== null) year[facts[p].year as number] = (year[facts[p].year as number] ?? 0) + 1;
  const kindOrder = [...new Set(history.map((f) => f.kind))];
  const kind: Record<string, number> = {};
  for (const k of kindOrder) {
    const n = ids.filter((p) => facts[p].kind === k).length;
    if (n > 0) kind[k] = n;
  }
  return { doc, year, kind };
}

describe('FacetTable', () => {
  it('writes its facets as JSON.stringify would without making their objects, until one is read', () => {
    // Report ids an object orders apart (array indexes first, ascending: '2012', '0'; not '07' or 2^32 - 1) or
    // JSON escapes.
    const docId = fc.oneof(fc.constantFrom('2012', '0', '07', '4294967295', '4294967294', 'a"b', '<报告>&', 'report-1'), fc.string({ maxLength: 4 }));
    const anyFact = fc.record({ docId, year: fact.map((f) => f.year), kind: fact.map((f) => f.kind) });
    fc.assert(
      fc.property(fc.array(anyFact, { minLength: 1, maxLength: 120 }), fc.array(fc.nat()), (facts, picks) => {
        const table = new FacetTable(facts);
        const ids = [...new Set(picks.map((i) => i % facts.length))].sort((a, b) => a - b);
        const facets = table.count(ids) as ReturnType<FacetTable['count']> & { [FACETS_JSON]: () => string | null };
        expect(facets[FACETS_JSON]()).toBe(JSON.stringify(facetsOf(facts, ids)));
        expect(JSON.stringify(facets)).toBe(JSON.stringify(facetsOf(facts, ids)));
        // Read (and so open to change): its JSON is JSON.stringify's again.
        expect(facets[FACETS_JSON]()).toBeNull();
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('gives every facets object the same accessors, so that V8 gives them one hidden class, and keeps each object\'s own counts', () => {
    const facts: PassageFacts[] = [
      { docId: 'a', year: 2024, kind: 'paragraph' },
      { docId: 'b', year: 2025, kind: 'table' },
    ];
    const table = new FacetTable(facts);
    const first = table.count([0]);
    const second = table.count([1]);
    for (const name of ['doc', 'year', 'kind'] as const) {
      const [one, two] = [Object.getOwnPropertyDescriptor(first, name), Object.getOwnPropertyDescriptor(second, name)];
      expect(one?.get).toBeTypeOf('function');
      expect(one?.get).toBe(two?.get);
      expect(one?.set).toBe(two?.set);
    }
    expect(Object.keys(first)).toEqual(['doc', 'year', 'kind']);
    expect(first).toStrictEqual({ doc: { a: 1 }, year: { 2024: 1 }, kind: { paragraph: 1 } });
    expect(second).toStrictEqual({ doc: { b: 1 }, year: { 2025: 1 }, kind: { table: 1 } });
    // A facet set replaces the counted one, and the JSON is then JSON.stringify's.
    second.doc = { c: 3 };
    expect(second.doc).toEqual({ c: 3 });
    expect((second as typeof second & { [FACETS_JSON]: () => string | null })[FACETS_JSON]()).toBeNull();
    expect(JSON.stringify(second)).toBe('{"doc":{"c":3},"year":{"2025":1},"kind":{"table":1}}');
  });

  it('counts the facets of any passages as a scan does, documents in the order first recorded, as plain objects', () => {
    // Many documents, so that a count adds dozens of keys to its object of documents.
    const manyDocs = fc.record({ docId: fc.integer({ min: 0, max: 80 }).map((d) => `report-${d}`), year: fact.map((f) => f.year), kind: fact.map((f) => f.kind) });
    fc.assert(
      fc.property(fc.array(manyDocs, { minLength: 1, maxLength: 300 }), fc.array(fc.nat()), (facts, picks) => {
        const table = new FacetTable(facts);
        const ids = [...new Set(picks.map((i) => i % facts.length))].sort((a, b) => a - b);
        const expected = facetsOf(facts, ids);
        for (const asked of [ids, Uint32Array.from(ids)]) {
          const facets = table.count(asked);
          expect(facets).toStrictEqual(expected);
          expect(JSON.stringify(facets)).toBe(JSON.stringify(expected));
          expect(Object.getPrototypeOf(facets.doc)).toBe(Object.prototype);
        }
      }),
      { numRuns: 200, seed: 43 },
    );
  });


  it('counts as a scan does after passages are written in place: rewritten, appended, beyond the end', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat({ max: 90 }), fact), { maxLength: 30 }),
        fc.array(fc.nat()),
        (initial, writes, picks) => {
          const table = new FacetTable(initial);
          const facts: Array<PassageFacts | undefined> = [...initial];
          // Every fact recorded, in order: the table names documents and kinds in the order first recorded.
          const history: PassageFacts[] = [...initial];
          for (const [p, f] of writes) {
            table.set(p, f);
            facts[p] = f;
            history.push(f);
          }
          // A hole left by a write beyond the end holds the table's zero facts: leave it out of the ids.
          const held = facts.flatMap((f, p) => (f ? [p] : []));
          const ids = [...new Set(picks.map((i) => held[i % held.length]))].sort((a, b) => a - b);
          const expected = facetsOf(facts as PassageFacts[], ids, history);
          expect(JSON.stringify(table.count(ids))).toBe(JSON.stringify(expected));
          expect(table.count(Uint32Array.from(ids))).toStrictEqual(expected);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('names the newest year and the kinds in first-recorded order, as its facet counts list them', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), fc.array(fact, { maxLength: 10 }), (initial, written) => {
        const table = new FacetTable(initial);
        written.forEach((f, i) => table.set(initial.length + i, f));
        const all = [...initial, ...written];
        expect(table.newestYear()).toBe(newestOf(all));
        expect(table.kindOrder()).toEqual([...new Set(all.map((f) => f.kind))]);
        const counted = Object.keys(table.count(all.map((_, p) => p)).kind);
        expect(counted).toEqual([...table.kindOrder()]);
      }),
    );
  });

  it('keeps a year it once held when its passage is rewritten (as the prior it weighs does)', () => {
    const table = new FacetTable([{ docId: 'a', year: 2024, kind: 'paragraph' }]);
    table.set(0, { docId: 'a', year: 2020, kind: 'heading' });
    expect(table.newestYear()).toBe(2024);
    expect(table.kindOrder()).toEqual(['paragraph', 'heading']);
  });
});
