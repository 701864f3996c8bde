/**
 * The Sphinx/Manticore backend, public API. See docs/scale-out.md for when and how to use it.
 *
 *   const { backend } = configFromEnv(process.env);   // { sphinx } when SEARCH_BACKEND=sphinx (src/config.ts)
 *   if (typeof backend === 'object') await openSphinxBackend(backend.sphinx, { docs, passages }, { log });
 */
export { sphinxEnv, parseAddress, formatAddress } from './config.js';
export { SphinxError, SPHINX_ERRORS, createSphinxError, type SphinxErrorCode } from './errors.js';
export { clusterFingerprint, SPHINX_SCHEMA_VERSION, type LoadOptions, type LoadReport } from './load.js';
export { shardOf } from './shard-key.js';
export { openSphinxBackend, SphinxBackend } from './sphinx-backend.js';
export type { BackendNode, NodeAddress, PartialAnswer, ShardConfig, SphinxConfig } from './types.js';
