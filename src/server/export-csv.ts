/**
 * Search results as CSV (`/api/search?…&format=csv`): one row per hit of the asked range, in the order of the
 * search (its `sort`), with the report, its place in it, the passage's text, the permalink and a citation.
 * Written by `csv.ts` (RFC 4180, a UTF-8 byte order mark, cells a spreadsheet would read as formulas guarded).
 */
import type { Request, Response } from 'express';
import type { DocMeta } from '../model.js';
import { pagesOf } from '../search/citation.js';
import type { Engine, SearchHit } from '../search/types.js';
import { toCsv } from './csv.js';
import { searchRange, setResultsHeaders, type DownloadType, type ExportRange } from './result-range.js';

/** What the results CSV is served as. */
export const RESULTS_CSV: DownloadType = { type: 'text/csv', extension: 'csv' };

/** The columns, in order. */
export const RESULT_CSV_COLUMNS = ['rank', 'id', 'report', 'report_en', 'year', 'region', 'page', 'paragraph', 'section', 'text', 'permalink', 'citation'] as const;

/**
 * The row of a hit: `rank` counts from 1 over the whole ordering; `origin` makes the permalink absolute
 * (unless the hit has a public address); the citation is in the asked language (Chinese by default).
 * @example resultRow(hit, 1, region, 'http://localhost:3000', 'zh')[0] // 1
 */
function resultRow(hit: SearchHit, rank: number, region: string, origin: string, lang: 'zh' | 'en' | undefined): Array<string | number | null> {
  const page = pagesOf(hit);
  return [
    rank,
    hit.id,
    hit.docTitle,
    hit.docTitleEn,
    hit.year,
    region,
    page,
    hit.paragraph,
    hit.sectionPath.join(' › '),
    hit.text,
    hit.publicUrl ?? `${origin}${hit.url}`,
    lang === 'en' ? hit.citation.en : hit.citation.zh,
  ];
}

/**
 * The site's origin as the request names it, for permalinks when no public address (BASE_URL) is set.
 * @example requestOrigin(req) // 'http://localhost:3000'
 */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Answers a search as a CSV download.
 * @example await sendResultsCsv(res, engine, { q: '乡村振兴', offset: 0, limit: 1000 }, 'http://localhost:3000')
 */
export async function sendResultsCsv(
  res: Response,
  engine: Engine,
  params: ExportRange,
  origin: string,
): Promise<void> {
  const { total, hits } = await searchRange(engine, params);
  const regions = new Map(engine.documents().map((d: DocMeta) => [d.id, d.region]));
  const rows = hits.map((hit, i) => resultRow(hit, params.offset + i + 1, regions.get(hit.docId) ?? '', origin, params.lang));
  setResultsHeaders(res, RESULTS_CSV, params, total);
  res.send(toCsv(RESULT_CSV_COLUMNS, rows));
}
