/** Real data the cross-language tests check against: the seed corpus and the official parallel translations. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type CrossLang, createCrossLang } from '../../src/crosslang/expand.js';
import { sharedPath } from '../shared-data.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GLOSSARY_PATH = path.join(REPO_ROOT, 'data', 'glossary.tsv');
export const PARALLEL_DIR = sharedPath('corpora/parallel-zh-en');

/**
 * A dictionary cache dir shared by the test files (outside the repo, kept between runs), one per checkout so
 * that checkouts with different glossaries do not rebuild each other's cache on every run.
 */
export const TEST_CACHE_DIR = path.join(
  os.tmpdir(),
  `gov-report-search-crosslang-test-cache-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`,
);

/** The seed reports in corpus/, concatenated with all whitespace removed (PDF line wraps cut words). */
export function seedTextWithoutSpaces(): string {
  const dir = path.join(REPO_ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/\s+/gu, ''))
    .join('\n');
}

/** The aligned sentence pairs (中文, 英文) of the 2024 and 2025 national government work reports. */
export function parallelPairs(): Array<{ zh: string; en: string }> {
  return readdirSync(PARALLEL_DIR)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) => {
      const rows = parse(readFileSync(path.join(PARALLEL_DIR, f)), { columns: true, bom: true }) as Array<
        Record<string, string>
      >;
      return rows.map((r) => ({ zh: r['中文'] ?? '', en: r['英文'] ?? '' }));
    });
}

let sharedCrossLang: CrossLang | null = null;

/** The shipped expander with its dictionary cached outside the checkout, made once per test file. */
export function testCrossLang(): CrossLang {
  sharedCrossLang ??= createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR });
  return sharedCrossLang;
}
