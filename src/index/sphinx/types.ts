/**
 * The nouns of the Sphinx backend: where its nodes are and how to talk to them. The backend itself is a
 * `SearchBackend` (`../backend.ts`), the one interface every backend implements.
 */
import type { BackendResult } from '../backend.js';

/** A host and port. */
export interface NodeAddress {
  host: string;
  port: number;
}

/** One shard: where it speaks SphinxQL (writes, health) and where the aggregator's agent reaches it. */
export interface ShardConfig {
  /** `shard0`, `shard1`, … in the order of `SPHINX_SHARDS`; the hash of a passage id picks one. */
  name: string;
  sql: NodeAddress;
  /** The binary-API address the aggregator's `agent =` line names; used to name a failed shard. */
  agent?: NodeAddress;
}

/** Where the cluster is and how to talk to it. */
export interface SphinxConfig {
  aggregator: NodeAddress;
  shards: ShardConfig[];
  /** Rows per INSERT while loading (default 200: measured faster than 50, 500 or 2000 on Sphinx 2.2). */
  batchSize: number;
  /** Connections to the aggregator kept open for searches (default 8). */
  connections: number;
  /** Milliseconds to wait for a node to accept a connection (default 2000). */
  connectTimeoutMs: number;
}

/** The state of one node, for `/api/health`: the engine's own type. */
export type { BackendNode } from '../backend.js';

/**
 * Set on a result when some shard did not answer: the result holds only what the others hold. `failed`
 * names the shards (`shard1`), or the agent address when it names no known shard.
 */
export type PartialAnswer = NonNullable<BackendResult['partial']>;
