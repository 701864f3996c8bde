/**
 * No call in src/ spreads an array that can be large into its arguments (`push(...xs)`, `Math.max(...xs)`):
 * past ~100k elements that throws `RangeError: Maximum call stack size exceeded` (the audit's 500 on a
 * passage repeating a word 150,000 times). The audit (`spread-audit.ts`) finds every spread argument; each
 * one left is bounded by something small, written next to it, and a new one fails this test until someone
 * reviews it (or writes a loop instead).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './regex-audit.js';
import { findSpreadCalls } from './spread-audit.js';
import { REPO_ROOT } from './helpers.js';

const QUERY = 'bounded by the query (at most 500 characters)';
const TUPLE = 'a [byteOffset, length] pair';

/** Spread arguments that are small, and why. Keyed by file, callee and spread (not line, which moves). */
const REVIEWED: Record<string, string> = {
  'src/index/match-set.ts seen.labels.push(...m.labels)': `the expansions of one query that matched one passage, ${QUERY}`,
  'src/index/postings-file.ts new Uint32Array(...slice(f.sections.offsets, 4))': TUPLE,
  'src/index/postings-file.ts new Uint32Array(...slice(f.sections.docs, 4))': TUPLE,
  'src/index/postings-file.ts new Uint16Array(...slice(f.sections.tfs, 2))': TUPLE,
  'src/index/postings-file.ts new Uint32Array(...slice(f.sections.lengths, 4))': TUPLE,
  'src/index/postings-file.ts new Uint32Array(...slice(c.offsets, 4))': TUPLE,
  'src/index/sphinx/writes.ts Math.max(...highest)': 'one number per shard of the cluster',
  'src/cli/lexicon.ts args.excludeYears.push(...years)': 'the years named on the command line',
  'src/crosslang/corpus-lexicon.ts Math.max(...present.map((l) => l.maxWords))': 'one number per lexicon combined (two)',
  'src/crosslang/expand.ts span.push(...between)': 'the stopwords between two words of a query (a few)',
  'src/crosslang/phrase-pairs.ts pair.en.slice(...span.en)': 'a [start, end] pair',
  'src/crosslang/phrase-pairs.ts pair.zh.slice(...span.zh)': 'a [start, end] pair',
  'src/search/did-you-mean.ts Math.max(...options.map((o) => o.length))': QUERY,
  'src/search/did-you-mean.ts together.push(...run)': QUERY,
  'src/search/did-you-mean.ts apart.push(...run)': QUERY,
  'src/search/did-you-mean.ts Math.max(...fixes.map((f) => f.length))': QUERY,
  'src/search/plan.ts out.alternatives.push(...p.alternatives)': QUERY,
  'src/search/plan.ts out.keys.push(...p.keys)': QUERY,
  'src/search/plan.ts out.terms.push(...p.terms)': QUERY,
  'src/search/plan.ts out.expansions.push(...p.expansions)': QUERY,
  'src/search/plan.ts terms.push(...analysis.compounds.map((t) => t.term))': QUERY,
  'src/search/plan.ts found.alternatives.push(...crossCutAlternatives(unit.text, corpus))': QUERY,
  'src/search/senses.ts out.push(...(await presentUnits(unit.parts, evidence)))': QUERY,
  'src/search/senses.ts Math.max(...counts)': 'at most WEIGHED (6) senses of one concept',
};

const all = sourceFiles(path.join(REPO_ROOT, 'src')).flatMap((file) =>
  findSpreadCalls(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file).split(path.sep).join('/')),
);
const keyOf = (s: { where: string; callee: string; spread: string }): string => `${s.where.replace(/:\d+$/, '')} ${s.callee}(...${s.spread})`;

describe('the spread audit', () => {
  it('finds spread arguments of calls and constructors, and passes rest parameters and array or object spreads', () => {
    const code = [
      'a.push(...b); const f = (...r) => [...r, { ...o }];',
      'function g(...z: number[]) { return Math.max(...z, 1); }',
      'const low = p ? Math.min(...present) : null; // Math.min(...comment)',
      'class A { m(...a: string[]): void { new Uint8Array(...pair); } }',
      'const h = async (...q) => `${f(...m)} "x(...y)"`;',
    ].join('\n');
    expect(findSpreadCalls(code, 'x.ts').map(keyOf)).toEqual([
      'x.ts a.push(...b)',
      'x.ts Math.max(...z)',
      'x.ts Math.min(...present)',
      'x.ts new Uint8Array(...pair)',
      'x.ts f(...m)',
    ]);
  });

  it('sees the spreads of src/', () => {
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((s) => s.where.startsWith('src/search/plan.ts') && s.callee === 'out.keys.push')).toBe(true);
  });
});

describe('the spread arguments of src/', () => {
  it('are all reviewed as small (a large array is appended in a loop instead)', () => {
    expect(all.map(keyOf).filter((key) => !(key in REVIEWED))).toEqual([]);
    // The review list holds only spreads that still exist.
    expect(Object.keys(REVIEWED).filter((key) => !all.map(keyOf).includes(key))).toEqual([]);
  });
});
