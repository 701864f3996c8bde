/**
 * The backend's addresses, and the environment that names a configuration (read back by `src/config.ts`):
 *
 *   SEARCH_BACKEND=sphinx
 *   SPHINX_AGGREGATOR=127.0.0.1:19306          the node with the distributed indexes (SphinxQL port)
 *   SPHINX_SHARDS=127.0.0.1:19316,127.0.0.1:19326   the shard nodes (SphinxQL ports), in shard order
 *   SPHINX_AGENTS=127.0.0.1:19317,127.0.0.1:19327   optional: the same shards' agent (binary API) addresses
 *   SPHINX_BATCH=200  SPHINX_CONNECTIONS=8  SPHINX_CONNECT_TIMEOUT_MS=2000   optional tuning
 *
 * `scripts/sphinx/cluster.sh env` prints exactly these for the local cluster.
 */
import type { NodeAddress, SphinxConfig } from './types.js';

/**
 * Parses `host:port` (a bare `:port` means 127.0.0.1), or null when the text is not one.
 * @example parseAddress('127.0.0.1:9306') // { host: '127.0.0.1', port: 9306 }
 */
export function parseAddress(text: string): NodeAddress | null {
  const match = /^\s*(\[[^\]]+\]|[^:\s]*):(\d{1,5})\s*$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) return null;
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

/**
 * The environment that names this configuration (what `configFromEnv` in `src/config.ts` reads back), for a process
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
