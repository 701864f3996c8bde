/**
 * The command line of `bench/ab.ts` (`npm run bench:ab -- <checkout A> <checkout B> [flags]`):
 *   --scale 1x|real      1x (default): each checkout's bundled index; real: its corpus and ../shared/corpora
 *   --index <A>,<B>      at real, the two index dirs (built there when not current); default two temporary dirs
 *   --rounds 10          rounds; each checkout goes first in every other round
 *   --passes 1           passes over the queries per round, each query asked of A and B in turn
 *   --plan               also time planning alone (parse, read English, plan) in each round
 *   --plan-only          time planning alone, open no engine
 */
import path from 'node:path';
import { flagsOf, positive } from './args.js';
import { BenchArgumentError } from './scales.js';

export interface AbArgs {
  checkouts: [string, string];
  scale: '1x' | 'real';
  /** Index dirs at real, or null for temporary ones (always null at 1x: each checkout's `index/`). */
  indexDirs: [string, string] | null;
  rounds: number;
  passes: number;
  plan: boolean;
  search: boolean;
}

const USAGE = 'usage: npx tsx bench/ab.ts <checkout A> <checkout B> [--scale 1x|real] [--index <A>,<B>] [--rounds 10] [--passes 1] [--plan | --plan-only]';

/**
 * Parses the A/B tool's arguments (paths resolved from the working directory); throws BENCH_BAD_ARGUMENT
 * on anything unknown or missing.
 * @example parseAbArgs(['/work/main', '.', '--rounds', '5']).rounds // 5
 */
export function parseAbArgs(argv: readonly string[]): AbArgs {
  const roots: string[] = [];
  let scale = '1x';
  let index: string[] | null = null;
  let rounds = 10;
  let passes = 1;
  let plan = false;
  let search = true;
  for (const { arg, name, value } of flagsOf(argv, USAGE)) {
    if (!name.startsWith('--')) {
      roots.push(path.resolve(name));
      continue;
    }
    switch (name) {
      case '--scale':
        scale = value();
        break;
      case '--index':
        index = value().split(',');
        break;
      case '--rounds':
        rounds = positive(name, value(), 10_000);
        break;
      case '--passes':
        passes = positive(name, value(), 1_000);
        break;
      case '--plan':
        plan = true;
        break;
      case '--plan-only':
        plan = true;
        search = false;
        break;
      default:
        throw new BenchArgumentError(`unknown flag "${arg}"; ${USAGE}`);
    }
  }
  const [a, b] = roots;
  if (roots.length !== 2 || a === undefined || b === undefined) throw new BenchArgumentError(`give exactly two checkouts (got ${roots.length}); ${USAGE}`);
  if (scale !== '1x' && scale !== 'real') throw new BenchArgumentError(`--scale ${scale}: use 1x (each checkout's bundled index) or real`);
  if (index && scale !== 'real') throw new BenchArgumentError('--index is for --scale real; at 1x each checkout reads its own index/');
  const [ia, ib] = index ?? [];
  if (index && (index.length !== 2 || !ia || !ib)) throw new BenchArgumentError(`--index needs two dirs, "<A>,<B>" (got "${index.join(',')}")`);
  return { checkouts: [a, b], scale, indexDirs: ia && ib ? [path.resolve(ia), path.resolve(ib)] : null, rounds, passes, plan, search };
}
