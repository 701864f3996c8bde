/**
 * The Sphinx backend: passages sharded over N real-time indexes, read through an aggregator whose
 * `type = distributed` index fans each query out to the shards. The analyzer, phrase verification,
 * facets and paging stay in Node (`plan-run.ts`); Sphinx finds candidates and weighs them (BM25), and
 * holds the passages: their text, and the match keys verification reads, come back from the cluster.
 *
 *   const backend = await openSphinxBackend(config.sphinx, { docs, passages });
 *   const { total, hits, partial } = await backend.search(query);
 */
import type { BackendQuery, BackendResult, IndexField, PassageAt, SearchBackend, StoredPassage, Verifier } from '../backend.js';
import { verifierOver } from '../checks.js';
import { FacetTable } from '../facet-table.js';
import type { MatchKeySource } from '../passage-keys.js';
import { factsOf, type CorpusData } from '../build.js';
import { FIELD_BOOSTS } from '../schema.js';
import { formatAddress } from './config.js';
import { createSphinxError, messageOf, SphinxError } from './errors.js';
import { ensureLoaded, type LoadOptions, type LoadReport } from './load.js';
import { runQuery, type MatchSource, type PassageTable } from './plan-run.js';
import { IDS_PER_STATEMENT, PASSAGES, priorExpression, RankedFetcher, type StatementRunner } from './ranked-fetch.js';
import { PASSAGE_ATTRIBUTES, passageOfRow, passageWords, RowBuilder } from './rows.js';
import { searchTopK } from './top-k-run.js';
import { shardOf } from './shard-key.js';
import { decodeStored } from './stored-text.js';
import { failedAgents, metaOf, SqlConnection, SqlEndpoint, type SqlRow } from './sphinxql.js';
import { prefixExpression } from './term-codec.js';
import { vocabularyDelta, writeInPlace, type ClusterWrite } from './writes.js';
import type { BackendNode, PartialAnswer, SphinxConfig } from './types.js';

const TEXTS = 'texts_dist';
const VOCAB = 'vocab_dist';
/** Rows asked for in a first fetch; a fetch that finds more asks again for exactly that many. */
const FIRST_CAPACITY = 20000;
const FIELD_WEIGHTS = (Object.entries(FIELD_BOOSTS) as Array<[IndexField, number]>).map(([f, w]) => `${f}=${Math.round(w * 2)}`).join(', ');
/** The ranking every weighed fetch asks for. */
const RANKING = `ranker=bm25, field_weights=(${FIELD_WEIGHTS})`;

/** Rows of one statement by id, how many ids it asked for, and the warning its `SHOW META` gave. */
interface RowsById {
  rows: SqlRow[];
  asked: number;
  warning: string | undefined;
}

/** Reads `columns` of the texts of these positions, one statement per `IDS_PER_STATEMENT` ids. */
async function textsAt(run: (sql: string) => Promise<SqlRow[][]>, columns: string, indexes: readonly number[]): Promise<RowsById[]> {
  const answers: RowsById[] = [];
  for (let i = 0; i < indexes.length; i += IDS_PER_STATEMENT) {
    const ids = indexes.slice(i, i + IDS_PER_STATEMENT).map((index) => index + 1);
    const [rows = [], meta = []] = await run(`SELECT ${columns} FROM ${TEXTS} WHERE id IN (${ids.join(',')}) LIMIT 0,${ids.length} OPTION max_matches=${ids.length}; SHOW META`);
    answers.push({ rows, asked: ids.length, warning: metaOf(meta).get('warning') });
  }
  return answers;
}

/**
 * Collects candidates for one search, and which shards failed to answer while doing so. The match keys of
 * the candidates that will be verified are read from the texts by id, once each, and kept for the search's
 * verifier (a passage whose key no shard returned holds nothing: the answer is then marked partial).
 */
class SearchFetcher implements MatchSource, MatchKeySource, StatementRunner {
  readonly failed = new Set<string>();
  readonly warnings = new Set<string>();
  readonly verifier: Verifier = verifierOver(this);
  private readonly memo = new Map<string, Promise<Map<number, number>>>();
  private readonly keys = new Map<number, { text: string; en: string; original: string; originalEn: string }>();

  constructor(
    private readonly endpoint: SqlEndpoint,
    private readonly shardName: (agent: string) => string,
    private readonly passages: number,
  ) {}

  text(index: number): string {
    return this.keys.get(index)?.text ?? '';
  }

  textEn(index: number): string {
    return this.keys.get(index)?.en ?? '';
  }

  original(index: number): string {
    return this.keys.get(index)?.original ?? '';
  }

  originalEn(index: number): string {
    return this.keys.get(index)?.originalEn ?? '';
  }

  async fetch(match: string, conditions: string[], withKeys = false): Promise<Map<number, number>> {
    const key = `${match}\0${conditions.join(',')}`;
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.fetchNow(match, conditions);
      this.memo.set(key, pending);
    }
    const weights = await pending;
    // The keys live in the texts index, read by id: a second round trip, only for what will be verified.
    if (withKeys) await this.ensureKeys(weights.keys());
    return weights;
  }

  async ensureKeys(indexes: Iterable<number>): Promise<void> {
    const missing = [...indexes].filter((index) => !this.keys.has(index));
    for (const { rows, warning } of await textsAt((sql) => this.run(sql), 'id, mkey, mkey_en, text, text_en', missing)) {
      this.note(warning);
      for (const row of rows) this.keep(row);
    }
  }

  private async fetchNow(match: string, conditions: string[]): Promise<Map<number, number>> {
    const where = [...(match ? [`MATCH('${match}')`] : []), ...conditions].join(' AND ');
    // Without a MATCH there is nothing to weigh: every passage scores 1, as a scan does in the embedded backend.
    const columns = `id, ${match ? 'WEIGHT()' : '1'} AS w`;
    const options = match ? `, ${RANKING}` : '';
    let capacity = Math.max(1, Math.min(FIRST_CAPACITY, this.passages));
    for (;;) {
      const sql = `SELECT ${columns} FROM ${PASSAGES}${where ? ` WHERE ${where}` : ''} LIMIT 0,${capacity} OPTION max_matches=${capacity}${options}; SHOW META`;
      const [rows = [], metaRows = []] = await this.run(sql);
      const meta = metaOf(metaRows);
      this.note(meta.get('warning'));
      const found = Number(meta.get('total_found') ?? rows.length);
      if (rows.length < found && capacity < found) {
        capacity = found;
        continue;
      }
      const weights = new Map<number, number>();
      for (const row of rows) weights.set(this.indexOf(row), Number(row.w));
      return weights;
    }
  }

  indexOf(row: SqlRow): number {
    const index = Number(row.id) - 1;
    if (!(index >= 0 && index < this.passages)) {
      throw createSphinxError('SPHINX_CLUSTER_MISMATCH', `the cluster returned passage id ${String(row.id)}, beyond the ${this.passages} passages of the corpus`);
    }
    return index;
  }

  private keep(row: SqlRow): void {
    // The texts themselves too: a key with a Latin or digit edge is checked against them (`word-edges.ts`).
    const en = String(row.text_en ?? '');
    this.keys.set(this.indexOf(row), {
      text: decodeStored(String(row.mkey ?? '')),
      en: decodeStored(String(row.mkey_en ?? '')),
      original: decodeStored(String(row.text ?? '')),
      originalEn: en === '' ? '' : decodeStored(en).slice(1),
    });
  }

  async run(sql: string): Promise<SqlRow[][]> {
    try {
      return await this.endpoint.run(sql, 2);
    } catch (error) {
      const agents = failedAgents(messageOf(error));
      if (error instanceof SphinxError && agents.length > 0 && !/remote error/.test(messageOf(error))) {
        const names = agents.map(this.shardName);
        throw createSphinxError('SPHINX_UNAVAILABLE', `no shard answered (${names.join(', ')}): ${messageOf(error)}`, error);
      }
      throw error;
    }
  }

  note(warning: string | undefined): void {
    if (!warning) return;
    this.warnings.add(warning);
    const agents = failedAgents(warning);
    if (agents.length === 0) this.failed.add('unknown');
    for (const agent of agents) this.failed.add(this.shardName(agent));
  }

  partial(): PartialAnswer | undefined {
    if (this.failed.size === 0) return undefined;
    const failed = [...this.failed].sort();
    return { failed, message: `Results are incomplete: ${failed.join(', ')} did not answer (${[...this.warnings].join('; ')})` };
  }
}

/** How the backend picks a page. */
export interface SphinxSearchOptions {
  /** Fetch every match and rank them all in Node (the reference the pruned search is tested against). */
  exhaustive?: boolean;
  /** Rows each alternative's ranked list brings first in a pruned search (tests set 1 to exercise going deeper). */
  firstRows?: number;
  /** Prune every plan the lists decide, also where one round trip of every match is likely cheaper (tests). */
  always?: boolean;
}

export class SphinxBackend implements SearchBackend {
  readonly name = 'sphinx';
  readonly stable = false;
  private readonly endpoint: SqlEndpoint;
  /** Positions are below this (it grows when a passage is added past the end). */
  private bound: number;
  /** Passages the cluster holds, in all and per shard (kept by writes in place). */
  private held: number;
  private readonly perShard: number[];
  /** Positions below `bound` whose passage was removed. */
  private readonly removed = new Set<number>();
  private readonly facets: FacetTable;
  private readonly rows: RowBuilder;
  private readonly docOrdinals: Map<string, number>;
  private readonly agentNames: Map<string, string>;
  private readonly docIds: string[];
  /** Each report's year, in corpus order: the report of ordinal n (`docOrdinals`) is at n - 1. */
  private readonly docYears: Array<number | null>;
  private readonly shardNameOf = (agent: string): string => this.agentNames.get(agent) ?? agent;
  /** The prior expression of pruned searches, as of the newest year the facet table holds. */
  private prior: string;

  constructor(
    private readonly config: SphinxConfig,
    data: CorpusData,
    /** What opening did to the cluster (reloaded or not, counts per shard, time). */
    readonly load: LoadReport,
    private readonly options: SphinxSearchOptions = {},
  ) {
    this.endpoint = new SqlEndpoint(config.aggregator, config.connections, config.connectTimeoutMs);
    this.bound = data.passages.length;
    this.held = data.passages.length;
    this.perShard = [...load.perShard];
    this.facets = new FacetTable(factsOf(data));
    this.rows = new RowBuilder(data.docs);
    this.docOrdinals = new Map(data.docs.map((d, i) => [d.id, i + 1]));
    this.docIds = data.docs.map((d) => d.id);
    this.docYears = data.docs.map((d) => d.year);
    this.agentNames = new Map(config.shards.flatMap((s) => (s.agent ? [[formatAddress(s.agent), s.name] as [string, string]] : [])));
    this.prior = priorExpression(this.facets.newestYear());
  }

  size(): number {
    return this.held;
  }

  /**
   * Searches the cluster; `partial` names the shards that did not answer.
   * @example const { total, hits, partial } = await backend.search(plan.query)
   */
  async search(query: BackendQuery): Promise<BackendResult> {
    const fetcher = new SearchFetcher(this.endpoint, this.shardNameOf, this.bound);
    const table: PassageTable = { size: this.bound, facets: this.facets, docOrdinals: this.docOrdinals };
    // The page from each alternative's best rows where the plan allows (`top-k-run.ts`), else every match.
    const pruned = this.options.exhaustive
      ? null
      : await searchTopK(query, { table, fetcher: new RankedFetcher(fetcher, RANKING, this.prior), source: fetcher, names: { docIds: this.docIds, years: this.docYears, kindOrder: this.facets.kindOrder() }, firstRows: this.options.firstRows, always: this.options.always });
    const result: BackendResult = pruned ?? (await runQuery(query, table, fetcher));
    const partial = fetcher.partial();
    if (partial) result.partial = partial;
    return result;
  }

  /**
   * The passages at these positions, as the cluster holds them, in the order asked (a position beyond the
   * corpus, or whose passage was removed, is left out). Throws `SPHINX_UNAVAILABLE` naming the shards when some did not answer and what
   * they hold was asked for, `SPHINX_CLUSTER_MISMATCH` when the cluster lacks a passage it should hold.
   * @example (await backend.passagesAt([0]))[0]?.passage.text // '西藏自治区…'
   */
  async passagesAt(indexes: readonly number[]): Promise<StoredPassage[]> {
    const found = new Map<number, StoredPassage>();
    const wanted = [...new Set(indexes)].filter((index) => Number.isInteger(index) && index >= 0 && index < this.bound && !this.removed.has(index));
    for (const { rows, asked, warning } of await textsAt((sql) => this.endpoint.run(sql, 2), PASSAGE_ATTRIBUTES, wanted)) {
      for (const row of rows) {
        const stored = passageOfRow(row, this.docIds);
        found.set(stored.index, stored);
      }
      if (warning && rows.length < asked) {
        const shards = failedAgents(warning).map(this.shardNameOf);
        throw createSphinxError('SPHINX_UNAVAILABLE', `${shards.join(', ') || 'a shard'} did not answer, and holds passages asked for (${warning})`);
      }
    }
    const lacking = wanted.find((index) => !found.has(index));
    if (lacking !== undefined) throw createSphinxError('SPHINX_CLUSTER_MISMATCH', `the cluster does not hold passage ${lacking + 1} of ${this.bound}`);
    return indexes.flatMap((index) => found.get(index) ?? []);
  }

  /**
   * Holds each passage at its position in place: the row goes to the shard that owns the passage id (and
   * leaves the shard that held the position before, if another), the vocabulary follows, the facets too.
   * The shards' fingerprints are dropped first, so the next open with the corpus on disk reloads them.
   * @example await backend.upsert([{ index: 41, passage: { ...passage, text: '…' } }])
   */
  async upsert(passages: readonly PassageAt[]): Promise<void> {
    const latest = new Map<number, PassageAt['passage']>();
    for (const { index, passage } of passages) {
      // New positions extend the corpus; they may not leave a gap wider than the passages written.
      if (!Number.isSafeInteger(index) || index < 0 || index >= this.bound + passages.length) {
        throw createSphinxError('SPHINX_WRITE_REJECTED', `position ${String(index)} is not a whole number from 0 to ${this.bound + passages.length - 1}`);
      }
      if (!this.docOrdinals.has(passage.docId)) throw createSphinxError('SPHINX_WRITE_REJECTED', `passage ${passage.id} belongs to "${passage.docId}", which the backend was not opened with`);
      latest.set(index, passage);
    }
    const before = new Map((await this.passagesAt([...latest.keys()])).map((s) => [s.index, s.passage]));
    const n = this.config.shards.length;
    const built = [...latest].map(([index, passage]) => this.rows.row(passage, index));
    const write: ClusterWrite = {
      rows: built.map(({ row }) => ({ row, shard: shardOf(row.pid, n) })),
      deletes: [...before].flatMap(([index, was]) => {
        const shard = shardOf(was.id, n);
        return shard === shardOf(latest.get(index)?.id ?? '', n) ? [] : [{ id: index + 1, shard }];
      }),
      vocabulary: vocabularyDelta([...before.values()].map((p) => passageWords(p.text)), built.map((b) => b.wordTerms)),
    };
    await this.onShards((shards) => writeInPlace(shards, write));
    for (const [index, passage] of latest) {
      const was = before.get(index);
      if (was) this.perShard[shardOf(was.id, n)]--;
      else this.held++;
      this.perShard[shardOf(passage.id, n)]++;
      this.facets.set(index, { docId: passage.docId, year: this.docYears[(this.docOrdinals.get(passage.docId) ?? 0) - 1] ?? null, kind: passage.kind });
      this.removed.delete(index);
      this.bound = Math.max(this.bound, index + 1);
    }
    this.prior = priorExpression(this.facets.newestYear());
  }

  /**
   * Deletes the passages at these positions in place (a position holding none is skipped).
   * @example await backend.remove([41])
   */
  async remove(indexes: readonly number[]): Promise<void> {
    const before = await this.passagesAt(indexes);
    if (before.length === 0) return;
    const n = this.config.shards.length;
    const write: ClusterWrite = {
      rows: [],
      deletes: before.map((s) => ({ id: s.index + 1, shard: shardOf(s.passage.id, n) })),
      vocabulary: vocabularyDelta(before.map((s) => passageWords(s.passage.text)), []),
    };
    await this.onShards((shards) => writeInPlace(shards, write));
    for (const { index, passage } of before) {
      this.perShard[shardOf(passage.id, n)]--;
      this.held--;
      this.removed.add(index);
    }
  }

  /** Runs `work` with a connection to every shard, in shard order. */
  private async onShards(work: (shards: SqlConnection[]) => Promise<void>): Promise<void> {
    const shards: SqlConnection[] = [];
    try {
      for (const shard of this.config.shards) shards.push(await SqlConnection.open(shard.sql, this.config.connectTimeoutMs));
      await work(shards);
    } finally {
      await Promise.all(shards.map((s) => s.close()));
    }
  }

  /**
   * Words of the corpus starting with `prefix`, most frequent first (then shorter, then by code point),
   * from the vocabulary index; other fields have no completions, as in the embedded backend.
   * @example await backend.completions('words', '乡村', 5) // [{ term: '乡村振兴', count: 31 }, …]
   */
  async completions(field: IndexField, prefix: string, limit: number): Promise<Array<{ term: string; count: number }>> {
    if (field !== 'words' || !prefix || limit < 1) return [];
    let head = '';
    for (const char of prefix) {
      if (prefixExpression('words', head + char) === null) break;
      head += char;
    }
    const expression = prefixExpression('words', head);
    if (expression === null) return [];
    const match = `MATCH('${expression}')`;
    let threshold = 0;
    if (head === prefix) {
      const [top = []] = await this.endpoint.run(`SELECT term, freq FROM ${VOCAB} WHERE ${match} ORDER BY freq DESC LIMIT 0,${limit} OPTION max_matches=${limit}`, 1);
      threshold = top.length < limit ? 0 : Number(top[top.length - 1]?.freq ?? 0);
    }
    const rows = await this.allRows(`SELECT term, freq FROM ${VOCAB} WHERE ${match}${threshold > 0 ? ` AND freq>=${threshold}` : ''}`);
    return rows
      .map((r) => ({ term: String(r.term ?? ''), count: Number(r.freq ?? 0) }))
      .filter((c) => c.term.startsWith(prefix))
      .sort((a, b) => b.count - a.count || a.term.length - b.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, limit);
  }

  /** Every row of a SELECT, asking again with a larger LIMIT when SHOW META finds more. */
  private async allRows(select: string): Promise<SqlRow[]> {
    let capacity = 1000;
    for (;;) {
      const [rows = [], meta = []] = await this.endpoint.run(`${select} LIMIT 0,${capacity} OPTION max_matches=${capacity}; SHOW META`, 2);
      const found = Number(metaOf(meta).get('total_found') ?? rows.length);
      if (rows.length >= found || capacity >= found) return rows;
      capacity = found;
    }
  }

  /**
   * The aggregator and every shard, each probed with its own connection.
   * @example await backend.nodes() // [{ name: 'aggregator', state: 'up', … }, { name: 'shard0', … }]
   */
  async nodes(): Promise<BackendNode[]> {
    const probe = async (name: string, role: string, address: SphinxConfig['aggregator'], sql: string, describe: (rows: SqlRow[]) => string): Promise<BackendNode> => {
      const node: BackendNode = { name, role, address: formatAddress(address), state: 'down' };
      let connection: SqlConnection | undefined;
      try {
        connection = await SqlConnection.open(address, this.config.connectTimeoutMs);
        const [rows = []] = await connection.run(sql, 1);
        return { ...node, state: 'up', message: describe(rows) };
      } catch (error) {
        return { ...node, message: messageOf(error) };
      } finally {
        await connection?.close();
      }
    };
    const shards = this.config.shards.length;
    return Promise.all([
      probe('aggregator', `aggregator (distributed index ${PASSAGES} over ${shards} shards)`, this.config.aggregator, "SHOW STATUS LIKE 'uptime'", (rows) => `uptime ${String(rows[0]?.Value ?? '?')} s`),
      ...this.config.shards.map((shard, i) =>
        probe(shard.name, 'shard (real-time index passages)', shard.sql, 'SELECT COUNT(*) AS n FROM passages', (rows) => `${String(rows[0]?.n ?? '?')} of ${this.perShard[i] ?? '?'} passages`),
      ),
    ]);
  }

  async close(): Promise<void> {
    await this.endpoint.close();
  }
}

/**
 * Opens the backend: (re)loads the cluster when it does not hold this corpus, then checks that the
 * aggregator sees every passage through its agents.
 * @example const backend = await openSphinxBackend(config, { docs, passages }, { log: console.log })
 */
export async function openSphinxBackend(config: SphinxConfig, data: CorpusData, options: LoadOptions & SphinxSearchOptions = {}): Promise<SphinxBackend> {
  const report = await ensureLoaded(config, data, options);
  const backend = new SphinxBackend(config, data, report, { exhaustive: options.exhaustive, firstRows: options.firstRows, always: options.always });
  let check: SqlConnection | undefined;
  try {
    check = await SqlConnection.open(config.aggregator, config.connectTimeoutMs);
    const [, meta = []] = await check.run(`SELECT id FROM ${PASSAGES} LIMIT 0,1; SHOW META`, 2);
    const info = metaOf(meta);
    if (info.get('warning')) throw createSphinxError('SPHINX_UNAVAILABLE', `the aggregator ${formatAddress(config.aggregator)} reports: ${info.get('warning') ?? ''}`);
    const seen = Number(info.get('total_found') ?? -1);
    if (seen !== data.passages.length) {
      throw createSphinxError('SPHINX_CLUSTER_MISMATCH', `the aggregator ${formatAddress(config.aggregator)} sees ${seen} passages, the shards hold ${data.passages.length}: do its agents name these shards?`);
    }
  } catch (error) {
    await backend.close();
    throw error;
  } finally {
    await check?.close();
  }
  return backend;
}
