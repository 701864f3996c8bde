/**
 * Plans are plain data: a backend query holds no function, so it survives `structuredClone` and a JSON round
 * trip unchanged, and the copy finds what the plan finds, on the bundled corpus, on the postings index and on
 * the MiniSearch reference (each verifying through its own verifier).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alternative, BackendQuery, SearchBackend } from '../../src/index/backend.js';
import { factsOf } from '../../src/index/build.js';
import { verifierOver } from '../../src/index/checks.js';
import { MiniSearchBackend } from '../../src/index/minisearch-backend.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { PostingsBackend } from '../../src/index/postings-backend.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { seedIndex } from '../index/seed-index.js';

let keys: PassageKeys;
let postings: PostingsBackend;
let reference: SearchBackend;

beforeAll(async () => {
  const { data, index } = await seedIndex();
  const facts = factsOf(data);
  keys = new PassageKeys(data.passages, index.keys);
  postings = new PostingsBackend(index, facts, verifierOver(keys));
  reference = new MiniSearchBackend(data.passages, facts);
});

const plan = (q: string): BackendQuery => ({ ...planQuery(parseQuery(q), keys, { crossLang: testCrossLang() }).query, offset: 0, limit: 50 });
const alternativesOf = (query: BackendQuery): Alternative[] => [...query.groups.flat(), ...(query.soft?.groups.flat() ?? []), ...query.exclude];

/** Every value reachable from `value` that is a function (none in plain data). */
function functionsIn(value: unknown): unknown[] {
  if (typeof value === 'function') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(functionsIn);
}

describe('a query plan as plain data', () => {
  const queries = {
    phrase: '"高质量发展"',
    'phrase across punctuation': '"发展，推进"',
    near: '旅游 /s 生态',
    'near within characters': '西藏 NEAR/10 旅游',
    'soft English concepts': 'tourism ecological protection',
    'adjacent words': '乡村 振兴',
    'an exclusion verified': '教育 -"学前，教育"',
  };

  it.each(Object.entries(queries))('survives structuredClone and JSON for %s, and the copies find what it finds', (_name, q) => {
    const query = plan(q);
    expect(functionsIn(query)).toEqual([]);
    const copies = [structuredClone(query), JSON.parse(JSON.stringify(query)) as BackendQuery];
    // JSON drops the keys whose value is undefined; nothing else may differ.
    for (const copy of copies) expect(copy).toEqual(query);
    for (const backend of [postings, reference]) {
      const answer = backend.search(query);
      expect(answer).toHaveProperty('total');
      for (const copy of copies) expect(backend.search(copy)).toEqual(answer);
    }
    expect(postings.search(query).total).toBeGreaterThan(0);
  });

  it('carries each kind of check and the adjacency bonus as values', () => {
    const checks = (q: string) => alternativesOf(plan(q)).flatMap((a) => (a.check ? [a.check] : []));
    expect(checks(queries.phrase)).toContainEqual({ kind: 'contains', key: '高质量发展' });
    expect(checks(queries.near)).toContainEqual({ kind: 'near', a: '旅游', b: '生态', scope: 'sentence' });
    expect(checks(queries['near within characters'])).toContainEqual({ kind: 'near', a: '西藏', b: '旅游', scope: 10 });
    expect(plan(queries['soft English concepts']).soft?.groups.length).toBeGreaterThan(1);
    const adjacency = plan(queries['adjacent words']).adjacency ?? [];
    expect(adjacency.map(({ key, weight }) => ({ key, weight }))).toEqual([{ key: '乡村振兴', weight: 2 }]);
    expect(adjacency[0]?.alternative?.check).toEqual({ kind: 'contains', key: '乡村振兴' });
  });
});
