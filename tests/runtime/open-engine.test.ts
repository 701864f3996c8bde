/**
 * What a start opens of the cross-language data: a cached English→Chinese dictionary is opened by the first
 * query that needs it, not at start (a start, and a Chinese first query, do not wait for the 7.5 MB table at
 * the real scale); a missing one is built at start, so that no query waits seconds for CC-CEDICT.
 */
import { existsSync, rmSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DICTIONARY_CACHE_FILE } from '../../src/crosslang/dictionary.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { copyBundledIndex, REPO_ROOT } from '../server/test-engine.js';

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

/** The codes of the process warnings emitted while `run` runs. */
async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const codes: string[] = [];
  const listen = (warning: Error & { code?: string }): void => {
    codes.push(warning.code ?? warning.name);
  };
  process.on('warning', listen);
  try {
    await run();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
  }
  return codes;
}

describe('the cross-language dictionary at start', () => {
  it('is opened from its cache by the first query with an English word that needs it, not at start', { tags: ['slow'] }, async () => {
    const indexDir = await indexCopy();
    const cache = path.join(indexDir, DICTIONARY_CACHE_FILE);
    const bytes = statSync(cache).size;
    // A damaged cache is noticed (and rebuilt, with a warning) when the dictionary is opened: that shows when it is.
    truncateSync(cache, bytes >> 1);
    const corpusDirs = [path.join(REPO_ROOT, 'corpus')];
    let engine = await openEngine({ corpusDirs, indexDir });
    try {
      expect(await warningsDuring(() => openEngine({ corpusDirs, indexDir }).then((e) => e.close()))).toEqual([]);
      expect(await warningsDuring(() => engine.search('乡村振兴'))).toEqual([]);
      expect(statSync(cache).size).toBe(bytes >> 1);
      expect(await warningsDuring(() => engine.search('wheat'))).toEqual(['CROSSLANG_CACHE_REBUILT']);
      expect(statSync(cache).size).toBe(bytes);
    } finally {
      await engine.close();
    }
    unlinkSync(cache);
    engine = await openEngine({ corpusDirs, indexDir });
    await engine.close();
    expect(existsSync(cache)).toBe(true);
  });
});
