/**
 * The errors of the Sphinx backend, one catalogue: each code has a default message that says what to do.
 * Library code throws `createSphinxError(code, detail)`; the server maps codes to statuses.
 */
import { CodedError } from '../../coded-error.js';

export const SPHINX_ERRORS = {
  SPHINX_UNAVAILABLE: 'A Sphinx node does not answer: start the cluster (scripts/sphinx/cluster.sh start) or fix its address',
  SPHINX_QUERY_FAILED: 'Sphinx refused a query: see the message, and the node logs under the cluster work folder',
  SPHINX_LOAD_FAILED: 'Loading the passages into the cluster failed: fix the node named in the message and open the backend again',
  SPHINX_CLUSTER_MISMATCH: 'The cluster does not hold the passages it should: open the backend again to reload it',
  SPHINX_WRITE_REJECTED: 'A passage cannot be written: give it a whole-number position and a document the backend was opened with (a new document needs a reload)',
} as const;

export type SphinxErrorCode = keyof typeof SPHINX_ERRORS;

/** An error of the Sphinx backend, with a code. */
export class SphinxError extends CodedError<SphinxErrorCode> {}

/**
 * Builds a coded error: the catalogue's advice, then the detail.
 * @example throw createSphinxError('SPHINX_UNAVAILABLE', 'shard1 (127.0.0.1:19326): connect ECONNREFUSED')
 */
export function createSphinxError(code: SphinxErrorCode, detail?: string, cause?: unknown): SphinxError {
  const message = detail ? `${SPHINX_ERRORS[code]}. ${detail}` : SPHINX_ERRORS[code];
  return new SphinxError(code, message, { cause });
}

/**
 * The message of anything thrown, for logs and health reports.
 * @example messageOf(new Error('boom')) // 'boom'
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
