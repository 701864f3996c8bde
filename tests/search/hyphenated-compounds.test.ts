/**
 * Hyphenated English in parallel reports is found by the compound as written, by its joined form and by each
 * part, with highlights on the exact English text: on a small parallel CSV built here, and on the official
 * translations of the national reports (../shared/corpora/parallel-zh-en).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import { parallelCsv } from './parallel-fixture.js';
import type { Engine, SearchHit } from '../../src/search/types.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const PARALLEL_DIR = sharedPath('corpora/parallel-zh-en');

/** Paragraphs of the fixture report: Chinese and its English. */
const PARAGRAPHS: Array<[string, string]> = [
  [
    '生态旅游蓬勃发展，大骨节病得到控制。',
    "Eco-tourism grew; Kashin-Beck disease was curbed with state-of-the-art care. High-quality, China-Africa and " +
      "zero-carbon projects went ahead after COVID-19, and Chang'e-6 returned.",
  ],
  ['推动高质量发展。', 'We will pursue high-quality development.'],
  ['推动经济高质量发展。', 'We will pursue high quality development of the economy.'],
  ['发展生态旅游。', 'We will develop ecotourism in pastoral areas.'],
  ['加强边境管理。', 'We will strengthen border management.'],
];


const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The English words a hit's English highlights cover. */
const highlightedEn = (hit: SearchHit): string[] => (hit.textEnHighlights ?? []).map(([start, end]) => (hit.textEn ?? '').slice(start, end));

/** The hit whose English contains `needle`, among every hit of `query` (null when there is none). */
async function hitWithEnglish(engine: Engine, query: string, needle: string): Promise<SearchHit | null> {
  const { hits } = await engine.search(query, { limit: 100 });
  return hits.find((hit) => hit.textEn?.includes(needle)) ?? null;
}

describe('hyphenated English compounds in a parallel report', () => {
  let engine: Engine;
  beforeAll(async () => {
    const corpus = tempDir('compounds-corpus-');
    writeFileSync(path.join(corpus, 'compounds.csv'), parallelCsv(PARAGRAPHS));
    engine = await openEngine({ corpusDirs: [corpus], indexDir: tempDir('compounds-index-') });
  });
  afterAll(async () => engine.close());

  const passage = PARAGRAPHS[0][1];
  // [as written, written as one word, a part]: the joined form highlights the compound, the part only itself.
  const forms: Array<[string, string, string, string]> = [
    ['Eco-tourism', 'ecotourism', 'tourism', 'Eco-tourism'],
    ['Kashin-Beck', 'KashinBeck', 'Beck', 'Kashin-Beck'],
    ['state-of-the-art', 'stateoftheart', 'art', 'state-of-the-art'],
    ['high-quality', 'highquality', 'quality', 'High-quality'],
    ['China-Africa', 'ChinaAfrica', 'Africa', 'China-Africa'],
    ['zero-carbon', 'zerocarbon', 'carbon', 'zero-carbon'],
    ['COVID-19', 'COVID19', 'COVID', 'COVID-19'],
    ["Chang'e-6", "Chang'e6", "Chang'e", "Chang'e-6"],
  ];

  it.each(forms)('finds the passage by %s as written, and by its part %s', async (whole, _joined, part) => {
    expect(await hitWithEnglish(engine, whole, passage), whole).not.toBeNull();
    const byPart = await hitWithEnglish(engine, part, passage);
    expect(highlightedEn(byPart ?? ({} as SearchHit))).toContain(part);
  });

  // Joined forms with digits (`COVID19`) are searched as codes, by exact substring: they are left to the query side.
  it.each(forms.filter(([, joined]) => !/\d/.test(joined)))('finds %s written as one word, highlighting the whole compound', async (_whole, joined, _part, surface) => {
    const hit = await hitWithEnglish(engine, joined, passage);
    expect(highlightedEn(hit ?? ({} as SearchHit))).toContain(surface);
  });

  it('finds a joined word written hyphenated and as one word by its joined form', async () => {
    const { hits } = await engine.search('ecotourism', { limit: 100 });
    expect(hits.flatMap(highlightedEn).sort()).toEqual(['Eco-tourism', 'ecotourism']);
  });

  it('finds text written hyphenated and written with spaces by a query written hyphenated', async () => {
    const { hits } = await engine.search('high-quality development', { limit: 100 });
    const english = hits.map((hit) => hit.textEn ?? '');
    expect(english).toContain(PARAGRAPHS[1][1]);
    expect(english).toContain(PARAGRAPHS[2][1]);
    expect(english).not.toContain(PARAGRAPHS[4][1]);
    const spaced = hits.find((hit) => hit.textEn === PARAGRAPHS[2][1]);
    expect(highlightedEn(spaced ?? ({} as SearchHit))).toEqual(['high', 'quality', 'development']);
  });
});

describeWithShared('corpora/parallel-zh-en', 'hyphenated English compounds in the official translations of the national reports', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ corpusDirs: [PARALLEL_DIR], indexDir: tempDir('compounds-national-') });
  });
  afterAll(async () => engine.close());

  it.each([
    ['carbon', 'zero-carbon', 'carbon'],
    ['zerocarbon', 'zero-carbon', 'zero-carbon'],
    ['Africa', 'China-Africa', 'Africa'],
    ['ChinaAfrica', 'China-Africa', 'China-Africa'],
    ["Chang'e", "Chang'e-6", "Chang'e"],
    ['Covid', 'Covid-19', 'Covid'],
  ])('finds %s inside %s, highlighting exactly %s', async (query, compound, highlighted) => {
    const hit = await hitWithEnglish(engine, query, compound);
    expect(hit, query).not.toBeNull();
    const text = hit?.textEn ?? '';
    const inCompound = (hit?.textEnHighlights ?? []).filter(([start, end]) => {
      const at = text.lastIndexOf(compound, end);
      return at !== -1 && at <= start && end <= at + compound.length;
    });
    expect(inCompound.map(([start, end]) => text.slice(start, end))).toContain(highlighted);
  });

  it('finds every passage whose English says high-quality development, by that query written hyphenated', async () => {
    const { hits, total } = await engine.search('high-quality development', { limit: 100 });
    expect(total).toBeLessThanOrEqual(100);
    const found = new Set(hits.map((hit) => hit.id));
    const passages = (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
    const saying = passages.filter((p) => /high[- ]quality development/iu.test(p.textEn ?? ''));
    expect(saying.length).toBeGreaterThan(10);
    expect(saying.filter((p) => !found.has(p.id)).map((p) => p.id)).toEqual([]);
    // The English highlights of those passages mark the parts inside the hyphenated compound.
    for (const hit of hits.filter((h) => /high-quality development/iu.test(h.textEn ?? ''))) {
      expect(highlightedEn(hit).map((w) => w.toLowerCase())).toContain('quality');
    }
  });
}, { tags: ['slow'] });
