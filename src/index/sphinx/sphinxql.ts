/**
 * Talking SphinxQL (the MySQL protocol) with mysql2. Only `query()` is used: Sphinx does not implement
 * the prepared statements that `execute()` needs. A SELECT and its `SHOW META` (totals, warnings about
 * failed agents) travel together as one batch in one round trip; Sphinx batches only SELECT and SHOW
 * statements, so writes go one statement at a time.
 */
import mysql from 'mysql2/promise';
import { formatAddress } from './config.js';
import { createSphinxError, messageOf } from './errors.js';
import type { NodeAddress } from './types.js';

/** One row as mysql2 returns it, untyped until read. */
export type SqlRow = Record<string, unknown>;

/** Something that runs SQL: a pool or one connection. */
interface Queryable {
  query(sql: string, values?: unknown): Promise<[unknown, unknown]>;
}

/** Connection errors after which a fresh connection may succeed (a node restarted under a pool). */
const RETRYABLE = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';

/**
 * The rows of every statement of a batch, in order (a statement without rows gives `[]`).
 * @example resultSets([{ id: 1 }], 1) // [[{ id: 1 }]]
 */
export function resultSets(result: unknown, statements: number): SqlRow[][] {
  const rowsOf = (value: unknown): SqlRow[] => (Array.isArray(value) ? (value as SqlRow[]) : []);
  if (statements <= 1) return [rowsOf(result)];
  return Array.isArray(result) ? result.map(rowsOf) : [];
}

/**
 * `SHOW META` rows as a map; `warning` rows are joined.
 * @example metaOf([{ Variable_name: 'total_found', Value: '3' }]).get('total_found') // '3'
 */
export function metaOf(rows: SqlRow[]): Map<string, string> {
  const meta = new Map<string, string>();
  for (const row of rows) {
    const name = String(row.Variable_name ?? '');
    const value = String(row.Value ?? '');
    meta.set(name, meta.has(name) ? `${meta.get(name) ?? ''}; ${value}` : value);
  }
  return meta;
}

/**
 * The agent addresses a Sphinx warning or error names (`agent 127.0.0.1:19327: connect() failed`).
 * @example failedAgents('index d: agent 127.0.0.1:19327: connect() failed') // ['127.0.0.1:19327']
 */
export function failedAgents(message: string): string[] {
  const found = new Set<string>();
  for (const match of message.matchAll(/agent ([^\s:,;]+|\[[^\]]+\]):(\d+)/g)) found.add(`${match[1] ?? ''}:${match[2] ?? ''}`);
  return [...found];
}

/** A SphinxQL endpoint with a small pool of connections. */
export class SqlEndpoint {
  private readonly pool: mysql.Pool;
  readonly address: string;

  constructor(address: NodeAddress, connections: number, connectTimeoutMs: number) {
    this.address = formatAddress(address);
    this.pool = mysql.createPool({
      host: address.host,
      port: address.port,
      multipleStatements: true,
      connectionLimit: connections,
      maxIdle: connections,
      connectTimeout: connectTimeoutMs,
      enableKeepAlive: true,
    });
  }

  /**
   * Runs a batch of `;`-separated statements; returns the rows of each. Retries once on a dropped
   * connection; throws `SPHINX_UNAVAILABLE` when the node cannot be reached, `SPHINX_QUERY_FAILED`
   * when Sphinx refuses the statement.
   * @example await endpoint.run('SELECT id FROM passages_dist LIMIT 1; SHOW META', 2)
   */
  async run(sql: string, statements: number, values?: unknown): Promise<SqlRow[][]> {
    return runOn(this.pool, this.address, sql, statements, values);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

async function runOn(target: Queryable, address: string, sql: string, statements: number, values?: unknown): Promise<SqlRow[][]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [result] = await target.query(sql, values);
      return resultSets(result, statements);
    } catch (error) {
      const code = errorCode(error);
      if (RETRYABLE.has(code) && attempt === 0) continue;
      if (/^E(?!R_)[A-Z]+$/.test(code) || RETRYABLE.has(code) || code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        throw createSphinxError('SPHINX_UNAVAILABLE', `${address}: ${messageOf(error)}`, error);
      }
      throw createSphinxError('SPHINX_QUERY_FAILED', `${address}: ${messageOf(error)} (in: ${sql.slice(0, 300)})`, error);
    }
  }
}

/** One dedicated connection (for loading a shard, or a health probe). */
export class SqlConnection {
  private constructor(
    private readonly connection: mysql.Connection,
    readonly address: string,
  ) {}

  /**
   * Opens a connection; `SPHINX_UNAVAILABLE` when the node does not answer.
   * @example const shard = await SqlConnection.open({ host: '127.0.0.1', port: 19316 }, 2000)
   */
  static async open(address: NodeAddress, connectTimeoutMs: number): Promise<SqlConnection> {
    try {
      const connection = await mysql.createConnection({
        host: address.host,
        port: address.port,
        multipleStatements: true,
        connectTimeout: connectTimeoutMs,
      });
      return new SqlConnection(connection, formatAddress(address));
    } catch (error) {
      throw createSphinxError('SPHINX_UNAVAILABLE', `${formatAddress(address)}: ${messageOf(error)}`, error);
    }
  }

  async run(sql: string, statements = 1, values?: unknown): Promise<SqlRow[][]> {
    return runOn(this.connection, this.address, sql, statements, values);
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => this.connection.destroy());
  }
}
