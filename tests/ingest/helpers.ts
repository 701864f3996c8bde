/** Paths and a reading context shared by the ingest tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { sharedPath } from '../shared-data.js';
import { isIngestError, type IngestErrorCode } from '../../src/ingest/errors.js';
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

/** A maker of temporary folders for one test file; they are removed after its tests. */
export function tempDirs(prefix: string): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** The code of the ingest error `run` rejects with; undefined when it resolves. */
export async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return isIngestError(error) ? error.code : `not an IngestError: ${String(error)}`;
  }
}
