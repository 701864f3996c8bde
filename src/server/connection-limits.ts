/**
 * Connection limits, so that one client cannot take every connection: each client address may hold at most
 * `maxPerClient` connections at once, and once fewer than `reserve` of the `maxConnections` are free, only
 * clients holding fewer than `RESERVE_SHARE` (a browser's few) get one: a flood from one address, or from a
 * few, leaves room for everyone else.
 * A refused connection is closed at once, before a byte of it is read; refusals are logged at most once a
 * second, with their count.
 *
 * The client is the TCP peer address (an IPv6 client is its /64 network, as for the rate limit); behind a
 * reverse proxy every connection comes from the proxy, so raise MAX_CONNECTIONS_PER_CLIENT there.
 *
 * Environment (read by `main.ts`): MAX_CONNECTIONS (default 1,000), MAX_CONNECTIONS_PER_CLIENT (default 64),
 * CONNECTION_RESERVE (default 100).
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import { wholeNumbersFromEnv } from './env-numbers.js';
import { ConfigError, invalidSetting } from '../config-error.js';
import { clientKey } from './rate-limit.js';

export interface ConnectionLimits {
  /** Most connections open at once, from all clients. */
  maxConnections: number;
  /** Most connections one client address holds at once. */
  maxPerClient: number;
  /** The last this many connections go only to clients holding fewer than `RESERVE_SHARE` (below `maxConnections`). */
  reserve: number;
}

/** A browser opens up to 6 connections to a site; a proxy or a script may need a few dozen. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxConnections: 1000, maxPerClient: 64, reserve: 100 };

/** A client holding fewer connections than this may still take one from the reserve (a browser opens up to 6). */
export const RESERVE_SHARE = 8;

/** Why a connection was refused, or null when it is admitted. */
export type Refusal = 'per-client' | 'reserve' | 'full' | null;

/**
 * Completes and checks limits: whole numbers, at least one connection a client, a reserve smaller than the
 * total. Throws `CONFIG_INVALID` naming the field.
 * @example
 * resolveConnectionLimits({ maxPerClient: 16 }).maxConnections; // 1000
 */
export function resolveConnectionLimits(partial: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...partial };
  for (const [field, value] of Object.entries(limits)) {
    const min = field === 'reserve' ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < min || value > 1_000_000) {
      throw invalidSetting(field, String(value), { en: `a whole number from ${min} to 1000000`, zh: `${min} 到 1000000 之间的整数` });
    }
  }
  if (limits.reserve >= limits.maxConnections) {
    throw new ConfigError(
      `reserve (${limits.reserve}) must be below maxConnections (${limits.maxConnections}).`,
      `reserve（${limits.reserve}）须小于 maxConnections（${limits.maxConnections}）。`,
    );
  }
  return limits;
}

const ENV_NAMES: ReadonlyArray<[string, keyof ConnectionLimits]> = [
  ['MAX_CONNECTIONS', 'maxConnections'],
  ['MAX_CONNECTIONS_PER_CLIENT', 'maxPerClient'],
  ['CONNECTION_RESERVE', 'reserve'],
];

/**
 * Limits from the environment, defaults for what is not set. Throws `CONFIG_INVALID` naming the variable.
 * @example
 * connectionLimitsFromEnv({ MAX_CONNECTIONS_PER_CLIENT: '16' }).maxPerClient; // 16
 */
export function connectionLimitsFromEnv(env: Record<string, string | undefined>): ConnectionLimits {
  return wholeNumbersFromEnv(env, ENV_NAMES, resolveConnectionLimits, { en: 'number', zh: '数' });
}

/**
 * The open connections of each client, and the decision for a new one. Pure apart from its own counts.
 * @example
 * const table = new ConnectionTable({ maxConnections: 20, maxPerClient: 16, reserve: 4 });
 * for (let i = 0; i < 16; i++) table.open('a'); // null each time: 16 open
 * table.open('a'); // 'per-client'
 * table.open('b'); // null: b holds fewer than RESERVE_SHARE, so the reserve is open to it
 */
export class ConnectionTable {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: ConnectionLimits) {}

  /** Admits a connection from `key` (and counts it) or says why not. */
  open(key: string): Refusal {
    const mine = this.held.get(key) ?? 0;
    if (this.total >= this.limits.maxConnections) return 'full';
    if (mine >= this.limits.maxPerClient) return 'per-client';
    if (mine >= RESERVE_SHARE && this.total >= this.limits.maxConnections - this.limits.reserve) return 'reserve';
    this.held.set(key, mine + 1);
    this.total++;
    return null;
  }

  /** Forgets one admitted connection of `key`. */
  close(key: string): void {
    const mine = this.held.get(key) ?? 0;
    if (mine <= 0) return;
    if (mine === 1) this.held.delete(key);
    else this.held.set(key, mine - 1);
    this.total--;
  }

  /** Connections open now: all of them, or those of one client. */
  count(key?: string): number {
    return key === undefined ? this.total : (this.held.get(key) ?? 0);
  }
}

const REASONS: Record<Exclude<Refusal, null>, string> = {
  'per-client': 'over its MAX_CONNECTIONS_PER_CLIENT',
  reserve: 'the last CONNECTION_RESERVE connections are kept for other clients',
  full: 'MAX_CONNECTIONS reached',
};

/**
 * Applies the limits to a server: every new connection is counted under its client, or destroyed at once
 * when refused. `log` gets at most one line a second, counting the refusals since the last one.
 * @example
 * limitConnections(server, DEFAULT_CONNECTION_LIMITS, console.log);
 */
export function limitConnections(server: http.Server, limits: ConnectionLimits, log: (line: string) => void, now: () => number = Date.now): ConnectionTable {
  const table = new ConnectionTable(limits);
  // Node's own cap, a backstop: past it the socket is closed before any JavaScript sees it.
  server.maxConnections = limits.maxConnections + 1;
  let refused = 0;
  let lastLogMs = -Infinity;
  // First of the 'connection' listeners: a refused socket is destroyed before Node's HTTP listener sets a
  // parser up on it (which it still does, for a socket that is already closing). Announcing refused sockets
  // to no listener at all measured no better under a reopening flood.
  server.prependListener('connection', (socket: Socket) => {
    const key = clientKey(socket.remoteAddress);
    const refusal = table.open(key);
    if (refusal === null) {
      socket.once('close', () => table.close(key));
      return;
    }
    socket.destroy();
    refused++;
    const at = now();
    if (at - lastLogMs >= 1000) {
      log(`refused ${refused} connection(s) since the last report; the latest from ${key}, holding ${table.count(key)}: ${REASONS[refusal]} (${table.count()} open)`);
      refused = 0;
      lastLogMs = at;
    }
  });
  return table;
}
