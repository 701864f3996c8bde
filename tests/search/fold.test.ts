/**
 * Same-text folding: a report held twice (here the 2020 report filed under two names) is read once on the
 * page, its twin's passages named under each hit; totals and facets stay the passages'.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { foldSameText } from '../../src/search/fold.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { TEST_CACHE_DIR } from '../crosslang/helpers.js';
import { REPO_ROOT } from '../server/test-engine.js';

describe('foldSameText', () => {
  it('keeps each first occurrence in order and folds every later one of its key into it, as a brute force does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', '甲', '乙', '丙'), { maxLength: 30 }), (keys) => {
        const page = keys.map((key, rank) => ({ key, rank }));
        const folded = foldSameText(page, (h) => h.key);
        // Brute force: a hit is kept unless an earlier hit has its (non-empty) key.
        const kept = page.filter((h, i) => h.key === '' || !page.slice(0, i).some((e) => e.key === h.key));
        expect(folded.map((f) => f.hit)).toEqual(kept);
        for (const { hit, same } of folded) {
          expect(same).toEqual(hit.key === '' ? [] : page.filter((h) => h.key === hit.key && h.rank > hit.rank));
        }
        expect(folded.reduce((n, f) => n + 1 + f.same.length, 0)).toBe(page.length);
      }),
    );
  });
});

describe('a report held twice', () => {
  let dir: string;
  let engine: Engine;
  const search = (q: string, fold: boolean, offset = 0): Promise<SearchResponse> => engine.search(q, { limit: 10, offset, fold });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-fold-'));
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    for (const name of ['report-from-source-a.txt', 'report-from-source-b.txt']) copyFileSync(path.join(REPO_ROOT, 'corpus/xizang-2020-government-work-report.txt'), path.join(corpus, name));
    engine = await openEngine({ corpusDirs: [corpus], indexDir: path.join(dir, 'index'), crossLang: createCrossLang({ cacheDir: TEST_CACHE_DIR }) });
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows each text once, naming its twin, with the same total and facets as without folding', async () => {
    expect(engine.documents()).toHaveLength(2);
    for (const q of ['乡村振兴', '"脱贫攻坚"', 'tourism', '援藏 OR 对口支援']) {
      const all = await search(q, false);
      const folded = await search(q, true);
      expect(folded.total, q).toBe(all.total);
      expect(folded.facets, q).toEqual(all.facets);
      expect(folded.hits.length + (folded.folded ?? 0), q).toBe(all.hits.length);
      // Every passage of the unfolded page is a hit or folded into one; no two hits read the same.
      const shown = folded.hits.flatMap((h) => [h.id, ...(h.sameText ?? []).map((s) => s.id)]);
      expect([...shown].sort(), q).toEqual(all.hits.map((h) => h.id).sort());
      const keys = folded.hits.map((h) => phraseKey(h.text));
      expect(new Set(keys).size, q).toBe(keys.length);
      for (const hit of folded.hits) {
        for (const twin of hit.sameText ?? []) {
          expect(twin.docId).not.toBe(hit.docId);
          expect(phraseKey((await engine.passage(twin.id))?.passage.text ?? '')).toBe(phraseKey(hit.text));
          expect(twin.url).toBe(`/p/${twin.id}`);
          expect(twin.paragraph).toBe(hit.paragraph);
        }
      }
    }
  });

  it('folds the twins of a full page, each hit its own twin', async () => {
    const folded = await search('西藏', true);
    expect(folded.total).toBeGreaterThan(20);
    expect(folded.folded).toBeGreaterThan(0);
    expect(folded.hits.filter((h) => (h.sameText ?? []).length === 1).length).toBe(folded.folded);
  });

  it('folds nothing unless asked', async () => {
    const all = await search('乡村振兴', false);
    expect(all.folded).toBeUndefined();
    expect(all.hits.some((h) => h.sameText)).toBe(false);
  });
});
