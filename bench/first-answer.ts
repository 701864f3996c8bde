/**
 * Time from process start to the first answered search: spawns the server as `npm start` runs it (after its
 * `prestart`, which compiles it and is not timed: `node dist/server/main.js`, without npm's own start-up; in a
 * checkout from before the compiled start, `node --import tsx src/server/main.ts`) on an index already built, polls
 * `/api/search` until it answers 200, and stops it; several starts, one after the other.
 *
 *   npm run bench:first-answer -- [--starts 5] [--query 高质量发展] [--scale real] [--versions <dir>,…]
 *
 * `--versions` names other checkouts of the project (e.g. an earlier commit unpacked in `.tmp/`) whose servers
 * are started in turn with this one's, start for start, on the same index, so that a busy machine slows all alike.
 *
 * Each start also reports, from Linux's per-thread scheduler statistics at the first answer, how long the server's
 * main thread ran, how long it waited for a CPU (what a busy machine adds), and how long all its threads ran.
 *
 * `--scale real` is `CORPUS_DIR=corpus:../shared/corpora` (the default), `1x` the bundled corpus (`scales.ts`);
 * any other scale is refused (BENCH_BAD_ARGUMENT, naming these). `INDEX_DIR` names the index (default `.tmp/bench-index/<scale>`, built by the first start when missing, which is not counted).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopServer } from './processes.js';
import { BenchArgumentError, scaleSpec } from './scales.js';
import { flagsOf, positive } from './args.js';
import { spreadOf } from './stats.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a start is given: the index and corpus folders, and no answer cache. */
type StartEnv = { INDEX_DIR: string; CORPUS_DIR: string; SEARCH_CACHE_MB: string };

interface FirstAnswer {
  /** Milliseconds from spawn to the first 200 of /api/search. */
  ms: number;
  /** Bytes of that answer. */
  bytes: number;
  /** Where the server's threads spent that time, when Linux says (null elsewhere). */
  cpu: CpuTimes | null;
}

/** From the server's /proc/<pid>/task/<tid>/schedstat at its first answer, in ms. */
interface CpuTimes {
  /** The main thread on a CPU: about what a start takes when nothing else wants the cores. */
  main: number;
  /** The main thread ready to run but waiting for a CPU: what a busy machine adds. */
  waiting: number;
  /** Every thread of the process on a CPU (GC helpers, the checksum thread, libuv's pool). */
  all: number;
}

/** The server's CPU times so far, or null off Linux (or when it has exited). */
function cpuTimes(pid: number | undefined): CpuTimes | null {
  if (pid === undefined) return null;
  try {
    const ms = (tid: string): [number, number] => {
      const [onCpu = '0', waiting = '0'] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/);
      return [Number(onCpu) / 1e6, Number(waiting) / 1e6];
    };
    const [main, waiting] = ms(String(pid));
    const all = readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => sum + ms(tid)[0], 0);
    return { main, waiting, all };
  } catch {
    return null;
  }
}

/** One start: spawn, poll the search (every 10 ms, each try given 5 s) until it answers, stop. */
async function oneStart(repo: string, env: StartEnv, query: string, timeoutMs: number): Promise<FirstAnswer> {
  const server = await startServer(repo, env, timeoutMs, { path: `/api/search?q=${encodeURIComponent(query)}`, pollMs: 10, requestMs: 5000 });
  try {
    return { ms: server.readyMs, bytes: Buffer.byteLength(server.health), cpu: cpuTimes(server.child.pid) };
  } finally {
    await stopServer(server.child);
  }
}

/** The folders a server of `scale` reads (`scales.ts`); a synthetic scale is made in memory, which a server cannot read. */
function corpusOf(scale: string): string {
  const spec = scaleSpec(scale, REPO);
  if (spec.kind !== 'dirs') throw new BenchArgumentError(`--scale ${scale} is synthetic, which a server cannot start on: use 1x or real`);
  return spec.dirs.join(path.delimiter);
}

const USAGE = 'usage: --starts <n> --query <text> --scale 1x|real --versions <dir>,…';

/** The command line: unknown flags and missing values are BENCH_BAD_ARGUMENT, as `npm run bench`'s are. */
function parseFirstAnswerArgs(argv: readonly string[]): { starts: number; query: string; scale: string; versions: string[] } {
  const args = { starts: 5, query: '高质量发展', scale: 'real', versions: [] as string[] };
  for (const { arg, name, value } of flagsOf(argv, USAGE)) {
    if (name === '--starts') args.starts = positive(name, value(), 100);
    else if (name === '--query') args.query = value();
    else if (name === '--scale') args.scale = value();
    else if (name === '--versions') args.versions = value().split(',').filter(Boolean);
    else throw new BenchArgumentError(`unknown argument "${arg}"; ${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const { starts, query, scale, versions: others } = parseFirstAnswerArgs(process.argv.slice(2));
  const corpus = corpusOf(scale);
  const env: StartEnv = {
    CORPUS_DIR: process.env.CORPUS_DIR ?? corpus,
    INDEX_DIR: process.env.INDEX_DIR ?? path.join(REPO, '.tmp', 'bench-index', scale),
    SEARCH_CACHE_MB: '0',
  };
  const versions = [REPO, ...others.map((d) => path.resolve(d))];
  // A first start builds the index when it is missing or stale (and caches what a start reads); not counted.
  for (const repo of versions) await oneStart(repo, env, query, 600_000);
  const answers = versions.map((): FirstAnswer[] => []);
  const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(`load average (1, 5, 15 min) before: ${load()}\n`);
  for (let i = 0; i < starts; i++) {
    for (const [v, repo] of versions.entries()) {
      const answer = await oneStart(repo, env, query, 120_000);
      answers[v].push(answer);
      const { ms, bytes, cpu } = answer;
      const threads = cpu ? `; main thread on a CPU ${Math.round(cpu.main)} ms, waiting for one ${Math.round(cpu.waiting)} ms, all threads ${Math.round(cpu.all)} ms` : '';
      process.stdout.write(`${path.relative(REPO, repo) || '.'} start ${i + 1}: first answer after ${Math.round(ms)} ms (${bytes} bytes${threads})\n`);
    }
  }
  process.stdout.write(`load average after: ${load()}\n`);
  for (const [v, repo] of versions.entries()) {
    const spread = (values: number[]): string => {
      const { min, median, max } = spreadOf(values);
      return `min ${Math.round(min)}, median ${Math.round(median)}, max ${Math.round(max)}`;
    };
    const times = answers[v].map((a) => a.ms);
    const within = times.filter((t) => t <= 1500).length;
    const cpus = answers[v].flatMap((a) => (a.cpu ? [a.cpu] : []));
    const cpuLine = cpus.length
      ? `\n  main thread on a CPU: ${spread(cpus.map((c) => c.main))}; waiting for a CPU: ${spread(cpus.map((c) => c.waiting))}; all threads: ${spread(cpus.map((c) => c.all))}`
      : '';
    process.stdout.write(
      `${path.relative(REPO, repo) || '.'}: first answer (ms) over ${starts} starts at ${scale}: ${spread(times)}; ≤ 1.5 s in ${within} of ${starts}${cpuLine}\n`,
    );
  }
}

main().catch((e: unknown) => {
  const code = e instanceof BenchArgumentError ? `${e.code}: ` : '';
  process.stderr.write(`${code}${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
