/**
 * Entry point (`npm start`): loads the engine, listens, and shuts down cleanly on SIGTERM/SIGINT.
 * Environment: PORT (default 3000) and HOST (default 127.0.0.1) here; the engine reads BASE_URL (the site root
 * used in citations), CORPUS_DIR (corpus folders) and INDEX_DIR (where the index is kept, default `index/`).
 */
import { openEngine } from '../search/engine.js';
import { createApp } from './app.js';
import { startServer } from './http-server.js';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) fail(`PORT must be a number from 0 to 65535 (got "${value}").`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv(process.env.PORT);
  const host = process.env.HOST || '127.0.0.1';
  const started = Date.now();
  log('loading the search index…');
  const engine = await openEngine({ log });
  const app = createApp(engine, { log });
  const running = await startServer(app, { port, host }).catch((err: NodeJS.ErrnoException) => {
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
    void running.close().then(() => {
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
