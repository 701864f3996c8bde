/**
 * The catalogue of ingestion errors. Every error the ingest stage throws is an `IngestError` with a code
 * from this table, a message that names the problem and a hint that says how to fix it. The corpus loader
 * turns most of them into `IngestWarning`s and goes on with the next file.
 */
import { CodedError } from '../coded-error.js';

/** What went wrong, and the fix to suggest. */
const CATALOGUE = {
  INGEST_EMPTY: { message: 'the file is empty (or only whitespace)', hint: 'remove it or put the report text in it' },
  INGEST_BINARY: {
    message: 'the file looks binary (NUL bytes or many control characters), not text',
    hint: 'export the report as UTF-8 text (.txt), .html or .docx; UTF-16 text needs a byte order mark',
  },
  INGEST_ENCODING_INVALID: {
    message: 'the bytes are neither valid UTF-8 (with or without BOM), UTF-16 with BOM nor GB18030/GBK',
    hint: 're-save the file as UTF-8',
  },
  INGEST_CHARSET_MISMATCH: {
    message: 'the declared charset does not fit the bytes; the bytes were decoded by detection instead',
    hint: 'fix the <meta charset> declaration of the page',
  },
  INGEST_UNKNOWN_EXTENSION: {
    message: 'no reader for this file extension',
    hint: 'convert it to .txt, .html, .docx, .pdf, a parallel .csv or .jsonl, or move it out of the corpus folder',
  },
  INGEST_TOO_LARGE: { message: 'the file is larger than the configured limit', hint: 'split it or raise maxFileBytes' },
  INGEST_NOT_ZIP: {
    message: 'the .docx file is not a zip archive (a .docx is a zip of XML parts)',
    hint: 'open it in Word or LibreOffice and save it again as .docx (an old .doc renamed to .docx fails like this)',
  },
  INGEST_DOCX_TRUNCATED: {
    message: 'the .docx zip archive is truncated (no end-of-central-directory record)',
    hint: 'download or copy the file again',
  },
  INGEST_ZIP_BOMB: {
    message: 'the .docx zip archive holds (or declares) too much uncompressed data or too many entries',
    hint: 'check the file; if it is genuine, raise maxUncompressedBytes / maxCompressionRatio / maxZipEntries',
  },
  INGEST_DOCX_INVALID: {
    message: 'the .docx file could not be converted',
    hint: 'open it in Word or LibreOffice and save it again as .docx',
  },
  INGEST_CSV_INVALID: {
    message: 'the .csv file is not a parallel corpus table',
    hint: 'expected UTF-8 CSV with the columns 报告年份, 年度文件内行号, 段内对齐序号, 中文, 英文',
  },
  INGEST_JSONL_INVALID: {
    message: 'the .jsonl file has no valid record',
    hint: 'expected one JSON object {title, url, content, year} a line',
  },
  INGEST_RECORD_INVALID: {
    message: 'a record of a collection file is malformed and was skipped',
    hint: 'fix or remove the record',
  },
  INGEST_HTML_TOO_DEEP: {
    message: 'the page nests its elements too deeply to parse',
    hint: 'open it in a browser and save it again, or export its text to .txt; a real report page nests a few dozen levels',
  },
  INGEST_HTML_TEXT_DROPPED: {
    message: 'text of the page was left out as page furniture (header, footer, navigation)',
    hint: 'if this is report text, move it out of that element (or into the article element) and ingest again',
  },
  INGEST_SYMLINK_OUTSIDE: {
    message: 'a symbolic link points outside the corpus folders and was not followed',
    hint: 'copy the file into the corpus folder, or add the folder it points into to CORPUS_DIR',
  },
  INGEST_SYMLINK_BROKEN: {
    message: 'a symbolic link points to nothing (or loops) and was skipped',
    hint: 'fix or remove the link',
  },
  INGEST_HIDDEN_SKIPPED: {
    message: 'a name starting with "." is hidden and is skipped on purpose',
    hint: 'rename it without the leading dot to ingest it, or leave it to be skipped',
  },
  INGEST_PDF_INVALID: {
    message: 'the PDF could not be read (damaged, or not a PDF)',
    hint: 'download the PDF again, or open it in a PDF viewer and save a new copy',
  },
  INGEST_PDF_ENCRYPTED: {
    message: 'the PDF is encrypted and needs a password',
    hint: 'save a copy without the password, or extract its text to .txt',
  },
  INGEST_PDF_NO_TEXT: {
    message: 'PDF pages without a text layer (scanned images); their text is missing from the index',
    hint: 'run OCR on those pages (e.g. ocrmypdf) and replace the file, or add the text as .txt',
  },
  INGEST_PDF_TRUNCATED: {
    message: 'the PDF was read only in part',
    hint: 'split the PDF into smaller files',
  },
  INGEST_UNREADABLE: { message: 'the file could not be read', hint: 'check that it exists and is readable' },
  MANIFEST_JSON: { message: 'manifest.json is not valid JSON', hint: 'fix the JSON syntax' },
  MANIFEST_SHAPE: {
    message: 'manifest.json must be a JSON array of entries',
    hint: 'write [ { "id": …, "file": …, … }, … ]',
  },
  MANIFEST_ENTRY: { message: 'a manifest entry is invalid', hint: 'fix the entry named in the message' },
  MANIFEST_DUPLICATE: { message: 'two manifest entries share an id or a file', hint: 'make ids and files unique' },
  MANIFEST_NO_ENTRY: {
    message: 'the file has no manifest entry; metadata was inferred from its text',
    hint: 'add this entry to manifest.json (check every field)',
  },
  MANIFEST_FILE_MISSING: {
    message: 'a manifest entry names a file that does not exist',
    hint: 'fix the entry\'s "file" or remove the entry',
  },
  MANIFEST_ENTRY_IGNORED: {
    message: 'a manifest entry names a collection file (many reports); collection members carry their own metadata',
    hint: 'remove the entry',
  },
  CHECKSUM_MISMATCH: {
    message: 'the file changed since its manifest entry was written (checksum differs)',
    hint: 'check the metadata still holds, then update "checksum" in manifest.json',
  },
  DUPLICATE_ID: { message: 'two documents have the same id; a suffix was added', hint: 'give them distinct ids in manifest.json' },
  CORPUS_DIR_MISSING: { message: 'the corpus folder does not exist', hint: 'check CORPUS_DIR or the path given' },
  CORPUS_EMPTY: {
    message: 'no document could be read from the corpus folders',
    hint: 'put .txt, .html, .docx, .pdf, .csv or .jsonl reports in them, or fix the warnings listed',
  },
} as const;

/** Every code an ingest error or warning can carry. */
export type IngestErrorCode = keyof typeof CATALOGUE;

/** An error of the ingest stage: a code, a message naming the problem, a hint saying how to fix it. */
export class IngestError extends CodedError<IngestErrorCode> {
  declare readonly hint: string;
  readonly file: string | undefined;

  constructor(code: IngestErrorCode, message: string, hint: string, file?: string) {
    super(code, message, { hint });
    this.file = file;
  }
}

/**
 * Build an `IngestError` from the catalogue, optionally with detail appended to the standard message.
 * @example createIngestError('INGEST_EMPTY', undefined, 'a.txt').message // 'the file is empty (or only whitespace)'
 */
export function createIngestError(code: IngestErrorCode, detail?: string, file?: string): IngestError {
  const entry = CATALOGUE[code];
  const message = detail ? `${entry.message}: ${detail}` : entry.message;
  return new IngestError(code, message, entry.hint, file);
}

/**
 * The standard message and hint of a code, for warnings that are not errors (e.g. CHECKSUM_MISMATCH).
 * @example describeCode('DUPLICATE_ID').hint // 'give them distinct ids in manifest.json'
 */
export function describeCode(code: IngestErrorCode): { message: string; hint: string } {
  return CATALOGUE[code];
}

/**
 * True when a value is an `IngestError` (optionally with the given code).
 * @example isIngestError(createIngestError('INGEST_EMPTY'), 'INGEST_EMPTY') // true
 */
export function isIngestError(value: unknown, code?: IngestErrorCode): value is IngestError {
  return value instanceof IngestError && (code === undefined || value.code === code);
}
