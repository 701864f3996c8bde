/**
 * Year-a-line collections (../shared/corpora/national-zh/gov_reports1954-2022.txt): `year<TAB>text`, one
 * report a line, the report's own line breaks turned into tabs. The tabs are turned back into `\n`.
 * Ids carry the prefix `yl-` so that this collection and the JSONL one can be loaded side by side.
 */
import type { DocMeta, SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { englishTitle } from './doc-meta.js';
import { decodeText } from './encoding.js';
import { createIngestError } from './errors.js';
import { detectLanguage, inferMeta } from './infer-meta.js';
import type { ReadContext, Reader } from './reader.js';
import { NATIONAL, regionOfPlace } from './regions.js';
import { inScriptOf } from './report-script.js';

/** How much of a report decides the script its generated title is written in. */
const SCRIPT_SAMPLE_CHARS = 2000;
/** The id prefix of year-a-line documents. */
const YEAR_LINES_ID_PREFIX = 'yl-';
const LINE_RE = /^(\d{4})\t([^]*)$/;
const SNIFF_BYTES = 64 * 1024;

/**
 * True when every complete line in the first 64 KiB is `year<TAB>…` (a year-a-line collection).
 * @example looksLikeYearLines(Buffer.from('2022\t各位代表\n2021\t各位代表\n')) // true
 */
export function looksLikeYearLines(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES).toString('utf8');
  const lines = head.split('\n');
  if (bytes.length > SNIFF_BYTES) lines.pop();
  const filled = lines.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return filled.length > 0 && filled.every((l) => /^\d{4}\t/.test(l));
}

/**
 * Undo the collection's encoding of line breaks: every tab becomes a line break.
 * @example restoreLineBreaks('政府工作报告\t——2016年3月5日') // '政府工作报告\n——2016年3月5日'
 */
function restoreLineBreaks(text: string): string {
  return text.replace(/\t/g, '\n');
}

function lineMeta(year: number, text: string, file: string): DocMeta {
  const inferred = inferMeta(text);
  const region = (inferred.place !== null ? regionOfPlace(inferred.place) : null) ?? NATIONAL;
  const prefix = region === NATIONAL ? '国务院' : region.zh[0];
  return {
    id: `${YEAR_LINES_ID_PREFIX}${region.slug}-${year}-government-work-report`,
    title: `${year}年${inScriptOf(`${prefix}政府工作报告`, text.slice(0, SCRIPT_SAMPLE_CHARS))}`,
    titleEn: englishTitle('government work report', region.en, year),
    type: 'government work report',
    region: region.en,
    year,
    date: inferred.year === year ? inferred.date : null,
    issuer: inferred.issuer,
    language: detectLanguage(text),
    file,
    checksum: checksumOf(text),
  };
}

/**
 * Read a year-a-line collection: one `SourceDoc` per line; malformed lines are skipped with a warning.
 * @example readYearLines(fs.readFileSync('gov_reports1954-2022.txt'), ctx).length // 53
 */
export function readYearLines(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const { text: all, encoding } = decodeText(bytes);
  if (all.trim() === '') throw createIngestError('INGEST_EMPTY');
  const docs: SourceDoc[] = [];
  all.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const m = LINE_RE.exec(line);
    if (!m) {
      ctx.warn('INGEST_RECORD_INVALID', `line ${i + 1}: expected year<TAB>text`);
      return;
    }
    const text = restoreLineBreaks(m[2]);
    docs.push({ meta: lineMeta(Number(m[1]), text, ctx.file), format: 'yeartxt', encoding, text });
  });
  return docs;
}

/** The year-a-line reader; it claims only `.txt` files shaped like a year-a-line collection. */
export const yearLinesReader: Reader = { format: 'yeartxt', accepts: looksLikeYearLines, read: readYearLines };
