/**
 * Two checkouts' engines in one process, the bench's queries (and 发展) interleaved, for an A/B comparison
 * on a busy machine: each round asks every query of A then of B (B first on odd rounds), so a noisy
 * neighbour slows both alike. Prints each query's median wall time, and the p50 / p99 over all queries of
 * wall and CPU time, as `npm run bench` computes them; first checks that both answer every query alike.
 *
 *   npx tsx bench/engine-ab.ts <rounds> <checkout A> <index dir A> <checkout B> <index dir B>
 *
 * Both engines read the real scale (`corpus/` of each checkout and `../shared/corpora` beside it); an index
 * dir that does not hold a current index is built first (about a minute at real).
 */
import path from 'node:path';
import type { Engine } from '../src/search/types.js';
import { latencyOver } from './measure.js';
import { loadQueries } from './queries.js';
import { percentile } from './stats.js';

interface Side {
  name: string;
  engine: Engine;
  wall: number[][];
  cpu: number[][];
}

/** The engine of a checkout at the real scale, imported from that checkout's own sources. */
async function openSide(name: string, checkout: string, indexDir: string, queries: number): Promise<Side> {
  const { openEngine } = (await import(path.resolve(checkout, 'src/runtime/open-engine.ts'))) as typeof import('../src/runtime/open-engine.js');
  const corpusDirs = [path.resolve(checkout, 'corpus'), path.resolve(checkout, '../shared/corpora')];
  const engine = await openEngine({ corpusDirs, indexDir });
  return { name, engine, wall: Array.from({ length: queries }, () => []), cpu: Array.from({ length: queries }, () => []) };
}

async function timeOne(side: Side, q: string, i: number): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await side.engine.search(q);
  side.wall[i].push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  side.cpu[i].push((cpu.user + cpu.system) / 1000);
}

const ms = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  const [rounds, checkoutA, indexA, checkoutB, indexB] = process.argv.slice(2);
  if (!indexB || !(Number(rounds) > 0)) throw new Error('usage: tsx bench/engine-ab.ts <rounds> <checkout A> <index dir A> <checkout B> <index dir B>');
  const benchQueries = loadQueries(path.resolve(checkoutA, 'bench/queries.json')).map((b) => b.q);
  const queries = [...benchQueries, '发展'];
  const a = await openSide('A', checkoutA, indexA, queries.length);
  const b = await openSide('B', checkoutB, indexB, queries.length);
  for (const q of queries) {
    const [x, y] = [await a.engine.search(q), await b.engine.search(q)];
    if (JSON.stringify({ ...x, tookMs: 0 }) !== JSON.stringify({ ...y, tookMs: 0 })) console.log(`answers differ: ${q} (totals ${x.total}, ${y.total})`);
  }
  for (let round = 0; round < Number(rounds); round++) {
    const order = round % 2 === 0 ? [a, b] : [b, a];
    for (const [i, q] of queries.entries()) for (const side of order) await timeOne(side, q, i);
  }
  console.log(`${'query'.padEnd(24)} A median  B median (ms, wall)`);
  for (const [i, q] of queries.entries()) console.log(`${q.slice(0, 22).padEnd(24)} ${ms(percentile(a.wall[i], 0.5))}  ${ms(percentile(b.wall[i], 0.5))}`);
  const n = benchQueries.length;
  for (const kind of ['wall', 'cpu'] as const) {
    const [la, lb] = [a, b].map((side) => latencyOver(side[kind].slice(0, n)));
    console.log(`all queries, ${kind}: p50 A ${ms(la.p50)} B ${ms(lb.p50)}; p99 A ${ms(la.p99)} B ${ms(lb.p99)}`);
  }
  console.log(`发展: wall median A ${ms(percentile(a.wall[n], 0.5))} B ${ms(percentile(b.wall[n], 0.5))}; cpu median A ${ms(percentile(a.cpu[n], 0.5))} B ${ms(percentile(b.cpu[n], 0.5))}`);
  await a.engine.close();
  await b.engine.close();
}

await main();
