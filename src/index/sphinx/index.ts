/**
 * The Sphinx/Manticore backend, public API. See docs/scale-out.md for when and how to use it.
 *
 *   const config = sphinxConfigFromEnv();          // null unless SEARCH_BACKEND=sphinx
 *   if (config) backend = await openSphinxBackend(config, { docs, passages }, { log });
 */
export { sphinxConfigFromEnv, sphinxEnv, parseAddress, formatAddress } from './config.js';
export { SphinxError, SPHINX_ERRORS, createSphinxError, type SphinxErrorCode } from './errors.js';
export { clusterFingerprint, SPHINX_SCHEMA_VERSION, type LoadOptions, type LoadReport } from './load.js';
export { shardOf } from './shard-key.js';
export { openSphinxBackend, SphinxBackend } from './sphinx-backend.js';
export type { AsyncSearchBackend, BackendNode, NodeAddress, PartialAnswer, ShardConfig, SphinxConfig, SphinxResult } from './types.js';
