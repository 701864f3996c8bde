import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT } from '../../src/chunk/split.js';
import type { Passage } from '../../src/model.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';

/** A report whose one body paragraph has no punctuation and runs past the hard bound: it is cut into pieces. */
function pathologicalReport(): { text: string; paragraph: string } {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = '甲乙丙丁戊己';
  const paragraph = `${Array.from({ length: DEFAULT_SPLIT.max * 2 + 500 }, () => alphabet[next() % alphabet.length]).join('')}。`;
  return { text: `测试报告\n\n各位代表：\n\n${paragraph}\n\n谢谢大家。\n`, paragraph };
}

let engine: Engine;
let dir: string;
let pieces: Passage[];
const { text, paragraph } = pathologicalReport();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cut-phrases-'));
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'pathological-2024-report.txt'), text);
  engine = await openEngine({ corpusDirs: [corpus], indexDir: path.join(dir, 'index') });
  const doc = engine.documents()[0];
  const passages = (await engine.document(doc.id))?.passages ?? [];
  const first = passages.find((p) => p.text.startsWith(paragraph.slice(0, 20)));
  pieces = passages.filter((p) => p.paragraph === first?.paragraph);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The brute-force answer: pieces holding the phrase, and pieces where an occurrence across a cut begins. */
function expectedIds(phrase: string): string[] {
  return pieces
    .filter((p, k) => {
      const next = pieces[k + 1];
      const joined = next ? p.text + next.text.slice(0, phrase.length - 1) : p.text;
      for (let i = joined.indexOf(phrase); i !== -1; i = joined.indexOf(phrase, i + 1)) if (i < p.text.length) return true;
      return false;
    })
    .map((p) => p.id);
}

describe('a quoted phrase across a forced cut', () => {
  it('cuts the paragraph into pieces that share its paragraph number', () => {
    expect(pieces.length).toBe(3);
    expect(new Set(pieces.map((p) => p.paragraph)).size).toBe(1);
    expect(pieces.map((p) => p.text).join('')).toBe(paragraph);
  });

  it('finds the phrase that straddles each cut, in the piece where it begins', async () => {
    for (const [k, piece] of pieces.slice(0, -1).entries()) {
      const cut = pieces.slice(0, k + 1).reduce((n, p) => n + p.text.length, 0);
      const phrase = paragraph.slice(cut - 10, cut + 10);
      const res = await engine.search(`"${phrase}"`, { limit: 100 });
      expect(res.hits.map((h) => h.id)).toContain(piece.id);
      expect(res.total).toBe(expectedIds(phrase).length);
    }
  });

  it('returns exactly the pieces a brute-force scan finds, for any phrase of the paragraph', async () => {
    // Half the phrases start within reach of a cut (at every multiple of the bound: no punctuation here).
    const nearCut = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 13 })).map(([n, back]) => n * DEFAULT_SPLIT.max - back);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.nat(paragraph.length - 2), nearCut), fc.integer({ min: 2, max: 14 }), async (at, len) => {
        const phrase = paragraph.slice(at, at + len);
        const res = await engine.search(`"${phrase}"`, { limit: 100 });
        expect(res.hits.map((h) => h.id).sort()).toEqual(expectedIds(phrase).sort());
        expect(res.total).toBe(expectedIds(phrase).length);
      }),
      { numRuns: 60 },
    );
  });
});
