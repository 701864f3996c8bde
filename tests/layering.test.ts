/**
 * The pipeline's dependencies point one way (DESIGN.md): ingest → text → chunk → index → search → server. A
 * stage's module never reaches a later stage's, directly or through a module outside the stages (a shared
 * top-level module such as `src/simplified-chinese.ts`, which ingest and text both use).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './reliability/regex-audit.js';

const SRC = path.resolve(import.meta.dirname, '../src');
const STAGES = ['ingest', 'text', 'chunk', 'index', 'search', 'server'];
const IMPORT = /(?:\bimport|\bexport)\s[^'";]*?from\s*'([^']+)'|\bimport\s*\(?\s*'([^']+)'/g;

/** The modules of `src/` that a module imports (type-only imports included), as paths relative to `src/`. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? '';
    if (!spec.startsWith('.')) continue;
    const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), spec.replace(/\.js$/, '.ts')));
    // The page's own scripts (`public/`) are outside the pipeline.
    if (!target.startsWith('..')) found.push(target);
  }
  return found;
}

/** Every module of `src/` that `file` reaches through imports, with the chain that reaches it. */
function reached(file: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const next of importsOf(current)) {
      if (chains.has(next)) continue;
      chains.set(next, [...(chains.get(current) ?? []), next]);
      queue.push(next);
    }
  }
  return chains;
}

const stageOf = (file: string): number => STAGES.indexOf(file.split(path.sep)[0] ?? '');

describe('the direction of the pipeline', () => {
  it('lets no stage reach a later stage, even through a shared top-level module', () => {
    const wrong: string[] = [];
    for (const abs of sourceFiles(SRC)) {
      const file = path.relative(SRC, abs);
      const stage = stageOf(file);
      if (stage < 0) continue;
      for (const [target, chain] of reached(file)) {
        if (stageOf(target) > stage) wrong.push(chain.join(' → '));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads the folding of traditional characters in ingest from the shared module, not from text/', () => {
    const ingest = sourceFiles(path.join(SRC, 'ingest')).map((abs) => path.relative(SRC, abs));
    expect(ingest.filter((f) => importsOf(f).includes('simplified-chinese.ts')).length).toBeGreaterThan(0);
    expect(importsOf(path.join('text', 'normalize.ts'))).toContain('simplified-chinese.ts');
  });
});
