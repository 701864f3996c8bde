/**
 * `npm run bench:hostile`: the timings the reliability tests used to assert, measured here instead, where
 * nothing else shares the CPU. For each hostile 500-character query (`hostile-query-set.ts`), its median
 * time against an ordinary query interleaved with it (passes under 25 times the ordinary one); and the
 * parser and analyzer on twice the text (passes under 3.5 times: linear doubles, quadratic quadruples).
 * Environment: CORPUS_DIR and INDEX_DIR as for `npm start`.
 */
import { configFromEnv } from '../src/config.js';
import { engineOptionsOf, openEngine } from '../src/runtime/open-engine.js';
import { parseQuery } from '../src/search/query-parser.js';
import { analyze } from '../src/text/analyzer.js';
import { ADVERSARIAL_QUERIES } from './hostile-query-set.js';
import { median } from './stats.js';

const ORDINARY = '西藏 旅游';
const MAX_RATIO = 25;
const MAX_DOUBLING = 3.5;

/** Median milliseconds of `fn` and of `other` over `reps` calls each, interleaved so both see the same load. */
async function medians(fn: () => unknown, other: () => unknown, reps: number): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    let t = performance.now();
    await fn();
    a.push(performance.now() - t);
    t = performance.now();
    await other();
    b.push(performance.now() - t);
  }
  return [median(a), median(b)];
}

async function main(): Promise<void> {
  const engine = await openEngine(engineOptionsOf(configFromEnv(process.env)));
  const checks: Array<[string, boolean]> = [];
  for (const [name, [make, n]] of Object.entries(ADVERSARIAL_QUERIES)) {
    const query = make(n);
    await engine.search(query);
    const [slow, ordinary] = await medians(() => engine.search(query), () => engine.search(ORDINARY), 15);
    const ratio = slow / Math.max(ordinary, 0.5);
    console.log(`${name.padEnd(18)} ${slow.toFixed(2).padStart(7)} ms, ordinary ${ordinary.toFixed(2)} ms (×${ratio.toFixed(1)})`);
    checks.push([`${name}: under ${MAX_RATIO}× an ordinary query`, ratio < MAX_RATIO]);
  }
  const unit = '"「“-OR |-- a:b year:西藏 发展ab😀\u0301 ';
  const cases: Array<[string, (text: string) => unknown, number]> = [
    ['parseQuery', parseQuery, 20_000],
    ['analyze', (text) => analyze(text), 2_000],
  ];
  for (const [name, fn, repeats] of cases) {
    const small = unit.repeat(repeats);
    const large = unit.repeat(repeats * 2);
    for (let i = 0; i < 3; i += 1) {
      fn(small);
      fn(large);
    }
    const [big, half] = await medians(() => fn(large), () => fn(small), 7);
    console.log(`${name.padEnd(18)} ${half.toFixed(1)} ms → ${big.toFixed(1)} ms on twice the text (×${(big / half).toFixed(2)})`);
    checks.push([`${name}: twice the text in under ${MAX_DOUBLING}× the time`, big / half < MAX_DOUBLING]);
  }
  await engine.close();
  console.log(checks.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
