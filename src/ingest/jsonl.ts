/**
 * JSON Lines collections of reports (../shared/corpora/national-zh/government_work_reports.jsonl): one
 * record `{title, url, content, year}` a line, one `SourceDoc` a record, `text` = content verbatim
 * up to the source site's licence notice, which is not part of the report.
 * Records with a null year are NPC resolutions on the report: type `resolution`, year inferred from the
 * session they name (or their dateline), issuer the session.
 */
import type { DocMeta, SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { englishTitle } from './doc-meta.js';
import { decodeText, looksBinary } from './encoding.js';
import { createIngestError } from './errors.js';
import { detectLanguage, inferMeta, typeOfTitle } from './infer-meta.js';
import type { ReadContext, Reader } from './reader.js';
import { NATIONAL, regionInTitle } from './regions.js';
import { planOrdinal } from './plan-ordinal.js';

/** One record of a report collection (`year` may be written as a number or a 4-digit string). */
export interface ReportRecord {
  title: string;
  url?: string;
  content: string;
  year: number | null;
}

/**
 * Parse one line into a record, or explain why it is not one.
 * @example parseRecord('{"title":"t","content":"c","year":2024}') // { title: 't', content: 'c', year: 2024, url: undefined }
 */
export function parseRecord(line: string): ReportRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  if (typeof r.title !== 'string' || typeof r.content !== 'string') return 'needs string "title" and "content"';
  const year = r.year === null || r.year === undefined ? null : typeof r.year === 'string' && /^\d{4}$/.test(r.year) ? Number(r.year) : r.year;
  if (year !== null && !Number.isInteger(year)) return '"year" must be an integer, a 4-digit string or null';
  return { title: r.title, content: r.content, year: year as number | null, url: typeof r.url === 'string' ? r.url : undefined };
}

/**
 * The metadata of one record: a null year marks an NPC resolution.
 * @example recordMeta({ title: '第十四届全国人民代表大会第三次会议关于政府工作报告的决议', content: '…', year: null }, 'x.jsonl', 1).year // 2025
 */
function recordMeta(record: ReportRecord, file: string, line: number): DocMeta {
  const inferred = inferMeta(record.content, { title: record.title });
  const type = record.year === null ? 'resolution' : (typeOfTitle(record.title) ?? 'government work report');
  const year = record.year ?? inferred.year;
  const region = regionInTitle(record.title) ?? NATIONAL;
  const kind = type === 'resolution' ? 'npc-resolution' : type.replace(/\s+/g, '-');
  return {
    id: year === null ? `${region.slug}-record-${line}` : `${region.slug}-${year}-${kind}`,
    title: record.title.trim(),
    titleEn: englishTitle(type, region.en, year, planOrdinal(record.title)),
    type,
    region: region.en,
    year,
    date: inferred.date,
    issuer: type === 'resolution' ? inferred.body : (inferred.issuer ?? null),
    language: detectLanguage(record.content),
    file,
    checksum: checksumOf(record.content),
  };
}

/** A licence notice appended by the source site after a long run of blank lines (`本作品是…`, `Public domain`). */
const SOURCE_NOTICE = /\n{4,}\s*本作品[\s\S]*$/u;

/**
 * The report's own text, without the source site's licence notice at its end: that notice is not part of
 * the report and would otherwise become passages of it.
 * @example withoutSourceNotice('…奋斗！\n\n\n\n\n本作品是中华人民共和国的…\nPublic domain') // '…奋斗！'
 */
export function withoutSourceNotice(content: string): string {
  return content.replace(SOURCE_NOTICE, '');
}

/**
 * The bytes with every binary line (a NUL, or many control characters) blanked, keeping the line breaks
 * so line numbers stay true; `binaryLines` lists the 1-based numbers of the lines blanked. Binary-ness is
 * judged a line (a record) at a time, so one bad line cannot make a whole collection `INGEST_BINARY`.
 * UTF-16 (with a BOM) is returned as it is: its NUL bytes are text.
 * @example blankBinaryLines(Buffer.from('{"a":1}\n\x00\x01\n')).binaryLines // [2]
 */
export function blankBinaryLines(bytes: Buffer): { bytes: Buffer; binaryLines: number[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { bytes, binaryLines: [] };
  const parts: Buffer[] = [];
  const binaryLines: number[] = [];
  for (let start = 0, line = 1; start <= bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const content = bytes.subarray(start, end);
    if (looksBinary(content)) binaryLines.push(line);
    else parts.push(content);
    if (newline === -1) break;
    parts.push(bytes.subarray(newline, newline + 1));
    start = newline + 1;
  }
  return { bytes: binaryLines.length === 0 ? bytes : Buffer.concat(parts), binaryLines };
}

/**
 * Read a JSON Lines collection; malformed or binary lines are skipped with a warning naming the line.
 * Throws `INGEST_BINARY` when every line is binary, `INGEST_JSONL_INVALID` when no line is a record.
 * @example readJsonl(fs.readFileSync('government_work_reports.jsonl'), ctx).length // 72
 */
export function readJsonl(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const cleaned = blankBinaryLines(bytes);
  const { text, encoding } = decodeText(cleaned.bytes);
  for (const line of cleaned.binaryLines) ctx.warn('INGEST_RECORD_INVALID', `line ${line}: binary bytes (NUL or control characters), not a JSON record`);
  if (text.trim() === '') throw createIngestError(cleaned.binaryLines.length > 0 ? 'INGEST_BINARY' : 'INGEST_EMPTY');
  const docs: SourceDoc[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const record = parseRecord(line);
    if (typeof record === 'string') {
      ctx.warn('INGEST_RECORD_INVALID', `line ${i + 1}: ${record}`);
      return;
    }
    const text = withoutSourceNotice(record.content);
    docs.push({ meta: recordMeta(record, ctx.file, i + 1), format: 'jsonl', encoding, text });
  });
  if (docs.length === 0) throw createIngestError('INGEST_JSONL_INVALID');
  return docs;
}

/** The JSON Lines reader. */
export const jsonlReader: Reader = { format: 'jsonl', read: readJsonl };
