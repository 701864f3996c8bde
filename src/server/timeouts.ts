/**
 * Server-side time limits, so that a slow or silent client cannot hold a connection (and with it a file
 * descriptor and memory) for long: the request head must arrive within `headersTimeoutMs` (a slowloris
 * client that sends its headers one byte a second is cut off), the whole request within `requestTimeoutMs`,
 * an idle keep-alive connection is closed after `keepAliveTimeoutMs`, and a connection on which nothing
 * moves at all (a client that stopped reading its answer) after `socketIdleTimeoutMs`.
 *
 * Environment (milliseconds, read by `main.ts`): HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS,
 * KEEP_ALIVE_TIMEOUT_MS, SOCKET_IDLE_TIMEOUT_MS.
 */
import type http from 'node:http';
import { wholeNumbersFromEnv } from './env-numbers.js';
import { ConfigError, invalidSetting } from '../config-error.js';

export interface ServerTimeouts {
  /** The request line and headers must have arrived this long after the request started. */
  headersTimeoutMs: number;
  /** The whole request must have arrived this long after it started (at least `headersTimeoutMs`). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic in either direction for this long is destroyed (0: never). */
  socketIdleTimeoutMs: number;
  /** How often the head and request deadlines are checked (Node's default, 30 s, is too coarse). */
  checkIntervalMs: number;
}

/** Generous for people on slow links, short enough that idle sockets do not pile up. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
};

/** Environment variable → field. */
const ENV_NAMES: ReadonlyArray<[string, keyof ServerTimeouts]> = [
  ['HEADERS_TIMEOUT_MS', 'headersTimeoutMs'],
  ['REQUEST_TIMEOUT_MS', 'requestTimeoutMs'],
  ['KEEP_ALIVE_TIMEOUT_MS', 'keepAliveTimeoutMs'],
  ['SOCKET_IDLE_TIMEOUT_MS', 'socketIdleTimeoutMs'],
];

const MAX_MS = 3_600_000;

/**
 * Completes and checks timeouts: every value a whole number of milliseconds, the head deadline no later
 * than the request deadline, both positive (0 would turn the slowloris protection off). Throws
 * `CONFIG_INVALID` naming the field.
 * @example
 * resolveTimeouts({ headersTimeoutMs: 2000 }).requestTimeoutMs; // 15000
 */
export function resolveTimeouts(partial: Partial<ServerTimeouts> = {}): ServerTimeouts {
  const t = { ...DEFAULT_TIMEOUTS, ...partial };
  for (const [field, value] of Object.entries(t)) {
    const min = field === 'socketIdleTimeoutMs' ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < min || value > MAX_MS) {
      throw invalidSetting(field, String(value), { en: `a whole number of milliseconds from ${min} to ${MAX_MS}`, zh: `${min} 到 ${MAX_MS} 之间的整数毫秒数` });
    }
  }
  if (t.headersTimeoutMs > t.requestTimeoutMs) {
    throw new ConfigError(
      `headersTimeoutMs (${t.headersTimeoutMs}) must not exceed requestTimeoutMs (${t.requestTimeoutMs}).`,
      `headersTimeoutMs（${t.headersTimeoutMs}）不得大于 requestTimeoutMs（${t.requestTimeoutMs}）。`,
    );
  }
  return t;
}

/**
 * Timeouts from the environment, defaults for what is not set. Throws `CONFIG_INVALID` naming the variable.
 * @example
 * timeoutsFromEnv({ HEADERS_TIMEOUT_MS: '5000' }).headersTimeoutMs; // 5000
 */
export function timeoutsFromEnv(env: Record<string, string | undefined>): ServerTimeouts {
  return wholeNumbersFromEnv(env, ENV_NAMES, resolveTimeouts, { en: 'number of milliseconds', zh: '数毫秒' });
}

/**
 * The options `http.createServer` takes for these timeouts.
 * @example
 * http.createServer(serverTimeoutOptions(DEFAULT_TIMEOUTS), app);
 */
export function serverTimeoutOptions(t: ServerTimeouts): http.ServerOptions {
  return {
    headersTimeout: t.headersTimeoutMs,
    requestTimeout: t.requestTimeoutMs,
    keepAliveTimeout: t.keepAliveTimeoutMs,
    connectionsCheckingInterval: t.checkIntervalMs,
  };
}

/**
 * Sets the timeouts that are properties of a created server (keep-alive, idle sockets).
 * @example
 * applyTimeouts(server, DEFAULT_TIMEOUTS);
 */
export function applyTimeouts(server: http.Server, t: ServerTimeouts): void {
  server.headersTimeout = t.headersTimeoutMs;
  server.requestTimeout = t.requestTimeoutMs;
  server.keepAliveTimeout = t.keepAliveTimeoutMs;
  // With no 'timeout' listener, Node destroys a socket that stays silent this long.
  server.timeout = t.socketIdleTimeoutMs;
}
