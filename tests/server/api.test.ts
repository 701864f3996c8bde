import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import type { Engine, PassageView, SearchResponse } from '../../src/search/types.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { REPO_ROOT, openTestEngine, squash } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let engine: Engine;
let app: Express;
const logLines: string[] = [];

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  app = createApp(engine, { log: (line) => logLines.push(line) });
});
afterAll(() => opened?.dispose());

const get = (url: string) => request(app).get(url);
const q = (text: string) => encodeURIComponent(text);

/** Every hit of a query, paging through the API 100 at a time. */
async function allHits(query: string, extra = ''): Promise<SearchResponse> {
  const first = await get(`/api/search?q=${q(query)}&limit=100${extra}`).expect(200);
  const body = first.body as SearchResponse;
  for (let offset = 100; offset < body.total; offset += 100) {
    const page = await get(`/api/search?q=${q(query)}&limit=100&offset=${offset}${extra}`).expect(200);
    body.hits.push(...(page.body as SearchResponse).hits);
  }
  return body;
}

/** Every passage of every report, read through the API. */
async function allPassages(): Promise<Passage[]> {
  const { documents } = (await get('/api/documents').expect(200)).body as { documents: DocMeta[] };
  const out: Passage[] = [];
  for (const doc of documents) out.push(...((await get(`/api/documents/${doc.id}`).expect(200)).body as { passages: Passage[] }).passages);
  return out;
}

function expectJsonError(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(10);
  expect(res.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

describe('GET /api/health', () => {
  it('reports ok with the numbers of documents and passages in the index', async () => {
    const res = await get('/api/health').expect(200).expect('Content-Type', /json/);
    expect(res.body.status).toBe('ok');
    expect(res.body.documents).toBe(5);
    expect(res.body.passages).toBe((await allPassages()).length);
  });
});

describe('GET /api/search', () => {
  it('returns exactly the passages that contain the quoted phrase "高质量发展", each occurrence marked', async () => {
    const body = await allHits('"高质量发展"', '&fields=text');
    const brute = (await allPassages()).filter((p) => squash(p.text).includes('高质量发展'));
    const bodyIds = new Set(brute.filter((p) => p.kind !== 'toc').map((p) => p.id));
    const hitIds = new Set(body.hits.map((h) => h.id));
    expect(body.total).toBe(body.hits.length);
    for (const id of bodyIds) expect(hitIds.has(id)).toBe(true);
    for (const hit of body.hits) {
      expect(squash(hit.text)).toContain('高质量发展');
      const marked = hit.textHighlights!.map(([s, e]) => hit.text.slice(s, e)).join('');
      expect(squash(marked)).toContain('高质量发展');
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of hit.highlights) expect(hit.snippet.slice(s, e).length).toBe(e - s);
    }
  });

  it('folds the page\'s passages of the same text only when fold=1 asks, with the same total, and refuses another value', async () => {
    // The salutation "各位代表：" opens several of the bundled reports.
    const all = (await get(`/api/search?q=${q('各位代表')}`).expect(200)).body as SearchResponse;
    const folded = (await get(`/api/search?q=${q('各位代表')}&fold=1`).expect(200)).body as SearchResponse;
    expect(folded.total).toBe(all.total);
    expect(folded.folded).toBeGreaterThan(0);
    expect(all.folded).toBeUndefined();
    expect(folded.hits.length + (folded.folded ?? 0)).toBe(all.hits.length);
    expect(folded.hits.flatMap((h) => h.sameText ?? []).length).toBe(folded.folded);
    expect(((await get(`/api/search?q=${q('各位代表')}&fold=0`).expect(200)).body as SearchResponse).folded).toBeUndefined();
    const bad = await get(`/api/search?q=${q('各位代表')}&fold=yes`).expect(400);
    expect(bad.body.error.code).toBe('INVALID_PARAMETER');
  });

  it('leaves the whole text\'s highlights out unless fields=text asks, with the same snippets either way', async () => {
    for (const query of ['"高质量发展"', 'tourism', '旅游 -乡村']) {
      const light = (await get(`/api/search?q=${q(query)}&limit=20`).expect(200)).body as SearchResponse;
      const full = (await get(`/api/search?q=${q(query)}&limit=20&fields=text`).expect(200)).body as SearchResponse;
      expect(light.hits.length).toBeGreaterThan(0);
      expect(light.hits.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
      for (const [i, hit] of light.hits.entries()) {
        expect(hit.textHighlights).toBeUndefined();
        expect(hit.textEnHighlights).toBeUndefined();
        expect(full.hits[i].textHighlights).toBeDefined();
        const { textHighlights, textEnHighlights, ...rest } = full.hits[i];
        expect(hit).toEqual(rest);
        expect(textHighlights!.length + (textEnHighlights?.length ?? 0)).toBeGreaterThan(0);
      }
    }
  });

  it('refuses a fields value it does not know, naming the accepted one', async () => {
    const res = await get('/api/search?q=x&fields=all').expect(400);
    expect(res.body.error.message).toContain('text');
  });

  it('requires every word of a multi-word query', async () => {
    const body = await allHits('青稞 产业');
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(squash(hit.text)).toContain('青稞');
      expect(squash(hit.text)).toContain('产业');
    }
  });

  it('finds Chinese passages for the English word tourism through an expansion it reports', async () => {
    const res = await get('/api/search?q=tourism&limit=10').expect(200);
    const body = res.body as SearchResponse;
    expect(body.total).toBeGreaterThan(0);
    const targets = body.expansions.filter((x) => x.from.toLowerCase() === 'tourism').map((x) => x.to);
    expect(targets).toContain('旅游');
    expect(body.hits.some((h) => squash(h.text).includes('旅游'))).toBe(true);
  });

  describeWithShared('eval/open-queries.json', 'the open evaluation\'s traditional queries', () => {
    const openQueries = JSON.parse(readFileSync(sharedPath('eval/open-queries.json'), 'utf8')) as {
      traditional: Array<{ query: string; sameAs: string }>;
    };

    it.each(openQueries.traditional)('finds the same passages for traditional $query as for $sameAs', async ({ query, sameAs }) => {
      const traditional = await allHits(query);
      const simplified = await allHits(sameAs);
      expect(traditional.total).toBeGreaterThan(0);
      expect(traditional.hits.map((h) => h.id).sort()).toEqual(simplified.hits.map((h) => h.id).sort());
    });
  });

  it('restricts results by year, report and kind, and the filtered total equals the unfiltered facet', async () => {
    const all = (await get(`/api/search?q=${q('发展')}&limit=1`).expect(200)).body as SearchResponse;
    const [docId, docCount] = Object.entries(all.facets.doc)[0] ?? [];
    const [year, yearCount] = Object.entries(all.facets.year)[0] ?? [];
    expect(docId && year).toBeTruthy();

    const byYear = await allHits('发展', `&year=${year}`);
    expect(byYear.total).toBe(yearCount);
    for (const hit of byYear.hits) expect(String(hit.year)).toBe(year);

    const byDoc = await allHits('发展', `&doc=${docId}`);
    expect(byDoc.total).toBe(docCount);
    for (const hit of byDoc.hits) expect(hit.docId).toBe(docId);

    const headings = await allHits('发展', '&kind=heading');
    expect(headings.total).toBe(all.facets.kind.heading);
    for (const hit of headings.hits) expect(hit.kind).toBe('heading');
  });

  it('pages with limit and offset: pages do not overlap and together make the first page of twice the size', async () => {
    const first = (await get(`/api/search?q=${q('援藏')}&limit=5&offset=0`).expect(200)).body as SearchResponse;
    const second = (await get(`/api/search?q=${q('援藏')}&limit=5&offset=5`).expect(200)).body as SearchResponse;
    const both = (await get(`/api/search?q=${q('援藏')}&limit=10`).expect(200)).body as SearchResponse;
    expect(first.hits).toHaveLength(5);
    expect(second.total).toBe(first.total);
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(both.hits.map((h) => h.id));
  });

  it('answers a query of punctuation only with a 400 that says there is nothing to search for', async () => {
    const res = await get(`/api/search?q=${q('！！')}&lang=en`).expect(400);
    expect(res.body.error.code).toBe('INVALID_QUERY');
    expect(res.body.error.message).toContain('nothing to search for');
  });

  it('searches &amp; typed into a query as &, not as the word amp', async () => {
    const typed = await get(`/api/search?q=${q('&amp;')}&lang=en`).expect(400);
    expect(typed.body.error.code).toBe('INVALID_QUERY');
    const plain = (await get(`/api/search?q=${q('"乡村振兴"')}`).expect(200)).body as SearchResponse;
    const quoted = (await get(`/api/search?q=${q('&quot;乡村振兴&quot;')}`).expect(200)).body as SearchResponse;
    expect(quoted.total).toBe(plain.total);
    expect(quoted.hits.map((h) => h.id)).toEqual(plain.hits.map((h) => h.id));
  });

  it('accepts a query of exactly 500 characters', async () => {
    await get(`/api/search?q=${q('发'.repeat(500))}`).expect(200);
  });
});

describe('GET /api/suggest', () => {
  it('completes the last word and keeps the words before it', async () => {
    const alone = (await get(`/api/suggest?q=${q('高质')}`).expect(200)).body as { query: string; suggestions: string[] };
    expect(alone.query).toBe('高质');
    expect(alone.suggestions.length).toBeGreaterThan(0);
    for (const s of alone.suggestions) expect(s.startsWith('高质')).toBe(true);
    const after = (await get(`/api/suggest?q=${q('西藏 高质')}`).expect(200)).body as { suggestions: string[] };
    expect(after.suggestions.length).toBeGreaterThan(0);
    for (const s of after.suggestions) expect(s.startsWith('西藏 高质')).toBe(true);
  });
});

describe('GET /api/passages/:id', () => {
  it('returns the passage with its report, neighbours in document order, citations and permalink', async () => {
    const hit = ((await get(`/api/search?q=${q('光伏')}&limit=1`).expect(200)).body as SearchResponse).hits[0];
    expect(hit).toBeDefined();
    const view = (await get(`/api/passages/${hit!.id}`).expect(200)).body as PassageView;
    const { passages } = (await get(`/api/documents/${view.doc.id}`).expect(200)).body as { passages: Passage[] };
    const at = passages.findIndex((p) => p.id === hit!.id);
    expect(view.passage.id).toBe(hit!.id);
    expect(view.passage.text).toBe(hit!.text);
    expect(view.doc.id).toBe(view.passage.docId);
    expect(view.prevId).toBe(passages[at - 1]?.id ?? null);
    expect(view.nextId).toBe(passages[at + 1]?.id ?? null);
    expect(view.url).toBe(`/p/${hit!.id}`);
    expect(view.citation.zh).toMatch(/\[(?:R|J)(?:\/OL)?\]/); // a report [R], or a gazette's issue [J]
    expect(view.citation.en.length).toBeGreaterThan(10);
  });

  it('answers 404 JSON for an unknown id', async () => {
    expectJsonError(await get('/api/passages/no-such-report-p0001'), 404, 'PASSAGE_NOT_FOUND');
  });
});

describe('GET /api/documents', () => {
  it('lists the five reports with their metadata', async () => {
    const { documents } = (await get('/api/documents').expect(200)).body as { documents: DocMeta[] };
    expect(documents).toHaveLength(5);
    for (const doc of documents) {
      expect(doc.id).toMatch(/^[a-z0-9-]+$/);
      expect(doc.title.length).toBeGreaterThan(0);
    }
  });

  it('returns a report with all its passages in order', async () => {
    const { documents } = (await get('/api/documents').expect(200)).body as { documents: DocMeta[] };
    for (const meta of documents) {
      const { doc, passages } = (await get(`/api/documents/${meta.id}`).expect(200)).body as { doc: DocMeta; passages: Passage[] };
      expect(doc).toEqual(meta);
      expect(passages.length).toBeGreaterThan(10);
      passages.forEach((p, i) => {
        expect(p.docId).toBe(meta.id);
        expect(p.ordinal).toBe(i);
        expect(p.text.length).toBeGreaterThan(0);
      });
    }
  });

  it('answers 404 JSON for an unknown report', async () => {
    expectJsonError(await get('/api/documents/no-such-report'), 404, 'DOCUMENT_NOT_FOUND');
  });
});

describe('bad requests', () => {
  const long = q('发'.repeat(501));
  it.each([
    ['a missing q', '/api/search', 'MISSING_PARAMETER'],
    ['an empty q', '/api/search?q=', 'EMPTY_PARAMETER'],
    ['a q of spaces only', '/api/search?q=%20%E3%80%80+', 'EMPTY_PARAMETER'],
    ['a q of 501 characters', `/api/search?q=${long}`, 'PARAMETER_TOO_LONG'],
    ['a q with a control character', '/api/search?q=a%07b', 'INVALID_PARAMETER'],
    ['limit 0', '/api/search?q=a&limit=0', 'INVALID_PARAMETER'],
    ['limit 101', '/api/search?q=a&limit=101', 'INVALID_PARAMETER'],
    ['limit 1.5', '/api/search?q=a&limit=1.5', 'INVALID_PARAMETER'],
    ['limit abc', '/api/search?q=a&limit=abc', 'INVALID_PARAMETER'],
    ['a negative offset', '/api/search?q=a&offset=-1', 'INVALID_PARAMETER'],
    ['offset 10001', '/api/search?q=a&offset=10001', 'INVALID_PARAMETER'],
    ['offset 1e3', '/api/search?q=a&offset=1e3', 'INVALID_PARAMETER'],
    ['year 20x4', '/api/search?q=a&year=20x4', 'INVALID_PARAMETER'],
    ['year 99999', '/api/search?q=a&year=99999', 'INVALID_PARAMETER'],
    ['kind chair', '/api/search?q=a&kind=chair', 'INVALID_PARAMETER'],
    ['lang fr', '/api/search?q=a&lang=fr', 'INVALID_PARAMETER'],
    ['an unknown report in doc', '/api/search?q=a&doc=no-such-report', 'INVALID_PARAMETER'],
    ['a doc id with a slash', '/api/search?q=a&doc=..%2Fetc', 'INVALID_PARAMETER'],
    ['a repeated q', '/api/search?q=a&q=b', 'REPEATED_PARAMETER'],
    ['a repeated limit', '/api/search?q=a&limit=5&limit=5', 'REPEATED_PARAMETER'],
    ['an object-shaped q', '/api/search?q[x]=1', 'NESTED_PARAMETER'],
    ['an array-shaped q', '/api/search?q[]=a&q[]=b', 'NESTED_PARAMETER'],
    ['an unknown parameter', '/api/search?q=a&order=date', 'UNKNOWN_PARAMETER'],
    ['a truncated percent-escape', '/api/search?q=%E9%AB', 'MALFORMED_URL'],
    ['a percent-escape that is not hex', '/api/search?q=%ZZ', 'MALFORMED_URL'],
    ['a broken escape in a parameter name', '/api/search?q%=a', 'MALFORMED_URL'],
    ['a broken escape in the path', '/api/passages/%E0%A4%A', 'MALFORMED_URL'],
    ['a missing q for suggestions', '/api/suggest', 'MISSING_PARAMETER'],
    ['a repeated q for suggestions', '/api/suggest?q=a&q=b', 'REPEATED_PARAMETER'],
    ['a parameter on /api/health', '/api/health?verbose=1', 'UNKNOWN_PARAMETER'],
  ])('answers %s with 400 and a coded message', async (_name, url, code) => {
    expectJsonError(await get(url), 400, code);
  });

  it('names the parameter and the accepted range in the message', async () => {
    const res = await get('/api/search?q=a&limit=500');
    expect(res.body.error.message).toContain('limit');
    expect(res.body.error.message).toContain('1 to 100');
  });

  it('takes a range of years for year, on the search and the concordance, and says what a bad one should be', async () => {
    const ranged = (await get(`/api/search?q=${encodeURIComponent('乡村振兴')}&year=2020-2021`).expect(200)).body;
    const typed = (await get(`/api/search?q=${encodeURIComponent('乡村振兴 year:2020-2021')}`).expect(200)).body;
    const one = async (y: number) => (await get(`/api/search?q=${encodeURIComponent('乡村振兴')}&year=${y}`).expect(200)).body.total as number;
    expect(ranged.total).toBe((await one(2020)) + (await one(2021)));
    expect(typed.total).toBe(ranged.total);
    expect(Object.keys(ranged.facets.year).sort()).toEqual(['2020', '2021']);
    const lines = (await get(`/api/concordance?q=${encodeURIComponent('乡村振兴')}&year=2021..2020`).expect(200)).body;
    expect(lines.total).toBe((await get(`/api/concordance?q=${encodeURIComponent('乡村振兴 year:2020-2021')}`).expect(200)).body.total);
    for (const bad of ['2020-', '1800-2020', '2020-2021-2022']) {
      const en = (await get(`/api/search?q=a&year=${encodeURIComponent(bad)}&lang=en`).expect(400)).body.error;
      expect(en.code).toBe('INVALID_PARAMETER');
      expect(en.message).toContain('or a range of them, such as 2013-2022');
      const zh = (await get(`/api/search?q=a&year=${encodeURIComponent(bad)}&lang=zh`).expect(400)).body.error.message as string;
      expect(zh).toContain('或年份范围（如 2013-2022）');
    }
  });

  it('says which years are accepted when a four-digit year is out of range, in either language', async () => {
    // 1800 is a four-digit year: a message asking for one does not say what was wrong.
    for (const route of ['/api/search', '/api/concordance']) {
      const en = (await get(`${route}?q=a&year=1800&lang=en`).expect(400)).body.error.message as string;
      expect(en).toContain('from 1900 to 2100');
      const zh = (await get(`${route}?q=a&year=1800&lang=zh`).expect(400)).body.error.message as string;
      expect(zh).toContain('1900 到 2100');
    }
  });

  it.each([['/api/nope'], ['/nope'], ['/api'], ['/js/nope.js']])('answers the unknown route %s with 404 JSON', async (url) => {
    expectJsonError(await get(url), 404, 'NOT_FOUND');
  });

  it.each([
    ['post', '/api/search?q=a'],
    ['put', '/api/documents'],
    ['delete', '/api/passages/x'],
    ['patch', '/api/health'],
    ['post', '/'],
    ['post', '/app.js'],
    ['delete', '/p/x'],
  ] as const)('answers %s %s with 405 JSON and an Allow header', async (method, url) => {
    const res = await request(app)[method](url);
    expectJsonError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('answers a URL longer than 8192 characters with 414', async () => {
    expectJsonError(await get(`/api/search?q=${'a'.repeat(9000)}`), 414, 'URL_TOO_LONG');
  });

  it('answers a request body with 413', async () => {
    const res = await request(app).get('/api/health').set('Content-Type', 'text/plain').send('x'.repeat(5000));
    expectJsonError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('any request a client can send', () => {
  const token = fc.constantFrom(
    '/', '/', 'api', 'search', 'suggest', 'passages', 'documents', 'health', 'p', 'js', 'app.js', 'index.html',
    '?', '?', '&', '=', '#', 'q', 'limit', 'offset', 'year', 'kind', 'doc', 'lang', '[', ']', '[x]', '..', '.', '%',
    '%2f', '%2e', '%00', '%E9%AB%98', '%E9%AB', '%ZZ', '%5c', '\\', '+', '-1', '0', '100', '2024', 'heading', 'zh',
    'é', '%3Cimg%3E', '"', "'", '~', '*', '@', ':', ';', ',', '$', '!', '(', ')',
  );
  const indexHtml = readFileSync(path.join(REPO_ROOT, 'public/index.html'), 'utf8');
  it('never gets a 5xx, an HTML error page or a stack trace', { tags: ['slow'] }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { minLength: 1, maxLength: 14 }), fc.constantFrom('get', 'head', 'post', 'options'), async (tokens, method) => {
        const url = `/${tokens.join('')}`;
        const res = await request(app)[method](url);
        expect(res.status).toBeLessThan(500);
        const type = String(res.headers['content-type'] ?? '');
        if (type.startsWith('text/html')) {
          // The only HTML this server sends is the app itself, or a page rendered in its shell (pages.ts).
          expect(['GET', 'HEAD']).toContain(method.toUpperCase());
          if (method === 'get' && res.text !== indexHtml) expect(res.text).toMatch(/^<!DOCTYPE html>[^]*<script type="module" src="\/(app|js\/reports)\.js"><\/script>/);
        } else if (method !== 'head' && res.status >= 400) {
          expect(type).toMatch(/^application\/json/);
          expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
        }
        expect(res.text ?? '').not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('path traversal', () => {
  const secrets = [/root:.*:0:0:/, /"name": "gov-report-search"/, /compilerOptions/];
  it.each([
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/../package.json',
    '/..%5c..%5cpackage.json',
    '/%00',
    '/index.html%00.js',
    '/js/..%2f..%2fpackage.json',
    '/p/..%2f..%2ftsconfig.json',
    '/.gitignore',
    '/%2e%2e%2fpackage.json',
  ])('reaches nothing outside public/ for %s', async (url) => {
    const res = await get(url);
    expect([400, 404]).toContain(res.status);
    if (url.startsWith('/p/')) expect(res.headers['content-type']).toMatch(/^text\/html/);
    else expect(res.headers['content-type']).toMatch(/^application\/json/);
    for (const secret of secrets) expect(res.text).not.toMatch(secret);
  });
});

describe('the page', () => {
  it('is served at / and at /p/<id> as the same app (the reader rendered into it)', async () => {
    const home = await get('/').expect(200).expect('Content-Type', /html/);
    expect(home.text).toContain('<script type="module" src="/app.js"></script>');
    const id = ((await get(`/api/search?q=${q('青稞')}&limit=1`)).body as SearchResponse).hits[0]!.id;
    const reader = await get(`/p/${id}`).expect(200).expect('Content-Type', /html/);
    expect(reader.text).toContain('<script type="module" src="/app.js"></script>');
    for (const id of ['search-view', 'reader-view', 'reader-text', 'results']) expect(reader.text).toContain(`id="${id}"`);
  });

  it('is served with status 404 at /p/<id> for an unknown passage, so the app can say so', async () => {
    const res = await get('/p/no-such-report-p9999').expect(404).expect('Content-Type', /html/);
    expect(res.text).toContain('/app.js');
  });

  it('has caching headers: HTML revalidates, assets are cached briefly, and validators give 304', async () => {
    const html = await get('/').expect(200);
    expect(html.headers['cache-control']).toBe('no-cache');
    const js = await get('/app.js').expect(200).expect('Content-Type', /javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=300');
    expect(js.headers.etag).toBeTruthy();
    await get('/app.js').set('If-None-Match', js.headers.etag!).expect(304);
  });
});

describe('headers', () => {
  it('sends security headers with a CSP that allows only the site itself', async () => {
    for (const url of ['/', '/api/health', '/api/nope']) {
      const res = await get(url);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('compresses large responses for clients that accept gzip', async () => {
    const res = await get(`/api/search?q=${q('发展')}&limit=100`).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect((res.body as SearchResponse).hits).toHaveLength(100);
  });

  it('sends the body as is, with Vary: Accept-Encoding, to a client that accepts no encoding', async () => {
    for (const path of [`/api/search?q=${q('发展')}&limit=100`, '/api/documents', '/']) {
      const res = await get(path).unset('Accept-Encoding').expect(200);
      expect(res.headers['content-encoding'], path).toBeUndefined();
      expect(res.headers.vary, path).toMatch(/Accept-Encoding/);
      expect(Number(res.headers['content-length']), path).toBeGreaterThan(1000);
    }
  });

  it('escapes < and > in JSON so a response can never be read as markup', async () => {
    const res = await get(`/api/search?q=${q('<img src=x onerror=alert(1)>')}`).expect(200);
    expect(res.text).not.toContain('<img');
    expect(res.body.query).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and milliseconds', async () => {
    logLines.length = 0;
    await get(`/api/search?q=${q('光伏')}`).expect(200);
    await get('/api/nope').expect(404);
    expect(logLines).toHaveLength(2);
    expect(logLines[0]).toMatch(/^GET \/api\/search 200 \d+\.\dms$/);
    expect(logLines[1]).toMatch(/^GET \/api\/nope 404 \d+\.\dms$/);
  });
});
