/**
 * Search results as citations for reference managers (`/api/search?…&format=ris|bibtex|csl-json`): one record
 * per hit of the asked range, in the order of the search, each the record the passage's own citation export
 * gives (`/api/passages/:id/citation`, `export-citation.ts`), every BibTeX key its own.
 */
import type { Response } from 'express';
import type { Engine, PassageView } from '../search/types.js';
import { createError } from './errors.js';
import { CITATION_FORMATS, formatCitations, passageItem, withUniqueKeys, type CitationFormat } from './export-citation.js';
import { searchRange, setResultsHeaders, type ExportRange } from './result-range.js';

/** Passages read from the engine at a time. */
const READS_AT_ONCE = 20;

/**
 * The views of the passages `ids`, in order, read a few at a time. A passage the engine no longer holds (its
 * index was replaced between the search and the reading) is a coded 503: the list would miss a hit.
 */
async function passageViews(engine: Engine, ids: readonly string[]): Promise<PassageView[]> {
  const views: PassageView[] = [];
  for (let at = 0; at < ids.length; at += READS_AT_ONCE) {
    for (const view of await Promise.all(ids.slice(at, at + READS_AT_ONCE).map((id) => engine.passage(id)))) {
      if (!view) throw createError('INDEX_CHANGED');
      views.push(view);
    }
  }
  return views;
}

/**
 * Answers a search as a file of citations, one record per hit of the range.
 * @example await sendResultsCitations(res, engine, { q: '乡村振兴', offset: 0, limit: 1000 }, 'http://localhost:3000', 'ris')
 */
export async function sendResultsCitations(res: Response, engine: Engine, params: ExportRange, origin: string, format: CitationFormat): Promise<void> {
  const { total, hits } = await searchRange(engine, params);
  const accessed = new Date();
  const items = withUniqueKeys((await passageViews(engine, hits.map((hit) => hit.id))).map((view) => passageItem(view, origin, accessed)));
  setResultsHeaders(res, CITATION_FORMATS[format], params, total);
  res.send(await formatCitations(items, format));
}
