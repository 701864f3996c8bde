/**
 * Rebuild the learned lexicon from parallel files: the shared sentence-aligned reports
 * (`../shared/corpora/parallel-zh-en/*.csv`) and any aligned table (`.csv`, `.tsv`) in the corpus folders. Reads files; the
 * learning itself is pure (`learnLexicon`). The result's text is byte-identical for the same inputs.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIngestError } from '../ingest/errors.js';
import { readParallelSource, type ParallelSource } from '../ingest/parallel-pairs.js';
import { createCrossLangError } from './errors.js';
import { learnLexicon, learnParameters, type LearnOptions } from './learn.js';
import { serializeLexicon, type LexiconEntry, type LexiconHeader } from './lexicon.js';
import { REPO_ROOT } from './paths.js';
import { compare } from './sorted-table.js';

/** The shared parallel reports, relative to the repository root. */
export const SHARED_PARALLEL_DIR = '../shared/corpora/parallel-zh-en';

/** What to learn from. */
export interface LexiconBuildOptions {
  /** Parallel CSV files; default: the shared reports plus the parallel CSVs of `corpusDirs`. */
  inputs?: string[];
  /** Corpus folders searched for parallel CSVs when `inputs` is not given (default `corpus/`). */
  corpusDirs?: string[];
  /** Report years left out (an evaluation learns without the year it measures on). */
  excludeYears?: number[];
  learn?: LearnOptions;
  /** Paths in the header are written relative to this folder (default: the repository root). */
  root?: string;
}

/** A rebuilt lexicon: file text, entries, header, and warnings naming skipped files. */
export interface LexiconBuild {
  text: string;
  entries: LexiconEntry[];
  header: LexiconHeader;
  warnings: string[];
}

/** The aligned tables (`.csv`, `.tsv`) under a folder, hidden ones left out, in a stable order. */
function csvFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.(?:csv|tsv)$/iu.test(name) && !name.split(path.sep).some((part) => part.startsWith('.')))
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true)
    .sort(compare);
}

/**
 * The default inputs: every table of the shared parallel folder, then every `.csv` and `.tsv` of the corpus folders.
 * @example defaultLexiconInputs()[0] // '/work/shared/corpora/parallel-zh-en/04_2024_auto_usable_parallel.csv'
 */
export function defaultLexiconInputs(corpusDirs: string[] = [path.join(REPO_ROOT, 'corpus')], root: string = REPO_ROOT): string[] {
  return [path.resolve(root, SHARED_PARALLEL_DIR), ...corpusDirs.map((d) => path.resolve(root, d))].flatMap(csvFilesUnder);
}

/** Read each input; a corpus CSV that is not a parallel table is skipped with a warning, as are repeats. */
function readSources(files: string[], explicit: boolean, excludeYears: number[], warnings: string[]): ParallelSource[] {
  const sources: ParallelSource[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let source: ParallelSource;
    try {
      source = readParallelSource(file, { excludeYears });
    } catch (error) {
      if (explicit || !isIngestError(error)) throw error;
      warnings.push(`skipped [${error.code}] ${error.message}. To fix: ${error.hint}`);
      continue;
    }
    if (seen.has(source.sha256)) {
      warnings.push(`${file}: skipped, same bytes as an earlier input`);
      continue;
    }
    seen.add(source.sha256);
    sources.push(source);
  }
  return sources;
}

/**
 * Learn the lexicon from parallel files and render its file text. Throws CROSSLANG_LEXICON_NO_INPUT when
 * no sentence pair is left to learn from; an explicit input that cannot be read throws its ingest error.
 * @example buildLexicon({ excludeYears: [2025] }).header.params.excludeYears // '2025'
 */
export function buildLexicon(options: LexiconBuildOptions = {}): LexiconBuild {
  const root = options.root ?? REPO_ROOT;
  const excludeYears = [...(options.excludeYears ?? [])].sort((a, b) => a - b);
  const warnings: string[] = [];
  const explicit = options.inputs !== undefined;
  const files = explicit ? (options.inputs ?? []).map((f) => path.resolve(f)) : defaultLexiconInputs(options.corpusDirs, root);
  const sources = readSources(files, explicit, excludeYears, warnings);
  const pairs = sources.flatMap((s) => s.pairs);
  if (pairs.length === 0) {
    throw createCrossLangError('CROSSLANG_LEXICON_NO_INPUT', files.length === 0 ? 'no parallel CSV found' : `no sentence pair in ${files.join(', ')}`);
  }
  const entries = learnLexicon(pairs, options.learn);
  const header: LexiconHeader = {
    sources: sources.map((s) => ({ file: path.relative(root, s.file).split(path.sep).join('/'), sha256: s.sha256, rows: s.rows, pairs: s.pairs.length })),
    params: { ...learnParameters(options.learn), excludeYears: excludeYears.length > 0 ? excludeYears.join(',') : 'none' },
  };
  return { text: serializeLexicon(entries, header), entries, header, warnings };
}
