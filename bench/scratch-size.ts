import path from 'node:path';
import { readCorpus } from '../src/ingest/corpus.js';
import { chunkDocument } from '../src/chunk/chunk.js';
const t0 = performance.now();
const { docs, warnings } = await readCorpus(['corpus', path.resolve('../shared/corpora')]);
const t1 = performance.now();
let n = 0, chars = 0;
for (const d of docs) { const ps = chunkDocument(d); n += ps.length; chars += ps.reduce((a, p) => a + p.text.length + (p.textEn?.length ?? 0), 0); }
console.log({ docs: docs.length, warnings: warnings.length, passages: n, chars, readMs: t1 - t0, chunkMs: performance.now() - t1, rss: process.memoryUsage().rss / 1e6 });
console.log(warnings.slice(0, 5));
