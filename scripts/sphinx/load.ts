/**
 * Loads a corpus into the Sphinx cluster named by the environment, with progress; until the engine's
 * `npm run ingest` does this itself when SEARCH_BACKEND=sphinx.
 *
 *   eval "$(scripts/sphinx/cluster.sh env)"
 *   npx tsx scripts/sphinx/load.ts [--force] [corpus folder…]     (default: CORPUS_DIR or corpus/)
 */
import path from 'node:path';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { openSphinxBackend, sphinxConfigFromEnv } from '../../src/index/sphinx/index.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { defaultCorpusDirs } from '../../src/search/engine.js';

async function main(): Promise<void> {
  const config = sphinxConfigFromEnv(process.env);
  if (!config) throw new Error('SEARCH_BACKEND is not sphinx: run eval "$(scripts/sphinx/cluster.sh env)" first');
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith('--')).map((a) => path.resolve(a));
  const corpusDirs = dirs.length > 0 ? dirs : defaultCorpusDirs();
  const { docs, warnings } = await readCorpus(corpusDirs);
  for (const w of warnings) console.log(`warning: ${w.file}: ${w.message}`);
  const data = { docs: docs.map((d) => d.meta), passages: docs.flatMap((d) => chunkDocument(d)) };
  console.log(`${corpusDirs.join(', ')}: ${data.docs.length} documents, ${data.passages.length} passages`);
  const backend = await openSphinxBackend(config, data, {
    force: args.includes('--force'),
    log: (line) => console.log(line),
    onProgress: (done, total) => console.log(`  analyzed and sent ${done}/${total} passages`),
  });
  const { reloaded, reason, perShard, vocabulary, ms } = backend.load;
  console.log(reloaded ? `loaded (${reason}) in ${ms} ms: ${perShard.map((n, i) => `shard${i} ${n}`).join(', ')}, vocabulary ${vocabulary}` : 'the cluster already holds this corpus: nothing to do');
  for (const node of await backend.nodes()) console.log(`  ${node.name} ${node.state} ${node.address ?? ''} ${node.message ?? ''}`);
  await backend.close();
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  console.error(`sphinx load failed${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}`);
  process.exit(1);
});
