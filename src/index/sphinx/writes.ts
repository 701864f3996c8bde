/**
 * Writing passages into a loaded cluster in place (the backend's `upsert` and `remove`): each row goes to
 * the shard that owns its passage id, and out of the shard that held its position before when that was
 * another (the aggregator merges rows by id, so a position must live on one shard only); the completion
 * vocabulary is kept in step, term by term, on the shard that owns each term.
 *
 * A shard written in place no longer holds the corpus it was loaded from: its fingerprint is replaced by
 * `WRITTEN_IN_PLACE` before anything else is written, so that the next open with the corpus on disk
 * reloads it, even when a write fails half-way. One writer at a time (as for loading).
 */
import { rowStatement, WRITTEN_IN_PLACE } from './load.js';
import { tableValues, type PassageRow } from './rows.js';
import { shardOf } from './shard-key.js';
import type { SqlConnection, SqlRow } from './sphinxql.js';
import { fieldText, termToken } from './term-codec.js';

/** Terms looked up in one MATCH. */
const TERMS_PER_LOOKUP = 200;

/** What one write does to the cluster. */
export interface ClusterWrite {
  /** Rows to hold, each on the shard that owns its passage id. */
  rows: Array<{ row: PassageRow; shard: number }>;
  /** Row ids to delete, per shard. */
  deletes: Array<{ id: number; shard: number }>;
  /** Change of each word's passage count. */
  vocabulary: Map<string, number>;
}

/**
 * The change of each word's passage count when passages with the distinct words `before` become passages
 * with the distinct words `after` (`passageWords`, or a row's `wordTerms`).
 * @example vocabularyDelta([['乡村振兴']], [['城乡融合']]) // Map { '乡村振兴' => -1, '城乡融合' => 1 }
 */
export function vocabularyDelta(before: readonly string[][], after: readonly string[][]): Map<string, number> {
  const delta = new Map<string, number>();
  const count = (passages: readonly string[][], sign: number): void => {
    for (const words of passages) for (const term of words) delta.set(term, (delta.get(term) ?? 0) + sign);
  };
  count(before, -1);
  count(after, 1);
  for (const [term, change] of delta) if (change === 0) delta.delete(term);
  return delta;
}

/** Replaces each shard's fingerprint, so that the next open reloads what is written now. */
async function markWritten(shards: readonly SqlConnection[]): Promise<void> {
  await Promise.all(
    shards.map(async (shard, i) => {
      const [rows = []] = await shard.run('SELECT passages, vocab FROM corpus_meta WHERE id=1', 1);
      const values = [WRITTEN_IN_PLACE, Number(rows[0]?.passages ?? 0), i, shards.length, Number(rows[0]?.vocab ?? 0)];
      await shard.run("REPLACE INTO corpus_meta (id, note, fingerprint, passages, shard, shards, vocab) VALUES (1, '', ?, ?, ?, ?, ?)", 1, values);
    }),
  );
}

/** The next free vocabulary row id across every shard (ids must be unique across the distributed index). */
async function nextVocabularyId(shards: readonly SqlConnection[]): Promise<number> {
  const highest = await Promise.all(
    shards.map(async (shard) => {
      const [rows = []] = await shard.run('SELECT id FROM vocab ORDER BY id DESC LIMIT 0,1', 1);
      return Number(rows[0]?.id ?? 0);
    }),
  );
  return Math.max(0, ...highest) + 1;
}

/** The vocabulary rows of `terms` on one shard, by term. */
async function vocabularyRows(shard: SqlConnection, terms: readonly string[]): Promise<Map<string, { id: number; freq: number }>> {
  const found = new Map<string, { id: number; freq: number }>();
  for (let i = 0; i < terms.length; i += TERMS_PER_LOOKUP) {
    const batch = terms.slice(i, i + TERMS_PER_LOOKUP);
    const match = batch.map((term) => termToken('words', term)).join(' | ');
    const sql = `SELECT id, term, freq FROM vocab WHERE MATCH('@prefix ${match}') LIMIT 0,${batch.length * 4} OPTION max_matches=${batch.length * 4}`;
    const [rows = []] = await shard.run(sql, 1);
    const wanted = new Set(batch);
    for (const row of rows as SqlRow[]) {
      const term = String(row.term ?? '');
      if (wanted.has(term)) found.set(term, { id: Number(row.id), freq: Number(row.freq) });
    }
  }
  return found;
}

/** Applies the vocabulary change: counts updated, words gone deleted, new words inserted. */
async function writeVocabulary(shards: readonly SqlConnection[], delta: Map<string, number>): Promise<void> {
  let nextId = await nextVocabularyId(shards);
  for (const [i, shard] of shards.entries()) {
    const terms = [...delta.keys()].filter((term) => shardOf(term, shards.length) === i).sort();
    const rows = await vocabularyRows(shard, terms);
    for (const term of terms) {
      const row = rows.get(term);
      const freq = (row?.freq ?? 0) + (delta.get(term) ?? 0);
      if (row && freq <= 0) await shard.run(`DELETE FROM vocab WHERE id=${row.id}`);
      else if (row) await shard.run(`UPDATE vocab SET freq=${freq} WHERE id=${row.id}`);
      else if (freq > 0) {
        await shard.run('INSERT INTO vocab (id, prefix, term, freq, len) VALUES (?, ?, ?, ?, ?)', 1, [nextId++, fieldText('words', [term]), term, freq, [...term].length]);
      }
    }
  }
}

/**
 * Carries out one write on the shards (connections in shard order): fingerprints first, then deletes,
 * rows and the vocabulary; flushed to disk at the end.
 */
export async function writeInPlace(shards: readonly SqlConnection[], write: ClusterWrite): Promise<void> {
  await markWritten(shards);
  for (const [i, shard] of shards.entries()) {
    const ids = write.deletes.filter((d) => d.shard === i).map((d) => d.id);
    const rows = write.rows.filter((r) => r.shard === i).map((r) => r.row);
    for (const table of ['passages', 'texts'] as const) {
      if (ids.length > 0) await shard.run(`DELETE FROM ${table} WHERE id IN (${ids.join(',')})`);
      if (rows.length > 0) await shard.run(rowStatement('REPLACE', table), 1, [rows.map((row) => tableValues(row, table))]);
    }
  }
  await writeVocabulary(shards, write.vocabulary);
  for (const shard of shards) {
    for (const table of ['passages', 'texts', 'vocab']) await shard.run(`FLUSH RTINDEX ${table}`);
  }
}
