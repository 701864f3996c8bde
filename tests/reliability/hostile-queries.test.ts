/**
 * Hostile queries (see `fuzz-inputs.ts`) against the analyzer, the query parser and planner inside the
 * engine, and the HTTP API, over the real corpus: no exception escapes, every API answer is a 200 search
 * or a 400 JSON error (the one a person would predict from the query), and the work of retrieval (counted:
 * index lookups, phrase checks) grows linearly with the length of the query. Timings belong in the bench
 * (`npm run bench:hostile`), not here, where parallel test files share the CPU.
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { parseQuery } from '../../src/search/query-parser.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { analyze } from '../../src/text/analyzer.js';
import type { Alternative, Verifier } from '../../src/index/backend.js';
import { factsOf, indexPassages } from '../../src/index/build.js';
import { verifierOver } from '../../src/index/checks.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { PostingsBackend } from '../../src/index/postings-backend.js';
import { openIndex } from '../../src/runtime/build-index.js';
import type { OpenedIndex } from '../../src/index/open-index.js';
import { planQuery } from '../../src/search/plan.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { ADVERSARIAL_QUERIES } from '../../bench/hostile-query-set.js';
import { encodeQueryValue, FUZZ_RUNS, hostileQuery } from './fuzz-inputs.js';
import { CORPUS_DIR, openEngineOver, removeTempDirs, serve } from './helpers.js';

let engine: Engine;
let opened: OpenedIndex;
let keys: PassageKeys;
/** The postings index of the corpus, verifying through a verifier that counts its calls (in `checked`). */
let counting: PostingsBackend;
let checked = 0;
let running: RunningServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  const { engine: e, indexDir } = await openEngineOver([CORPUS_DIR]);
  engine = e;
  opened = await openIndex({ corpusDirs: [CORPUS_DIR], indexDir });
  keys = new PassageKeys(opened.data.passages, opened.keys);
  const inner = verifierOver(keys);
  const verifier: Verifier = {
    holds: (check, index) => (checked++, inner.holds(check, index)),
    bonus: (adjacency, index) => (checked++, inner.bonus(adjacency, index)),
  };
  counting = new PostingsBackend(indexPassages(opened.data.passages), factsOf(opened.data), verifier);
  running = await serve(engine);
}, 180_000);
afterAll(async () => {
  agent.destroy();
  await running?.close();
  removeTempDirs();
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const STACK = /\n\s+at |node_modules|\.ts:\d+/;

describe('the analyzer on hostile text', () => {
  it('never throws, and keeps its tokens in order, in bounds and non-empty', () => {
    fc.assert(
      fc.property(hostileQuery(), (text) => {
        const { words, bigrams } = analyze(text);
        let end = 0;
        for (const w of words) {
          expect(w.start).toBeGreaterThanOrEqual(end);
          expect(w.end).toBeGreaterThan(w.start);
          expect(w.end).toBeLessThanOrEqual(text.length);
          expect(w.term.length).toBeGreaterThan(0);
          end = w.end;
        }
        for (const b of bigrams) {
          expect(b.start).toBeGreaterThanOrEqual(0);
          expect(b.end).toBeLessThanOrEqual(text.length);
          expect(b.term.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('the engine on hostile queries (parser, planner, retrieval, snippets)', () => {
  const options = fc.record(
    {
      limit: fc.integer({ min: 1, max: 100 }),
      offset: fc.integer({ min: 0, max: 50 }),
      year: fc.constantFrom(2020, 2024, 1999),
      kind: fc.constantFrom('paragraph', 'heading', 'table', 'toc', 'front') as fc.Arbitrary<'paragraph' | 'heading' | 'table' | 'toc' | 'front'>,
      doc: fc.constantFrom('xizang-2024-government-work-report', 'no-such-report'),
    },
    { requiredKeys: ['limit'] },
  );

  it('never throws, and answers a well-formed page of hits', async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery(), options, async (query, opts) => {
        const res = await engine.search(query, opts);
        expect(res.total).toBeGreaterThanOrEqual(0);
        expect(res.hits.length).toBeLessThanOrEqual(Math.max(0, Math.min(opts.limit, res.total - (opts.offset ?? 0))));
        for (const h of res.hits) {
          for (const [s, e] of h.highlights) expect(0 <= s && s < e && e <= h.snippet.length).toBe(true);
          for (const [s, e] of h.textHighlights!) expect(0 <= s && s < e && e <= h.text.length).toBe(true);
          if (opts.year !== undefined) expect(h.year).toBe(opts.year);
          if (opts.kind !== undefined) expect(h.kind).toBe(opts.kind);
        }
        const parsed = parseQuery(query);
        expect(parsed.raw).toBe(query);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('never throws on suggestions either', async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery(), fc.integer({ min: 1, max: 20 }), async (prefix, limit) => {
        const suggestions = await engine.suggest(prefix, limit);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        for (const s of suggestions) expect(typeof s).toBe('string');
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });
});

/** What the API must answer for a query value, predicted from the query alone. */
function predicted(query: string): string {
  if (LONE_SURROGATE.test(query)) return 'MALFORMED_URL';
  const text = query.trim();
  if (text === '') return 'EMPTY_PARAMETER';
  if (Array.from(text).length > 500) return 'PARAMETER_TOO_LONG';
  if (CONTROL.test(text)) return 'INVALID_PARAMETER';
  return 'ok';
}

function get(path: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${running.url}${path}`, { agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
      })
      .on('error', reject);
  });
}

describe('the HTTP API on hostile queries', () => {
  it('answers every query with a 200 search or the 400 JSON error the query calls for', async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery(), fc.boolean(), fc.constantFrom('search', 'suggest'), async (query, variant, endpoint) => {
        const res = await get(`/api/${endpoint}?q=${encodeQueryValue(query, variant)}&limit=5`);
        expect(res.type).toMatch(/^application\/json/);
        expect(res.text).not.toMatch(STACK);
        const body = JSON.parse(res.text) as SearchResponse & { error?: { code: string; message: string } };
        // A search with nothing to look for (operators or punctuation alone) is a 400 that says why.
        const empty = endpoint === 'search' && predicted(query) === 'ok' && (await engine.search(query.trim(), { limit: 5 })).noticeCode === 'NOTHING_TO_SEARCH';
        const expected = empty ? 'INVALID_QUERY' : predicted(query);
        if (expected === 'ok') {
          expect(res.status).toBe(200);
          if (endpoint === 'search') expect(body.total).toBe((await engine.search(query.trim(), { limit: 5 })).total);
        } else {
          expect(res.status).toBe(400);
          expect(body.error?.code).toBe(expected);
          expect(body.error?.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 600_000);
});

/**
 * The work a query makes the retrieval do, counted rather than timed: every (field, term) the index is asked
 * for, and every call of the verifier (a phrase check, the ranking bonus), over the real index.
 */
function work(query: string): number {
  const plan = planQuery(parseQuery(query), keys, { crossLang: testCrossLang() });
  if (plan.empty) return 0;
  const lookups = (alternatives: Alternative[]): number => alternatives.reduce((sum, a) => sum + a.terms.length * a.fields.length, 0);
  const { groups, soft, exclude } = plan.query;
  checked = 0;
  counting.search({ ...plan.query, offset: 0, limit: 10 });
  return lookups([...groups.flat(), ...(soft?.groups.flat() ?? []), ...exclude]) + checked;
}

describe('work done for hostile queries (counted; the timings are in `npm run bench:hostile`)', () => {
  it('counts the work of an ordinary query', async () => {
    expect(work('西藏 旅游')).toBeGreaterThan(0);
    // A filter spares the phrase check the candidates outside it. The phrase is of several words: a phrase that is
    // one word (`高质量发展`) has its candidates vouched for by its postings in the words field, and reads no key.
    expect(work('"经济社会发展"')).toBeGreaterThan(work('"经济社会发展" year:2024'));
  });

  it.each(Object.entries(ADVERSARIAL_QUERIES))('a 500-character query of %s does work linear in its length', async (_name, [make, n]) => {
    const full = make(n);
    const length = Array.from(full).length;
    expect(length).toBeGreaterThan(350);
    const [whole, half] = [work(full), work(make(Math.ceil(n / 2)))];
    // Quadratic work would quadruple when the query doubles; exponential, far more.
    expect(whole).toBeLessThanOrEqual(2.2 * half + 20);
    // A few lookups and phrase checks a character at most (an ordinary two-word query does 24).
    expect(whole).toBeLessThanOrEqual(10 * length);
  });
});
