/**
 * One author in every citation of a report: the page's Chinese citation, the RIS and BibTeX exports and the
 * rendered page's `citation_author` / `DC.creator` tags all credit whom `authorOf` names, whether or not the
 * report's region is known. Real reports of the bundled corpus, their region and issuer varied.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { authorOf, citePassage } from '../../src/search/citation.js';
import { regionName } from '../../src/search/region-names.js';
import type { PassageView } from '../../src/search/types.js';
import { cslItem, formatCitation } from '../../src/server/export-citation.js';
import { join } from '../../src/server/render/markup.js';
import { citationMeta } from '../../src/server/render/meta.js';
import { REPO_ROOT } from './test-engine.js';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'corpus/manifest.json'), 'utf8')) as DocMeta[];

/** A paragraph of a report, paged. */
function passageOf(doc: DocMeta): Passage {
  return { id: `${doc.id}-p0042`, docId: doc.id, ordinal: 42, kind: 'paragraph', sectionPath: [], text: '正文', start: 0, end: 2, paragraph: 30, page: 12, pageEnd: 13 };
}

/** Whom each path credits: the page's citation (its text before the first `. `), RIS, BibTeX and the meta tags. */
async function creditsOf(doc: DocMeta): Promise<Record<string, string | undefined>> {
  const passage = passageOf(doc);
  const citation = citePassage(doc, passage);
  const view: PassageView = { passage, doc: { ...doc, checksum: '' }, prevId: null, nextId: null, citation, url: `/p/${passage.id}` };
  const item = cslItem(view, 'https://x.org/p/a', new Date('2025-03-01T00:00:00Z'));
  const ris = await formatCitation(item, 'ris');
  const bibtex = await formatCitation(item, 'bibtex');
  const $ = load(join(citationMeta(view, 'https://x.org/p/a')).html);
  return {
    page: citation.zh.slice(0, citation.zh.indexOf('. ')),
    ris: /^AU {2}- (.*)$/m.exec(ris)?.[1]?.trim(),
    bibtex: /author = \{\{(.*)\}\}/.exec(bibtex)?.[1],
    citation_author: $('meta[name="citation_author"]').attr('content'),
    'DC.creator': $('meta[name="DC.creator"]').attr('content'),
  };
}

describe('the author of a report, in every citation', () => {
  const variants = manifest.flatMap((doc) => [
    doc,
    { ...doc, region: 'Atlantis' },
    { ...doc, region: 'Atlantis', issuer: 'Council of Atlantis' },
    { ...doc, region: 'Atlantis', issuer: null },
  ]);

  it('is the same on the page, in RIS, in BibTeX and in the meta tags, known region or not', async () => {
    expect(variants.length).toBeGreaterThanOrEqual(8);
    for (const doc of variants) {
      const expected = authorOf(doc, regionName(doc.region)).zh;
      const credits = await creditsOf(doc);
      expect(credits, `${doc.id} of ${doc.region} by ${doc.issuer}`).toEqual({ page: expected, ris: expected, bibtex: expected, citation_author: expected, 'DC.creator': expected });
    }
  });

  it('credits 佚名 for a report of an unknown region whose speaker is named in Chinese, not the speaker', async () => {
    const doc = manifest.find((d) => d.issuer !== null && /\p{Script=Han}/u.test(d.issuer));
    expect(doc).toBeDefined();
    const credits = await creditsOf({ ...doc!, region: 'Atlantis' });
    expect(new Set(Object.values(credits))).toEqual(new Set(['佚名']));
  });

  it('credits the government of a known region, and a speaker written in Latin letters when the region is unknown', async () => {
    expect(new Set(Object.values(await creditsOf(manifest[0]!)))).toEqual(new Set(['西藏自治区人民政府']));
    expect(new Set(Object.values(await creditsOf({ ...manifest[0]!, region: 'Atlantis', issuer: 'Council of Atlantis' })))).toEqual(new Set(['Council of Atlantis']));
  });
});

describe('a report in traditional characters, in every citation', () => {
  const traditional: DocMeta = { ...manifest.find((d) => d.id === 'xizang-2020-government-work-report')!, title: '2020年西藏自治區政府工作報告' };

  it('credits its government in its script on the page, in RIS, in BibTeX and in the meta tags', async () => {
    expect(new Set(Object.values(await creditsOf(traditional)))).toEqual(new Set(['西藏自治區人民政府']));
  });

  it('names its publisher and place in its script in the exports and meta tags, and its language as traditional Chinese', async () => {
    const passage = passageOf(traditional);
    const view: PassageView = { passage, doc: { ...traditional, checksum: '' }, prevId: null, nextId: null, citation: citePassage(traditional, passage), url: '/p/x' };
    const item = cslItem(view, 'https://x.org/p/a', new Date('2025-03-01T00:00:00Z'));
    expect(item).toMatchObject({ publisher: '西藏自治區人民政府', 'publisher-place': '拉薩', language: 'zh-Hant' });
    const ris = await formatCitation(item, 'ris');
    expect(ris).toMatch(/^PB {2}- 西藏自治區人民政府$/m);
    expect(ris).toMatch(/^CY {2}- 拉薩$/m);
    const $ = load(join(citationMeta(view, 'https://x.org/p/a')).html);
    expect($('meta[name="citation_publisher"]').attr('content')).toBe('西藏自治區人民政府');
    expect($('meta[name="DC.publisher"]').attr('content')).toBe('西藏自治區人民政府');
  });
});

describe('a resolution of a people\'s congress, in every citation', () => {
  const resolution: DocMeta = {
    id: 'national-2025-npc-resolution', title: '第十四届全国人民代表大会第三次会议关于政府工作报告的决议',
    titleEn: "Resolution of the National People's Congress on the Report on the Work of the Government (2025)",
    type: 'resolution', region: 'China (national)', year: 2025, date: null, issuer: '第十四届全国人民代表大会第三次会议',
    language: 'zh', file: 'national.jsonl', checksum: 'sha256:0',
  };

  it('credits the session that adopted it, not the State Council whose report it approves', async () => {
    expect(new Set(Object.values(await creditsOf(resolution)))).toEqual(new Set(['第十四届全国人民代表大会第三次会议']));
    const citation = citePassage(resolution, passageOf(resolution));
    expect(citation.zh).not.toContain('国务院');
    expect(citation.zh).toContain('[R]. 北京: 全国人民代表大会, 2025');
    expect(citation.en).toMatch(/^Third Session of the 14th National People's Congress\. \(2025\)\./);
    expect(citation.en).not.toContain('State Council');
  });
});

describe('the pages of a passage, in the exports', () => {
  it('are the range the citation gives, in CSL-JSON', () => {
    const doc = manifest[0]!;
    const passage = passageOf(doc);
    const view: PassageView = { passage, doc: { ...doc, checksum: '' }, prevId: null, nextId: null, citation: citePassage(doc, passage), url: '/p/x' };
    expect(cslItem(view, 'https://x.org/p/a', new Date()).page).toBe('12-13');
    expect(cslItem({ ...view, passage: { ...passage, pageEnd: 12 } }, 'https://x.org/p/a', new Date()).page).toBe('12');
    expect(cslItem({ ...view, passage: { ...passage, page: undefined, pageEnd: undefined } }, 'https://x.org/p/a', new Date()).page).toBeUndefined();
  });
});
