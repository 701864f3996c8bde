/**
 * A record for a reference manager says its free text in the record's own language: the report's kind (RIS `M3`,
 * BibTeX `type`, CSL `genre`, which Zotero imports as the report type) and the locator in the note. A Chinese
 * report (and a parallel one, whose title and record are Chinese) had the catalogue's English kind,
 * `government work report`, beside its Chinese title; a report in English had the Chinese locator 第3段 in its note.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { citePassage } from '../../src/search/citation.js';
import { cslItem, formatCitation } from '../../src/server/export-citation.js';
import { createApp } from '../../src/server/app.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';
import { REPO_ROOT } from './test-engine.js';

const ENGLISH_REPORT = [
  'Report on the Work of the Government',
  "Delivered at the Third Session of the 14th National People's Congress of the People's Republic of China on March 5, 2025",
  'Li Qiang\nPremier of the State Council',
  'Fellow Deputies,',
  'On behalf of the State Council, I will now report to you on the work of the government for your deliberation and approval.',
  'I. A Review of Our Work in 2024',
  'Last year was a crucial year for achieving the objectives of the 14th Five-Year Plan. We advanced rural revitalization across the board.',
].join('\n\n');

let corpus: TempCorpusEngine;
let app: Express;

beforeAll(async () => {
  corpus = await openTempCorpusEngine(
    {
      'xizang-2024-government-work-report.txt': readFileSync(path.join(REPO_ROOT, 'corpus/xizang-2024-government-work-report.txt'), 'utf8'),
      'national-2025-report-en.txt': ENGLISH_REPORT,
    },
    'citation-language-',
  );
  app = createApp(corpus.engine, { log: () => {} });
}, 120_000);
afterAll(() => corpus?.dispose());

/** The three records of the first passage of report `doc` a query finds. */
async function recordsOf(q: string, doc: string): Promise<{ ris: string; bibtex: string; csl: Record<string, unknown> }> {
  const { hits } = (await request(app).get(`/api/search?q=${encodeURIComponent(q)}&doc=${doc}&limit=1`).expect(200)).body as { hits: Array<{ id: string }> };
  const file = async (format: string): Promise<string> => (await request(app).get(`/api/passages/${hits[0]?.id}/citation?format=${format}`).expect(200)).text;
  return { ris: await file('ris'), bibtex: await file('bibtex'), csl: (JSON.parse(await file('csl-json')) as Array<Record<string, unknown>>)[0] ?? {} };
}

const risField = (ris: string, tag: string): string | undefined => new RegExp(`^${tag} {2}- (.*)$`, 'm').exec(ris)?.[1];
const bibField = (bibtex: string, name: string): string | undefined => new RegExp(`^\\t${name} = \\{(.*)\\},$`, 'm').exec(bibtex)?.[1];

describe('the free text of a citation record, in the record\'s language', () => {
  it('names a Chinese report\'s kind in Chinese, in RIS, BibTeX and CSL-JSON', async () => {
    const { ris, bibtex, csl } = await recordsOf('乡村振兴', 'xizang-2024-government-work-report');
    expect(csl.language).toBe('zh-CN');
    expect(risField(ris, 'LA')).toBe('zh-CN');
    expect([risField(ris, 'M3'), bibField(bibtex, 'type'), csl.genre]).toEqual(['政府工作报告', '政府工作报告', '政府工作报告']);
    expect(risField(ris, 'N1')).toMatch(/^第\d+段；/);
  });

  it('names a report in English its kind and its paragraph in English', async () => {
    const { ris, bibtex, csl } = await recordsOf('revitalization', 'national-2025-government-work-report-en');
    expect(csl.language).toBe('en');
    expect(risField(ris, 'TI')).toBe('Report on the Work of the Government');
    expect([risField(ris, 'M3'), bibField(bibtex, 'type'), csl.genre]).toEqual(['Government work report', 'Government work report', 'Government work report']);
    expect(risField(ris, 'N1')).toBe('para. 3; I. A Review of Our Work in 2024');
    expect(csl.note).toBe('para. 3; I. A Review of Our Work in 2024');
    expect(csl.locator).toBe('3');
  });

  it('names a report in English its author, publisher and place in English, as its English citation does', async () => {
    const english = await recordsOf('revitalization', 'national-2025-government-work-report-en');
    expect([english.csl.author, english.csl.publisher, english.csl['publisher-place']]).toEqual([[{ literal: "State Council of the People's Republic of China" }], "State Council of the People's Republic of China", 'Beijing']);
    expect([risField(english.ris, 'AU'), risField(english.ris, 'PB'), risField(english.ris, 'CY')]).toEqual(["State Council of the People's Republic of China", "State Council of the People's Republic of China", 'Beijing']);
    expect(english.ris).not.toMatch(/\p{Script=Han}/u);
    // The passage's page tells a reference manager the same, in its Highwire tags.
    const { hits } = (await request(app).get('/api/search?q=revitalization&doc=national-2025-government-work-report-en&limit=1').expect(200)).body as { hits: Array<{ id: string }> };
    const page = (await request(app).get(`/p/${hits[0]?.id}`).expect(200)).text;
    const meta = (name: string): string | undefined => new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(page)?.[1];
    expect([meta('citation_author'), meta('citation_publisher')]).toEqual(['State Council of the People&#39;s Republic of China', 'State Council of the People&#39;s Republic of China']);
    const chinese = await recordsOf('乡村振兴', 'xizang-2024-government-work-report');
    expect([chinese.csl.author, chinese.csl.publisher, chinese.csl['publisher-place']]).toEqual([[{ literal: '西藏自治区人民政府' }], '西藏自治区人民政府', '拉萨']);
  });

  it('names the kind in the title\'s script, and leaves out a kind it cannot name in the record\'s language', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'corpus/manifest.json'), 'utf8')) as DocMeta[];
    const doc = manifest.find((d) => d.type === 'government work report' && d.language === 'zh') as DocMeta;
    const passage: Passage = { id: `${doc.id}-p0042`, docId: doc.id, ordinal: 42, kind: 'paragraph', sectionPath: [], text: '正文', start: 0, end: 2, paragraph: 30 };
    const item = (meta: DocMeta) => cslItem({ passage, doc: meta, prevId: null, nextId: null, citation: citePassage(meta, passage), url: '/p/x' }, 'https://x.org/p/x', new Date('2025-03-01T00:00:00Z'));
    expect(item({ ...doc, title: '2020年西藏自治區政府工作報告' }).genre).toBe('政府工作報告');
    expect(item({ ...doc, language: 'zh-en' }).genre).toBe('政府工作报告');
    expect(item({ ...doc, type: 'five-year plan' }).genre).toBe('五年规划');
    expect(item({ ...doc, type: 'white paper' }).genre).toBeUndefined();
    expect(item({ ...doc, type: '白皮书' }).genre).toBe('白皮书');
    expect(item({ ...doc, language: 'en', title: 'White Paper', type: 'white paper' }).genre).toBe('White paper');
    expect(await formatCitation(item({ ...doc, type: 'white paper' }), 'ris')).not.toMatch(/^M3 /m);
  });
});
