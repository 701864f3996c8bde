/**
 * Entry point (`npm start`): reads the configuration (`src/config.ts`, every variable documented there), opens
 * the engine through the composition root, listens, and shuts down cleanly on SIGTERM/SIGINT. A setting it
 * cannot use stops it with `CONFIG_INVALID`, in English and Chinese, before anything is loaded.
 */
import { configFromEnv, type Config } from '../config.js';
import { ConfigError, configErrorLines } from '../config-error.js';
import { engineOptionsOf, openEngine } from '../runtime/open-engine.js';
import { currentGeneration } from '../index/store.js';
import { followIndex } from '../runtime/index-reload.js';
import { LiveEngine } from '../runtime/live-engine.js';
import type { Engine } from '../search/types.js';
import { createApp } from './app.js';
import { startServer } from './http-server.js';
import { warmUpLater } from './warm-up.js';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The configuration, or the exit with its error. */
function readConfig(): Readonly<Config> {
  try {
    return configFromEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(configErrorLines(e));
    throw e;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const { port, host, rateLimit, timeouts, connections, searchCacheBytes } = config;
  const started = Date.now();
  log('loading the search index…');
  const options = { ...engineOptionsOf(config), log };
  const engine = new LiveEngine(await openEngine(options));
  // What the first English query and the first query with few results would read or build (the cross-language
  // dictionary, did-you-mean's vocabularies), done while idle.
  const warmUp = warmUpLater(() => engine.warmUp(), { log });
  // `npm run ingest` while the server runs: the server opens the new index and answers from it (and warms it up).
  const open = async (): Promise<Engine> => {
    const next = await openEngine(options);
    warmUp.schedule();
    return next;
  };
  const reload = followIndex(engine, { indexDir: config.indexDir, open, log, served: await currentGeneration(config.indexDir) });
  const app = createApp(engine, { log, rateLimit, searchCacheBytes });
  log(
    rateLimit
      ? `rate limit: ${rateLimit.ratePerSecond} requests a second per client, bursts of ${rateLimit.burst} (RATE_LIMIT=off to turn off)`
      : `rate limit: off${config.rateLimitSet ? '' : ` on a loopback address (RATE_LIMIT=on to turn on)`}`,
  );
  const running = await startServer(app, { port, host, timeouts, connections, log }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fail(`Port ${port} on ${host} is already in use: stop the other server or set PORT.`);
    if (err.code === 'EADDRNOTAVAIL') fail(`HOST ${host} is not an address of this machine.`);
    throw err;
  });
  const { documents, passages } = engine.stats();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${documents} reports, ${passages} passages`);
  log(`open ${running.url}/ in a browser (API: ${running.url}/api/search?q=…)`);
  warmUp.schedule();

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: no longer accepting connections; finishing requests in flight…`);
    reload.stop();
    warmUp.stop();
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
