import { beforeAll, describe, expect, it } from 'vitest';
import { scaleSpec, syntheticCorpus, textLength } from '../../bench/scales.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import type { SourceDoc } from '../../src/model.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let seeds: SourceDoc[];

beforeAll(async () => {
  seeds = (await readCorpus([path.join(repoRoot, 'corpus')])).docs;
});

describe('benchmark scales', () => {
  it('reads 1x from the shipped corpus, real from it and the shared corpora, Nx as synthetic', () => {
    expect(scaleSpec('1x', repoRoot)).toEqual({ name: '1x', kind: 'dirs', dirs: [path.join(repoRoot, 'corpus')] });
    expect(scaleSpec('real', repoRoot).dirs).toEqual([path.join(repoRoot, 'corpus'), path.resolve(repoRoot, '../shared/corpora')]);
    expect(scaleSpec('300x', repoRoot)).toMatchObject({ kind: 'synthetic', factor: 300 });
    for (const bad of ['0x', '1.5x', 'huge', '']) expect(() => scaleSpec(bad, repoRoot)).toThrow(expect.objectContaining({ code: 'BENCH_BAD_ARGUMENT' }));
  });

  it('repeats real reports with distinct ids until the text reaches the target size', () => {
    const target = 3.5 * textLength(seeds);
    const copies = syntheticCorpus(seeds, target);
    expect(textLength(copies)).toBeGreaterThanOrEqual(target);
    expect(textLength(copies) - textLength(copies.slice(0, -1))).toBeLessThanOrEqual(Math.max(...seeds.map((d) => d.text.length)));
    expect(new Set(copies.map((d) => d.meta.id)).size).toBe(copies.length);
    expect(copies.slice(0, seeds.length).map((d) => d.meta.id)).toEqual(seeds.map((d) => d.meta.id));
    expect(copies[seeds.length]?.text).toBe(seeds[0]?.text);
    expect(copies[seeds.length]?.meta.id).toMatch(/^[\w-]+-copy1$/);
  });

  it('keeps every document at least once even for a small target', () => {
    expect(syntheticCorpus(seeds, 1).map((d) => d.meta.id)).toEqual(seeds.map((d) => d.meta.id));
    expect(syntheticCorpus([], 1000)).toEqual([]);
  });
});
