/**
 * Plans kept by query text: made once, shared frozen, not kept when they fail, bounded; and through the engine,
 * a query planned once answers every filter, sort and page as a fresh plan would.
 */
import { describe, expect, it } from 'vitest';
import { unchangingGroups } from '../../src/index/broad-ranking.js';
import { PlanCache, type Planned } from '../../src/search/plan-cache.js';
import { parseQuery } from '../../src/search/query-parser.js';
import type { QueryPlan } from '../../src/search/plan.js';
import type { SearchOptions } from '../../src/search/types.js';
import { useBundledEngine } from './bundled-engine.js';

const planned = (q: string): Planned => ({
  parsed: parseQuery(q),
  plan: { query: { groups: [[{ kind: 'tokens', fields: ['words'], terms: [q] }]], exclude: [], filters: {} }, highlight: { keys: [q], terms: [q] }, expansions: [], concepts: [], senses: [[{ term: q, key: q, weight: 1 }]], empty: false } as unknown as QueryPlan,
});

describe('PlanCache', () => {
  it('makes a plan once per query text and shares it, frozen all the way down', async () => {
    const cache = new PlanCache(10);
    let made = 0;
    const make = async (): Promise<Planned> => {
      made++;
      return planned('旅游');
    };
    const first = await cache.planOf('旅游', make);
    expect(await cache.planOf('旅游', make)).toBe(first);
    expect(made).toBe(1);
    expect(Object.isFrozen(first.plan.query.groups[0]?.[0])).toBe(true);
    // So the backend keeps the keys of its broad work by the plan's groups (`kept-keys.ts`).
    expect(unchangingGroups(first.plan.query.groups)).toBe(true);
    expect(() => (first.plan.highlight.keys as string[]).push('x')).toThrow(TypeError);
    await cache.planOf('边境', async () => planned('边境'));
    expect(made).toBe(1);
  });

  it('keeps no failed plan: the next search of the text plans it again', async () => {
    const cache = new PlanCache(10);
    await expect(cache.planOf('坏', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await cache.planOf('坏', async () => planned('坏'))).plan.highlight.keys).toEqual(['坏']);
  });

  it('keeps at most `max` plans, then starts afresh', async () => {
    const cache = new PlanCache(2);
    let made = 0;
    const make = (q: string) => async (): Promise<Planned> => {
      made++;
      return planned(q);
    };
    for (const q of ['a', 'b', 'c', 'a']) await cache.planOf(q, make(q));
    expect(made).toBe(4);
  });
});

describe('a kept plan through the engine', () => {
  // Two engines ask the same queries with the same options in opposite orders: each answer comes from a plan
  // made under other options in one engine and under its own in the other, so the two must agree.
  const a = useBundledEngine();
  const b = useBundledEngine();
  const OPTIONS: SearchOptions[] = [{}, { year: 2024 }, { offset: 10 }, { sort: 'newest' as const }, { kind: 'paragraph' as const }, { limit: 3, fields: [] }];

  it('answers each filter, sort and page of a query as a plan made under those options does, English and Chinese', async () => {
    for (const q of ['tourism border trade', '乡村振兴', '"高质量发展"', '教育 -学前教育', 'clean energy year:2024']) {
      const fromA = new Map<number, unknown>();
      for (const [i, options] of OPTIONS.entries()) {
        const r = await a.engine().search(q, options);
        fromA.set(i, [r.total, r.facets, r.hits.map((h) => [h.id, h.snippet, h.highlights])]);
      }
      for (const [i, options] of [...OPTIONS.entries()].reverse()) {
        const r = await b.engine().search(q, options);
        expect([q, options, r.total, r.facets, r.hits.map((h) => [h.id, h.snippet, h.highlights])]).toEqual([q, options, ...(fromA.get(i) as unknown[])]);
      }
    }
  });
});
