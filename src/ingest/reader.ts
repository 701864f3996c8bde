/**
 * What every reader is: a function from a file's bytes to `SourceDoc`s (a collection file gives many),
 * with the context it needs (the file's corpus-relative path, size limits, a way to report a skipped
 * record without failing the whole file).
 */
import type { SourceDoc } from '../model.js';
import type { IngestErrorCode } from './errors.js';

/** Size limits that protect the reader from hostile or broken files. */
export interface IngestLimits {
  /** Files larger than this are refused (`INGEST_TOO_LARGE`). */
  maxFileBytes: number;
  /** A .docx whose zip declares more uncompressed bytes than this is refused (`INGEST_ZIP_BOMB`). */
  maxUncompressedBytes: number;
  /** A zip entry over 1 MiB uncompressed that declares a higher compression ratio is refused. */
  maxCompressionRatio: number;
  /** A zip with more entries than this is refused. */
  maxZipEntries: number;
}

/** Defaults: generous for real reports (the largest corpus file is 3.4 MB; docx XML compresses ~4:1). */
export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 5000,
};

/** What a reader is told about the file it reads. */
export interface ReadContext {
  /** Path of the file relative to its corpus folder (recorded as `DocMeta.file`). */
  file: string;
  limits: IngestLimits;
  /** Report a problem that does not stop the file (e.g. one malformed record of a collection). */
  warn(code: IngestErrorCode, detail: string): void;
}

/** One reader: a format, and how to read it. */
export interface Reader {
  format: SourceDoc['format'];
  /** For extensions shared by several formats: true when these bytes are this reader's format. */
  accepts?(bytes: Buffer): boolean;
  read(bytes: Buffer, ctx: ReadContext): SourceDoc[] | Promise<SourceDoc[]>;
}
