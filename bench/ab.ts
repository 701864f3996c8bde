/**
 * A/B of two checkouts of the engine in one process, for a machine too busy for separate runs to compare:
 * each checkout's own modules and index, the bench's queries (and the broad 发展) asked of A and of B in turn,
 * A first in even rounds and B first in odd ones, so that a noisy neighbour slows both alike. It first checks
 * that both answer every query alike, then prints each query's median wall time, the p50 / p99 over the
 * bench's queries of wall and CPU time (nearest rank, as `npm run bench` computes them), 发展 apart, and the
 * min / median / max over the rounds of `engine.search` CPU per query. `--plan` also times planning alone
 * (parse, read English, plan) in blocks of 40 passes per round; `--plan-only` times nothing else.
 *
 *   npm run bench:ab -- /work/main . --rounds 20                  1x: each checkout's bundled index
 *   npm run bench:ab -- /work/main . --rounds 40 --passes 10 --plan
 *   npm run bench:ab -- /work/main . --scale real --index /tmp/a,/tmp/b --rounds 30
 *
 * At 1x each checkout opens `<checkout>/index` over `<checkout>/corpus`; at real, `corpus/` and
 * `../shared/corpora` beside each checkout, in the `--index` dirs or two temporary ones removed afterwards
 * (an index dir that does not hold a current index is built first: about a minute at real). Flags:
 * `bench/ab-args.ts`; a bad one is BENCH_BAD_ARGUMENT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CrossLangModule from '../src/crosslang/expand.js';
import type * as OpenEngineModule from '../src/runtime/open-engine.js';
import type * as PlanModule from '../src/search/plan.js';
import type * as ParserModule from '../src/search/query-parser.js';
import type { Engine } from '../src/search/types.js';
import type * as AnalyzerModule from '../src/text/analyzer.js';
import { parseAbArgs, type AbArgs } from './ab-args.js';
import { latencyOver } from './measure.js';
import { loadQueries } from './queries.js';
import { BenchArgumentError, scaleSpec } from './scales.js';
import { median, spreadOf } from './stats.js';

/** One checkout: its planner (when timed), its engine (none with --plan-only) and what was measured. */
interface Side {
  root: string;
  plan: ((q: string) => unknown) | null;
  engine: Engine | null;
  /** Per query, the wall and CPU time of each search, ms. */
  wall: number[][];
  cpu: number[][];
  /** Per round, CPU per query of `engine.search` and of planning alone, µs. */
  searchUs: number[];
  planUs: number[];
}

const PLAN_PASSES = 40;
const BROAD = '发展';

async function load<T>(root: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, file)).href)) as T;
}

async function openPlanner(root: string, indexDir: string): Promise<(q: string) => unknown> {
  const { loadChineseSegmenter } = await load<typeof AnalyzerModule>(root, 'src/text/analyzer.ts');
  const { planQuery } = await load<typeof PlanModule>(root, 'src/search/plan.ts');
  const { parseQuery } = await load<typeof ParserModule>(root, 'src/search/query-parser.ts');
  const { createCrossLang } = await load<typeof CrossLangModule>(root, 'src/crosslang/expand.ts');
  loadChineseSegmenter(); // as the bench does: it has loaded jieba to build the index
  const crossLang = createCrossLang({ cacheDir: indexDir });
  return (q) => planQuery(parseQuery(q), {}, { crossLang });
}

async function openSide(root: string, indexDir: string, args: AbArgs, queries: number): Promise<Side> {
  const spec = scaleSpec(args.scale, root);
  let engine: Engine | null = null;
  if (args.search) {
    const { openEngine } = await load<typeof OpenEngineModule>(root, 'src/runtime/open-engine.ts');
    engine = await openEngine({ indexDir, corpusDirs: spec.dirs });
  }
  const plan = args.plan ? await openPlanner(root, indexDir) : null;
  const perQuery = (): number[][] => Array.from({ length: queries }, () => []);
  return { root, plan, engine, wall: perQuery(), cpu: perQuery(), searchUs: [], planUs: [] };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/** Times one search; returns its CPU time, ms. */
async function timeSearch(side: Side, engine: Engine, q: string, i: number): Promise<number> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await engine.search(q);
  side.wall[i]?.push(performance.now() - t0);
  const cpu = cpuMs(cpu0);
  side.cpu[i]?.push(cpu);
  return cpu;
}

function timePlanning(side: Side, plan: (q: string) => unknown, queries: readonly string[]): void {
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < PLAN_PASSES; r++) for (const q of queries) plan(q);
  side.planUs.push((cpuMs(cpu0) * 1000) / PLAN_PASSES / queries.length);
}

/** Prints each query whose answers differ between A and B (`tookMs` aside); returns how many. */
async function compareAnswers(a: Engine, b: Engine, queries: readonly string[]): Promise<number> {
  let differ = 0;
  for (const q of queries) {
    const [x, y] = [await a.search(q), await b.search(q)];
    if (JSON.stringify({ ...x, tookMs: 0 }) === JSON.stringify({ ...y, tookMs: 0 })) continue;
    differ++;
    console.log(`answers differ: ${q} (totals ${x.total}, ${y.total})`);
  }
  return differ;
}

async function runRound(round: number, sides: Side[], queries: readonly string[], args: AbArgs): Promise<void> {
  const order = round % 2 === 0 ? sides : [...sides].reverse();
  for (const side of order) if (side.plan) timePlanning(side, side.plan, queries);
  if (!args.search) return;
  const spent = new Map<Side, number>(sides.map((s) => [s, 0]));
  for (let pass = 0; pass < args.passes; pass++) {
    for (const [i, q] of queries.entries()) {
      for (const side of order) if (side.engine) spent.set(side, (spent.get(side) ?? 0) + (await timeSearch(side, side.engine, q, i)));
    }
  }
  for (const side of sides) side.searchUs.push(((spent.get(side) ?? 0) * 1000) / args.passes / queries.length);
}

const ms = (x: number): string => x.toFixed(3);
/** min / median / max of a list, one decimal. */
const spread = (values: readonly number[]): string => {
  const { min, median, max } = spreadOf(values);
  return [min, median, max].map((x) => x.toFixed(1)).join(' / ');
};

function report(a: Side, b: Side, queries: readonly string[], args: AbArgs): void {
  const benchCount = queries.length - 1;
  if (args.search) {
    console.log(`${'query'.padEnd(24)} A median  B median (ms, wall)`);
    queries.forEach((q, i) => console.log(`${q.slice(0, 22).padEnd(24)} ${ms(median(a.wall[i] ?? []))}  ${ms(median(b.wall[i] ?? []))}`));
    const pick = Array.from({ length: benchCount }, (_, i) => i);
    for (const kind of ['wall', 'cpu'] as const) {
      const [la, lb] = [latencyOver(a[kind], pick), latencyOver(b[kind], pick)];
      console.log(`all ${benchCount} bench queries, ${kind}: p50 A ${ms(la.p50)} B ${ms(lb.p50)}; p99 A ${ms(la.p99)} B ${ms(lb.p99)}`);
    }
    const middle = (side: Side, kind: 'wall' | 'cpu'): string => ms(median(side[kind][benchCount] ?? []));
    console.log(`${BROAD}: wall median A ${middle(a, 'wall')} B ${middle(b, 'wall')}; cpu median A ${middle(a, 'cpu')} B ${middle(b, 'cpu')}`);
    console.log(`engine.search CPU per query, µs (min / median / max of the rounds): A ${spread(a.searchUs)}; B ${spread(b.searchUs)}`);
  }
  if (args.plan) console.log(`planning alone CPU per query, µs (min / median / max of the rounds): A ${spread(a.planUs)}; B ${spread(b.planUs)}`);
  console.log(`A ${a.root}, B ${b.root}; ${args.rounds} rounds at ${args.scale}`);
}

async function main(): Promise<void> {
  const args = parseAbArgs(process.argv.slice(2));
  const queries = [...loadQueries().map((q) => q.q), BROAD];
  const temp = args.scale === 'real' && !args.indexDirs ? [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'ab-index-'))) : [];
  const [tempA, tempB] = temp;
  const dirs = args.scale === '1x' ? args.checkouts.map((c) => path.join(c, 'index')) : (args.indexDirs ?? [tempA ?? '', tempB ?? '']);
  try {
    const a = await openSide(args.checkouts[0], dirs[0] ?? '', args, queries.length);
    const b = await openSide(args.checkouts[1], dirs[1] ?? '', args, queries.length);
    if (a.engine && b.engine) {
      const differ = await compareAnswers(a.engine, b.engine, queries);
      console.log(differ === 0 ? `answers: A and B alike on all ${queries.length} queries` : `answers: ${differ} of ${queries.length} queries differ`);
    }
    for (const side of [a, b]) if (side.plan) for (let w = 0; w < 3; w++) for (const q of queries) side.plan(q); // warm before timing
    for (let round = 0; round < args.rounds; round++) await runRound(round, [a, b], queries, args);
    report(a, b, queries, args);
    await a.engine?.close();
    await b.engine?.close();
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  const code = e instanceof BenchArgumentError ? `${e.code}: ` : '';
  process.stderr.write(`${code}${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
