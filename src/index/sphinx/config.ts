/**
 * The backend's configuration from the environment:
 *
 *   SEARCH_BACKEND=sphinx
 *   SPHINX_AGGREGATOR=127.0.0.1:19306          the node with the distributed indexes (SphinxQL port)
 *   SPHINX_SHARDS=127.0.0.1:19316,127.0.0.1:19326   the shard nodes (SphinxQL ports), in shard order
 *   SPHINX_AGENTS=127.0.0.1:19317,127.0.0.1:19327   optional: the same shards' agent (binary API) addresses
 *   SPHINX_BATCH=200  SPHINX_CONNECTIONS=8  SPHINX_CONNECT_TIMEOUT_MS=2000   optional tuning
 *
 * `scripts/sphinx/cluster.sh env` prints exactly these for the local cluster.
 */
import { createSphinxError } from './errors.js';
import type { NodeAddress, SphinxConfig } from './types.js';

/**
 * Parses `host:port` (a bare `:port` means 127.0.0.1).
 * @example parseAddress('127.0.0.1:9306') // { host: '127.0.0.1', port: 9306 }
 */
export function parseAddress(text: string): NodeAddress {
  const match = /^\s*(\[[^\]]+\]|[^:\s]*):(\d{1,5})\s*$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw createSphinxError('SPHINX_CONFIG_INVALID', `"${text}" is not host:port`);
  }
  const host = (match[1] ?? '').replace(/^\[|\]$/g, '') || '127.0.0.1';
  return { host, port };
}

/**
 * `host:port` of an address.
 * @example formatAddress({ host: '127.0.0.1', port: 9306 }) // '127.0.0.1:9306'
 */
export function formatAddress(address: NodeAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw createSphinxError('SPHINX_CONFIG_INVALID', `${name}=${raw} is not a positive integer`);
  return value;
}

/**
 * The environment that names this configuration (what `sphinxConfigFromEnv` reads back), for a process
 * started on the same cluster.
 * @example sphinxEnv(config).SPHINX_AGGREGATOR // '127.0.0.1:19306'
 */
export function sphinxEnv(config: SphinxConfig): Record<string, string> {
  const env: Record<string, string> = {
    SEARCH_BACKEND: 'sphinx',
    SPHINX_AGGREGATOR: formatAddress(config.aggregator),
    SPHINX_SHARDS: config.shards.map((s) => formatAddress(s.sql)).join(','),
    SPHINX_BATCH: String(config.batchSize),
    SPHINX_CONNECTIONS: String(config.connections),
    SPHINX_CONNECT_TIMEOUT_MS: String(config.connectTimeoutMs),
  };
  const agents = config.shards.flatMap((s) => (s.agent ? [formatAddress(s.agent)] : []));
  if (agents.length === config.shards.length) env.SPHINX_AGENTS = agents.join(',');
  return env;
}

/**
 * The Sphinx configuration from the environment, or null when `SEARCH_BACKEND` is not `sphinx`.
 * @example sphinxConfigFromEnv({ SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: ':9306', SPHINX_SHARDS: ':9316,:9326' })?.shards.length // 2
 */
export function sphinxConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SphinxConfig | null {
  if ((env.SEARCH_BACKEND ?? '').trim().toLowerCase() !== 'sphinx') return null;
  if (!env.SPHINX_AGGREGATOR) throw createSphinxError('SPHINX_CONFIG_INVALID', 'SPHINX_AGGREGATOR is not set');
  const shards = list(env.SPHINX_SHARDS).map(parseAddress);
  if (shards.length === 0) throw createSphinxError('SPHINX_CONFIG_INVALID', 'SPHINX_SHARDS names no shard');
  const agents = list(env.SPHINX_AGENTS).map(parseAddress);
  if (agents.length > 0 && agents.length !== shards.length) {
    throw createSphinxError('SPHINX_CONFIG_INVALID', `SPHINX_AGENTS names ${agents.length} agents for ${shards.length} shards`);
  }
  return {
    aggregator: parseAddress(env.SPHINX_AGGREGATOR),
    shards: shards.map((sql, i) => ({ name: `shard${i}`, sql, agent: agents[i] })),
    batchSize: positive(env, 'SPHINX_BATCH', 200),
    connections: positive(env, 'SPHINX_CONNECTIONS', 8),
    connectTimeoutMs: positive(env, 'SPHINX_CONNECT_TIMEOUT_MS', 2000),
  };
}
