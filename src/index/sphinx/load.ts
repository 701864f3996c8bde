/**
 * Loads the corpus into the cluster, and only when needed: each shard keeps, in its `corpus_meta`
 * index, the fingerprint of the passages it was loaded from (passages, documents, analyzer, schema,
 * shard layout), written last. When any shard's fingerprint or row count differs from what the corpus
 * gives, every shard is emptied and reloaded in batches, each passage to the shard its id hashes to.
 */
import { createHash } from 'node:crypto';
import { analyzerFingerprint } from '../../text/analyzer.js';
import type { CorpusData } from '../build.js';
import { createSphinxError, messageOf } from './errors.js';
import { ROW_TABLES, RowBuilder, tableValues, type PassageRow, type RowTable } from './rows.js';
import { shardOf } from './shard-key.js';
import { SqlConnection, type SqlRow } from './sphinxql.js';
import { fieldText } from './term-codec.js';
import type { SphinxConfig } from './types.js';

/** The fingerprint of a shard written in place (`writes.ts`) since it was loaded: the next open reloads it. */
export const WRITTEN_IN_PLACE = 'written-in-place';

/** Bumped whenever the rows, tokens or index layout change. */
export const SPHINX_SCHEMA_VERSION = 'sphinx-5';

/** Stop adding rows to a batch past this many bytes of SQL (Sphinx's default max_packet_size is 8 MiB). */
const BATCH_BYTES = 4 * 1024 * 1024;
/** Batches queued on a shard's connection before analysis waits for the oldest. */
const MAX_IN_FLIGHT = 3;

export interface LoadOptions {
  /** Reload even when the cluster holds this corpus. */
  force?: boolean;
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}

/** What opening did to the cluster. */
export interface LoadReport {
  reloaded: boolean;
  /** Why it reloaded (or '' when the cluster was current). */
  reason: string;
  fingerprint: string;
  passages: number;
  vocabulary: number;
  /** Rows per shard, in shard order. */
  perShard: number[];
  ms: number;
}

/**
 * The fingerprint of what the cluster must hold for `data` on `shardCount` shards.
 * @example clusterFingerprint({ docs, passages }, 2) // 'sha256:…'
 */
export function clusterFingerprint(data: CorpusData, shardCount: number): string {
  const hash = createHash('sha256');
  hash.update(`${SPHINX_SCHEMA_VERSION}\0${analyzerFingerprint()}\0${shardCount}\0`);
  for (const doc of data.docs) hash.update(`d\0${doc.id}\0${doc.year ?? ''}\0`);
  for (const p of data.passages) {
    // Everything a row stores: the cluster returns the passages, so any change must reload it.
    hash.update(`p\0${p.id}\0${p.docId}\0${p.kind}\0${p.ordinal}\0${p.start}\0${p.end}\0${JSON.stringify(p.sectionPath)}\0`);
    hash.update(`${p.paragraph ?? 0}\0${p.page ?? 0}\0${p.pageEnd ?? 0}\0${JSON.stringify(p.pageBreaks ?? [])}\0`);
    hash.update(p.text);
    hash.update(p.textEn === undefined ? '\0-\0' : `\0=${p.textEn}\0`);
  }
  return `sha256:${hash.digest('hex')}`;
}

interface ShardState {
  fingerprint: string;
  passages: number;
  shard: number;
  shards: number;
  vocab: number;
  counted: number;
  /** Rows of its `texts` index (one per passage). */
  texts: number;
}

const num = (row: SqlRow | undefined, key: string): number => Number(row?.[key] ?? -1);

async function readState(connection: SqlConnection): Promise<ShardState> {
  const [meta, count, texts] = await connection.run(
    'SELECT fingerprint, passages, shard, shards, vocab FROM corpus_meta WHERE id=1; SELECT COUNT(*) AS n FROM passages; SELECT COUNT(*) AS n FROM texts',
    3,
  );
  const row = meta?.[0];
  return {
    fingerprint: String(row?.fingerprint ?? ''),
    passages: num(row, 'passages'),
    shard: num(row, 'shard'),
    shards: num(row, 'shards'),
    vocab: num(row, 'vocab'),
    counted: num(count?.[0], 'n'),
    texts: num(texts?.[0], 'n'),
  };
}

/** Why the shards do not hold `fingerprint` as loaded with `expected` rows each, or '' when they do. */
function staleness(states: ShardState[], fingerprint: string, expected: number[]): string {
  for (const [i, s] of states.entries()) {
    if (s.fingerprint === '') return `shard${i} holds no corpus yet`;
    if (s.fingerprint === WRITTEN_IN_PLACE) return `shard${i} was written in place since it was loaded`;
    if (s.fingerprint !== fingerprint) return `shard${i} holds another corpus or analyzer`;
    if (s.shard !== i || s.shards !== states.length) return `shard${i} was loaded as shard ${s.shard} of ${s.shards}`;
    if (s.counted !== expected[i] || s.passages !== expected[i]) return `shard${i} holds ${s.counted} passages, expected ${expected[i]}`;
    if (s.texts !== expected[i]) return `shard${i} holds ${s.texts} passage texts, expected ${expected[i]}`;
  }
  return '';
}

/** Inserts rows into one shard's index in batches, a few batches in flight while the next is analyzed. */
class BatchWriter {
  private rows: unknown[][] = [];
  private bytes = 0;
  private readonly inFlight: Array<Promise<void>> = [];
  written = 0;

  constructor(
    private readonly connection: SqlConnection,
    private readonly statement: string,
    private readonly batchSize: number,
  ) {}

  async add(values: unknown[], bytes: number): Promise<void> {
    this.rows.push(values);
    this.bytes += bytes;
    if (this.rows.length >= this.batchSize || this.bytes >= BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight.shift();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    const sent = this.connection.run(this.statement, 1, [rows]).then(() => {
      this.written += rows.length;
    });
    sent.catch(() => undefined); // handled when awaited by a later flush or by finish()
    this.inFlight.push(sent);
  }

  async finish(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}

/** The statement that inserts (or replaces) rows of one table. */
export const rowStatement = (verb: 'INSERT' | 'REPLACE', table: RowTable): string => `${verb} INTO ${table} (${ROW_TABLES[table].join(', ')}) VALUES ?`;
const VOCAB_INSERT = 'INSERT INTO vocab (id, prefix, term, freq, len) VALUES ?';
/** About the bytes a row takes in SQL, per table (three per UTF-16 unit of text, Chinese being three in UTF-8). */
const rowBytes = (r: PassageRow, table: RowTable): number =>
  table === 'passages'
    ? r.words.length + r.bigrams.length + r.heading.length + r.en.length + r.pid.length + 64
    : 3 * (r.section.length + r.page_breaks.length + r.text.length + r.text_en.length + r.mkey.length + r.mkey_en.length) + r.pid.length + 96;

/** Runs statements one by one (Sphinx batches only SELECT and SHOW statements). */
async function runEach(connection: SqlConnection, statements: string[]): Promise<void> {
  for (const statement of statements) await connection.run(statement);
}

/** Rows per shard for `data`, without analyzing anything. */
function expectedCounts(data: CorpusData, shardCount: number): number[] {
  const counts = new Array<number>(shardCount).fill(0);
  for (const p of data.passages) counts[shardOf(p.id, shardCount)] = (counts[shardOf(p.id, shardCount)] ?? 0) + 1;
  return counts;
}

async function reload(config: SphinxConfig, data: CorpusData, shards: SqlConnection[], fingerprint: string, options: LoadOptions): Promise<number> {
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const elapsed = (): string => `${Math.round(performance.now() - t0)} ms`;
  const n = shards.length;
  await Promise.all(shards.map((s) => runEach(s, ['TRUNCATE RTINDEX corpus_meta', 'TRUNCATE RTINDEX passages', 'TRUNCATE RTINDEX texts', 'TRUNCATE RTINDEX vocab'])));
  const passageWriters = shards.map((s) => new BatchWriter(s, rowStatement('INSERT', 'passages'), config.batchSize));
  const textWriters = shards.map((s) => new BatchWriter(s, rowStatement('INSERT', 'texts'), config.batchSize));
  const builder = new RowBuilder(data.docs);
  const vocabulary = new Map<string, number>();
  const total = data.passages.length;
  const step = Math.max(1, Math.floor(total / 20));
  for (const [index, passage] of data.passages.entries()) {
    const { row, wordTerms } = builder.row(passage, index);
    for (const term of wordTerms) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
    const shard = shardOf(passage.id, n);
    await passageWriters[shard]?.add(tableValues(row, 'passages'), rowBytes(row, 'passages'));
    await textWriters[shard]?.add(tableValues(row, 'texts'), rowBytes(row, 'texts'));
    if (index % step === 0 || index === total - 1) options.onProgress?.(index + 1, total);
  }
  await Promise.all([...passageWriters, ...textWriters].map((w) => w.finish()));
  log(`  ${elapsed()}: sent ${total} passages (${passageWriters.map((w, i) => `shard${i}: ${w.written}`).join(', ')}); loading the vocabulary…`);
  const vocabWriters = shards.map((s) => new BatchWriter(s, VOCAB_INSERT, config.batchSize * 4));
  const terms = [...vocabulary.keys()].sort();
  for (const [i, term] of terms.entries()) {
    const prefix = fieldText('words', [term]);
    await vocabWriters[shardOf(term, n)]?.add([i + 1, prefix, term, vocabulary.get(term) ?? 0, [...term].length], prefix.length + term.length * 3 + 32);
  }
  await Promise.all(vocabWriters.map((w) => w.finish()));
  log(`  ${elapsed()}: sent ${terms.length} vocabulary terms; flushing the indexes to disk…`);
  await Promise.all(
    shards.map(async (s, i) => {
      await runEach(s, ['FLUSH RTINDEX passages', 'FLUSH RTINDEX texts', 'FLUSH RTINDEX vocab']);
      const values = [fingerprint, passageWriters[i]?.written ?? 0, i, n, vocabWriters[i]?.written ?? 0];
      await s.run("REPLACE INTO corpus_meta (id, note, fingerprint, passages, shard, shards, vocab) VALUES (1, '', ?, ?, ?, ?, ?)", 1, values);
      await s.run('FLUSH RTINDEX corpus_meta');
    }),
  );
  return terms.length;
}

/**
 * Makes the cluster hold `data`: checks every shard's fingerprint and row count, reloads all shards
 * when any differs (or when `force`). Throws `SPHINX_UNAVAILABLE` when a shard does not answer.
 * @example const report = await ensureLoaded(config, { docs, passages }, { log: console.log })
 */
export async function ensureLoaded(config: SphinxConfig, data: CorpusData, options: LoadOptions = {}): Promise<LoadReport> {
  const t0 = performance.now();
  const log = options.log ?? (() => undefined);
  const fingerprint = clusterFingerprint(data, config.shards.length);
  const expected = expectedCounts(data, config.shards.length);
  const shards: SqlConnection[] = [];
  try {
    for (const shard of config.shards) shards.push(await SqlConnection.open(shard.sql, config.connectTimeoutMs));
    const states = await Promise.all(shards.map(readState));
    const reason = options.force ? 'a reload was asked for' : staleness(states, fingerprint, expected);
    let vocabulary = states.reduce((sum, s) => sum + Math.max(0, s.vocab), 0);
    if (reason) {
      log(`sphinx: loading ${data.passages.length} passages into ${shards.length} shards (${reason})…`);
      try {
        vocabulary = await reload(config, data, shards, fingerprint, options);
      } catch (error) {
        throw createSphinxError('SPHINX_LOAD_FAILED', messageOf(error), error);
      }
      const after = await Promise.all(shards.map(readState));
      const still = staleness(after, fingerprint, expected);
      if (still) throw createSphinxError('SPHINX_LOAD_FAILED', `after loading, ${still}`);
      log(`sphinx: loaded in ${Math.round(performance.now() - t0)} ms`);
    }
    return {
      reloaded: reason !== '',
      reason,
      fingerprint,
      passages: data.passages.length,
      vocabulary,
      perShard: expected,
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await Promise.all(shards.map((s) => s.close()));
  }
}
