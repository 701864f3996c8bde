/**
 * The load generator, run in its own process so it does not share the server's event loop:
 *   node --import tsx bench/http-load.ts '<LoadConfig as JSON>'
 * Loads each target (a list of paths, cycled) with autocannon, alternating between the targets in short
 * rounds so that a noisy machine slows them alike, and prints one JSON line with a LoadResult per target.
 * With `sequentialSeconds`, then each target one request at a time (latency per request, p50/p99).
 * Refuses any host but 127.0.0.1.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { latencyOf } from './stats.js';

/** A target: its paths (cycled) and the request headers its client sends (none by default, as a script sends). */
export interface LoadTarget {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
}

export interface LoadConfig {
  url: string;
  targets: LoadTarget[];
  connections: number;
  /** Seconds of load per target, split into rounds of `roundSeconds`. */
  seconds: number;
  roundSeconds: number;
  /** Then, seconds per target of one request at a time, alternating in rounds as well (none when absent or 0)… */
  sequentialSeconds?: number;
  /** …for these targets (by name). */
  sequentialTargets?: string[];
}

/** One request at a time: the latency of each, measured here to the microsecond. */
export interface SequentialResult {
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Median over the rounds of each round's p50; the worst round's p99. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Bytes received per request, headers included, as sent (compressed when the target's client accepts it); absent in earlier runs. */
  bytesPerRequest?: number;
}

async function round(url: string, target: LoadTarget, connections: number, seconds: number): Promise<autocannon.Result> {
  const { paths, headers = {} } = target;
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
}

/** Requests the target's paths in turn, one at a time over one kept-alive connection, for `seconds`; each one's latency in ms. */
async function sequentialRound(url: string, target: LoadTarget, seconds: number, agent: http.Agent, start: number): Promise<number[]> {
  const { paths, headers = {} } = target;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  for (let i = start; performance.now() < until; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(new URL(paths[i % paths.length] ?? '/', url), { agent, headers }, (res) => {
          res.on('data', () => {});
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        })
        .on('error', reject);
    });
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** Each target one request at a time, alternating in rounds (so a noisy machine slows them alike). */
async function sequential(config: LoadConfig, seconds: number): Promise<Record<string, SequentialResult>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rounds = Math.max(1, Math.round(seconds / config.roundSeconds));
  const targets = config.targets.filter((t) => config.sequentialTargets?.includes(t.name));
  const all = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const done = all.get(t.name) ?? [];
      done.push(...(await sequentialRound(config.url, t, seconds / rounds, agent, done.length)));
      all.set(t.name, done);
    }
  }
  agent.destroy();
  const out: Record<string, SequentialResult> = {};
  for (const [name, latencies] of all) {
    const { p50, p99 } = latencyOf(latencies);
    out[name] = { requests: latencies.length, p50Ms: p50, p99Ms: p99 };
  }
  return out;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  const url = new URL(config.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`BENCH_BAD_ARGUMENT: load only 127.0.0.1, not ${url.hostname}`);
  const valid = config.targets.length > 0 && config.targets.every((t) => t.paths.length > 0);
  if (!valid || !(config.connections > 0 && config.connections <= 100 && config.seconds > 0 && config.seconds <= 60 && config.roundSeconds > 0)) {
    throw new Error('BENCH_BAD_ARGUMENT: need targets with paths, 1..100 connections and 1..60 seconds');
  }
  const rounds = Math.max(1, Math.round(config.seconds / config.roundSeconds));
  const runs = new Map<string, autocannon.Result[]>(config.targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of config.targets) runs.get(t.name)?.push(await round(config.url, t, config.connections, config.seconds / rounds));
  }
  const out: Record<string, LoadResult | Record<string, SequentialResult>> = {};
  for (const [name, results] of runs) {
    const requests = results.reduce((a, r) => a + r.requests.total, 0);
    const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
    out[name] = {
      requestsPerSecond: Math.round((requests / config.seconds) * 10) / 10,
      requests,
      latencyP50Ms: p50s[Math.floor(p50s.length / 2)] ?? NaN,
      latencyP99Ms: Math.max(...results.map((r) => r.latency.p99)),
      errors: results.reduce((a, r) => a + r.errors, 0),
      timeouts: results.reduce((a, r) => a + r.timeouts, 0),
      non2xx: results.reduce((a, r) => a + r.non2xx, 0),
      bytesPerRequest: Math.round(results.reduce((a, r) => a + r.throughput.total, 0) / Math.max(1, requests)),
    };
  }
  if (config.sequentialSeconds) out.sequential = await sequential(config, config.sequentialSeconds);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
