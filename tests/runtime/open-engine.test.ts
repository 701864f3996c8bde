/**
 * What a start opens of the cross-language data: the English→Chinese dictionary cached in the index folder is
 * checked against its manifest at start, as the index's files are, and a missing or damaged one is built then
 * (with a warning naming a damaged one), so that no query waits seconds for CC-CEDICT; an intact one is opened
 * by the first query that needs it, not at start (a start, and a Chinese first query, do not wait for the 7.5 MB
 * table at the real scale).
 */
import { existsSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DICTIONARY_CACHE_FILE, loadDictionary } from '../../src/crosslang/dictionary.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { copyBundledIndex, REPO_ROOT } from '../server/test-engine.js';

const corpusDirs = [path.join(REPO_ROOT, 'corpus')];
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bundled corpus's index (with its caches), which a test may damage. */
async function indexCopy(): Promise<string> {
  const dir = await copyBundledIndex('gov-search-open-engine-');
  dirs.push(dir);
  return dir;
}

/** The process warnings (code and message) emitted while `run` runs, and what it returned. */
async function warningsDuring<T>(run: () => Promise<T>): Promise<{ value: T; warnings: Array<{ code: string; message: string }> }> {
  const warnings: Array<{ code: string; message: string }> = [];
  const listen = (warning: Error & { code?: string }): void => {
    warnings.push({ code: warning.code ?? warning.name, message: warning.message });
  };
  process.on('warning', listen);
  try {
    const value = await run();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    return { value, warnings };
  } finally {
    process.off('warning', listen);
  }
}

const codes = (warnings: ReadonlyArray<{ code: string }>): string[] => warnings.map((w) => w.code);

describe('the cross-language dictionary at start', () => {
  it('is checked against its manifest at start: a truncated cache is rebuilt then, with a warning naming it, and the first English search finds its translations', { tags: ['slow'] }, async () => {
    const indexDir = await indexCopy();
    const cache = path.join(indexDir, DICTIONARY_CACHE_FILE);
    const intact = readFileSync(cache, 'utf8');
    const dictionary = loadDictionary({ cacheDir: indexDir });
    expect(dictionary.origin).toBe('cache');
    // Cut the table where the line of `snow` starts: every key after it in the sorted table is gone.
    const lost = ['tea', 'wheat', 'water'];
    for (const word of lost) expect(dictionary.lookup([word]).length, word).toBeGreaterThan(0);
    writeFileSync(cache, intact.slice(0, intact.indexOf('\nsnow\t') + 1));
    const opened = await warningsDuring(() => openEngine({ corpusDirs, indexDir }));
    const engine: Engine = opened.value;
    try {
      expect(codes(opened.warnings)).toEqual(['CROSSLANG_CACHE_REBUILT']);
      expect(opened.warnings[0]?.message).toContain(cache);
      expect(opened.warnings[0]?.message).toMatch(/truncated or edited/);
      // Rebuilt whole before any query: the file is the intact one again, and holds tea and wheat.
      expect(readFileSync(cache, 'utf8')).toBe(intact);
      const reopened = loadDictionary({ cacheDir: indexDir });
      expect(reopened.origin).toBe('cache');
      for (const word of lost) expect(reopened.lookup([word]), word).toEqual(dictionary.lookup([word]));
      // The first English search opens it without a warning, and searches the dictionary's senses the corpus holds.
      const searched = await warningsDuring(() => engine.search('water'));
      expect(searched.warnings).toEqual([]);
      const senses = (searched.value.concepts ?? []).flatMap((c) => c.terms.filter((t) => t.source === 'dictionary').map((t) => t.zh));
      expect(senses.length).toBeGreaterThan(0);
      for (const zh of senses) expect(dictionary.lookup(['water'])).toContain(zh);
      expect(searched.value.total).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });

  it('opens an intact cache only when the first query with an English word needs it, not at start', { tags: ['slow'] }, async () => {
    const indexDir = await indexCopy();
    const cache = path.join(indexDir, DICTIONARY_CACHE_FILE);
    const opened = await warningsDuring(() => openEngine({ corpusDirs, indexDir }));
    const engine = opened.value;
    try {
      expect(opened.warnings).toEqual([]);
      // Damaged after the start: the damage shows when the dictionary is opened, which shows when that is.
      const bytes = statSync(cache).size;
      truncateSync(cache, bytes >> 1);
      expect((await warningsDuring(() => engine.search('乡村振兴'))).warnings).toEqual([]);
      expect(statSync(cache).size).toBe(bytes >> 1);
      expect(codes((await warningsDuring(() => engine.search('wheat'))).warnings)).toEqual(['CROSSLANG_CACHE_REBUILT']);
      expect(statSync(cache).size).toBe(bytes);
    } finally {
      await engine.close();
    }
  });

  it('is built at start when the index folder has none', { tags: ['slow'] }, async () => {
    const indexDir = await indexCopy();
    const cache = path.join(indexDir, DICTIONARY_CACHE_FILE);
    unlinkSync(cache);
    const opened = await warningsDuring(() => openEngine({ corpusDirs, indexDir }));
    await opened.value.close();
    expect(opened.warnings).toEqual([]);
    expect(existsSync(cache)).toBe(true);
    expect(loadDictionary({ cacheDir: indexDir }).origin).toBe('cache');
  });
});
