/**
 * The soft AND of an English query's concepts (`BackendQuery.soft`): a passage qualifies when it matches at
 * least `minimum` of the soft groups and every required group; it ranks higher the more it matches. Checked
 * on the shipped corpus against a brute-force scan of the match keys, on the postings index and the
 * MiniSearch reference.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Alternative, type BackendQuery, type BackendResult, type SearchBackend } from '../../src/index/backend.js';
import { buildIndex, factsOf } from '../../src/index/build.js';
import { MiniSearchBackend } from '../../src/index/minisearch-backend.js';
import type { Passage } from '../../src/model.js';
import { minimumConcepts, substringAlternatives } from '../../src/search/plan.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { seedIndex } from './seed-index.js';

let passages: Passage[];
let matchKeys: string[];
let backends: Array<[string, SearchBackend]>;

/** Words of the corpus to build groups from: frequent, rare and absent ones. */
const WORDS = ['发展', '旅游', '边境', '青稞', '牧民', '就业', '生态', '教育', '清洁能源', '铸牢', '援藏', '拉萨', '不存在的词语', '高原', '文化'];

beforeAll(async () => {
  const { data } = await seedIndex();
  passages = data.passages.slice();
  const built = buildIndex({ docs: data.docs, passages });
  matchKeys = built.data.passages.map((p) => phraseKey(p.text));
  backends = [
    ['postings', built.backend],
    ['minisearch', new MiniSearchBackend(built.data.passages, factsOf({ docs: data.docs, passages: built.data.passages }))],
  ];
});

const group = (words: string[]): Alternative[] => words.flatMap((w) => substringAlternatives(w, w).alternatives);

function run(backend: SearchBackend, query: Omit<BackendQuery, 'offset' | 'limit'>): BackendResult {
  const result = backend.search({ ...query, offset: 0, limit: 100_000 });
  if (result instanceof Promise) throw new Error('the embedded backends answer synchronously');
  return result;
}

/** Passages holding at least `minimum` of the soft groups (a group: any of its words) and every required word. */
function oracle(soft: string[][], minimum: number, required: string[] = []): number[] {
  return matchKeys.flatMap((key, i) => {
    const softMatched = soft.filter((words) => words.some((w) => key.includes(phraseKey(w)))).length;
    return softMatched >= minimum && required.every((w) => key.includes(phraseKey(w))) ? [i] : [];
  });
}

const sorted = (r: BackendResult): number[] => r.hits.map((h) => h.index).sort((a, b) => a - b);

describe('a soft AND over concept groups', () => {
  it('returns exactly the passages matching at least the minimum of the groups, on both embedded backends', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
        (softWords, pick, required) => {
          const minimum = 1 + (pick % softWords.length);
          const expected = oracle(softWords, minimum, required ? [required] : []);
          const query = { groups: required ? [group([required])] : [], soft: { groups: softWords.map(group), minimum }, exclude: [], filters: {} };
          for (const [name, backend] of backends) {
            const result = run(backend, query);
            expect({ name, total: result.total }).toEqual({ name, total: expected.length });
            expect(sorted(result)).toEqual(expected);
          }
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });

  it('ranks a passage matching every concept above those matching fewer, other things equal', () => {
    const soft = [['边境'], ['旅游']];
    const [, postings] = backends[0] as [string, SearchBackend];
    const result = run(postings, { groups: [], soft: { groups: soft.map(group), minimum: 1 }, exclude: [], filters: {} });
    const both = new Set(oracle(soft, 2));
    expect(both.size).toBeGreaterThan(0);
    const top = result.hits.slice(0, both.size).map((h) => h.index);
    expect(top.filter((i) => both.has(i)).length).toBeGreaterThanOrEqual(Math.ceil(both.size * 0.8));
  });

  it('lets a weight lower an alternative against another of the same group', () => {
    const [, postings] = backends[0] as [string, SearchBackend];
    const light = group(['青稞']).map((a) => ({ ...a, weight: 0.01 }));
    const result = run(postings, { groups: [], soft: { groups: [[...light, ...group(['牧民'])]], minimum: 1 }, exclude: [], filters: {} });
    const barleyOnly = new Set(oracle([['青稞']], 1).filter((i) => !oracle([['牧民']], 1).includes(i)));
    const herders = oracle([['牧民']], 1).length;
    // Every passage holding only the light alternative ranks below every one holding the other.
    expect(result.hits.slice(0, herders).some((h) => barleyOnly.has(h.index))).toBe(false);
  });

  it('requires half the translated concepts, rounded down, and at least one', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => minimumConcepts(n))).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });
});
