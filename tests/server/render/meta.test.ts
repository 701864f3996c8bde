import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../../src/model.js';
import { citePassage } from '../../../src/search/citation.js';
import type { PassageView } from '../../../src/search/types.js';
import { join } from '../../../src/server/render/markup.js';
import { citationMeta, trimmed } from '../../../src/server/render/meta.js';
import { reportRow } from '../../../src/server/render/library.js';
import { REPO_ROOT } from '../test-engine.js';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'corpus/manifest.json'), 'utf8')) as DocMeta[];
const doc2023 = manifest.find((d) => d.id === 'xizang-2023-plan-report')!;

/** A passage of a paged source, as the PDF reader gives it (pages 12 to 13). */
const paged: Passage = { id: `${doc2023.id}-p0042`, docId: doc2023.id, ordinal: 42, kind: 'paragraph', sectionPath: [], text: '正文', start: 0, end: 2, paragraph: 30, page: 12, pageEnd: 13 };

function tags(view: PassageView): Map<string, string> {
  const $ = load(join(citationMeta(view, 'https://x.org/p/a')).html);
  return new Map($('meta').toArray().map((m) => [$(m).attr('name')!, $(m).attr('content')!]));
}

describe('citation meta tags', () => {
  it('give the first and last page of a paged passage, the date as given and the issuing body', () => {
    const view: PassageView = { passage: paged, doc: { ...doc2023, checksum: '' }, prevId: null, nextId: null, citation: citePassage(doc2023, paged), url: `/p/${paged.id}` };
    const meta = tags(view);
    expect(meta.get('citation_firstpage')).toBe('12');
    expect(meta.get('citation_lastpage')).toBe('13');
    expect(meta.get('citation_publication_date')).toBe('2023/01'); // the manifest gives a month only
    expect(meta.get('DC.date')).toBe('2023-01');
    expect(meta.get('citation_author')).toBe('西藏自治区人民政府');
  });

  it('fall back to the year and the issuer as given when the report has no date and no known region', () => {
    const doc: DocMeta = { ...doc2023, region: 'Atlantis', date: null, issuer: 'Council of Atlantis' };
    const meta = tags({ passage: { ...paged, page: undefined, pageEnd: undefined }, doc, prevId: null, nextId: null, citation: citePassage(doc, paged), url: '/p/x' });
    expect(meta.get('citation_publication_date')).toBe('2023');
    expect(meta.get('citation_author')).toBe('Council of Atlantis');
    expect(meta.has('citation_firstpage')).toBe(false);
  });

  it('trim a description on characters, not UTF-16 units, and collapse whitespace', () => {
    expect(trimmed('𠀀'.repeat(201))).toBe(`${'𠀀'.repeat(200)}…`);
    expect(trimmed(' a \n\t b ')).toBe('a b');
  });
});

describe('a report row of the library', () => {
  it('counts distinct paragraph numbers and the pages any passage covers', () => {
    const p = (ordinal: number, paragraph: number | null, page?: number, pageEnd?: number): Passage => ({ ...paged, id: `x-p${ordinal}`, ordinal, paragraph, page, pageEnd });
    const row = reportRow(doc2023, [p(0, null, 1, 1), p(1, 1, 1, 2), p(2, 1, 2, 2), p(3, 2, 4, 4)]);
    expect(row).toMatchObject({ firstId: 'x-p0', paragraphs: 2, pages: 3 });
    expect(reportRow(doc2023, [{ ...paged, page: undefined, pageEnd: undefined }]).pages).toBeNull();
    expect(reportRow(doc2023, [])).toMatchObject({ firstId: null, paragraphs: 0, pages: null });
  });
});
