/**
 * The catalogue of chunking errors. Chunking is pure and total on well-formed input; it throws only when
 * the `SourceDoc` it is given breaks its own contract.
 */
import { CodedError } from '../coded-error.js';

const CATALOGUE = {
  CHUNK_DOC_ID_MISSING: {
    message: 'the document has no id (meta.id is empty)',
    hint: 'give every SourceDoc a stable, URL-safe meta.id before chunking',
  },
  CHUNK_TEXT_INVALID: {
    message: 'the document text is not a string',
    hint: 'pass the decoded report text in SourceDoc.text',
  },
  CHUNK_TRANSLATION_RANGE: {
    message: 'a translation range lies outside the document text or ends before it starts',
    hint: 'translations must satisfy 0 <= start <= end <= text.length',
  },
} as const;

/** A code from the chunking error catalogue. */
export type ChunkErrorCode = keyof typeof CATALOGUE;

/** An error thrown by the chunk stage; `code` says what went wrong, `hint` how to fix it. */
export class ChunkError extends CodedError<ChunkErrorCode> {
  declare readonly hint: string;

  constructor(code: ChunkErrorCode, detail?: string) {
    const entry = CATALOGUE[code];
    super(code, detail ? `${entry.message}: ${detail}` : entry.message, { hint: entry.hint });
  }
}

/**
 * Builds a coded chunking error.
 * @example throw createChunkError('CHUNK_DOC_ID_MISSING') // error.code === 'CHUNK_DOC_ID_MISSING'
 */
export function createChunkError(code: ChunkErrorCode, detail?: string): ChunkError {
  return new ChunkError(code, detail);
}
