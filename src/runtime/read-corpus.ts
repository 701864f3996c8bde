/**
 * The pipeline before the index: read the corpus folders (ingest) and cut each report into passages
 * (chunk). Handed to the index stage as its `CorpusSource`, so that `index/` never imports the stages
 * before it.
 */
import type { CorpusData } from '../index/build.js';
import type { CorpusSource } from '../index/open-index.js';
import type { Passage } from '../model.js';

/**
 * Reads and chunks every report of the folders; each warning is logged as it is returned.
 * @example const { data, warnings } = await readAndChunk(['corpus'], { log: console.log })
 */
export const readAndChunk: CorpusSource = async (corpusDirs, { maxFileBytes, log }) => {
  // Imported here, not at the top: the readers (docx, HTML, encodings) take half a second to load, and a
  // server whose index is current never needs them.
  const { readCorpus } = await import('../ingest/corpus.js');
  const { chunkDocument } = await import('../chunk/chunk.js');
  const { docs, warnings } = await readCorpus([...corpusDirs], { maxFileBytes });
  for (const w of warnings) log(`warning: ${w.file}: ${w.message}`);
  const passages: Passage[] = [];
  // A loop, not push(...): one document may have more passages than a call can take arguments.
  for (const doc of docs) for (const passage of chunkDocument(doc)) passages.push(passage);
  const data: CorpusData = { docs: docs.map((d) => d.meta), passages };
  return { data, warnings };
};
