/**
 * What every download of search results shares (`format=csv|ris|bibtex|csl-json` on `/api/search`): the
 * rows one file holds, the hits of the asked range read from the engine a page at a time, and the file's name.
 */
import type { Response } from 'express';
import type { Engine, SearchHit, SearchOptions } from '../search/types.js';
import { attachment, fileRows, type FileRows } from './attachment.js';

/** Most results one file holds; its default `limit`. A longer list is taken in ranges with `offset`. */
export const MAX_EXPORT_ROWS = 1000;
/** The engine's largest page: the hits are asked for in pages of this size. */
const PAGE = 100;

/** A search as a download asks for it: the query, its filters and order, and the range of hits. */
export type ExportRange = SearchOptions & { q: string; offset: number; limit: number };

/** What a file of results is served as: its media type and its file name's extension. */
export interface DownloadType {
  type: string;
  extension: string;
}

/**
 * The hits of [offset, offset + limit) of a search, asked for from the engine a page at a time.
 * @example (await searchRange(engine, { q: '乡村振兴', offset: 0, limit: 250 })).hits.length // up to 250
 */
export async function searchRange(engine: Engine, range: ExportRange): Promise<{ total: number; hits: SearchHit[] }> {
  const { q, ...options } = range;
  const hits: SearchHit[] = [];
  let total = 0;
  const end = options.offset + options.limit;
  for (let at = options.offset; at < end; at += PAGE) {
    // A download holds the snippet, never the whole text's highlights: not asked for.
    // A query with nothing to look for is a 400, as in JSON.
    const page = await engine.search(q, { ...options, offset: at, limit: Math.min(PAGE, end - at), suggest: false, fields: [], refuseEmpty: true });
    total = page.total;
    for (const hit of page.hits) hits.push(hit);
    if (at + PAGE >= total) break;
  }
  return { total, hits };
}

/**
 * The `Content-Disposition` of the results of `q` as a file: `search-results.<extension>` for old clients, and
 * the query's letters and digits (cut to 40 characters) in UTF-8 for the others; a range of a longer list says
 * its rows in both (`attachment.ts`).
 * @example resultsDisposition('乡村振兴', 'ris', null) // `attachment; filename="search-results.ris"; filename*=UTF-8''search-%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4.ris`
 * @example resultsDisposition('乡村振兴', 'csv', { from: 1001, to: 2000 }) // `attachment; filename="search-results-1001-2000.csv"; filename*=UTF-8''search-%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4-1001-2000.csv`
 */
function resultsDisposition(q: string, extension: string, rows: FileRows): string {
  const words = Array.from(q.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')).slice(0, 40).join('');
  return attachment('search-results', `search-${words || 'results'}`, extension, rows);
}

/**
 * The headers of a file of results: its media type and its name, which says its range of the search's `total`.
 * @example setResultsHeaders(res, { type: 'text/csv', extension: 'csv' }, range, 7827)
 */
export function setResultsHeaders(res: Response, as: DownloadType, range: ExportRange, total: number): void {
  res.setHeader('Content-Type', `${as.type}; charset=utf-8`);
  res.setHeader('Content-Disposition', resultsDisposition(range.q, as.extension, fileRows(range.offset, range.limit, total)));
}

/**
 * Answers a HEAD of a file of results with the headers its GET sends, from the search's total alone (which the
 * file's name needs): no hit read, no file built. A query with nothing to look for is the GET's 400.
 * @example await sendResultsHead(res, engine, { q: '乡村振兴', offset: 1000, limit: 1000 }, { type: 'text/csv', extension: 'csv' })
 */
export async function sendResultsHead(res: Response, engine: Engine, range: ExportRange, as: DownloadType): Promise<void> {
  const { q, ...options } = range;
  const { total } = await engine.search(q, { ...options, offset: 0, limit: 1, suggest: false, fields: [], refuseEmpty: true });
  setResultsHeaders(res, as, range, total);
  res.end();
}
