/**
 * `npm run ingest [-- <corpus folder>…]`: reads the corpus (default `CORPUS_DIR` or `corpus/`), rebuilds the
 * index in `index/` (or `INDEX_DIR`) atomically, and prints progress and a summary. With
 * `SEARCH_BACKEND=sphinx` (docs/scale-out.md) it also reloads the cluster, in batches, with progress.
 * The settings come from `src/config.ts`; a bad one stops it before anything is read.
 */
import path from 'node:path';
import { configFromEnv } from '../config.js';
import { openSphinxBackend } from '../index/sphinx/index.js';
import { rebuildIndex } from '../runtime/build-index.js';

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const corpusDirs = args.length > 0 ? args.map((a) => path.resolve(a)) : [...config.corpusDirs];
  const { indexDir, maxFileBytes } = config;
  console.log(`ingesting ${corpusDirs.join(', ')} → ${indexDir}`);
  const opened = await rebuildIndex({ corpusDirs, indexDir, maxFileBytes, log: (line) => console.log(line) });
  const sphinx = typeof config.backend === 'object' ? config.backend.sphinx : null;
  if (sphinx) {
    console.log(`loading the Sphinx cluster (aggregator ${sphinx.aggregator.host}:${sphinx.aggregator.port}, ${sphinx.shards.length} shards)…`);
    const onProgress = (done: number, total: number): void => console.log(`  analyzed and sent ${done}/${total} passages`);
    const backend = await openSphinxBackend(sphinx, opened.data, { force: true, log: (line) => console.log(line), onProgress });
    await backend.close();
  }
  const kinds: Record<string, number> = {};
  const sections = new Set<string>();
  for (const p of opened.data.passages) {
    kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    if (p.kind === 'heading') sections.add(`${p.docId}\0${p.sectionPath.join('\0')}`);
  }
  console.log('\nsummary');
  console.log(`  documents: ${opened.data.docs.length}`);
  console.log(`  passages:  ${opened.data.passages.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(`  sections:  ${sections.size}`);
  console.log(`  warnings:  ${opened.warnings.length}`);
  for (const w of opened.warnings) console.log(`    ${w.file}: [${w.code}] ${w.message}`);
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string; zh?: string };
  console.error(`ingest failed${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}${err.zh ? `\n${err.zh}` : ''}`);
  process.exit(1);
});
