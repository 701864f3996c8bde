/**
 * The corpora the benchmark runs on, by name:
 * - `1x`: the shipped corpus (`corpus/`, the five Tibet reports);
 * - `real`: the shipped corpus plus every report under `../shared/corpora` (all real text, ~30x);
 * - `<N>x` (N > 1, e.g. `100x`): synthetic, the real corpus's documents repeated (each copy with distinct
 *   ids) until the text is N times the size of `1x`. Copies understate how the vocabulary grows.
 */
import path from 'node:path';
import type { SourceDoc } from '../src/model.js';

/** How a scale is made. */
export type ScaleSpec =
  | { name: string; kind: 'dirs'; dirs: string[] }
  | { name: string; kind: 'synthetic'; factor: number; dirs: string[] };

export class BenchArgumentError extends Error {
  readonly code = 'BENCH_BAD_ARGUMENT';
  constructor(message: string) {
    super(message);
    this.name = 'BenchArgumentError';
  }
}

/** The folders of the shipped and the shared corpora, from the repository root. */
export function corpusDirsOf(repoRoot: string): { shipped: string; shared: string } {
  return { shipped: path.join(repoRoot, 'corpus'), shared: path.resolve(repoRoot, '../shared/corpora') };
}

/**
 * The spec of a scale name; throws BENCH_BAD_ARGUMENT for an unknown one.
 * @example scaleSpec('100x', '/work/main') // { name: '100x', kind: 'synthetic', factor: 100, dirs: [...] }
 */
export function scaleSpec(name: string, repoRoot: string): ScaleSpec {
  const { shipped, shared } = corpusDirsOf(repoRoot);
  if (name === '1x') return { name, kind: 'dirs', dirs: [shipped] };
  if (name === 'real') return { name, kind: 'dirs', dirs: [shipped, shared] };
  const m = /^(\d+)x$/.exec(name);
  const factor = m ? Number(m[1]) : NaN;
  if (!(factor > 1 && factor <= 10_000)) {
    throw new BenchArgumentError(`unknown scale "${name}": use 1x, real, or a synthetic size such as 100x`);
  }
  return { name, kind: 'synthetic', factor, dirs: [shipped, shared] };
}

/** Total length of the documents' texts, in UTF-16 code units. */
export function textLength(docs: readonly SourceDoc[]): number {
  return docs.reduce((sum, d) => sum + d.text.length + (d.translations?.reduce((a, t) => a + t.textEn.length, 0) ?? 0), 0);
}

/**
 * Documents repeated in order until their text reaches `targetChars`; copy k > 0 of a document gets the id
 * `<id>-copy<k>` (and the same suffix on its file), so every id is distinct. At least one copy of each.
 * @example syntheticCorpus(docs, 3 * textLength(docs)).length === 3 * docs.length
 */
export function syntheticCorpus(docs: readonly SourceDoc[], targetChars: number): SourceDoc[] {
  if (docs.length === 0) return [];
  const out: SourceDoc[] = [];
  let chars = 0;
  for (let copy = 0; out.length < docs.length || chars < targetChars; copy++) {
    for (const doc of docs) {
      if (out.length >= docs.length && chars >= targetChars) break;
      const suffix = copy === 0 ? '' : `-copy${copy}`;
      out.push({ ...doc, meta: { ...doc.meta, id: doc.meta.id + suffix, file: doc.meta.file + suffix } });
      chars += textLength([doc]);
    }
  }
  return out;
}
