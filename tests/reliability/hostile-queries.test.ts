/**
 * Hostile queries (see `fuzz-inputs.ts`) against the analyzer, the query parser and planner inside the
 * engine, and the HTTP API, over the real corpus: no exception escapes, every API answer is a 200 search
 * or a 400 JSON error (the one a person would predict from the query), and time grows linearly with the
 * length of the query.
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { parseQuery } from '../../src/search/query-parser.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { analyze } from '../../src/text/analyzer.js';
import { encodeQueryValue, FUZZ_RUNS, hostileQuery } from './fuzz-inputs.js';
import { CORPUS_DIR, openEngineOver, removeTempDirs, serve } from './helpers.js';

let engine: Engine;
let running: RunningServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  ({ engine } = await openEngineOver([CORPUS_DIR]));
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
          for (const [s, e] of h.textHighlights) expect(0 <= s && s < e && e <= h.text.length).toBe(true);
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
        const expected = predicted(query);
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

/** Median milliseconds of `fn` over `reps` calls, interleaved with `other` so both see the same load. */
async function medians(fn: () => unknown, other: () => unknown, reps: number): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    let t = performance.now();
    await fn();
    a.push(performance.now() - t);
    t = performance.now();
    await other();
    b.push(performance.now() - t);
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return [median(a), median(b)];
}

describe('time taken by hostile queries', () => {
  const adversarial: Record<string, string> = {
    'quotes': '"'.repeat(500),
    'corner quotes': '「'.repeat(500),
    'nested quotes': `${'「'.repeat(250)}${'」'.repeat(250)}`,
    'unclosed phrases': '"发展'.repeat(166),
    'minus signs': '-'.repeat(500),
    'ORs': 'OR '.repeat(166),
    'alternatives': '西藏 OR '.repeat(62),
    'bars': '| '.repeat(250),
    'one Latin letter': 'a'.repeat(500),
    'one Han character': '西'.repeat(500),
    'one word repeated': '发展'.repeat(250),
    'combining marks': `e${'\u0301'.repeat(499)}`,
    'emoji': '😀'.repeat(500),
    'Tibetan': 'བོད་'.repeat(125),
    'filters': 'year:2024 '.repeat(50),
    'excluded phrases': '-"a" '.repeat(100),
    'English words': 'development '.repeat(41),
    'mixed operators': '西藏 OR "高质量" -发展 '.repeat(25),
  };

  it.each(Object.entries(adversarial))('a 500-character query of %s is answered within a small multiple of an ordinary query', async (_name, query) => {
    expect(Array.from(query).length).toBeGreaterThan(350);
    await engine.search(query);
    // A quadratic or exponential path would be hundreds of times slower at this length, not a few times.
    const [slow, ordinary] = await medians(() => engine.search(query), () => engine.search('西藏 旅游'), 15);
    expect(slow).toBeLessThan(25 * Math.max(ordinary, 0.5));
  });

  it('parses and analyzes twice the text in about twice the time (linear, not quadratic)', async () => {
    const unit = '"「“-OR |-- a:b year:西藏 发展ab😀\u0301 ';
    // Sizes at which one call takes milliseconds, not microseconds (timer and JIT noise).
    const cases: Array<[(text: string) => unknown, number]> = [
      [parseQuery, 20_000],
      [(text) => analyze(text), 2_000],
    ];
    for (const [fn, repeats] of cases) {
      const small = unit.repeat(repeats);
      const large = unit.repeat(repeats * 2);
      for (let i = 0; i < 3; i += 1) {
        fn(small);
        fn(large);
      }
      const [big, half] = await medians(() => fn(large), () => fn(small), 7);
      // Linear doubles the time; quadratic would quadruple it.
      expect(big / half).toBeLessThan(3.5);
    }
  });
});
