/**
 * The load generator, run in its own process so it does not share the server's event loop:
 *   node --import tsx bench/http-load.ts '{"url":"http://127.0.0.1:PORT","paths":["/api/search?q=…"],"connections":20,"seconds":10}'
 * Cycles through `paths` with autocannon and prints one JSON line: requests/s, latency p50/p99 (ms), errors.
 * Refuses any host but 127.0.0.1.
 */
import autocannon from 'autocannon';

export interface LoadConfig {
  url: string;
  paths: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  const url = new URL(config.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`BENCH_BAD_ARGUMENT: load only 127.0.0.1, not ${url.hostname}`);
  if (!(config.paths.length > 0 && config.connections > 0 && config.connections <= 100 && config.seconds > 0 && config.seconds <= 60)) {
    throw new Error('BENCH_BAD_ARGUMENT: need paths, 1..100 connections and 1..60 seconds');
  }
  let next = 0;
  const result = await autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: config.paths[next++ % config.paths.length] }),
      },
    ],
  });
  const out: LoadResult = {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
