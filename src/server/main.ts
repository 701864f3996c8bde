/**
 * Entry point (`npm start`): loads the engine, listens, and shuts down cleanly on SIGTERM/SIGINT.
 * Environment: PORT (default 3000) and HOST (default 127.0.0.1); RATE_LIMIT (`off`, `on`, `<per second>` or
 * `<per second>,<burst>`; default on for a public HOST, off for a loopback one, see `rate-limit.ts`);
 * HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, SOCKET_IDLE_TIMEOUT_MS (`timeouts.ts`);
 * SEARCH_CACHE_MB, the memory kept for answers to repeated searches (default 64, 0 for none; `search-cache.ts`);
 * MAX_FILE_BYTES, the largest corpus file read (default 64 MiB).
 * MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT and CONNECTION_RESERVE (`connection-limits.ts`).
 * The engine reads BASE_URL (the site root used in citations), CORPUS_DIR (corpus folders) and INDEX_DIR
 * (where the index is kept, default `index/`). Every setting is checked before anything is loaded.
 */
import { isIngestError } from '../ingest/errors.js';
import { maxFileBytesFromEnv, openEngine } from '../search/engine.js';
import { createApp } from './app.js';
import { connectionLimitsFromEnv } from './connection-limits.js';
import { ConfigError } from './errors.js';
import { startServer } from './http-server.js';
import { rateLimitFromEnv } from './rate-limit.js';
import { DEFAULT_SEARCH_CACHE_BYTES } from './search-cache.js';
import { timeoutsFromEnv } from './timeouts.js';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function cacheBytesFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEARCH_CACHE_BYTES;
  const mb = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(mb >= 0 && mb <= 65536)) fail(`SEARCH_CACHE_MB must be a whole number of megabytes from 0 to 65536 (got "${value}").`);
  return mb * 1024 * 1024;
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) fail(`PORT must be a number from 0 to 65535 (got "${value}").`);
  return port;
}

/** MAX_FILE_BYTES, checked before anything is loaded (the engine reads it again when it ingests). */
function checkMaxFileBytes(): void {
  try {
    maxFileBytesFromEnv();
  } catch (e) {
    if (isIngestError(e, 'INGEST_CONFIG_INVALID')) fail(`${e.message.replace(/^.*?: /, '')}. [${e.code}]`);
    throw e;
  }
}

/** The rate limit, timeouts and connection limits from the environment; a value that cannot be read stops the start. */
function settingsFromEnv(host: string): {
  rateLimit: ReturnType<typeof rateLimitFromEnv>;
  timeouts: ReturnType<typeof timeoutsFromEnv>;
  connections: ReturnType<typeof connectionLimitsFromEnv>;
} {
  try {
    return {
      rateLimit: rateLimitFromEnv(process.env.RATE_LIMIT, host),
      timeouts: timeoutsFromEnv(process.env),
      connections: connectionLimitsFromEnv(process.env),
    };
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

async function main(): Promise<void> {
  const port = portFromEnv(process.env.PORT);
  const host = process.env.HOST || '127.0.0.1';
  const { rateLimit, timeouts, connections } = settingsFromEnv(host);
  const searchCacheBytes = cacheBytesFromEnv(process.env.SEARCH_CACHE_MB);
  checkMaxFileBytes();
  const started = Date.now();
  log('loading the search index…');
  const engine = await openEngine({ log });
  const app = createApp(engine, { log, rateLimit, searchCacheBytes });
  log(
    rateLimit
      ? `rate limit: ${rateLimit.ratePerSecond} requests a second per client, bursts of ${rateLimit.burst} (RATE_LIMIT=off to turn off)`
      : `rate limit: off${process.env.RATE_LIMIT ? '' : ` on a loopback address (RATE_LIMIT=on to turn on)`}`,
  );
  const running = await startServer(app, { port, host, timeouts, connections, log }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fail(`Port ${port} on ${host} is already in use: stop the other server or set PORT.`);
    if (err.code === 'EADDRNOTAVAIL') fail(`HOST ${host} is not an address of this machine.`);
    throw err;
  });
  const { documents, passages } = engine.stats();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${documents} reports, ${passages} passages`);
  log(`open ${running.url}/ in a browser (API: ${running.url}/api/search?q=…)`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: no longer accepting connections; finishing requests in flight…`);
    void running.close().then(() => engine.close()).then(() => {
      log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  const code = typeof err === 'object' && err !== null && 'code' in err ? ` [${String(err.code)}]` : '';
  fail(`The server could not start${code}: ${err instanceof Error ? err.message : String(err)}`);
});
