/**
 * Two checkouts of the engine in one process, measured in alternating blocks, so that both share whatever load
 * the machine has: planning alone (parse, read English, plan) and `engine.search`, as CPU time per query over
 * the bench's queries, with the spread of the blocks. For a machine too busy for separate runs to compare.
 *
 *   npx tsx bench/interleaved-ab.ts /work/main . --blocks 20
 *   npx tsx bench/interleaved-ab.ts /work/main . --blocks 30 --plan-only
 *
 * Each checkout opens its own bundled index (`<root>/index`, built there when missing) and its own modules.
 * `bench/engine-ab.ts` compares two engines at the real scale query by query; this one measures planning alone
 * beside the whole search, at 1x.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CrossLangModule from '../src/crosslang/expand.js';
import type * as OpenEngineModule from '../src/runtime/open-engine.js';
import type * as PlanModule from '../src/search/plan.js';
import type * as ParserModule from '../src/search/query-parser.js';
import type { Engine } from '../src/search/types.js';
import type * as AnalyzerModule from '../src/text/analyzer.js';
import { loadQueries } from './queries.js';
import { latencyOf, percentile } from './stats.js';

/** One checkout: its planner, its engine (none when only planning is measured) and the blocks measured. */
interface Side {
  root: string;
  plan: (q: string) => unknown;
  engine: Engine | null;
  planUs: number[];
  searchUs: number[];
  latencyMs: number[];
}

const PLAN_ROUNDS = 40;
const SEARCH_ROUNDS = 10;

async function load<T>(root: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, file)).href)) as T;
}

async function open(root: string, withEngine: boolean): Promise<Side> {
  const { openEngine } = await load<typeof OpenEngineModule>(root, 'src/runtime/open-engine.ts');
  const { loadChineseSegmenter } = await load<typeof AnalyzerModule>(root, 'src/text/analyzer.ts');
  const { planQuery } = await load<typeof PlanModule>(root, 'src/search/plan.ts');
  const { parseQuery } = await load<typeof ParserModule>(root, 'src/search/query-parser.ts');
  const { createCrossLang } = await load<typeof CrossLangModule>(root, 'src/crosslang/expand.ts');
  loadChineseSegmenter(); // as the bench does: it has loaded jieba to build the index
  const crossLang = createCrossLang({ cacheDir: path.join(root, 'index') });
  const engine = withEngine ? await openEngine({ indexDir: path.join(root, 'index'), corpusDirs: [path.join(root, 'corpus')] }) : null;
  return { root, plan: (q) => planQuery(parseQuery(q), {}, { crossLang }), engine, planUs: [], searchUs: [], latencyMs: [] };
}

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** min / median / max of a list. */
function spread(values: number[]): string {
  return [0, 0.5, 1].map((q) => percentile(values, q).toFixed(1)).join(' / ');
}

async function measureBlock(side: Side, queries: string[], planOnly: boolean): Promise<void> {
  let start = cpuMicros();
  for (let r = 0; r < PLAN_ROUNDS; r++) for (const q of queries) side.plan(q);
  side.planUs.push((cpuMicros() - start) / PLAN_ROUNDS / queries.length);
  if (planOnly || !side.engine) return;
  start = cpuMicros();
  for (let r = 0; r < SEARCH_ROUNDS; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      await side.engine.search(q);
      side.latencyMs.push(performance.now() - t0);
    }
  }
  side.searchUs.push((cpuMicros() - start) / SEARCH_ROUNDS / queries.length);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roots = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--blocks').map((r) => path.resolve(r));
  const blocksAt = args.indexOf('--blocks');
  const blocks = blocksAt >= 0 ? Number(args[blocksAt + 1]) : 10;
  const planOnly = args.includes('--plan-only');
  if (roots.length !== 2 || !(blocks >= 2)) {
    console.error('BENCH_BAD_ARGUMENT: give two checkouts, e.g. `npx tsx bench/interleaved-ab.ts /work/main . --blocks 20 [--plan-only]`');
    process.exit(1);
  }
  const queries = loadQueries().map((q) => q.q);
  const sides = [await open(roots[0] ?? '', !planOnly), await open(roots[1] ?? '', !planOnly)];
  // Warm both before timing either.
  for (const side of sides) for (let w = 0; w < 3; w++) for (const q of queries) await measureWarm(side, q);
  for (let b = 0; b < blocks; b++) for (const side of b % 2 === 0 ? sides : [...sides].reverse()) await measureBlock(side, queries, planOnly);
  for (const side of sides) {
    const { p50, p99 } = latencyOf(side.latencyMs);
    const search = side.searchUs.length > 0 ? `; engine.search CPU ${spread(side.searchUs)} us, p50 ${p50} ms, p99 ${p99} ms` : '';
    console.log(`${side.root}: planning ${spread(side.planUs)} us${search} (min / median / max of ${blocks} blocks)`);
    await side.engine?.close();
  }
}

async function measureWarm(side: Side, q: string): Promise<void> {
  side.plan(q);
  await side.engine?.search(q);
}

await main();
