import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQueries, peerText, phraseOf, QUERY_CATEGORIES } from '../../bench/queries.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { phraseKey } from '../../src/text/analyzer.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let keys: string[];

beforeAll(async () => {
  const { docs } = await readCorpus([path.join(repoRoot, 'corpus')]);
  keys = docs.flatMap((d) => chunkDocument(d)).map((p) => phraseKey(p.text));
});

describe('the fixed query set', () => {
  it('has at least 50 queries, and several of every category', () => {
    const queries = loadQueries();
    expect(queries.length).toBeGreaterThanOrEqual(50);
    for (const c of QUERY_CATEGORIES) expect(queries.filter((q) => q.category === c).length).toBeGreaterThanOrEqual(5);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });

  it('only quotes phrases that occur in the shipped corpus, so recall is measured on real hits', () => {
    for (const q of loadQueries().filter((x) => x.category === 'phrase')) {
      const phrase = phraseOf(q.q);
      expect(phrase, q.q).not.toBeNull();
      expect(keys.some((k) => k.includes(phraseKey(phrase ?? ''))), q.q).toBe(true);
    }
  });

  it('tells phrases from other queries, and gives peers the words without operators', () => {
    expect(phraseOf('"亚洲水塔"')).toBe('亚洲水塔');
    expect(phraseOf('"高质量发展" year:2025')).toBeNull();
    expect(phraseOf('旅游 边境')).toBeNull();
    expect(peerText('教育 -学前教育')).toBe('教育');
    expect(peerText('青稞 OR 光伏 year:2024')).toBe('青稞');
  });
});
