/** The five seed reports as SourceDocs, read from the project's corpus/ folder as UTF-8 (test helper). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDoc } from '../../src/model.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { findPageFurniture } from '../../src/ingest/page-furniture.js';
import type { Passage } from '../../src/model.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Seed document ids and their files in corpus/. */
export const SEEDS: ReadonlyArray<{ id: string; file: string }> = [
  { id: 'xizang-2023-plan-report', file: 'xizang-2023-plan-report.txt' },
  { id: 'xizang-14th-five-year-plan', file: 'xizang-14th-five-year-plan.txt' },
  { id: 'xizang-gazette-2025-01', file: 'xizang-gazette-2025-01-government-work-report.txt' },
  { id: 'xizang-2020-government-work-report', file: 'xizang-2020-government-work-report.txt' },
  { id: 'xizang-2024-government-work-report', file: 'xizang-2024-government-work-report.txt' },
];

const cache = new Map<string, SourceDoc>();

/** The seed document with this id, text read verbatim from corpus/. */
export function seedDoc(id: string): SourceDoc {
  const cached = cache.get(id);
  if (cached) return cached;
  const seed = SEEDS.find((s) => s.id === id);
  if (!seed) throw new Error(`no seed ${id}`);
  const text = readFileSync(path.join(repoRoot, 'corpus', seed.file), 'utf8');
  const doc: SourceDoc = {
    meta: {
      id,
      title: id,
      titleEn: id,
      type: 'report',
      region: 'Xizang (Tibet) Autonomous Region',
      year: null,
      date: null,
      issuer: null,
      language: 'zh',
      file: seed.file,
      checksum: 'sha256:test',
    },
    format: 'txt',
    encoding: 'utf-8',
    text,
  };
  cache.set(id, doc);
  return doc;
}

/** The seed chunked with default options. */
export function seedPassages(id: string): Passage[] {
  return chunkDocument(seedDoc(id));
}

/** Text with all whitespace removed: the form the partition invariant compares. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * The document's body: its text without the page furniture (`findPageFurniture`), whitespace removed.
 * The partition invariant: the passages' texts, in order and whitespace removed, are exactly this.
 */
export function bodyText(text: string): string {
  let body = '';
  let from = 0;
  for (const f of findPageFurniture(text)) {
    body += text.slice(from, f.start);
    from = f.end;
  }
  return squash(body + text.slice(from));
}

/** Non-overlapping occurrences of `needle` in `hay`. */
export function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The first passage whose text contains `needle` (whitespace removed on both sides). */
export function passageWith(passages: readonly Passage[], needle: string): Passage {
  const found = passages.find((p) => squash(p.text).includes(squash(needle)));
  if (!found) throw new Error(`no passage contains ${needle}`);
  return found;
}
