/** Paths and a reading context shared by the ingest tests. */
import path from 'node:path';
import { sharedPath } from '../shared-data.js';
import type { IngestErrorCode } from '../../src/ingest/errors.js';
import { DEFAULT_LIMITS, type IngestLimits, type ReadContext } from '../../src/ingest/reader.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const corpusDir = path.resolve(repoRoot, 'corpus');
export const corporaDir = sharedPath('corpora');
export const fixturesDir = path.resolve(repoRoot, 'tests/fixtures/ingest');

/** A reading context that records the warnings readers report. */
export function testContext(file: string, limits: Partial<IngestLimits> = {}): ReadContext & { warnings: Array<{ code: IngestErrorCode; detail: string }> } {
  const warnings: Array<{ code: IngestErrorCode; detail: string }> = [];
  return { file, limits: { ...DEFAULT_LIMITS, ...limits }, warn: (code, detail) => warnings.push({ code, detail }), warnings };
}
