import { beforeAll, describe, expect, it } from 'vitest';
import { BroadLists } from '../../src/index/broad-lists.js';
import { factsOf } from '../../src/index/build.js';
import { FacetTable } from '../../src/index/facet-table.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { postingAt, termIndex } from '../../src/index/postings.js';
import { seedIndex } from './seed-index.js';

let index: PostingsIndex;
let table: FacetTable;

beforeAll(async () => {
  const seeds = await seedIndex();
  index = seeds.index;
  table = new FacetTable(factsOf(seeds.data));
});

/** The passages holding a bigram of the seeds. */
function list(term: string): Uint32Array {
  const field = index.fields.bigrams;
  const t = termIndex(field, term);
  if (t < 0) throw new Error(`${term} is not in the seeds`);
  return postingAt(field, t).docs;
}

describe('the kept lists of broad queries', () => {
  it('keeps a long list with its facets, frozen, and gives them back', () => {
    const lists = new BroadLists(10);
    const candidates = list('发展');
    const facets = lists.keep('发展', candidates, table.count(candidates));
    expect(facets).toEqual(table.count(candidates));
    expect(Object.isFrozen(facets.doc) && Object.isFrozen(facets.year) && Object.isFrozen(facets.kind)).toBe(true);
    expect(lists.get('发展')).toEqual({ candidates, facets });
    expect(lists.get('建设')).toBeNull();
  });

  it('keeps no list shorter than its minimum', () => {
    const lists = new BroadLists(1_000_000);
    const candidates = list('发展');
    const facets = lists.keep('发展', candidates, table.count(candidates));
    expect(lists.get('发展')).toBeNull();
    expect(Object.isFrozen(facets.doc)).toBe(false);
  });

  it('drops the least recently used lists first when the positions would exceed its bound', () => {
    const [a, b, c] = ['发展', '建设', '西藏'].map(list);
    const lists = new BroadLists(1, a.length + b.length + c.length - 1);
    lists.keep('a', a, table.count(a));
    lists.keep('b', b, table.count(b));
    expect(lists.get('a')?.candidates).toBe(a);
    lists.keep('c', c, table.count(c));
    expect(lists.get('b')).toBeNull();
    expect(lists.get('a')?.candidates).toBe(a);
    expect(lists.get('c')?.candidates).toBe(c);
  });
});
