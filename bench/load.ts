/**
 * `npm run bench:load [-- --connections 100 --seconds 30 --warmup 15 --flood-sockets 1100 --flood-seconds 12
 * --flood-only --out result.json]`: the server under sustained load, bounded to 127.0.0.1 (at most 100
 * connections, 120 s), then two connection floods from one address (`connection-flood.ts`) while normal
 * searches are measured: idle sockets held, then sockets reopened as soon as closed. `--flood-only` skips
 * the sustained load.
 *
 * The server runs in a child process (this file with `--serve`: the engine and app exactly as `npm start`
 * builds them, request log included, rate limit off as on any loopback address), the load generator
 * (autocannon) in this one. One run on the same 100 connections: a warm-up (default 15 s, long enough for
 * all connections to be accepted, see below), then the measured 30 s, over a mix of searches, suggestions,
 * passages, reports and page files. The server's heap is sampled after a full garbage collection at the
 * end of the warm-up and one second before the end, both under the same load. It passes when, for the
 * requests started in the measured window, there were no connection errors, no timeouts (30 s) and no
 * answer other than 2xx, the heap at the end is within 10% of the heap after warm-up, and no normal search
 * failed during either flood.
 *
 * Why one run with a warm-up rather than two: a saturated Node server accepts about one new connection
 * per event-loop turn, so 100 connections opened at once against a busy server wait up to ~10 s for their
 * first answer. That start-up queue is reported ("whole run") but is not the steady state measured here.
 * Environment: CORPUS_DIR, INDEX_DIR and the connection limits (MAX_CONNECTIONS_PER_CLIENT…) as for `npm start`.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { configFromEnv } from '../src/config.js';
import { engineOptionsOf, openEngine } from '../src/runtime/open-engine.js';
import { createApp } from '../src/server/app.js';
import { connectionLimitsFromEnv } from '../src/server/connection-limits.js';
import { startServer } from '../src/server/http-server.js';
import { FLOOD_LIMITS, floods } from './connection-flood.js';

const HOST = '127.0.0.1';
const LIMITS = { connections: 100, seconds: 120, warmup: 60, 'flood-sockets': FLOOD_LIMITS.sockets, 'flood-seconds': FLOOD_LIMITS.seconds };
const MAX_HEAP_GROWTH = 0.1;
/** A request not answered within this long counts as a timeout. */
const TIMEOUT_SECONDS = 30;
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  connections: number;
  seconds: number;
  warmup: number;
  floodSockets: number;
  floodSeconds: number;
  floodOnly: boolean;
  out: string | null;
}

interface Memory {
  heapUsed: number;
  rss: number;
  /** Event-loop delay since the previous sample, in ms: how long a ready request could wait. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

type ToParent = { type: 'ready'; port: number; documents: number; passages: number } | { type: 'memory'; memory: Memory };

/** Reads `--name value` options, refusing values outside the bounds. */
function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const int = (name: keyof typeof LIMITS, fallback: number): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS[name]) {
      throw new Error(`BENCH_BAD_ARGUMENT: --${name} must be a whole number from 1 to ${LIMITS[name]} (got ${raw})`);
    }
    return n;
  };
  return {
    connections: int('connections', 100),
    seconds: int('seconds', 30),
    warmup: int('warmup', 15),
    floodSockets: int('flood-sockets', 1100),
    floodSeconds: int('flood-seconds', 12),
    floodOnly: argv.includes('--flood-only'),
    out: value('out') ?? null,
  };
}

// ---------------------------------------------------------------- the server (child process)

/** Child: the engine and app as main.ts builds them; answers memory requests after a full GC. */
async function serve(): Promise<void> {
  const engine = await openEngine(engineOptionsOf(configFromEnv(process.env)));
  const app = createApp(engine, { log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`) });
  const running = await startServer(app, { port: 0, host: HOST, connections: connectionLimitsFromEnv(process.env) });
  const send = (message: ToParent): void => void process.send?.(message);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') {
      const loopDelayP99Ms = Math.round(loop.percentile(99) / 1e6);
      const loopDelayMaxMs = Math.round(loop.max / 1e6);
      for (let i = 0; i < 3; i += 1) globalThis.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      send({ type: 'memory', memory: { heapUsed, rss, loopDelayP99Ms, loopDelayMaxMs } });
      loop.reset();
    } else if (message.type === 'stop') void running.close().then(() => process.exit(0));
  });
  const { documents, passages } = engine.stats();
  send({ type: 'ready', port: Number(new URL(running.url).port), documents, passages });
}

// ---------------------------------------------------------------- the load (this process)

/** The next message of a given type from the child. */
function nextMessage<T extends ToParent['type']>(child: ChildProcess, type: T): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ToParent): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as Extract<ToParent, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`BENCH_SERVER_EXITED: the server exited (${code}) before sending "${type}"`)));
  });
}

/** The request mix: searches of every kind, suggestions, passages, reports, health and the page. */
async function requestMix(base: string): Promise<string[]> {
  const open = JSON.parse(readFileSync(path.resolve(REPO_ROOT, '../shared/eval/open-queries.json'), 'utf8')) as {
    phrases: Array<{ phrase: string }>;
    traditional: Array<{ query: string }>;
    english: Array<{ query: string }>;
  };
  const q = (text: string, extra = ''): string => `/api/search?q=${encodeURIComponent(text)}${extra}`;
  const searches = [
    ...open.phrases.map((p) => q(`"${p.phrase}"`)),
    ...open.phrases.map((p) => q(p.phrase, '&limit=20')),
    ...open.traditional.map((t) => q(t.query)),
    ...open.english.map((e) => q(e.query)),
    q('西藏 旅游'),
    q('教育 医疗 就业'),
    q('青稞 OR 光伏'),
    q('教育 -学前教育'),
    q('西藏 year:2024'),
    q('旅游 kind:heading'),
    q('发展', '&offset=40&limit=20'),
  ];
  const suggestions = open.phrases.map((p) => `/api/suggest?q=${encodeURIComponent(Array.from(p.phrase).slice(0, 2).join(''))}`);
  const { documents } = (await (await fetch(`${base}/api/documents`)).json()) as { documents: Array<{ id: string }> };
  const reports = documents.map((d) => `/api/documents/${d.id}`);
  const passages: string[] = [];
  for (const doc of documents) {
    const { passages: ps } = (await (await fetch(`${base}/api/documents/${doc.id}`)).json()) as { passages: Array<{ id: string }> };
    for (const p of ps.filter((_, i) => i % 25 === 0)) passages.push(`/api/passages/${p.id}`);
  }
  // Searches dominate, as they do for a person using the page.
  return [...searches, ...searches, ...searches, ...suggestions, ...passages, ...reports, '/api/documents', '/api/health', '/', '/app.js', '/styles.css'];
}

/** What happened in the measured window (requests that started after the warm-up). */
interface Window {
  latencies: number[];
  status: Record<'2xx' | '3xx' | '4xx' | '5xx' | 'other', number>;
  errors: number;
  timeouts: number;
}

/**
 * One autocannon run of warm-up + measured seconds on the same 100 connections. The connections stay open
 * from warm-up to the end: a saturated Node server accepts about one new connection per event-loop turn,
 * so opening 100 fresh connections against a busy server measures that start-up queue rather than steady
 * state (see docs/reliability.md). Calls `at(seconds, …)` hooks while running (memory samples).
 */
function load(
  base: string,
  paths: string[],
  options: Options,
  hooks: Array<{ atSeconds: number; run: () => Promise<void> }>,
): Promise<{ result: autocannon.Result; window: Window; startedAt: number }> {
  let next = 0;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections: options.connections,
      duration: options.warmup + options.seconds,
      timeout: TIMEOUT_SECONDS,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/api/health' }) }],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  const startedAt = performance.now();
  const measuredFrom = startedAt + options.warmup * 1000;
  const window: Window = { latencies: [], status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 }, errors: 0, timeouts: 0 };
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (performance.now() - responseTime < measuredFrom) return;
    window.latencies.push(responseTime);
    const klass = `${Math.floor(statusCode / 100)}xx`;
    if (klass === '2xx' || klass === '3xx' || klass === '4xx' || klass === '5xx') window.status[klass] += 1;
    else window.status.other += 1;
  });
  instance.on('reqError', (error: Error) => {
    // A timeout is reported when it fires: the request itself started TIMEOUT_SECONDS earlier.
    const timedOut = /timed out/.test(error.message);
    if (performance.now() - (timedOut ? TIMEOUT_SECONDS * 1000 : 0) < measuredFrom) return;
    window.errors += 1;
    if (timedOut) window.timeouts += 1;
  });
  const pending = hooks.map(({ atSeconds, run }) => new Promise<void>((resolve, reject) => {
    setTimeout(() => run().then(resolve, reject), atSeconds * 1000);
  }));
  return Promise.all([finished, ...pending]).then(([result]) => ({ result, window, startedAt }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The sustained load: its summary (for --out), its checks, and the report printed. */
async function sustainedLoad(
  base: string,
  paths: string[],
  options: Options,
  ready: Extract<ToParent, { type: 'ready' }>,
  memory: () => Promise<Memory>,
): Promise<{ summary: object; checks: Array<[string, boolean]> }> {
  console.log(`${options.connections} connections: ${options.warmup} s warm-up, then ${options.seconds} s measured…`);
  const samples: Partial<Record<'warm' | 'end', Memory>> = {};
  // Both samples under the same load, after a full garbage collection: at the end of the warm-up, and one
  // second before the end of the run.
  const { result, window } = await load(base, paths, options, [
    { atSeconds: options.warmup, run: async () => void (samples.warm = await memory()) },
    { atSeconds: options.warmup + options.seconds - 1, run: async () => void (samples.end = await memory()) },
  ]);
  const idle = await memory();
  const before = samples.warm as Memory;
  const after = samples.end as Memory;

  const sorted = [...window.latencies].sort((a, b) => a - b);
  const growth = after.heapUsed / before.heapUsed - 1;
  const nonOk = window.status['3xx'] + window.status['4xx'] + window.status['5xx'] + window.status.other;
  const summary = {
    date: new Date().toISOString(),
    node: process.version,
    corpus: { documents: ready.documents, passages: ready.passages },
    connections: options.connections,
    warmupSeconds: options.warmup,
    seconds: options.seconds,
    requests: sorted.length,
    requestsPerSecond: Math.round(sorted.length / options.seconds),
    latencyMs: {
      p50: Math.round(percentile(sorted, 0.5)),
      p90: Math.round(percentile(sorted, 0.9)),
      p99: Math.round(percentile(sorted, 0.99)),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    },
    errors: window.errors,
    timeouts: window.timeouts,
    status: window.status,
    wholeRun: { requests: result.requests.total, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, maxLatencyMs: result.latency.max },
    memory: {
      heapAfterWarmup: before.heapUsed,
      heapAfterRun: after.heapUsed,
      heapGrowth: Math.round(growth * 1000) / 10,
      rssAfterWarmup: before.rss,
      rssAfterRun: after.rss,
      heapIdleAfterRun: idle.heapUsed,
    },
    eventLoopDelayMs: { p99: after.loopDelayP99Ms, max: after.loopDelayMaxMs },
  };
  const checks: Array<[string, boolean]> = [
    ['no connection errors', window.errors === 0],
    ['no timeouts', window.timeouts === 0],
    ['no 5xx', window.status['5xx'] === 0 && result['5xx'] === 0],
    ['every answer 2xx', nonOk === 0 && result.non2xx === 0],
    [`heap at the end of the run within ${MAX_HEAP_GROWTH * 100}% of the heap after warm-up`, growth <= MAX_HEAP_GROWTH],
  ];
  console.log(`
requests     ${summary.requests} in ${options.seconds} s (${summary.requestsPerSecond}/s), errors ${summary.errors}, timeouts ${summary.timeouts}
status       2xx ${window.status['2xx']}, 3xx ${window.status['3xx']}, 4xx ${window.status['4xx']}, 5xx ${window.status['5xx']}
latency      p50 ${summary.latencyMs.p50} ms, p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms
heap         ${mb(before.heapUsed)} after warm-up → ${mb(after.heapUsed)} at the end (${summary.memory.heapGrowth >= 0 ? '+' : ''}${summary.memory.heapGrowth}%), ${mb(idle.heapUsed)} idle after
rss          ${mb(before.rss)} → ${mb(after.rss)}
event loop   delay p99 ${after.loopDelayP99Ms} ms, max ${after.loopDelayMaxMs} ms (server side, measured window)
whole run    ${result.requests.total} requests incl. warm-up, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, max latency ${result.latency.max} ms
           (the slowest are first answers on connections opened while the server was already saturated)
${checks.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n')}`);
  console.log(JSON.stringify(summary));
  return { summary, checks };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    // The 100 load connections stand for many people but come from one address: over the default
    // per-client cap (64). The floods, from another address, meet the same (raised) cap.
    env: { MAX_CONNECTIONS_PER_CLIENT: String(2 * LIMITS.connections), ...process.env, RATE_LIMIT: 'off' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', stop);
  const memory = async (): Promise<Memory> => {
    child.send({ type: 'memory' });
    return (await nextMessage(child, 'memory')).memory;
  };
  try {
    const ready = await nextMessage(child, 'ready');
    const base = `http://${HOST}:${ready.port}`;
    const paths = await requestMix(base);
    console.log(`server ready: ${ready.documents} reports, ${ready.passages} passages; ${paths.length} distinct requests in the mix`);
    const sustained = options.floodOnly ? null : await sustainedLoad(base, paths, options, ready, memory);
    const flooded = await floods(ready.port, paths, options.floodSockets, options.floodSeconds);
    child.send({ type: 'stop' });
    const checks = [...(sustained?.checks ?? []), ...flooded.checks];
    if (options.out) {
      const out = { ...sustained?.summary, floods: flooded.results, checks: Object.fromEntries(checks) };
      writeFileSync(options.out, `${JSON.stringify(out, null, 2)}\n`);
    }
    await new Promise<void>((resolve) => (child.exitCode === null ? child.once('exit', () => resolve()) : resolve()));
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    stop();
  }
}

const run = process.argv.includes('--serve') ? serve : main;
run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
