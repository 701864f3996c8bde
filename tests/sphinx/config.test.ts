import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { configFromEnv } from '../../src/config.js';
import { ConfigError } from '../../src/config-error.js';
import { formatAddress, parseAddress, shardOf, sphinxEnv } from '../../src/index/sphinx/index.js';
import type { SphinxConfig } from '../../src/index/sphinx/types.js';

/** The cluster an environment names, or null (through the one configuration reader). */
function sphinxConfigFromEnv(env: Record<string, string | undefined>): SphinxConfig | null {
  const { backend } = configFromEnv(env);
  return typeof backend === 'object' ? structuredClone(backend.sphinx) : null;
}
import { readCorpus } from '../../src/ingest/corpus.js';
import { REPO_ROOT } from '../../scripts/sphinx/throwaway-cluster.js';

describe('configuration from the environment', () => {
  it('reads the aggregator, the shards in order and their agents', () => {
    const config = sphinxConfigFromEnv({
      SEARCH_BACKEND: 'sphinx',
      SPHINX_AGGREGATOR: '127.0.0.1:19306',
      SPHINX_SHARDS: '10.0.0.1:9306, 10.0.0.2:9306',
      SPHINX_AGENTS: '10.0.0.1:9312,10.0.0.2:9312',
      SPHINX_BATCH: '200',
    });
    expect(config?.aggregator).toEqual({ host: '127.0.0.1', port: 19306 });
    expect(config?.shards.map((s) => [s.name, formatAddress(s.sql), s.agent ? formatAddress(s.agent) : ''])).toEqual([
      ['shard0', '10.0.0.1:9306', '10.0.0.1:9312'],
      ['shard1', '10.0.0.2:9306', '10.0.0.2:9312'],
    ]);
    expect(config?.batchSize).toBe(200);
    expect(config?.connections).toBe(8);
  });

  it('writes back the environment it reads, agents included when every shard has one', () => {
    const config = sphinxConfigFromEnv({
      SEARCH_BACKEND: 'sphinx',
      SPHINX_AGGREGATOR: '[::1]:19306',
      SPHINX_SHARDS: '10.0.0.1:9306,10.0.0.2:9306',
      SPHINX_AGENTS: '10.0.0.1:9312,10.0.0.2:9312',
      SPHINX_CONNECTIONS: '3',
    });
    expect(config).not.toBeNull();
    if (!config) return;
    expect(sphinxConfigFromEnv(sphinxEnv(config))).toEqual(config);
    const withoutAgents = { ...config, shards: config.shards.map(({ name, sql }) => ({ name, sql })) };
    expect(sphinxEnv(withoutAgents).SPHINX_AGENTS).toBeUndefined();
    expect(sphinxConfigFromEnv(sphinxEnv(withoutAgents))).toEqual({ ...withoutAgents, shards: withoutAgents.shards.map((s) => ({ ...s, agent: undefined })) });
  });

  it('is off unless SEARCH_BACKEND is sphinx', () => {
    expect(sphinxConfigFromEnv({})).toBeNull();
    expect(sphinxConfigFromEnv({ SEARCH_BACKEND: 'embedded', SPHINX_AGGREGATOR: ':1' })).toBeNull();
  });

  it('refuses a missing aggregator, no shards, bad addresses and mismatched agents with a coded error', () => {
    const bad = [
      { SEARCH_BACKEND: 'sphinx', SPHINX_SHARDS: ':9306' },
      { SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: ':9306' },
      { SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: 'localhost', SPHINX_SHARDS: ':9306' },
      { SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: ':99999', SPHINX_SHARDS: ':9306' },
      { SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: ':9306', SPHINX_SHARDS: ':9316,:9326', SPHINX_AGENTS: ':9317' },
      { SEARCH_BACKEND: 'sphinx', SPHINX_AGGREGATOR: ':9306', SPHINX_SHARDS: ':9316', SPHINX_BATCH: '0' },
    ];
    for (const env of bad) {
      expect(() => sphinxConfigFromEnv(env)).toThrow(ConfigError);
      expect(() => sphinxConfigFromEnv(env)).toThrow(/^SPHINX_\w+ must be .* \(got ".*"\)\.$/);
    }
    expect(parseAddress(':9306')).toEqual({ host: '127.0.0.1', port: 9306 });
    expect(parseAddress('[::1]:9306')).toEqual({ host: '::1', port: 9306 });
    expect(parseAddress('localhost')).toBeNull();
  });
});

describe('shard keys', () => {
  it('spreads the passages of the seed reports over two and three shards, always to the same shard', async () => {
    expect(readdirSync(path.join(REPO_ROOT, 'corpus')).length).toBeGreaterThan(4);
    const { docs } = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
    const ids = docs.flatMap((d) => chunkDocument(d)).map((p) => p.id);
    for (const shards of [2, 3]) {
      const counts = new Array<number>(shards).fill(0);
      for (const id of ids) counts[shardOf(id, shards)]! += 1;
      for (const c of counts) expect(c).toBeGreaterThan(ids.length / shards / 1.5);
    }
    expect(ids.map((id) => shardOf(id, 2))).toEqual(ids.map((id) => shardOf(id, 2)));
    expect(shardOf('xizang-2024-government-work-report-p0042', 1)).toBe(0);
  });
});
