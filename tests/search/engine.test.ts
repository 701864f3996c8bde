import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationBaseUrl } from '../../src/search/engine.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { REPO_ROOT } from '../../src/paths.js';
import type { Engine, SearchHit } from '../../src/search/types.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { openTestEngine, type TestEngine } from '../server/test-engine.js';
import { useBundledEngine } from './bundled-engine.js';
import { holdsPhrase } from '../../bench/exactness.js';
import { phraseKey } from '../../src/text/analyzer.js';

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
const count = (hay: string, needle: string): number => {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

let engine: Engine;
let opened: TestEngine;

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
});
afterAll(() => opened?.dispose());

/** Every hit of a query, page by page. */
async function allHits(query: string): Promise<{ total: number; hits: SearchHit[] }> {
  const hits: SearchHit[] = [];
  let total = 0;
  for (let offset = 0; offset < 5000; offset += 100) {
    const res = await engine.search(query, { limit: 100, offset });
    total = res.total;
    hits.push(...res.hits);
    if (res.hits.length === 0 || hits.length >= total) break;
  }
  return { total, hits };
}

/** All passages of the corpus, from the engine's own document API. */
async function allPassages() {
  return (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
}

describe('exact phrases', () => {
  it('returns exactly the passages that contain a random substring of a seed, with an exact total', { tags: ['slow'] }, async () => {
    const passages = await allPassages();
    const docs = engine.documents().map((d) => passages.filter((p) => p.docId === d.id).map((p) => p.text).join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.nat(docs.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2, max: 12 }), async (d, at, len) => {
        const text = docs[d] ?? '';
        const start = Math.floor(at * Math.max(0, text.length - len));
        const sub = text.slice(start, start + len);
        const key = phraseKey(sub);
        fc.pre(key.length >= 2 && !/["“”「」『』]/u.test(sub));
        const expected = passages.filter((p) => holdsPhrase(p, key)).map((p) => p.id).sort();
        const { total, hits } = await allHits(`"${sub}"`);
        expect(total).toBe(expected.length);
        expect(hits.map((h) => h.id).sort()).toEqual(expected);
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('finds a phrase cut by a line break in the source as one passage', async () => {
    const { hits } = await allHits('"列席的同志提出意见"');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => squash(h.text).includes('列席的同志提出意见'))).toBe(true);
  });

  describeWithShared('eval/open-queries.json', 'the open evaluation phrases', () => {
    it('matches the occurrence counts of the open evaluation phrases', async () => {
      const open = JSON.parse(readFileSync(sharedPath('eval/open-queries.json'), 'utf8')) as {
        phrases: Array<{ phrase: string; occurrences: number; occurrencesOutsideToc: number }>;
      };
      for (const p of open.phrases) {
        const needle = squash(p.phrase);
        const { total, hits } = await allHits(`"${p.phrase}"`);
        const isToc = (h: SearchHit) => h.kind === 'toc' || /\.{5}|…{2}/.test(h.text);
        const body = hits.filter((h) => !isToc(h)).reduce((a, h) => a + count(squash(h.text), needle), 0);
        const toc = hits.filter(isToc).reduce((a, h) => a + count(squash(h.text), needle), 0);
        expect({ phrase: p.phrase, body, tocOk: toc === 0 || toc === p.occurrences - p.occurrencesOutsideToc, total })
          .toEqual({ phrase: p.phrase, body: p.occurrencesOutsideToc, tocOk: true, total: hits.length });
      }
    });
  });

  it('highlights exactly the phrase in the original text', async () => {
    const { hits } = await allHits('"高质量发展"');
    for (const hit of hits) {
      expect(hit.textHighlights!.length).toBeGreaterThan(0);
      for (const [s, e] of hit.textHighlights!) expect(squash(hit.text.slice(s, e))).toBe('高质量发展');
      for (const [s, e] of hit.highlights) expect(squash(hit.snippet.slice(s, e))).toBe('高质量发展');
    }
  });
});

describe('words, traditional characters and English', () => {
  it('answers a traditional-character query with the same passages as its simplified form', async () => {
    for (const [trad, simp] of [['脫貧攻堅', '脱贫攻坚'], ['民族團結', '民族团结'], ['鄉村振興', '乡村振兴']]) {
      const a = await allHits(trad ?? '');
      const b = await allHits(simp ?? '');
      expect(a.total).toBeGreaterThan(0);
      expect(a.hits.map((h) => h.id).sort()).toEqual(b.hits.map((h) => h.id).sort());
    }
  });

  it('requires every word of an unquoted query', async () => {
    const { hits } = await allHits('旅游 边境');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(squash(h.text)).toMatch(/旅游[\s\S]*边境|边境[\s\S]*旅游/u);
  });

  it('excludes a word with a minus sign', async () => {
    const all = (await allHits('教育')).total;
    const { hits, total } = await allHits('教育 -学前教育');
    expect(total).toBeLessThan(all);
    for (const h of hits) expect(squash(h.text)).not.toContain('学前教育');
  });

  it('unions alternatives joined by OR', async () => {
    const a = (await allHits('"青稞"')).total;
    const b = (await allHits('"光伏"')).total;
    const both = (await allHits('"青稞" "光伏"')).total;
    expect((await allHits('青稞 OR 光伏')).total).toBe(a + b - both);
  });

  it('finds the Chinese passages of an English query and says what it also searched', async () => {
    const res = await engine.search('Asian water tower');
    expect(res.hits.some((h) => squash(h.text).includes('亚洲水塔'))).toBe(true);
    expect(res.expansions.some((e) => e.to === '亚洲水塔')).toBe(true);
  });

  it('finds 减税 for "tax cuts": CC-CEDICT defines it as "to reduce the tax rate", and cut is reduce', async () => {
    const res = await engine.search('tax cuts', { limit: 10 });
    expect(res.concepts?.map((c) => c.en)).toEqual(['tax', 'cuts']);
    for (const concept of res.concepts ?? []) expect(concept.terms.map((t) => t.zh)).toContain('减税');
    expect(res.hits.filter((h) => squash(h.text).includes('减税')).length).toBeGreaterThan(2);
  });

  it('finds a word the reports write with one character: tea is 茶 where they never say 茶叶', async () => {
    const res = await engine.search('tea', { limit: 100 });
    const passages = await allPassages();
    const withTea = passages.filter((p) => squash(p.text).includes('茶'));
    expect(passages.some((p) => squash(p.text).includes('茶叶'))).toBe(false);
    expect(res.concepts?.[0]?.terms.map((t) => t.zh)).toEqual(['茶']);
    expect(new Set(res.hits.map((h) => h.id))).toEqual(new Set(withTea.map((p) => p.id)));
  });

  it('filters by year, document and kind, and counts facets for the same query', async () => {
    const res = await engine.search('西藏', { limit: 5 });
    const years = Object.keys(res.facets.year);
    expect(years.length).toBeGreaterThan(1);
    const year = Number(years[0]);
    const filtered = await engine.search('西藏', { year, limit: 100 });
    expect(filtered.total).toBe(res.facets.year[String(year)]);
    expect(filtered.hits.every((h) => h.year === year)).toBe(true);
    const inQuery = await engine.search(`西藏 year:${year}`, { limit: 1 });
    expect(inQuery.total).toBe(filtered.total);
    const docId = Object.keys(res.facets.doc)[0] ?? '';
    expect((await engine.search('西藏', { doc: docId })).total).toBe(res.facets.doc[docId]);
    expect((await engine.search('西藏 kind:heading')).hits.every((h) => h.kind === 'heading')).toBe(true);
  });

  it('answers a query that normalizes to nothing with no hits and a notice', async () => {
    const res = await engine.search('，。！');
    expect(res.total).toBe(0);
    expect(res.notice).toBeTruthy();
  });

  it('pages through results without overlap', async () => {
    const first = (await engine.search('西藏', { limit: 10, offset: 0 })).hits.map((h) => h.id);
    const second = (await engine.search('西藏', { limit: 10, offset: 10 })).hits.map((h) => h.id);
    expect(first).toHaveLength(10);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });
});

describe('paragraph numbers and citations of hits', () => {
  it('gives each hit the paragraph number a reader counts, and cites it by that number', async () => {
    const hit = (await engine.search('"公共文化服务取得新业绩"', { doc: 'xizang-2020-government-work-report' })).hits[0];
    expect(hit?.paragraph).toBe(25);
    expect(hit?.citation.zh).toContain('第25段');
    expect(hit?.citation.en).toContain('para. 25');
    expect(hit?.page).toBeUndefined();
  });

  it('gives headings no paragraph number', async () => {
    const hits = (await engine.search('坚定不移打赢三大攻坚战', { kind: 'heading' })).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.paragraph).toBeNull();
  });

  it('cites the report printed in the gazette as an article of its issue, titled and dated from its own opening', async () => {
    const hit = (await engine.search('"日喀则定日县发生6.8级地震"')).hits[0];
    expect(hit?.citation.zh).toBe(
      '西藏自治区人民政府. 政府工作报告: 2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上[J]. 西藏自治区人民政府公报, 2025(1): 第2段.',
    );
    expect(hit?.citation.en).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('the fields of a hit', () => {
  const online = useBundledEngine({ baseUrl: 'https://reports.example.org/' });
  const HEAD = ['id', 'docId', 'docTitle', 'docTitleEn', 'year', 'sectionPath', 'kind', 'paragraph', 'text', 'snippet', 'highlights'];

  it('lists them in one order, the highlights of the whole text and the public address only when there are some', async () => {
    const cases = [
      { hits: (await engine.search('"高质量发展"', { fields: ['text'] })).hits, fields: [...HEAD, 'textHighlights', 'score', 'url', 'citation'] },
      { hits: (await engine.search('"高质量发展"', { fields: [] })).hits, fields: [...HEAD, 'score', 'url', 'citation'] },
      { hits: (await online.engine().search('"高质量发展"', { fields: [] })).hits, fields: [...HEAD, 'score', 'url', 'publicUrl', 'citation'] },
    ];
    for (const { hits, fields } of cases) {
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(Object.keys(hit).slice(0, fields.length)).toEqual(fields);
    }
    const hit = cases[2]?.hits[0];
    expect(hit?.publicUrl).toBe(`https://reports.example.org${hit?.url}`);
    // Cited online: the permalink and the day of access.
    expect(hit?.citation.zh).toContain(`${hit?.publicUrl}`);
    expect(hit?.citation.zh).toMatch(/\[\d{4}-\d{2}-\d{2}\]/u);
  });
});

describe('passages, documents and suggestions', () => {
  it('gives each passage its neighbours and a citation', async () => {
    const hit = (await engine.search('"亚洲水塔"')).hits[0];
    expect(hit).toBeDefined();
    const view = await engine.passage(hit?.id ?? '');
    expect(view?.passage.text).toBe(hit?.text);
    expect(view?.citation.zh).toContain('[R]');
    expect(view?.prevId === null || typeof view?.prevId === 'string').toBe(true);
    expect(await engine.passage('no-such-passage')).toBeNull();
  });

  it('finds every passage by its id, with the ids of its neighbours in the same report, and nothing by a near miss', async () => {
    const passages = await allPassages();
    for (const [i, passage] of passages.entries()) {
      const view = await engine.passage(passage.id);
      const prev = passages[i - 1];
      const next = passages[i + 1];
      expect(view?.passage).toEqual(passage);
      expect(view?.doc.id).toBe(passage.docId);
      expect(view?.prevId).toBe(prev?.docId === passage.docId ? prev.id : null);
      expect(view?.nextId).toBe(next?.docId === passage.docId ? next.id : null);
    }
    const first = passages[0]?.id ?? '';
    const docId = passages[0]?.docId ?? '';
    const count = passages.filter((p) => p.docId === docId).length;
    for (const miss of [first.replace(/-p0+/, '-p'), `${docId}-p${String(count).padStart(4, '0')}`, `${docId}-p00000`, `${docId}p0000`, '-p0000', `${first}x`]) {
      expect(await engine.passage(miss)).toBeNull();
    }
  });

  it('cites online only under an absolute http(s) base URL', async () => {
    expect(citationBaseUrl('https://reports.example.org/')).toBe('https://reports.example.org');
    expect(citationBaseUrl('/')).toBeUndefined();
    expect(citationBaseUrl('javascript:alert(1)')).toBeUndefined();
    expect(citationBaseUrl(undefined)).toBeUndefined();
  });

  it('suggests completions of the last word', async () => {
    const suggestions = await engine.suggest('西藏 乡村');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.startsWith('西藏 乡村'))).toBe(true);
  });
});
