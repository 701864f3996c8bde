/** An engine over a corpus of a few files written to a temporary folder for one test file, and its cleanup. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openEngine } from '../src/runtime/open-engine.js';
import type { Engine } from '../src/search/types.js';

/** The engine and what removes it and its folder. */
export interface TempCorpusEngine {
  engine: Engine;
  dispose: () => Promise<void>;
}

/**
 * Writes `files` (name → text) into a fresh corpus folder and opens an engine on it, its index beside it.
 * @example const { engine, dispose } = await openTempCorpusEngine({ 'report.txt': '…' });
 */
export async function openTempCorpusEngine(files: Readonly<Record<string, string>>, prefix = 'corpus-'): Promise<TempCorpusEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  mkdirSync(path.join(dir, 'corpus'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'corpus', name), text);
  const engine = await openEngine({ corpusDirs: [path.join(dir, 'corpus')], indexDir: path.join(dir, 'index') });
  return {
    engine,
    dispose: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An engine over `files` for the test file that calls this: opened before its tests, removed after them.
 * @example const engine = useTempCorpusEngine({ 'report.txt': '…' }); it('…', async () => engine().search('旅游'))
 */
export function useTempCorpusEngine(files: Readonly<Record<string, string>>, prefix = 'corpus-'): () => Engine {
  let opened: TempCorpusEngine | undefined;
  beforeAll(async () => {
    opened = await openTempCorpusEngine(files, prefix);
  }, 120_000);
  afterAll(() => opened?.dispose());
  return () => {
    if (!opened) throw new Error('the temporary corpus engine is not open yet');
    return opened.engine;
  };
}
