import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuerySet, type ClirQuerySet } from '../../src/eval/clir-queries.js';
import { judgeKey, paragraphsContaining, paragraphsOfPassage, reportParagraphs, reportText } from '../../src/eval/report-paragraphs.js';
import { openQueriesFile, ownQueriesFile, parallelCsv, repoRoot } from './paths.js';
import { describeWithShared } from '../shared-data.js';

/** The held-out set, written after the cross-language work was tuned on the other two. */
const heldoutQueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout.json');
/** The second held-out set, written after the first had been used for keep/revert decisions. */
const heldout2QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout2.json');
/** The third held-out set, written blind after the first two had both been judged. */
const heldout3QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout3.json');
/** The fourth held-out set, written blind after the first three had been judged. */
const heldout4QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout4.json');
/** The fifth held-out set, written blind after the first four had been judged. */
const heldout5QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout5.json');
/** The sixth held-out set, written blind after the first five had been judged. */
const heldout6QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout6.json');
/** The seventh held-out set, written blind after the first six had been judged. */
const heldout7QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout7.json');
/** The eighth held-out set, written blind in session 17 after the first seven had been judged. */
const heldout8QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout8.json');
/** The ninth held-out set, written blind in session 19 after the first eight had been judged. */
const heldout9QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout9.json');
/** The tenth held-out set, written blind in session 20 after the first nine had been judged. */
const heldout10QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout10.json');
/** The eleventh held-out set, written blind in session 24 after the first ten had been judged. */
const heldout11QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout11.json');
/** The twelfth held-out set, written blind in session 26 after the first eleven had been judged. */
const heldout12QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout12.json');
/** The thirteenth held-out set, written blind in session 31 after the first twelve had been judged. */
const heldout13QueriesFile = path.join(repoRoot, 'eval/clir-2025-heldout13.json');
/** The set of the other direction: English queries against the 2024 report, learned from 2025. */
const queries2024File = path.join(repoRoot, 'eval/clir-2024-queries.json');
/** The held-out set of the other direction, written blind, to be judged once. */
const heldout2024File = path.join(repoRoot, 'eval/clir-2024-heldout.json');
/** The second held-out set of the other direction, written blind after the first had been judged once. */
const heldout2024File2 = path.join(repoRoot, 'eval/clir-2024-heldout2.json');
/** The third held-out set of the other direction, written blind after the first two had each been judged once. */
const heldout2024File3 = path.join(repoRoot, 'eval/clir-2024-heldout3.json');
/** The fourth held-out set of the other direction, written blind after the earlier 2024 sets had been judged. */
const heldout2024File4 = path.join(repoRoot, 'eval/clir-2024-heldout4.json');
/** The fifth held-out set of the other direction, written blind in session 16 after the earlier 2024 sets had been judged. */
const heldout2024File5 = path.join(repoRoot, 'eval/clir-2024-heldout5.json');
/** The sixth held-out set of the other direction, written blind in session 16 after the earlier 2024 sets had been judged. */
const heldout2024File6 = path.join(repoRoot, 'eval/clir-2024-heldout6.json');
/** The seventh held-out set of the other direction, written blind in session 17 after the earlier 2024 sets had been judged. */
const heldout2024File7 = path.join(repoRoot, 'eval/clir-2024-heldout7.json');
/** The eighth held-out set of the other direction, written blind in session 19 after the earlier 2024 sets had been judged. */
const heldout2024File8 = path.join(repoRoot, 'eval/clir-2024-heldout8.json');
/** The ninth held-out set of the other direction, written blind in session 20 after the earlier 2024 sets had been judged. */
const heldout2024File9 = path.join(repoRoot, 'eval/clir-2024-heldout9.json');
/** The tenth held-out set of the other direction, written blind in session 24 after the earlier 2024 sets had been judged. */
const heldout2024File10 = path.join(repoRoot, 'eval/clir-2024-heldout10.json');
/** The eleventh held-out set of the other direction, written blind in session 26 after the earlier 2024 sets had been judged. */
const heldout2024File11 = path.join(repoRoot, 'eval/clir-2024-heldout11.json');
/** The twelfth held-out set of the other direction, written blind in session 31 after the earlier 2024 sets had been judged. */
const heldout2024File12 = path.join(repoRoot, 'eval/clir-2024-heldout12.json');

type Query = ClirQuerySet['queries'][number];

/**
 * What a held-out 2024 set shares with the 2025 set written at the same time, by kind (sorted): its queries the
 * other repeats, its queries with an expected term that contains or is contained in one of the other's, and the
 * other's queries with such a term.
 */
function sharedKinds(set2024: readonly Query[], set2025: readonly Query[]): { repeated: string[]; sharingTerms: string[]; termsShared: string[] } {
  const texts2025 = new Set(set2025.map((q) => q.q.toLowerCase()));
  const overlaps = (e: string, terms: string[]): boolean => terms.some((t) => t.includes(e) || e.includes(t));
  const [terms2024, terms2025] = [set2024.flatMap((q) => q.expect), set2025.flatMap((q) => q.expect)];
  const kinds = (queries: readonly Query[]): string[] => queries.map((q) => q.kind).sort();
  return {
    repeated: kinds(set2024.filter((q) => texts2025.has(q.q.toLowerCase()))),
    sharingTerms: kinds(set2024.filter((q) => q.expect.some((e) => overlaps(e, terms2025)))),
    termsShared: kinds(set2025.filter((q) => q.expect.some((e) => overlaps(e, terms2024)))),
  };
}

describeWithShared('corpora/parallel-zh-en', 'the parallel reports and the query sets', () => {
  const csv2025 = readFileSync(parallelCsv(2025), 'utf8');
  const paragraphs2025 = reportParagraphs(csv2025, 2025);
  const csv2024 = readFileSync(parallelCsv(2024), 'utf8');
  const paragraphs2024 = reportParagraphs(csv2024, 2024);
  const text2024 = paragraphs2024.map((p) => p.text).join('\n');
  const text2025 = paragraphs2025.map((p) => p.text).join('\n');

  /** The protocol's own words, done the plainest way: 中文 of each 年度文件内行号, concatenated in 段内对齐序号 order. */
  function bruteForceParagraphs(csv: string): Map<number, string> {
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const byNumber = new Map<number, Array<{ order: number; zh: string }>>();
    for (const r of rows) {
      const n = Number(r['年度文件内行号']);
      byNumber.set(n, [...(byNumber.get(n) ?? []), { order: Number(r['段内对齐序号']), zh: r['中文'] }]);
    }
    return new Map([...byNumber].map(([n, parts]) => [n, parts.sort((a, b) => a.order - b.order).map((p) => p.zh).join('')]));
  }

  describe('the 2025 report rebuilt from the parallel CSV', () => {
    it('has one paragraph per 年度文件内行号, in order, each the concatenation of its sentences', () => {
      const oracle = bruteForceParagraphs(csv2025);
      expect(paragraphs2025.map((p) => p.number)).toEqual([...oracle.keys()].sort((a, b) => a - b));
      for (const p of paragraphs2025) expect(p.text).toBe(oracle.get(p.number));
    });

    it('is written one paragraph a line, with no line break inside a paragraph', () => {
      const lines = reportText(paragraphs2025).split('\n');
      expect(lines.slice(0, -1)).toEqual(paragraphs2025.map((p) => p.text));
      expect(lines.at(-1)).toBe('');
    });

    it('rebuilds the 2024 report the same way', () => {
      const oracle = bruteForceParagraphs(csv2024);
      expect(paragraphs2024.map((p) => p.number)).toEqual([...oracle.keys()].sort((a, b) => a - b));
      for (const p of paragraphs2024) expect(p.text).toBe(oracle.get(p.number));
    });

    it('refuses a CSV without the columns, or without the year, with a coded error', () => {
      expect(() => reportParagraphs('a,b\n1,2\n', 2025)).toThrow(expect.objectContaining({ code: 'EVAL_CSV_INVALID' }));
      expect(() => reportParagraphs(csv2025, 1999)).toThrow(expect.objectContaining({ code: 'EVAL_REPORT_MISSING' }));
    });
  });

  describeWithShared('eval/open-clir-2025.json', 'the query sets against the rebuilt report', () => {
    const sets = [openQueriesFile, ownQueriesFile, heldoutQueriesFile, heldout2QueriesFile, heldout3QueriesFile, heldout4QueriesFile, heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile, heldout10QueriesFile, heldout11QueriesFile, heldout12QueriesFile, heldout13QueriesFile].map((f) => parseQuerySet(readFileSync(f, 'utf8'), f));
    const [open, own, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13] = sets;
    const countOfKind = (set: ClirQuerySet, kind: string): number => set.queries.filter((q) => q.kind === kind).length;

    it('list exactly the paragraphs that contain an expected substring', () => {
      for (const set of sets) {
        for (const q of set.queries) expect([q.q, paragraphsContaining(paragraphs2025, q.expect)]).toEqual([q.q, [...q.paragraphs].sort((a, b) => a - b)]);
      }
    });

    it('our own set has 20 queries of each kind, none repeating an open query', () => {
      for (const kind of ['common', 'specific', 'descriptive']) expect(countOfKind(own, kind)).toBe(20);
      const openTexts = new Set(open.queries.map((q) => q.q.toLowerCase()));
      expect(own.queries.filter((q) => openTexts.has(q.q.toLowerCase()))).toEqual([]);
    });

    /** A held-out set: 15 queries of each kind, 2 to 6 words, none repeating a query or sharing an expected term with `earlier`. */
    function expectHeldOut(set: ClirQuerySet, earlier: ClirQuerySet['queries']): void {
      for (const kind of ['common', 'specific', 'descriptive']) expect(countOfKind(set, kind)).toBe(15);
      const earlierTexts = new Set(earlier.map((q) => q.q.toLowerCase()));
      const earlierTerms = earlier.flatMap((q) => q.expect);
      expect(set.queries.filter((q) => earlierTexts.has(q.q.toLowerCase())).map((q) => q.q)).toEqual([]);
      const sharesTerm = (e: string): boolean => earlierTerms.some((t) => t.includes(e) || e.includes(t));
      expect(set.queries.filter((q) => q.expect.some(sharesTerm)).map((q) => q.q)).toEqual([]);
      const texts = set.queries.map((q) => q.q.toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
      expect(set.queries.filter((q) => q.q.split(/\s+/u).length < 2 || q.q.split(/\s+/u).length > 6).map((q) => q.q)).toEqual([]);
    }

    it('the held-out set has 15 queries of each kind, none repeating a query or an expected term of the other two sets', () => {
      expectHeldOut(heldout, [...open.queries, ...own.queries]);
    });

    it('the second held-out set has 15 queries of each kind, none repeating a query or an expected term of the other three sets', () => {
      expectHeldOut(heldout2, [...open.queries, ...own.queries, ...heldout.queries]);
    });

    it('the third held-out set has 15 queries of each kind, none repeating a query or an expected term of the other four sets', () => {
      expectHeldOut(heldout3, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries]);
    });

    it('the fourth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other five sets', () => {
      expectHeldOut(heldout4, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries]);
    });

    it('the fifth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other six sets', () => {
      expectHeldOut(heldout5, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries]);
    });

    it('the sixth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other seven sets', () => {
      expectHeldOut(heldout6, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries]);
    });

    it('the seventh held-out set has 15 queries of each kind, none repeating a query or an expected term of the other eight sets', () => {
      expectHeldOut(heldout7, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries]);
    });

    it('the eighth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other nine sets', () => {
      expectHeldOut(heldout8, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries]);
    });

    it('the ninth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other ten sets', () => {
      expectHeldOut(heldout9, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries, ...heldout8.queries]);
    });

    it('the tenth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other eleven sets', () => {
      expectHeldOut(heldout10, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries, ...heldout8.queries, ...heldout9.queries]);
    });

    it('the eleventh held-out set has 15 queries of each kind, none repeating a query or an expected term of the other twelve sets', () => {
      expectHeldOut(heldout11, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries, ...heldout8.queries, ...heldout9.queries, ...heldout10.queries]);
    });

    it('the twelfth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other thirteen sets', () => {
      expectHeldOut(heldout12, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries, ...heldout8.queries, ...heldout9.queries, ...heldout10.queries, ...heldout11.queries]);
    });

    it('the thirteenth held-out set has 15 queries of each kind, none repeating a query or an expected term of the other fourteen sets', () => {
      expectHeldOut(heldout13, [...open.queries, ...own.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries, ...heldout5.queries, ...heldout6.queries, ...heldout7.queries, ...heldout8.queries, ...heldout9.queries, ...heldout10.queries, ...heldout11.queries, ...heldout12.queries]);
    });

    it('our specific terms are absent from the 2024 report and our common terms present in it, in all our sets', () => {
      for (const set of [own, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13]) {
        expect(set.queries.filter((q) => q.kind === 'specific' && q.expect.some((e) => text2024.includes(e))).map((q) => q.q)).toEqual([]);
        expect(set.queries.filter((q) => q.kind === 'common' && !q.expect.every((e) => text2024.includes(e))).map((q) => q.q)).toEqual([]);
      }
    });
  });

  describeWithShared('eval/open-clir-2025.json', 'the 2024 query sets against the rebuilt 2024 report', () => {
    const set = parseQuerySet(readFileSync(queries2024File, 'utf8'), queries2024File);
    const heldout = parseQuerySet(readFileSync(heldout2024File, 'utf8'), heldout2024File);
    const heldout2 = parseQuerySet(readFileSync(heldout2024File2, 'utf8'), heldout2024File2);
    const heldout3 = parseQuerySet(readFileSync(heldout2024File3, 'utf8'), heldout2024File3);
    const heldout4 = parseQuerySet(readFileSync(heldout2024File4, 'utf8'), heldout2024File4);
    const heldout5 = parseQuerySet(readFileSync(heldout2024File5, 'utf8'), heldout2024File5);
    const heldout6 = parseQuerySet(readFileSync(heldout2024File6, 'utf8'), heldout2024File6);
    const heldout7 = parseQuerySet(readFileSync(heldout2024File7, 'utf8'), heldout2024File7);
    const heldout8 = parseQuerySet(readFileSync(heldout2024File8, 'utf8'), heldout2024File8);
    const heldout9 = parseQuerySet(readFileSync(heldout2024File9, 'utf8'), heldout2024File9);
    const heldout10 = parseQuerySet(readFileSync(heldout2024File10, 'utf8'), heldout2024File10);
    const heldout11 = parseQuerySet(readFileSync(heldout2024File11, 'utf8'), heldout2024File11);
    const heldout12 = parseQuerySet(readFileSync(heldout2024File12, 'utf8'), heldout2024File12);
    const words = (q: string): number => q.split(/\s+/u).length;
    const key2025 = judgeKey(text2025);
    const in2025 = (e: string): boolean => key2025.includes(judgeKey(e));
    /** Every query of the 2025 direction's sets, lower-cased. */
    const queries2025 = (): Set<string> =>
      new Set(
        [openQueriesFile, ownQueriesFile, heldoutQueriesFile, heldout2QueriesFile, heldout3QueriesFile, heldout4QueriesFile, heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile, heldout10QueriesFile, heldout11QueriesFile, heldout12QueriesFile, heldout13QueriesFile].flatMap((f) => parseQuerySet(readFileSync(f, 'utf8'), f).queries.map((q) => q.q.toLowerCase())),
      );

    /** Every expected term of the 2025 direction's sets. */
    const terms2025 = (): string[] =>
      [openQueriesFile, ownQueriesFile, heldoutQueriesFile, heldout2QueriesFile, heldout3QueriesFile, heldout4QueriesFile].flatMap((f) => parseQuerySet(readFileSync(f, 'utf8'), f).queries.flatMap((q) => q.expect));

    /** Its paragraphs are exactly those holding an expected substring, and each expected substring occurs. */
    function expectParagraphsExact(querySet: ClirQuerySet): void {
      for (const q of querySet.queries) {
        expect([q.q, paragraphsContaining(paragraphs2024, q.expect)]).toEqual([q.q, [...q.paragraphs].sort((a, b) => a - b)]);
        for (const e of q.expect) expect([q.q, e, paragraphsContaining(paragraphs2024, [e]).length > 0]).toEqual([q.q, e, true]);
      }
    }

    /** Its specific terms are absent from the 2025 report and its common terms present in it (after judgeKey). */
    function expectKindsAgainst2025(querySet: ClirQuerySet): void {
      expect(querySet.queries.filter((q) => q.kind === 'specific' && q.expect.some(in2025)).map((q) => q.q)).toEqual([]);
      expect(querySet.queries.filter((q) => q.kind === 'common' && !q.expect.every(in2025)).map((q) => q.q)).toEqual([]);
    }

    /** A held-out 2024 set: 15 queries of each kind, 2 to 6 words, none repeated within or repeating `earlier`, no expected term shared with `earlierTerms`. */
    function expectHeldOut(querySet: ClirQuerySet, earlier: ReadonlySet<string>, earlierTerms: readonly string[]): void {
      for (const kind of ['common', 'specific', 'descriptive']) expect([kind, querySet.queries.filter((q) => q.kind === kind).length]).toEqual([kind, 15]);
      expect(querySet.queries.length).toBe(45);
      expect(querySet.queries.filter((q) => words(q.q) < 2 || words(q.q) > 6).map((q) => q.q)).toEqual([]);
      const texts = querySet.queries.map((q) => q.q.toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.filter((t) => earlier.has(t))).toEqual([]);
      const sharesTerm = (e: string): boolean => earlierTerms.some((t) => t.includes(e) || e.includes(t));
      expect(querySet.queries.filter((q) => q.expect.some(sharesTerm)).map((q) => q.q)).toEqual([]);
    }

    /** The queries of a query file. */
    const queriesOf = (file: string): ClirQuerySet['queries'] => parseQuerySet(readFileSync(file, 'utf8'), file).queries;

    /**
     * A held-out 2024 set written after `earlier2024`, at the same time as the 2025 set in `simultaneous` (their
     * overlap is pinned apart): `expectHeldOut` against every other query, and against the expected terms of the
     * earlier 2024 sets, of `terms2025()` and of the 2025 sets `later2025` (those `terms2025()` leaves out).
     */
    function expectLaterHeldOut(querySet: ClirQuerySet, earlier2024: readonly ClirQuerySet[], simultaneous: string, later2025: readonly string[]): void {
      const earlierQueries = earlier2024.flatMap((s) => s.queries);
      const simultaneousTexts = new Set(queriesOf(simultaneous).map((q) => q.q.toLowerCase()));
      const earlier = new Set([...[...queries2025()].filter((q) => !simultaneousTexts.has(q)), ...earlierQueries.map((q) => q.q.toLowerCase())]);
      const laterTerms2025 = later2025.flatMap((f) => queriesOf(f).flatMap((q) => q.expect));
      expectHeldOut(querySet, earlier, [...earlierQueries.flatMap((q) => q.expect), ...terms2025(), ...laterTerms2025]);
    }

    /** A 2025 held-out set shares no query and no expected term with the 2024 sets `sets2024`. */
    function expectApartFrom2024(file2025: string, sets2024: readonly ClirQuerySet[]): void {
      const queries = queriesOf(file2025);
      const queries2024 = sets2024.flatMap((s) => s.queries);
      const texts2024 = new Set(queries2024.map((q) => q.q.toLowerCase()));
      const terms2024 = queries2024.flatMap((q) => q.expect);
      expect(queries.filter((q) => texts2024.has(q.q.toLowerCase())).map((q) => q.q)).toEqual([]);
      expect(queries.filter((q) => q.expect.some((e) => terms2024.some((t) => t.includes(e) || e.includes(t)))).map((q) => q.q)).toEqual([]);
    }

    it('lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(set);
    });

    it('has 20 queries of each kind, 2 to 6 words, none repeated, none repeating a query of the 2025 sets', () => {
      for (const kind of ['common', 'specific', 'descriptive']) expect(set.queries.filter((q) => q.kind === kind).length).toBe(20);
      expect(set.queries.length).toBe(60);
      expect(set.queries.filter((q) => words(q.q) < 2 || words(q.q) > 6).map((q) => q.q)).toEqual([]);
      const texts = set.queries.map((q) => q.q.toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
      const earlier = queries2025();
      expect(texts.filter((t) => earlier.has(t))).toEqual([]);
    });

    it('its specific terms are absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(set);
    });

    it('the held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout);
    });

    it('the held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with the own 2024 set', () => {
      const earlier = new Set([...queries2025(), ...set.queries.map((q) => q.q.toLowerCase())]);
      expectHeldOut(heldout, earlier, set.queries.flatMap((q) => q.expect));
    });

    it('the held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout);
    });

    it('the second held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout2);
    });

    it('the second held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with the two earlier 2024 sets', () => {
      const earlier = new Set([...queries2025(), ...[...set.queries, ...heldout.queries].map((q) => q.q.toLowerCase())]);
      expectHeldOut(heldout2, earlier, [...set.queries, ...heldout.queries].flatMap((q) => q.expect));
    });

    it('the second held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout2);
    });

    it('the third held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout3);
    });

    it('the third held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with the three earlier 2024 sets', () => {
      const earlier2024 = [...set.queries, ...heldout.queries, ...heldout2.queries];
      const earlier = new Set([...queries2025(), ...earlier2024.map((q) => q.q.toLowerCase())]);
      expectHeldOut(heldout3, earlier, earlier2024.flatMap((q) => q.expect));
    });

    it('the third held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout3);
    });

    it('the fourth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout4);
    });

    it('the fourth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      const earlier2024 = [...set.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries];
      const earlier = new Set([...queries2025(), ...earlier2024.map((q) => q.q.toLowerCase())]);
      expectHeldOut(heldout4, earlier, [...earlier2024.flatMap((q) => q.expect), ...terms2025()]);
    });

    it('the fourth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout4);
    });

    it('the fifth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout5);
    });

    it('the fifth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      const earlier2024 = [...set.queries, ...heldout.queries, ...heldout2.queries, ...heldout3.queries, ...heldout4.queries];
      const earlier = new Set([...queries2025(), ...earlier2024.map((q) => q.q.toLowerCase())]);
      // terms2025() leaves out the fifth 2025 held-out set; this set is checked against its terms too.
      const heldout5Terms2025 = parseQuerySet(readFileSync(heldout5QueriesFile, 'utf8'), heldout5QueriesFile).queries.flatMap((q) => q.expect);
      expectHeldOut(heldout5, earlier, [...earlier2024.flatMap((q) => q.expect), ...terms2025(), ...heldout5Terms2025]);
    });

    it('the fifth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout5);
    });

    it('the fifth held-out 2024 set, written at the same time as the sixth 2025 set, shares with it four common terms and nothing else', () => {
      const heldout6Terms = parseQuerySet(readFileSync(heldout6QueriesFile, 'utf8'), heldout6QueriesFile).queries.flatMap((q) => q.expect);
      const shared = heldout5.queries.filter((q) => q.expect.some((e) => heldout6Terms.some((t) => t.includes(e) || e.includes(t))));
      expect(shared.map((q) => q.kind)).toEqual(['common', 'common', 'common', 'common']);
    });

    it('the sixth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout6);
    });

    it('the sixth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 7 (2025) was written at the same time as this set: their overlap is pinned below. It shares no term
      // with held out 5 or 6 (2025).
      expectLaterHeldOut(heldout6, [set, heldout, heldout2, heldout3, heldout4, heldout5], heldout7QueriesFile, [heldout5QueriesFile, heldout6QueriesFile]);
    });

    it('the sixth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout6);
    });

    it('the sixth held-out 2024 set, written at the same time as the seventh 2025 set, shares with it one common query and three common terms, nothing else', () => {
      const heldout7 = parseQuerySet(readFileSync(heldout7QueriesFile, 'utf8'), heldout7QueriesFile).queries;
      const texts7 = new Set(heldout7.map((q) => q.q.toLowerCase()));
      const terms7 = heldout7.flatMap((q) => q.expect);
      expect(heldout6.queries.filter((q) => texts7.has(q.q.toLowerCase())).map((q) => q.kind)).toEqual(['common']);
      const shared = heldout6.queries.filter((q) => q.expect.some((e) => terms7.some((t) => t.includes(e) || e.includes(t))));
      expect(shared.map((q) => q.kind)).toEqual(['common', 'common', 'common']);
    });

    it('the eighth 2025 held-out set shares no query and no expected term with any earlier 2024 set', () => {
      // Held out 2024 7 was written at the same time as this set: their overlap is pinned below.
      expectApartFrom2024(heldout8QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6]);
    });

    it('the ninth 2025 held-out set shares no query and no expected term with any 2024 set', () => {
      expectApartFrom2024(heldout9QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7]);
    });

    it('the tenth 2025 held-out set shares no query and no expected term with any 2024 set', () => {
      expectApartFrom2024(heldout10QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8]);
    });

    it('the seventh held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout7);
    });

    it('the seventh held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 8 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout7, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6], heldout8QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile]);
    });

    it('the seventh held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout7);
    });

    it('the seventh held-out 2024 set, written at the same time as the eighth 2025 set, shares with it two common queries and five expected terms (each a common query’s in held out 8; four common and one descriptive in this set), nothing else', () => {
      expect(sharedKinds(heldout7.queries, queriesOf(heldout8QueriesFile))).toEqual({
        repeated: ['common', 'common'],
        sharingTerms: ['common', 'common', 'common', 'common', 'descriptive'],
        termsShared: ['common', 'common', 'common', 'common', 'common'],
      });
    });

    it('the eighth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout8);
    });

    it('the eighth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 9 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout8, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7], heldout9QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile]);
    });

    it('the eighth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout8);
    });

    it('the eighth held-out 2024 set, written at the same time as the ninth 2025 set, shares with it two common queries and the expected terms of five common queries in each, nothing else', () => {
      expect(sharedKinds(heldout8.queries, queriesOf(heldout9QueriesFile))).toEqual({
        repeated: ['common', 'common'],
        sharingTerms: ['common', 'common', 'common', 'common', 'common'],
        termsShared: ['common', 'common', 'common', 'common', 'common'],
      });
    });

    it('the ninth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout9);
    });

    it('the ninth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 10 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout9, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8], heldout10QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile]);
    });

    it('the ninth held-out 2024 set, written at the same time as the tenth 2025 set, shares with it one common query and the expected terms of three common queries in each, nothing else', () => {
      expect(sharedKinds(heldout9.queries, queriesOf(heldout10QueriesFile))).toEqual({
        repeated: ['common'],
        sharingTerms: ['common', 'common', 'common'],
        termsShared: ['common', 'common', 'common'],
      });
    });

    it('the ninth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout9);
    });

    it('the eleventh 2025 held-out set shares no query and no expected term with any 2024 set written before it', () => {
      // Held out 2024 10 was written at the same time as this set: their overlap is pinned below.
      expectApartFrom2024(heldout11QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9]);
    });

    it('the tenth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout10);
    });

    it('the tenth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 11 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout10, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9], heldout11QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile, heldout10QueriesFile]);
    });

    it('the tenth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout10);
    });

    it('the tenth held-out 2024 set, written at the same time as the eleventh 2025 set, shares with it two common queries and the expected terms of five queries in each, nothing else', () => {
      expect(sharedKinds(heldout10.queries, queriesOf(heldout11QueriesFile))).toEqual({
        repeated: ['common', 'common'],
        sharingTerms: ['common', 'common', 'common', 'common', 'specific'],
        termsShared: ['common', 'common', 'common', 'common', 'descriptive'],
      });
    });

    it('the twelfth 2025 held-out set shares no query and no expected term with any 2024 set written before it', () => {
      // Held out 2024 11 was written at the same time as this set: their overlap is pinned below.
      expectApartFrom2024(heldout12QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10]);
    });

    it('the eleventh held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout11);
    });

    it('the eleventh held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 12 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout11, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10], heldout12QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile, heldout10QueriesFile, heldout11QueriesFile]);
    });

    it('the eleventh held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout11);
    });

    it('the eleventh held-out 2024 set, written at the same time as the twelfth 2025 set, shares with it two common queries and their expected terms, nothing else', () => {
      expect(sharedKinds(heldout11.queries, queriesOf(heldout12QueriesFile))).toEqual({
        repeated: ['common', 'common'],
        sharingTerms: ['common', 'common'],
        termsShared: ['common', 'common'],
      });
    });

    it('the thirteenth 2025 held-out set shares no query and no expected term with any 2024 set written before it', () => {
      // Held out 2024 12 was written at the same time as this set: their overlap is pinned below.
      expectApartFrom2024(heldout13QueriesFile, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11]);
    });

    it('the twelfth held-out 2024 set lists exactly the 2024 paragraphs that contain an expected substring, each expected substring occurring', () => {
      expectParagraphsExact(heldout12);
    });

    it('the twelfth held-out 2024 set has 15 queries of each kind, 2 to 6 words, none repeating a query of any other set or sharing an expected term with any other set', () => {
      // Held out 13 (2025) was written at the same time as this set: their overlap is pinned below.
      expectLaterHeldOut(heldout12, [set, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11], heldout13QueriesFile, [heldout5QueriesFile, heldout6QueriesFile, heldout7QueriesFile, heldout8QueriesFile, heldout9QueriesFile, heldout10QueriesFile, heldout11QueriesFile, heldout12QueriesFile]);
    });

    it('the twelfth held-out 2024 set has its specific terms absent from the 2025 report and its common terms present in it', () => {
      expectKindsAgainst2025(heldout12);
    });

    it('the twelfth held-out 2024 set, written at the same time as the thirteenth 2025 set, shares with it two common queries and their expected terms, nothing else', () => {
      expect(sharedKinds(heldout12.queries, queriesOf(heldout13QueriesFile))).toEqual({
        repeated: ['common', 'common'],
        sharingTerms: ['common', 'common'],
        termsShared: ['common', 'common'],
      });
    });
  });

  describe('paragraphsOfPassage', () => {
    it('maps any piece of a paragraph back to that paragraph', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: paragraphs2025.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 60 }), (i, start, length) => {
          const p = paragraphs2025[i];
          const from = start % p.text.length;
          const piece = p.text.slice(from, from + length);
          fc.pre(piece.trim() !== '');
          expect(paragraphsOfPassage(paragraphs2025, piece)).toContain(p.number);
        }),
      );
    });

    it('maps a passage joining two paragraphs to both, and text from elsewhere to none', () => {
      const [a, b] = paragraphs2025.slice(40, 42);
      expect(paragraphsOfPassage(paragraphs2025, `${a.text}\n${b.text}`)).toEqual([a.number, b.number]);
      expect(paragraphsOfPassage(paragraphs2025, '西藏自治区第十一届人民代表大会')).toEqual([]);
    });
  });
});
