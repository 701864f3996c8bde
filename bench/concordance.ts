/**
 * How fast the concordance and the trend of frequent and rare terms answer, at the scale of the corpora in
 * use (CORPUS_DIR; the bundled corpus by default). Prints the median and the slowest of repeated runs.
 * Usage: CORPUS_DIR=corpus:../shared/corpora npx tsx bench/concordance.ts [--runs 30] [term…]
 */
import { openEngine } from '../src/search/engine.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 30 : Math.max(1, Number(args[runsAt + 1]) || 30);
const given = args.filter((a, i) => a !== '--runs' && i !== runsAt + 1);
const terms = given.length > 0 ? given : ['发展', '乡村振兴', '"高质量发展"', 'tourism'];

const engine = await openEngine();
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

const fmt = (x: number): string => x.toFixed(1).padStart(7);
console.log('term                  occurrences  concordance median/max ms   sort=left median ms   trend median ms');
for (const term of terms) {
  const { total } = await engine.concordance(term, { limit: 100 });
  const plain = await time(() => engine.concordance(term, { limit: 100 }));
  const left = await time(() => engine.concordance(term, { limit: 100, sort: 'left' }));
  const trend = await time(() => engine.trend(term));
  console.log(`${term.padEnd(20)} ${String(total).padStart(12)}  ${fmt(plain.median)} / ${fmt(plain.max)}        ${fmt(left.median)}            ${fmt(trend.median)}`);
}
await engine.close();
