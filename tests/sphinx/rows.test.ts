import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { attributeFilter, passageOfRow, RowBuilder } from '../../src/index/sphinx/rows.js';
import { fieldText } from '../../src/index/sphinx/term-codec.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import type { DocMeta, Passage } from '../../src/model.js';
import { analyze, analyzeWords } from '../../src/text/analyzer.js';
import { REPO_ROOT } from '../../scripts/sphinx/throwaway-cluster.js';

let docs: DocMeta[];
let passages: Passage[];

beforeAll(async () => {
  const read = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
  docs = read.docs.map((d) => d.meta);
  passages = read.docs.flatMap((d) => chunkDocument(d));
});

describe('passages as Sphinx rows', () => {
  it('carries the analyzer terms of each field as tokens, with the position + 1 as id and the facts as attributes', () => {
    const builder = new RowBuilder(docs);
    for (const index of [0, 1, Math.floor(passages.length / 2), passages.length - 1]) {
      const passage = passages[index] as Passage;
      const { row, wordTerms } = builder.row(passage, index);
      const analyzed = analyze(passage.text);
      const doc = docs.findIndex((d) => d.id === passage.docId);
      expect(row.id).toBe(index + 1);
      expect(row.pid).toBe(passage.id);
      expect(row.doc).toBe(doc + 1);
      expect(row.year).toBe(docs[doc]?.year ?? 0);
      expect(row.words).toBe(fieldText('words', analyzed.words.map((t) => t.term)));
      expect(row.bigrams).toBe(fieldText('bigrams', analyzed.bigrams.map((t) => t.term)));
      expect(row.heading).toBe(fieldText('heading', analyzeWords(passage.sectionPath.at(-1) ?? '').map((t) => t.term)));
      expect(new Set(wordTerms)).toEqual(new Set(analyzed.words.map((t) => t.term)));
      expect(row.bigrams.length).toBeGreaterThan(0);
    }
  });

  it('gives back the passage a row was made from, its pages and the breaks between them included', () => {
    const builder = new RowBuilder(docs);
    const docIds = docs.map((d) => d.id);
    const paged = { ...(passages[5] as Passage), page: 12, pageEnd: 14, pageBreaks: [[10, 13], [40, 14]] as Array<[number, number]> };
    for (const [index, passage] of [[5, paged], [6, passages[6] as Passage]] as const) {
      const { row } = builder.row(passage, index);
      expect(passageOfRow(row as unknown as Record<string, unknown>, docIds).passage).toEqual(passage);
    }
  });

  it('turns filters into attribute conditions, and filters nothing can pass into null', () => {
    const ordinals = new Map(docs.map((d, i) => [d.id, i + 1]));
    const first = docs[0]?.id ?? '';
    expect(attributeFilter({}, ordinals)).toEqual({ conditions: [] });
    expect(attributeFilter({ doc: first, year: 2024, kind: 'heading' }, ordinals)).toEqual({ conditions: ['doc=1', 'year=2024', 'kind=2'] });
    expect(attributeFilter({ doc: 'no-such-report' }, ordinals)).toBeNull();
    expect(attributeFilter({ year: 0 }, ordinals)).toBeNull();
    expect(attributeFilter({ year: 2024.5 }, ordinals)).toBeNull();
    expect(attributeFilter({ docs: [docs[2]?.id ?? '', 'no-such-report', first] }, ordinals)).toEqual({ conditions: ['doc IN (3,1)'] });
    expect(attributeFilter({ docs: ['no-such-report'] }, ordinals)).toBeNull();
  });
});
