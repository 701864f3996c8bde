import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/model.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { REPO_ROOT } from '../../src/paths.js';
import { phraseOf } from '../../src/search/research.js';
import type { Engine } from '../../src/search/types.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { wordOffsets } from '../../src/text/word-edges.js';
import { openTestEngine, type TestEngine } from '../server/test-engine.js';

let engine: Engine;
let opened: TestEngine;
let passages: Passage[];
const yearOf = new Map<string, number | null>();

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  for (const d of engine.documents()) yearOf.set(d.id, d.year);
  passages = (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
}, 120_000);
afterAll(() => opened?.dispose());

/**
 * Non-overlapping occurrences of a key in a text, at the edges of words where the key begins or ends with a Latin
 * letter or a digit (`word-edges.ts`, checked against a regular expression in tests/text/word-edges.test.ts).
 */
const occurrences = (text: string, key: string): number => wordOffsets(text, phraseKey(text), key).length;

/** The brute force: every passage of the corpus, its text and English text, scanned for the phrase's key. */
function bruteForce(phrase: string): { total: number; byYear: Map<number | null, number> } {
  const key = phraseKey(phrase);
  const byYear = new Map<number | null, number>();
  let total = 0;
  for (const p of passages) {
    const n = occurrences(p.text, key) + occurrences(p.textEn ?? '', key);
    const year = yearOf.get(p.docId) ?? null;
    byYear.set(year, (byYear.get(year) ?? 0) + n);
    total += n;
  }
  return { total, byYear };
}

/** A random stretch of 1–8 characters of a random passage (its English text for some). */
const phraseArb = fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 8 }), fc.boolean()).map(([i, at, len, english]) => {
  const p = passages[i % passages.length] as Passage;
  const chars = Array.from(english && p.textEn ? p.textEn : p.text);
  const start = Math.floor(at * Math.max(0, chars.length - len));
  return chars.slice(start, start + len).join('');
});

describe('concordance', () => {
  it('counts every occurrence of a random phrase, as a scan of every passage does', { tags: ['slow'], timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(phraseArb, async (phrase) => {
        const key = phraseKey(phrase);
        fc.pre(/[\p{L}\p{N}]/u.test(key) && !/["“”「」『』＂|｜:：]|^[-－]|\bOR\b/u.test(phrase) && phrase.trim() === phrase);
        const quoted = `"${phrase}"`;
        const { total } = await engine.concordance(quoted, { limit: 1 });
        expect(total).toBe(bruteForce(phrase).total);
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('gives one line per occurrence, each line holding the phrase as written in its passage', async () => {
    const { total, lines, passages: holding } = await engine.concordance('乡村振兴', { limit: 10_000 });
    expect(total).toBe(bruteForce('乡村振兴').total);
    expect(lines).toHaveLength(total);
    expect(holding).toBe(new Set(lines.map((l) => l.passageId)).size);
    const byId = new Map(passages.map((p) => [p.id, p]));
    for (const line of lines) {
      expect(phraseKey(line.match)).toBe('乡村振兴');
      expect(byId.get(line.passageId)?.text).toContain(line.left + line.match + line.right);
      expect(line.year).toBe(yearOf.get(line.docId));
    }
  });

  it('keeps at most `context` characters on each side', async () => {
    const { lines } = await engine.concordance('发展', { context: 5, limit: 500 });
    for (const line of lines) {
      expect(Array.from(line.left).length).toBeLessThanOrEqual(5);
      expect(Array.from(line.right).length).toBeLessThanOrEqual(5);
    }
    expect(lines.some((l) => Array.from(l.left).length === 5)).toBe(true);
  });

  it('sorts by the context read leftwards, by the context read rightwards, and by year', async () => {
    const all = async (sort: 'left' | 'right' | 'year') => (await engine.concordance('发展', { sort, limit: 10_000, context: 200 })).lines;
    const rightKeys = (await all('right')).map((l) => phraseKey(l.right).slice(0, 40));
    expect(rightKeys).toEqual([...rightKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const leftKeys = (await all('left')).map((l) => Array.from(phraseKey(l.left)).reverse().join('').slice(0, 40));
    expect(leftKeys).toEqual([...leftKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const years = (await all('year')).map((l) => l.year ?? Infinity);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('pages without overlap or gap', async () => {
    const whole = (await engine.concordance('西藏', { limit: 300, sort: 'right' })).lines;
    const paged = [
      ...(await engine.concordance('西藏', { limit: 100, offset: 0, sort: 'right' })).lines,
      ...(await engine.concordance('西藏', { limit: 100, offset: 100, sort: 'right' })).lines,
      ...(await engine.concordance('西藏', { limit: 100, offset: 200, sort: 'right' })).lines,
    ];
    expect(paged).toEqual(whole);
  });

  it('applies the filters written in the query and given as options', async () => {
    const year = engine.documents().find((d) => d.year !== null)?.year ?? 0;
    const filtered = await engine.concordance(`乡村振兴 year:${year}`, { limit: 1 });
    expect(filtered.total).toBe(bruteForce('乡村振兴').byYear.get(year) ?? 0);
    expect((await engine.concordance('乡村振兴', { year, limit: 1 })).total).toBe(filtered.total);
  });

  it('refuses OR, exclusions, proximity operators and queries of punctuation only', () => {
    expect(() => phraseOf('旅游 OR 文化')).toThrow(/one word or phrase/);
    expect(() => phraseOf('教育 -学前教育')).toThrow(/one word or phrase/);
    expect(() => phraseOf('“，。”')).toThrow(/nothing to search for/);
    // A proximity search is two phrases, not one: its operator is no text to look for (`边境near/10小康`).
    for (const q of ['边境 NEAR/10 小康', '旅游 /s 生态', '"高质量发展" /p 改革']) expect(() => phraseOf(q)).toThrow(/NEAR\/n/);
    expect(phraseOf('"乡村振兴" year:2024')).toMatchObject({ phrase: '乡村振兴', key: '乡村振兴', filters: { year: 2024 } });
  });
});

describe('trend', () => {
  it('lists every year from the first to the last, and sums to the concordance total', async () => {
    const dated = engine.documents().flatMap((d) => (d.year === null ? [] : [d.year]));
    for (const q of ['乡村振兴', '发展', 'tourism', '"高质量发展"']) {
      const series = await engine.trend(q);
      expect(series.years.map((y) => y.year)).toEqual(Array.from({ length: Math.max(...dated) - Math.min(...dated) + 1 }, (_, i) => Math.min(...dated) + i));
      const sum = series.years.reduce((s, y) => s + y.occurrences, 0) + series.undated.occurrences;
      expect(sum).toBe(series.total);
      expect(series.total).toBe((await engine.concordance(q, { limit: 1 })).total);
      const brute = bruteForce(q.replace(/"/g, ''));
      for (const y of series.years) expect(y.occurrences).toBe(brute.byYear.get(y.year) ?? 0);
    }
  });

  it('marks years without reports as gaps and gives occurrences per 10,000 characters', async () => {
    const { years } = await engine.trend('发展');
    for (const y of years) {
      if (y.reports === 0) {
        expect(y).toMatchObject({ chars: 0, occurrences: 0, perTenThousand: null });
      } else {
        expect(y.perTenThousand).toBeCloseTo((y.occurrences / y.chars) * 10_000, 2);
        const chars = passages.filter((p) => yearOf.get(p.docId) === y.year).reduce((s, p) => s + Array.from((p.text + (p.textEn ?? '')).replace(/\s/gu, '')).length, 0);
        expect(y.chars).toBe(chars);
      }
    }
  });

  it('counts a filtered trend over what its filters admit: one report, one kind, their years alone', async () => {
    const charsOf = (p: Passage): number => Array.from((p.text + (p.textEn ?? '')).replace(/\s/gu, '')).length;
    for (const doc of engine.documents().filter((d) => d.year !== null)) {
      for (const kind of [undefined, 'paragraph', 'table'] as const) {
        const q = `发展 doc:${doc.id}${kind ? ` kind:${kind}` : ''}`;
        const series = await engine.trend(q);
        const admitted = passages.filter((p) => p.docId === doc.id && (kind === undefined || p.kind === kind));
        // The report's year alone, its characters those of the passages admitted, the rate over them.
        expect(series.years.map((y) => [y.year, y.reports, y.chars]), q).toEqual([[doc.year, 1, admitted.reduce((s, p) => s + charsOf(p), 0)]]);
        const year = series.years[0]!;
        expect(year.occurrences).toBe(series.total - series.undated.occurrences);
        if (year.chars > 0) expect(year.perTenThousand).toBeCloseTo((year.occurrences / year.chars) * 10_000, 2);
      }
    }
  });
});
