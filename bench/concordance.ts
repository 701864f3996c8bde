/**
 * How fast the concordance and the trend of frequent and rare terms answer, at the scale of the corpora in
 * use (CORPUS_DIR; the bundled corpus by default). Prints the median and the slowest of repeated runs: cold
 * (the engine's recent lists evicted first, so the index is searched) and warm (paging or re-sorting a
 * concordance just shown).
 * Usage: CORPUS_DIR=corpus:../shared/corpora npx tsx bench/concordance.ts [--runs 30] [term…]
 */
import { configFromEnv } from '../src/config.js';
import { engineOptionsOf, openEngine } from '../src/runtime/open-engine.js';
import { RECENT_LISTS } from '../src/search/research.js';
import { median } from './stats.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 30 : Math.max(1, Number(args[runsAt + 1]) || 30);
const given = args.filter((a, i) => a !== '--runs' && i !== runsAt + 1);
const terms = given.length > 0 ? given : ['发展', '乡村振兴', '"高质量发展"', 'tourism'];

const engine = await openEngine(engineOptionsOf(configFromEnv(process.env)));
const { passages, documents } = engine.stats();
console.log(`${documents} reports, ${passages} passages; ${runs} runs per case (after one warm-up)`);

/** Median and maximum of `runs` timings of `task`, in ms. */
async function time(task: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await task();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, max: ms[ms.length - 1] ?? 0 };
}

/** Other phrases, asked for (untimed) before a cold run so that the term's list is no longer kept. */
const EVICT = Array.from({ length: RECENT_LISTS }, (_, i) => `"${String(1000 + i)}"`);

/** Times `task` after evicting the engine's recent lists (the eviction itself is not timed). */
async function timeCold(task: () => Promise<unknown>): Promise<{ median: number; max: number; cpu: number }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const q of EVICT) await engine.concordance(q, { limit: 1 });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await task();
    ms.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(ms), max: Math.max(...ms), cpu: median(cpu) };
}

const fmt = (x: number): string => x.toFixed(1).padStart(7);
// CPU time (this process's user + system) is shown beside wall time: on a machine shared with other work, wall
// time also counts the time spent waiting for a core.
console.log('term                 occurrences   cold median/max ms (cpu ms)   warm median ms   cold sort=left ms   cold trend ms');
for (const term of terms) {
  const { total } = await engine.concordance(term, { limit: 100 });
  const cold = await timeCold(() => engine.concordance(term, { limit: 100 }));
  const warm = await time(() => engine.concordance(term, { limit: 100, offset: 100 }));
  const left = await timeCold(() => engine.concordance(term, { limit: 100, sort: 'left' }));
  const trend = await timeCold(() => engine.trend(term));
  console.log(`${term.padEnd(20)} ${String(total).padStart(11)}   ${fmt(cold.median)} / ${fmt(cold.max)} (${fmt(cold.cpu)})   ${fmt(warm.median)}          ${fmt(left.median)}         ${fmt(trend.median)}`);
}
await engine.close();
