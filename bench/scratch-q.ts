import { loadQueries, phraseOf } from './queries.js';
import { readCorpus } from '../src/ingest/corpus.js';
import { chunkDocument } from '../src/chunk/chunk.js';
import { phraseKey } from '../src/text/analyzer.js';
import path from 'node:path';
for (const dirs of [['corpus'], ['corpus', path.resolve('../shared/corpora')]]) {
const { docs } = await readCorpus(dirs);
const keys = docs.flatMap((d) => chunkDocument(d)).map((p) => phraseKey(p.text) + '\u0000' + (p.textEn ? phraseKey(p.textEn) : ''));
console.log(dirs.length, docs.reduce((a,d)=>a+d.text.length,0));
for (const q of loadQueries()) { const ph = phraseOf(q.q); if (ph) { const k = phraseKey(ph); console.log(q.q, keys.filter((x) => x.includes(k)).length); } }
}
