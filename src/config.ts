/**
 * The whole configuration, read from the environment once and checked before anything is loaded. Every bad
 * value gets the same error, `CONFIG_INVALID` (`config-error.ts`), naming the variable, the value and what is
 * accepted, in English and Chinese. `configFromEnv(env)` is pure; the entry points (`server/main.ts`,
 * `cli/*`) pass `process.env` and hand the frozen result to the composition root (`runtime/`).
 *
 *   PORT (3000), HOST (127.0.0.1)                     where the server listens
 *   INDEX_DIR (index/), CORPUS_DIR (corpus/; several joined by `:`)   where the index and the reports are
 *   BASE_URL                                          the public root cited for online passages (http(s) URL)
 *   MAX_FILE_BYTES (64 MiB)                           the largest corpus file read
 *   SEARCH_CACHE_MB (64)                              memory kept for answers to repeated searches
 *   RATE_LIMIT (on for a public HOST, off on loopback) `off`, `on`, `<per second>` or `<per second>,<burst>`
 *   HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, SOCKET_IDLE_TIMEOUT_MS  (server/timeouts.ts)
 *   MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT, CONNECTION_RESERVE                         (server/connection-limits.ts)
 *   INDEX_BACKEND (`postings` or `minisearch`), SEARCH_BACKEND=sphinx with SPHINX_AGGREGATOR, SPHINX_SHARDS,
 *     SPHINX_AGENTS, SPHINX_BATCH, SPHINX_CONNECTIONS, SPHINX_CONNECT_TIMEOUT_MS  (docs/scale-out.md)
 */
import path from 'node:path';
import { invalidSetting, type Accepted } from './config-error.js';
import { parseAddress } from './index/sphinx/config.js';
import type { NodeAddress, SphinxConfig } from './index/sphinx/types.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR } from './paths.js';
import { connectionLimitsFromEnv, type ConnectionLimits } from './server/connection-limits.js';
import { rateLimitFromEnv, type RateLimitConfig } from './server/rate-limit.js';
import { timeoutsFromEnv, type ServerTimeouts } from './server/timeouts.js';

/** Which backend answers queries: the embedded postings index, the MiniSearch reference, or a Sphinx cluster. */
export type BackendChoice = 'postings' | 'minisearch' | { sphinx: SphinxConfig };

export interface Config {
  port: number;
  host: string;
  indexDir: string;
  corpusDirs: string[];
  /** Absolute http(s) URL without a trailing slash, or undefined. */
  baseUrl: string | undefined;
  /** Undefined: ingest's default (64 MiB). */
  maxFileBytes: number | undefined;
  searchCacheBytes: number;
  rateLimit: Required<RateLimitConfig> | null;
  /** True when RATE_LIMIT was given (the start-up log says how to turn the limit on otherwise). */
  rateLimitSet: boolean;
  timeouts: ServerTimeouts;
  connections: ConnectionLimits;
  backend: BackendChoice;
}

/** What the environment holds: variable → value. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Default memory for kept answers: 64 MiB (a first page of 10 hits is 10 to 40 KB). */
const DEFAULT_SEARCH_CACHE_MB = 64;

const set = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
};

/** A whole number from `min` to `max`, or the default when unset. */
function wholeNumber(env: Env, name: string, min: number, max: number, fallback: number, accepted: Accepted): number {
  const raw = set(env, name);
  if (raw === undefined) return fallback;
  const value = /^\s*\d{1,15}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw invalidSetting(name, raw, accepted);
  return value;
}

const POSITIVE: Accepted = { en: 'a whole number above 0', zh: '大于 0 的整数' };

/** `SEARCH_BACKEND=sphinx` and its nodes, `INDEX_BACKEND=minisearch`, or the postings index. */
function backendFrom(env: Env): BackendChoice {
  const search = (set(env, 'SEARCH_BACKEND') ?? '').trim().toLowerCase();
  if (search === 'sphinx') return { sphinx: sphinxFrom(env) };
  const raw = set(env, 'INDEX_BACKEND') ?? 'postings';
  const index = raw.trim().toLowerCase();
  if (index !== 'postings' && index !== 'minisearch') {
    throw invalidSetting('INDEX_BACKEND', raw, { en: 'postings or minisearch', zh: 'postings 或 minisearch' });
  }
  return index;
}

const ADDRESS: Accepted = { en: 'host:port, e.g. 127.0.0.1:9306', zh: '“主机:端口”，例如 127.0.0.1:9306' };
const ADDRESSES: Accepted = { en: 'host:port addresses separated by commas, e.g. :9316,:9326', zh: '以逗号分隔的“主机:端口”，例如 :9316,:9326' };

function addresses(env: Env, name: string): NodeAddress[] {
  const raw = env[name] ?? '';
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.map((part) => parseAddress(part) ?? fail(invalidSetting(name, raw, ADDRESSES)));
}

function fail(error: Error): never {
  throw error;
}

/** The cluster's nodes and tuning (docs/scale-out.md). */
function sphinxFrom(env: Env): SphinxConfig {
  const aggregatorRaw = env.SPHINX_AGGREGATOR ?? '';
  const aggregator = parseAddress(aggregatorRaw) ?? fail(invalidSetting('SPHINX_AGGREGATOR', aggregatorRaw, ADDRESS));
  const shards = addresses(env, 'SPHINX_SHARDS');
  if (shards.length === 0) throw invalidSetting('SPHINX_SHARDS', env.SPHINX_SHARDS ?? '', ADDRESSES);
  const agents = addresses(env, 'SPHINX_AGENTS');
  if (agents.length > 0 && agents.length !== shards.length) {
    throw invalidSetting('SPHINX_AGENTS', env.SPHINX_AGENTS ?? '', { en: `one agent address per shard (${shards.length})`, zh: `每个分片一个代理地址（共 ${shards.length} 个）` });
  }
  return {
    aggregator,
    shards: shards.map((sql, i) => ({ name: `shard${i}`, sql, agent: agents[i] })),
    batchSize: wholeNumber(env, 'SPHINX_BATCH', 1, Number.MAX_SAFE_INTEGER, 200, POSITIVE),
    connections: wholeNumber(env, 'SPHINX_CONNECTIONS', 1, Number.MAX_SAFE_INTEGER, 8, POSITIVE),
    connectTimeoutMs: wholeNumber(env, 'SPHINX_CONNECT_TIMEOUT_MS', 1, Number.MAX_SAFE_INTEGER, 2000, POSITIVE),
  };
}

/** `CORPUS_DIR` (several separated by the OS path delimiter, `:` on POSIX), resolved; else the bundled corpus. */
function corpusDirsFrom(env: Env): string[] {
  const dirs = (env.CORPUS_DIR ?? '').split(path.delimiter).map((d) => d.trim()).filter(Boolean);
  return dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : [DEFAULT_CORPUS_DIR];
}

/**
 * `BASE_URL`: an absolute http(s) URL, its trailing slashes dropped. A path (`/`, as build tools set it)
 * names the site's own root: passages are then cited without a public address, as when it is unset.
 */
function baseUrlFrom(env: Env): string | undefined {
  const raw = set(env, 'BASE_URL')?.trim();
  if (raw === undefined || /^\/\S*$/.test(raw)) return undefined;
  if (!/^https?:\/\/[^\s/]+\S*$/i.test(raw)) {
    throw invalidSetting('BASE_URL', raw, {
      en: 'an absolute http(s) URL such as https://reports.example.org (or a path such as /, for no public address)',
      zh: '以 http(s) 开头的完整网址，例如 https://reports.example.org（或 / 之类的路径，表示无公开地址）',
    });
  }
  return raw.replace(/\/+$/, '');
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The configuration an environment names, checked whole and frozen; throws `ConfigError` (`CONFIG_INVALID`)
 * at the first value it cannot use.
 * @example configFromEnv({ PORT: '8080' }).port // 8080
 * @example configFromEnv({ MAX_FILE_BYTES: 'abc' }) // throws: MAX_FILE_BYTES must be a whole number of bytes above 0, …
 */
export function configFromEnv(env: Env): Readonly<Config> {
  const host = set(env, 'HOST') ?? '127.0.0.1';
  const port = wholeNumber(env, 'PORT', 0, 65535, 3000, { en: 'a number from 0 to 65535', zh: '0 到 65535 之间的数' });
  const rateLimit = rateLimitFromEnv(env.RATE_LIMIT, host);
  const config: Config = {
    port,
    host,
    indexDir: set(env, 'INDEX_DIR') === undefined ? DEFAULT_INDEX_DIR : path.resolve(env.INDEX_DIR ?? ''),
    corpusDirs: corpusDirsFrom(env),
    baseUrl: baseUrlFrom(env),
    maxFileBytes: set(env, 'MAX_FILE_BYTES') === undefined ? undefined : wholeNumber(env, 'MAX_FILE_BYTES', 1, Number.MAX_SAFE_INTEGER, 0, {
      en: 'a whole number of bytes above 0, e.g. 67108864 for 64 MiB',
      zh: '大于 0 的整数字节数，例如 67108864 即 64 MiB',
    }),
    searchCacheBytes: wholeNumber(env, 'SEARCH_CACHE_MB', 0, 65536, DEFAULT_SEARCH_CACHE_MB, { en: 'a whole number of megabytes from 0 to 65536', zh: '0 到 65536 之间的整数兆字节数' }) * 1024 * 1024,
    rateLimit,
    rateLimitSet: set(env, 'RATE_LIMIT') !== undefined,
    timeouts: timeoutsFromEnv(env),
    connections: connectionLimitsFromEnv(env),
    backend: backendFrom(env),
  };
  return deepFreeze(config);
}
